import XCTest
import HunchCore
@testable import HunchJobShop

/// The LLM prompt is size-aware; the training environment runs the real search on a budget.
final class JobShopLLMAndTrainingTests: XCTestCase {
    func testPromptListsSmallInstancesAndSummarisesLargeOnes() throws {
        let ft06 = try Bundled.load("ft06")
        let small = JobShopLLMPrompt.user(ft06)
        XCTAssertTrue(small.contains("job 1: M2:1 M0:3 M1:6 M3:7 M5:3 M4:6"), "jobs are numbered from 1, as the request reads them")
        XCTAssertTrue(JobShopLLMPrompt.system().contains("{\"order\""))
        let large = JobShopGenerator.taillard(jobs: 50, machines: 20, seed: 1, name: "big")
        let summary = JobShopLLMPrompt.user(large)
        XCTAssertEqual(summary.split(separator: "\n").count, 50 + 3)
        XCTAssertLessThan(summary.count, 2_500)
    }

    func testTrainingEpisodeRunsTheSearchWithinItsWorkBudget() throws {
        var environment = JobShopTrainingEnvironment()
        environment.maxJobs = 12
        environment.maxMachines = 6
        environment.workPerOperation = 300
        XCTAssertEqual(environment.operatorNames, JobShopSearchState.operators)
        let episode = environment.makeEpisode(instanceSeed: 3, searchSeed: 4)
        XCTAssertEqual(SearchFeatures.engineFeatureCount(operatorCount: 5) + episode.state.problemFeatureCount, environment.featureCount)
        var policy = UniformPolicy()
        var rng = SeededGenerator(seed: 1)
        let start = episode.state.objective
        let stats = LocalSearch().run(state: episode.state, policy: &policy, stop: episode.stop, rng: &rng)
        XCTAssertEqual(stats.stopReason, .workLimit)
        XCTAssertLessThanOrEqual(episode.state.objective, start)
    }

    func testBundledPolicyMatchesTheFamilysOperatorsAndFeatures() throws {
        let weights = try JobShopBundledPolicy.weights()
        XCTAssertEqual(weights.family, "jobshop")
        XCTAssertNoThrow(try weights.network(family: "jobshop", operators: JobShopSearchState.operators,
                                             featureCount: JobShopSearchState.featureCount, source: "bundled"))
    }
}
