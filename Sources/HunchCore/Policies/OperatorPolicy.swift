/// Chooses the next operator at each step of the search, from features of the search state,
/// and learns from the outcome. Policies are values owned by one search.
public protocol OperatorPolicy {
    /// Name used on the command line and in results.
    var name: String { get }

    /// Called once before the search with the action count and the feature vector's length.
    mutating func prepare(operatorCount: Int, featureCount: Int)

    /// Picks an operator index in 0..<operatorCount.
    mutating func chooseOperator(features: UnsafeBufferPointer<Double>, rng: inout SeededGenerator) -> Int

    /// Told what became of the chosen operator: the reward (best-objective improvement normalised
    /// by the instance's scale, minus the work charge) and the outcome.
    mutating func observe(operator action: Int, reward: Double, outcome: StepOutcome)
}

extension OperatorPolicy {
    public mutating func observe(operator action: Int, reward: Double, outcome: StepOutcome) {}
}
