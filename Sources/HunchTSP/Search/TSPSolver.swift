import HunchCore

/// Settings of one TSP solve (the search budget is given separately as a `StopCondition`).
public struct TSPSolveOptions: Sendable {
    public var prior: TSPPrior = .default
    public var seed: UInt64 = 1
    public var acceptance: Acceptance = .improvingOrEqual
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
