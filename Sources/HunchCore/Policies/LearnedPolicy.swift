import Foundation

/// A softmax policy over the family's operators whose logits come from a `PolicyNetwork`
/// applied to the search features. Trained by `PolicyGradientTrainer`; at solve time it samples
/// from the softmax (a stochastic policy keeps exploring, as the training did).
public struct LearnedPolicy: OperatorPolicy {
    public var network: PolicyNetwork
    public var greedy: Bool
    public let label: String
    private var logits: [Double]
    private var probabilities: [Double]
    private var hidden: [Double]

    public init(network: PolicyNetwork, greedy: Bool = false, label: String = "learned") {
        self.network = network
        self.greedy = greedy
        self.label = label
        logits = Array(repeating: 0, count: network.outputCount)
        probabilities = Array(repeating: 0, count: network.outputCount)
        hidden = network.makeScratch()
    }

    public var name: String { label }

    public mutating func prepare(operatorCount: Int, featureCount: Int) {
        precondition(operatorCount == network.outputCount && featureCount == network.inputCount,
                     "policy network shape does not match the search (checked when weights are loaded)")
    }

    public mutating func chooseOperator(features: UnsafeBufferPointer<Double>, rng: inout SeededGenerator) -> Int {
        network.forward(features, logits: &logits, hidden: &hidden)
        let k = logits.count
        if greedy {
            var best = 0
            for i in 1..<k where logits[i] > logits[best] { best = i }
            return best
        }
        // Sample from the softmax without normalising it: draw r in [0, Σ e^z) instead.
        var maxLogit = logits[0]
        for i in 1..<k { maxLogit = max(maxLogit, logits[i]) }
        var sum = 0.0
        for i in 0..<k {
            let e = exp(logits[i] - maxLogit)
            probabilities[i] = e
            sum += e
        }
        var r = rng.unit() * sum
        for i in 0..<k {
            r -= probabilities[i]
            if r < 0 { return i }
        }
        return k - 1
    }

    /// The current action probabilities for `features` (for reports and tests).
    public mutating func probabilities(for features: [Double]) -> [Double] {
        var rng = SeededGenerator(seed: 0)
        let saved = greedy
        greedy = false
        _ = features.withUnsafeBufferPointer { chooseOperator(features: $0, rng: &rng) }
        greedy = saved
        let sum = probabilities.reduce(0, +)
        return probabilities.map { $0 / sum }
    }
}
