import HunchCore

/// What a container-loading solve produced.
public struct Packing3DSolveOutcome: Sendable {
    /// The plan (`.containers`: the first container's; see `containerPlans`).
    public var plan: PackingPlan
    /// Packed volume as % of the container.
    public var utilisation: Double
    /// Utilisation of the starting plan (prior, initial genome or initial plan).
    public var priorUtilisation: Double
    public var priorName: String
    public var statistics: SearchStatistics
    /// True when the plan is provably optimal and the search stopped early: every box packed
    /// (`.volume`), or the volume lower bound on containers reached (`.containers`).
    public var everythingPacked: Bool
    /// One plan per container: all boxes for `.containers`, `[plan]` for `.volume`.
    public var containerPlans: [PackingPlan]
    /// Fewest containers the boxes' volume allows (`.containers`), 1 for `.volume`.
    public var containerLowerBound: Int
}
