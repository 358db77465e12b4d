/// What one solve established about a model.
///
/// `bound` is a bound on the optimal objective in the direction of the sense (a lower bound when
/// minimising, an upper bound when maximising); it equals `objective` at `.optimal`.
public struct MIPResult: Sendable, Equatable {
    /// GLPK's return code and its solution status folded into one answer.
    public enum Status: Sendable, Equatable {
        /// Proven optimal (`objective == bound`).
        case optimal
        /// An incumbent exists but optimality is not proven: the time limit or the relative gap
        /// stopped the search. `bound` says how far from optimal it can be.
        case feasible
        /// Proven to have no feasible point.
        case infeasible
        /// The LP relaxation is unbounded (then the model is unbounded or has no integer point).
        case unbounded
        /// Stopped by the time limit before any feasible point was known.
        case noSolution
        /// GLPK failed (numerical trouble, …); the message says what it reported.
        case error(String)
    }

    public var status: Status
    /// Objective of the incumbent (`values`), nil without one.
    public var objective: Double?
    /// Best bound known, nil when none (e.g. stopped before the root LP was solved).
    public var bound: Double?
    /// One value per column of the incumbent; empty without one.
    public var values: [Double]
    /// Wall-clock seconds spent in `solve`.
    public var time: Double
    /// Branch-and-bound nodes created, when GLPK reported them.
    public var nodeCount: Int?
    /// Rows added by the lazy-constraint generator.
    public var lazyRowsAdded: Int
    /// True when the starting solution is the reported incumbent or GLPK accepted it as one.
    public var startingSolutionUsed: Bool
    /// The reduced costs of the root LP relaxation (one per column, GLPK's `glp_get_col_dual`
    /// after the root simplex, before any lazy row), empty when that LP was not solved to
    /// optimality. For a model without integer columns and without lazy rows they are the LP's
    /// own, as reduced-cost fixing needs them.
    public var rootReducedCosts: [Double] = []

    public init(status: Status, objective: Double? = nil, bound: Double? = nil, values: [Double] = [],
                time: Double = 0, nodeCount: Int? = nil, lazyRowsAdded: Int = 0,
                startingSolutionUsed: Bool = false) {
        self.status = status
        self.objective = objective
        self.bound = bound
        self.values = values
        self.time = time
        self.nodeCount = nodeCount
        self.lazyRowsAdded = lazyRowsAdded
        self.startingSolutionUsed = startingSolutionUsed
    }

    /// True for `.optimal` and `.feasible`: `values` holds a feasible point.
    public var hasSolution: Bool { status == .optimal || status == .feasible }

    /// |objective − bound| / max(1, |objective|), nil unless both are known.
    public var relativeGap: Double? {
        guard let objective, let bound else { return nil }
        return abs(objective - bound) / max(1, abs(objective))
    }
}
