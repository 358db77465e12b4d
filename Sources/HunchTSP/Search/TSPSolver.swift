import HunchCore

/// Settings of one TSP solve (the search budget is given separately as a `StopCondition`).
public struct TSPSolveOptions: Sendable {
    public var prior: TSPPrior = .default
    public var seed: UInt64 = 1
    /// Threshold accepting that falls from 0.2 % to 0.002 % above the best over the budget: with
    /// the 5-opt descent, keeping only no-worse trials left d657, u574 or d1291 in one deep local
    /// optimum for the whole run. Paired on 22 TSPLIB instances × 2 seeds at 10 s: `threshold:0.001`
    /// against `better` 0.035 against 0.058 % mean gap; this against `threshold:0.001` 0.033
    /// against 0.037 %, at the optimum 28 against 19 of 44 (docs/benchmarks.md, issue 16).
    public var acceptance: Acceptance = .annealing(start: 0.002, end: 0.00002)
    /// Start from this tour instead of a prior; the result is never worse than it.
    public var initialTour: [Int]?
    /// Candidate-list length (nearest neighbours per node).
    public var neighbours = 10

    public init() {}
}

/// What a TSP solve produced.
public struct TSPSolveOutcome: Sendable {
    public var tour: [Int]
    public var length: Int
    public var priorLength: Int
    public var priorName: String
    public var statistics: SearchStatistics
}

/// The generic pipeline's search (`SolvePipeline.search`) with TSP options, for callers that
/// hold an instance in memory (tests, benchmarks, the exact solver's incumbent).
public enum TSPSolver {
    public static func solve<P: OperatorPolicy>(
        _ instance: TSPInstance, options: TSPSolveOptions, policy: inout P,
        stop: StopCondition, observer: SearchObserver? = nil,
        candidates precomputed: CandidateLists? = nil
    ) -> TSPSolveOutcome {
        let context = TSPProblem.Context(candidates: precomputed ?? CandidateLists(instance: instance, k: options.neighbours))
        let outcome = SolvePipeline<TSPProblem>.search(
            instance, context, start: options.initialTour.map { ($0, "initial") }, prior: options.prior.rawValue,
            seed: options.seed, acceptance: options.acceptance, policy: &policy, stop: stop, observer: observer)
        return TSPSolveOutcome(tour: outcome.solution, length: Int(outcome.objective), priorLength: Int(outcome.startObjective),
                               priorName: outcome.label, statistics: outcome.statistics)
    }
}
