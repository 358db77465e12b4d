import HunchCore
/// What a family's exact solve established, in the words of the JSON result. Every family's
/// exact solver reports this one type, so `hunch exact` and `bench` read them all alike.
public enum ExactStatus: Sendable, Equatable {
    /// The solution is proven optimal: objective equals bound.
    case optimal
    /// Stopped by the time limit: the solution is the best known, the bound valid.
    case feasible
    /// The model has no solution (impossible for a valid instance; reported, not hidden).
    case infeasible
    /// The time limit stopped the search before any solution was known.
    case noSolution
    /// GLPK failed; the solution (if any) and the bound are still valid, nothing is proven.
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

extension ExactStatus {
    /// GLPK's complaint when the solve stopped on an error.
    public var errorMessage: String? {
        if case .error(let message) = self { return message }
        return nil
    }
}


extension SolveStatus {
    /// The record's status for what GLPK reported.
    public init(_ status: ExactStatus) {
        switch status {
        case .optimal: self = .optimal
        case .feasible: self = .feasible
        case .infeasible: self = .infeasible
        case .noSolution: self = .noSolution
        case .error: self = .error
        }
    }
}
