/// What ``JobShopExactSolver`` established about an instance.
public struct JobShopExactResult: Sendable {
    public enum Status: Sendable, Equatable {
        /// `schedule` is proven optimal: `makespan == bound`.
        case optimal
        /// Stopped by the time limit: `schedule` is the best known, `bound` a valid lower bound.
        case feasible
        /// The model has no solution (impossible for a valid instance; reported, not hidden).
        case infeasible
        /// The time limit stopped the search before any schedule was known.
        case noSolution
        /// GLPK failed; `schedule` (if any) and `bound` are still valid, nothing is proven.
        case error(String)

        /// `optimal`, `feasible`, `infeasible`, `no_solution` or `error`, as in the JSON result.
        public var name: String {
            switch self {
            case .optimal: return "optimal"
            case .feasible: return "feasible"
            case .infeasible: return "infeasible"
            case .noSolution: return "no_solution"
            case .error: return "error"
            }
        }
    }

    public var status: Status
    public var schedule: JobShopSchedule?
    public var makespan: Int?
    /// A valid lower bound on the optimal makespan (equal to `makespan` when optimal).
    public var bound: Int
    /// Wall-clock seconds.
    public var time: Double
    /// Branch-and-bound nodes GLPK reported (0 when no MIP was needed).
    public var nodes: Int
}

/// Bad input to ``JobShopExactSolver``.
public struct JobShopExactError: Error, CustomStringConvertible, Equatable, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
