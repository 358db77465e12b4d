import XCTest
@testable import HunchCore

final class ParameterExploringTrainerTests: XCTestCase {
    /// On the bandit (arm 0 lowers the objective, the others do nothing) the perturbation pairs'
    /// final objectives differ exactly by how often arm 0 was drawn, so the mean must move
    /// towards arm 0.
    func testLearnsTheBanditsGoodArm() {
        var settings = ParameterExploringTrainer.Settings()
        settings.episodes = 480
        settings.pairsPerUpdate = 8
        settings.seed = 3
        settings.jobs = 2
        let (network, curve) = ParameterExploringTrainer(settings: settings).train(environment: BanditEnvironment())
        var policy = LearnedPolicy(network: network)
        let x = [Double](repeating: 0.2, count: network.inputCount)
        XCTAssertGreaterThan(policy.probabilities(for: x)[0], 0.9, "\(policy.probabilities(for: x))")
        XCTAssertGreaterThan(curve.suffix(5).map(\.meanImprovement).reduce(0, +),
                             curve.prefix(5).map(\.meanImprovement).reduce(0, +))
        XCTAssertEqual(curve.count, 30)
        XCTAssertEqual(curve.last!.episodes, 480)
    }

    func testSameSeedGivesSameWeightsWhateverTheThreadCount() {
        var settings = ParameterExploringTrainer.Settings()
        settings.episodes = 64
        settings.pairsPerUpdate = 4
        settings.seed = 9
        settings.jobs = 1
        let a = ParameterExploringTrainer(settings: settings).train(environment: BanditEnvironment()).network
        settings.jobs = 3
        let b = ParameterExploringTrainer(settings: settings).train(environment: BanditEnvironment()).network
        XCTAssertEqual(a.parameters, b.parameters)
        settings.seed = 10
        let c = ParameterExploringTrainer(settings: settings).train(environment: BanditEnvironment()).network
        XCTAssertNotEqual(a.parameters, c.parameters)
    }

    /// The per-operator window features never explore; the biases and global features do.
    func testExploresBiasesAndGlobalFeaturesOnly() {
        let k = 3, f = SearchFeatures.engineFeatureCount(operatorCount: k) + 2
        let explored = Set(ParameterExploringTrainer.exploredParameters(operatorCount: k, featureCount: f))
        XCTAssertEqual(explored.count, k * (4 + 2) + k)
        for o in 0..<k {
            XCTAssertFalse(explored.contains(o * f + 0), "constant feature duplicates the bias")
            XCTAssertTrue(explored.contains(o * f + 1))
            XCTAssertFalse(explored.contains(o * f + 5), "per-operator success rate")
            XCTAssertTrue(explored.contains(o * f + f - 1), "family feature")
            XCTAssertTrue(explored.contains(k * f + o), "bias")
        }
    }
}
