import XCTest
import HunchCore
@testable import HunchTSP

/// Training episodes run the real TSP search under the budget they announce, and the policy
/// comparison on them leaves valid tours.
final class TSPTrainingEnvironmentTests: XCTestCase {
    func testEpisodeBudgetAndSizeRange() {
        var environment = TSPTrainingEnvironment()
        environment.minSize = 40
        environment.maxSize = 60
        environment.workPerNode = 7
        let perNode = environment.makeEpisode(instanceSeed: 1, searchSeed: 2)
        guard let state = perNode.state as? TSPSearchState else { return XCTFail("not a TSP state") }
        XCTAssertTrue((40...60).contains(state.instance.dimension))
        XCTAssertEqual(perNode.stop.maxWork, 7 * state.instance.dimension)
        XCTAssertGreaterThan(perNode.rewardScale, 0)
        environment.workPerEpisode = 12_345
        XCTAssertEqual(environment.makeEpisode(instanceSeed: 1, searchSeed: 2).stop.maxWork, 12_345)
        XCTAssertEqual(environment.featureCount, TSPSearchState.featureCount)
    }

    /// Every step is charged at least the engine's per-step overhead, so a work budget always ends.
    func testWorkBudgetStopsTheSearchWithAValidTour() {
        var environment = TSPTrainingEnvironment()
        environment.minSize = 120
        environment.maxSize = 120
        environment.workPerEpisode = 200_000
        let episode = environment.makeEpisode(instanceSeed: 5, searchSeed: 6)
        var policy = UniformPolicy()
        var rng = SeededGenerator(seed: 1)
        let stats = LocalSearch().run(state: episode.state, policy: &policy, stop: episode.stop, rng: &rng)
        XCTAssertEqual(stats.stopReason, .workLimit)
        let total = stats.work.reduce(0, +)
        XCTAssertGreaterThanOrEqual(total, 200_000)
        XCTAssertGreaterThanOrEqual(total, stats.steps * TSPSearchState.stepOverhead)
        guard let state = episode.state as? TSPSearchState else { return XCTFail("not a TSP state") }
        let tour = state.currentTour
        XCTAssertEqual(Set(tour).count, 120)
        XCTAssertEqual(Double(state.instance.tourLength(tour)), stats.bestObjective)
        XCTAssertLessThanOrEqual(stats.bestObjective, stats.descentObjective)
    }

    func testPairedComparisonOnTSPEpisodes() {
        var environment = TSPTrainingEnvironment()
        environment.minSize = 60
        environment.maxSize = 90
        environment.workPerEpisode = 100_000
        var evaluation = PolicyEvaluation(seed: 4, instances: 2, seeds: 2)
        evaluation.jobs = 2
        let results = evaluation.run(environment: environment, policies: ["uniform", "fixed"]) {
            NamedPolicy(name: $0) ?? .uniform(UniformPolicy())
        }
        let gaps = PolicyEvaluation.gaps(results, episodes: evaluation.episodes)
        XCTAssertEqual(gaps.count, 2)
        for g in gaps { XCTAssertEqual(g.count, 4); XCTAssertTrue(g.allSatisfy { $0 >= 0 && $0 < 0.5 }) }
        // On each instance the best run (any policy, any seed) is the reference: its gap is zero.
        for instance in Set(evaluation.episodes.map(\.instance)) {
            let runs = evaluation.episodes.indices.filter { evaluation.episodes[$0].instance == instance }
            XCTAssertEqual(runs.count, 2)
            XCTAssertEqual(runs.flatMap { e in gaps.map { $0[e] } }.min(), 0)
        }
    }

    func testBundledPolicyMatchesTheFamilysOperatorsAndFeatures() throws {
        let weights = try TSPBundledPolicy.weights()
        XCTAssertEqual(weights.family, "tsp")
        XCTAssertNoThrow(try weights.network(family: "tsp", operators: TSPSearchState.operators,
                                             featureCount: TSPSearchState.featureCount, source: "bundled"))
    }
}
