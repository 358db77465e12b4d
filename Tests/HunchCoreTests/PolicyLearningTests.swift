import XCTest
import Foundation
@testable import HunchCore

/// A bandit disguised as a search: operator 0 lowers the objective by one, the others do nothing.
final class BanditState: SearchState {
    var value = 1_000_000.0
    var start = 0.0
    let arms: Int
    init(arms: Int) { self.arms = arms }
    var objective: Double { value }
    var operatorNames: [String] { (0..<arms).map { "arm\($0)" } }
    var problemFeatureCount: Int { 1 }
    func writeProblemFeatures(to buffer: UnsafeMutableBufferPointer<Double>) { buffer[0] = 0.3 }
    func descend(stop: StopCondition) -> Int { 0 }
    func beginTrial() { start = value }
    func apply(action: Int, rng: inout SeededGenerator, stop: StopCondition) -> Int {
        if action == 0 { value -= 1 }
        return 1
    }
    func commitTrial() {}
    func rollbackTrial() { value = start }
    func saveBest() {}
    func restoreBest() {}
}

struct BanditEnvironment: TrainingEnvironment {
    let arms = 4
    var family: String { "bandit" }
    var operatorNames: [String] { (0..<arms).map { "arm\($0)" } }
    var featureCount: Int { SearchFeatures.engineFeatureCount(operatorCount: arms) + 1 }
    func makeEpisode(instanceSeed: UInt64, searchSeed: UInt64) -> TrainingEpisode {
        TrainingEpisode(state: BanditState(arms: arms), stop: StopCondition(maxSteps: 50, interruption: Interruption()),
                        rewardScale: 1)
    }
}

final class PolicyLearningTests: XCTestCase {
    /// The analytic gradient of log softmax equals central finite differences, for both networks.
    func testGradientMatchesFiniteDifferences() {
        for architecture in [PolicyNetwork.Architecture.linear, .mlp] {
            var net = PolicyNetwork(architecture: architecture, inputCount: 5, hiddenCount: 4, outputCount: 3, seed: 3, initialScale: 0.5)
            if architecture == .linear { for i in 0..<net.parameters.count { net.parameters[i] = Double(i % 7) * 0.1 - 0.3 } }
            let x: [Double] = [1, 0.4, -0.7, 0.2, 0.9]
            let action = 2
            func logProbability(_ n: PolicyNetwork) -> Double {
                var logits = [Double](repeating: 0, count: 3), hidden = n.makeScratch(), p = [Double](repeating: 0, count: 3)
                x.withUnsafeBufferPointer { xb in
                    logits.withUnsafeMutableBufferPointer { l in hidden.withUnsafeMutableBufferPointer { h in n.forward(xb, logits: l, hidden: h) } }
                }
                logits.withUnsafeBufferPointer { l in p.withUnsafeMutableBufferPointer { PolicyNetwork.softmax(l, into: $0) } }
                return log(p[action])
            }
            var logits = [Double](repeating: 0, count: 3), hidden = net.makeScratch(), p = [Double](repeating: 0, count: 3)
            var gradient = [Double](repeating: 0, count: net.parameters.count)
            x.withUnsafeBufferPointer { xb in
                logits.withUnsafeMutableBufferPointer { l in hidden.withUnsafeMutableBufferPointer { h in net.forward(xb, logits: l, hidden: h) } }
                logits.withUnsafeBufferPointer { l in p.withUnsafeMutableBufferPointer { PolicyNetwork.softmax(l, into: $0) } }
                p.withUnsafeBufferPointer { pb in hidden.withUnsafeBufferPointer { hb in gradient.withUnsafeMutableBufferPointer { g in
                    net.accumulateLogProbabilityGradient(xb, action: action, probabilities: pb, hidden: hb, scale: 1, into: g)
                } } }
            }
            let h = 1e-6
            for i in 0..<net.parameters.count {
                var plus = net, minus = net
                plus.parameters[i] += h
                minus.parameters[i] -= h
                let numeric = (logProbability(plus) - logProbability(minus)) / (2 * h)
                XCTAssertEqual(gradient[i], numeric, accuracy: 1e-6, "\(architecture) parameter \(i)")
            }
        }
    }

    func testTrainerLearnsTheBanditsGoodArm() {
        var settings = PolicyGradientTrainer.Settings()
        settings.architecture = .linear
        settings.episodes = 160
        settings.batchSize = 16
        settings.learningRate = 0.1
        settings.seed = 5
        settings.jobs = 2
        let (network, curve) = PolicyGradientTrainer(settings: settings).train(environment: BanditEnvironment())
        XCTAssertGreaterThan(curve.last!.actionShare[0], 0.9, "share of the good arm: \(curve.last!.actionShare)")
        XCTAssertGreaterThan(curve.last!.meanReturn, curve.first!.meanReturn)
        var policy = LearnedPolicy(network: network)
        let x = [Double](repeating: 0.2, count: network.inputCount)
        XCTAssertGreaterThan(policy.probabilities(for: x)[0], 0.8)
    }

    func testSameSeedGivesSameWeightsWhateverTheThreadCount() {
        var settings = PolicyGradientTrainer.Settings()
        settings.episodes = 32
        settings.batchSize = 8
        settings.seed = 9
        settings.jobs = 1
        let a = PolicyGradientTrainer(settings: settings).train(environment: BanditEnvironment()).network
        settings.jobs = 3
        let b = PolicyGradientTrainer(settings: settings).train(environment: BanditEnvironment()).network
        XCTAssertEqual(a.parameters, b.parameters)
        settings.seed = 10
        let c = PolicyGradientTrainer(settings: settings).train(environment: BanditEnvironment()).network
        XCTAssertNotEqual(a.parameters, c.parameters)
    }

    func testWeightsRoundTripThroughJSONAndMismatchesAreRefused() throws {
        let net = PolicyNetwork(architecture: .mlp, inputCount: 6, hiddenCount: 3, outputCount: 2, seed: 1)
        let weights = PolicyWeights(family: "tsp", operators: ["a", "b"], network: net, training: ["seed": "1"])
        let decoded = try PolicyWeights.decode(weights.encoded(), source: "test")
        XCTAssertEqual(decoded, weights)
        XCTAssertEqual(try decoded.network(family: "tsp", operators: ["a", "b"], featureCount: 6), net)
        XCTAssertThrowsError(try decoded.network(family: "jobshop", operators: ["a", "b"], featureCount: 6))
        XCTAssertThrowsError(try decoded.network(family: "tsp", operators: ["a", "c"], featureCount: 6))
        XCTAssertThrowsError(try decoded.network(family: "tsp", operators: ["a", "b"], featureCount: 7))
        var broken = weights
        broken.parameters.removeLast()
        XCTAssertThrowsError(try broken.network(family: "tsp", operators: ["a", "b"], featureCount: 6)) { error in
            XCTAssertTrue("\(error)".contains("parameters"))
        }
        XCTAssertThrowsError(try PolicyWeights.decode(Data("{\"family\": 3}".utf8), source: "bad.json")) { error in
            XCTAssertTrue("\(error)".contains("bad.json"))
        }
    }
}
