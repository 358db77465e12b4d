import HunchExact

/// What the arc-flow MIP established about an instance.
public struct BinPackingExactResult: Sendable {
    /// `optimal`: `binCount == bound`; `feasible`: the optimum lies in `bound…binCount`;
    /// `noSolution`: stopped before any packing was known; `error`: GLPK failed.
    public typealias Status = ExactStatus

    public var status: Status
    public var solution: BinPackingSolution?
    public var binCount: Int?
    /// Best lower bound on the bin count known to the run (at least L2).
    public var bound: Int
    /// Wall-clock seconds.
    public var time: Double
    /// Arcs (integer columns) of the model; 0 when it was not built.
    public var arcCount: Int
}
