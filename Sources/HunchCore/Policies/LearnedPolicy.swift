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
        let net = network
        logits.withUnsafeMutableBufferPointer { l in
            hidden.withUnsafeMutableBufferPointer { h in net.forward(features, logits: l, hidden: h) }
        }
        if greedy {
            var best = 0
            for i in 1..<logits.count where logits[i] > logits[best] { best = i }
            return best
        }
        logits.withUnsafeBufferPointer { l in
            probabilities.withUnsafeMutableBufferPointer { p in PolicyNetwork.softmax(l, into: p) }
        }
        var r = rng.unit()
        for i in 0..<probabilities.count {
            r -= probabilities[i]
            if r < 0 { return i }
        }
        return probabilities.count - 1
    }

    /// The current action probabilities for `features` (for reports and tests).
    public mutating func probabilities(for features: [Double]) -> [Double] {
        var rng = SeededGenerator(seed: 0)
        let saved = greedy
        greedy = false
        _ = features.withUnsafeBufferPointer { chooseOperator(features: $0, rng: &rng) }
        greedy = saved
        return probabilities
    }
}
