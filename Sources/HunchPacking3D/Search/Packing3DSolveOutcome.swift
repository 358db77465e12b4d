import HunchCore

/// What a container-loading solve produced.
public struct Packing3DSolveOutcome: Sendable {
    public var plan: PackingPlan
    /// Packed volume as % of the container.
    public var utilisation: Double
    /// Utilisation of the starting plan (prior, initial genome or initial plan).
    public var priorUtilisation: Double
    public var priorName: String
    public var statistics: SearchStatistics
    /// True when every box was packed: the plan is optimal and the search stopped early.
    public var everythingPacked: Bool
}
