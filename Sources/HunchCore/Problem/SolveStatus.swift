/// The outcome of a solve, as the JSON record's `status` spells it.
public enum SolveStatus: String, Codable, Sendable, CaseIterable {
    /// Proven optimal: it meets a bound, a proven known optimum, or GLPK closed the gap.
    case optimal
    /// A valid solution without a proof of optimality.
    case feasible
    /// Proven to have no solution.
    case infeasible
    /// The exact solver found no solution within its limit.
    case noSolution = "no_solution"
    /// The instance could not be solved (bad input, a failure); the record's `error` says why.
    case error
}
