import XCTest
@testable import HunchCore

final class PolicyEvaluationTests: XCTestCase {
    /// A policy that knows the bandit's good arm ends lower than uniform on every paired episode,
    /// and the gaps are measured against the best policy on each instance.
    func testPairedEvaluationRanksTheInformedPolicyFirst() {
        var network = PolicyNetwork(architecture: .linear, inputCount: BanditEnvironment().featureCount, outputCount: 4)
        network.parameters[network.parameters.count - 4] = 8   // bias towards arm 0
        var evaluation = PolicyEvaluation(seed: 3, instances: 3, seeds: 2)
        evaluation.jobs = 2
        XCTAssertEqual(evaluation.episodes.count, 6)
        let net = network
        let results = evaluation.run(environment: BanditEnvironment(), policies: ["uniform", "informed"]) { name in
            name == "uniform" ? .uniform(UniformPolicy()) : .learned(LearnedPolicy(network: net))
        }
        XCTAssertEqual(results.map(\.policy), ["uniform", "informed"])
        XCTAssertEqual(results[0].steps, Array(repeating: 50, count: 6))
        // Each step costs one work unit in the bandit.
        XCTAssertEqual(results[1].work, Array(repeating: 50, count: 6))
        for e in 0..<6 { XCTAssertLessThan(results[1].objectives[e], results[0].objectives[e]) }
        let gaps = PolicyEvaluation.gaps(results, episodes: evaluation.episodes)
        XCTAssertEqual(gaps[1].max()!, 0, accuracy: 1e-6)   // informed is (nearly) the best everywhere
        XCTAssertTrue(gaps[0].allSatisfy { $0 > 0 })
    }

    /// A CPU-time budget stops the episode on the thread's own clock.
    func testCPUBudgetStopsEpisodes() {
        struct Endless: TrainingEnvironment {
            var family: String { "bandit" }
            var operatorNames: [String] { BanditEnvironment().operatorNames }
            var featureCount: Int { BanditEnvironment().featureCount }
            func makeEpisode(instanceSeed: UInt64, searchSeed: UInt64) -> TrainingEpisode {
                TrainingEpisode(state: BanditState(arms: 4), stop: StopCondition(interruption: Interruption()), rewardScale: 1)
            }
        }
        var evaluation = PolicyEvaluation(seed: 1, instances: 1, seeds: 1, cpuSeconds: 0.05)
        evaluation.jobs = 1
        let results = evaluation.run(environment: Endless(), policies: ["uniform"]) { _ in .uniform(UniformPolicy()) }
        XCTAssertGreaterThan(results[0].steps[0], 0)
        XCTAssertLessThan(results[0].objectives[0], 1_000_000)
    }

    /// Credit = reward − rate × work, discounted over later steps; rate = the episode's mean
    /// improvement per unit of work.
    func testCreditChargesWorkAtTheEpisodeRateAtEveryDiscount() {
        let t = PolicyGradientTrainer.Trajectory(features: [], actions: [0, 1, 0], rewards: [4, 0, 2], works: [2, 3, 1])
        var settings = PolicyGradientTrainer.Settings()
        settings.discount = 0
        // rate = 6 / 6 = 1
        XCTAssertEqual(PolicyGradientTrainer(settings: settings).credit(t), [2, -3, 1])
        settings.discount = 1
        XCTAssertEqual(PolicyGradientTrainer(settings: settings).credit(t), [0, -2, 1])
        settings.discount = 0.5
        XCTAssertEqual(PolicyGradientTrainer(settings: settings).credit(t), [2 + 0.5 * (-3 + 0.5), -3 + 0.5, 1])
    }
}
