/// What the exact model established about a (tiny) container-loading instance.
public struct Packing3DExactResult: Sendable {
    public enum Status: Sendable, Equatable {
        /// The plan is proven to pack the most volume possible (support not required).
        case optimal
        /// A plan was found but not proven optimal in time; `bound` says how far it may be.
        case feasibleWithBound
        /// GLPK proved the model has no solution (cannot happen: the empty plan is feasible).
        case infeasible
        /// Stopped by the time limit before a plan was known.
        case noSolutionInTime
        /// GLPK failed, or returned a plan that the validator rejects.
        case error(String)
    }

    public var status: Status
    public var plan: PackingPlan?
    /// Utilisation % of `plan`.
    public var utilisation: Double?
    /// Upper bound on the utilisation % (the model's bound, or `Packing3DBound` if tighter).
    public var bound: Double
    /// Seconds spent.
    public var time: Double
}
