import HunchCore

/// Settings of one bin-packing solve (the search budget is given separately as a `StopCondition`).
public struct BinPackingSolveOptions: Sendable {
    public var prior: BinPackingPrior = .default
    public var seed: UInt64 = 1
    /// Threshold accepting (Dueck & Scheuer 1990), 0.002 as the CLI's `--acceptance threshold`:
    /// packings with as many bins but emptier ones are kept, so the search drifts instead of
    /// restarting every consistent-neighbourhood attempt from the same packing. Measured on the
    /// triplets (every 5th of Falkenauer t, 10 s): 15–16/16 optimal, against 13/16 with `better`.
    public var acceptance: Acceptance = .threshold(0.002)
    /// Start from this packing instead of a prior (when it is valid); the result is never worse.
    public var initialSolution: BinPackingSolution?
    /// Stop once the bin count reaches the lower bound (it is then optimal).
    public var stopAtLowerBound = true
    /// Pool-search iterations per open bin in one operator application, on top of a fixed 20
    /// (longer searches measured worse at 1 s: fewer steps).
    public var poolIterationsPerBin = 0
    /// Minimum tabu tenure of the pool search, in iterations.
    public var tabuTenure = 8
    /// Tabu iterations of one `consistent-…` application (it also stops at the time limit).
    /// Short attempts measured better than long ones (1000: 8/16 triplets at 10 s; 100–300: 13/16).
    public var consistentIterations = 100

    public init() {}
}

/// What a bin-packing solve produced.
public struct BinPackingSolveOutcome: Sendable {
    public var solution: BinPackingSolution
    public var binCount: Int
    public var priorBinCount: Int
    public var priorName: String
    /// The lower bound the search used (`BinPackingLowerBound.compute`).
    public var lowerBound: Int
    public var statistics: SearchStatistics

    /// True when the bin count equals the lower bound: proven optimal.
    public var isProvenOptimal: Bool { binCount == lowerBound }
}
