/// Adaptive roulette-wheel selection as in ALNS (Ropke & Pisinger 2006): each operator has a
/// weight, chosen with probability proportional to it; after each use the weight moves towards
/// the score the operator earned (new best > improvement > accepted > rejected).
public struct RoulettePolicy: OperatorPolicy {
    /// Scores per outcome, in `StepOutcome` order (Ropke & Pisinger's σ₁, σ₂, σ₃, 0 — with a
    /// small floor so no operator starves).
    public var scores: [Double] = [33, 9, 3, 0]
    /// How fast weights follow recent scores (the reaction factor r).
    public var reaction: Double = 0.05
    /// Lowest weight, so every operator keeps being tried now and then.
    public var minimumWeight: Double = 0.5

    private var weights: [Double] = []
    private var total: Double = 0

    public init() {}
    public var name: String { "roulette" }

    public mutating func prepare(operatorCount: Int, featureCount: Int) {
        weights = Array(repeating: 5, count: max(1, operatorCount))
        total = weights.reduce(0, +)
    }

    public mutating func chooseOperator(features: UnsafeBufferPointer<Double>, rng: inout SeededGenerator) -> Int {
        var r = rng.unit() * total
        for (i, w) in weights.enumerated() {
            r -= w
            if r < 0 { return i }
        }
        return weights.count - 1
    }

    public mutating func observe(operator action: Int, reward: Double, outcome: StepOutcome) {
        let old = weights[action]
        let new = max(minimumWeight, (1 - reaction) * old + reaction * scores[outcome.rawValue])
        weights[action] = new
        total += new - old
    }

    /// Current weights, for reports and tests.
    public var currentWeights: [Double] { weights }
}
