import HunchCore

/// Settings of one container-loading solve (the budget comes separately as a `StopCondition`).
public struct Packing3DSolveOptions: Sendable {
    public var prior: Packing3DPrior = .default
    public var seed: UInt64 = 1
    /// Threshold accepting within 2% of the best's unused volume (e.g. 0.2 points at 90%):
    /// measured better than `.improvingOrEqual` on BR7, equal on BR1.
    public var acceptance: Acceptance = .threshold(0.02)
    /// Every box must rest, with its whole base, on the floor or on boxes at its height.
    public var fullSupport = true
    /// The most volume in one container, or every box in the fewest containers.
    public var objective: Packing3DObjective = .volume
    /// Start from this plan (`.volume` only); the result is never worse than it (it is returned if the search
    /// finds nothing better).
    public var initialPlan: PackingPlan?
    /// Start the search from this genome (e.g. an LLM's box order via `BoxOrderDecoder.genome`)
    /// instead of the prior's.
    public var initialGenome: PlacementGenome?

    public init() {}
}
