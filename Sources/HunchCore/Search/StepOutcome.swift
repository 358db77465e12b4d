/// What became of one search step, as the policy learns it.
public enum StepOutcome: Int, Sendable {
    /// The trial found a new best solution.
    case newBest
    /// Kept, and strictly better than the solution before it.
    case improved
    /// Kept without improving (sideways or, under threshold acceptance, worse).
    case accepted
    /// Undone.
    case rejected
}
