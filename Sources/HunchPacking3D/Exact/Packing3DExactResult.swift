import HunchExact

/// What the exact model established about a (tiny) container-loading instance.
public struct Packing3DExactResult: Sendable {
    /// `optimal`: proven to pack the most volume possible (support not required); `feasible`: a
    /// plan not proven optimal in time, `bound` says how far it may be; `noSolution`: stopped
    /// before a plan was known; `error`: GLPK failed or returned a plan the validator rejects.
    public typealias Status = ExactStatus

    public var status: Status
    public var plan: PackingPlan?
    /// Utilisation % of `plan`.
    public var utilisation: Double?
    /// Upper bound on the utilisation % (the model's bound, or `Packing3DBound` if tighter).
    public var bound: Double
    /// Seconds spent.
    public var time: Double
}
