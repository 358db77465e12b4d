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

/// The TSP pipeline: prior (or the user's tour) → policy-guided local search → best tour.
public enum TSPSolver {
    public static func solve<P: OperatorPolicy>(
        _ instance: TSPInstance, options: TSPSolveOptions, policy: inout P,
        stop: StopCondition, observer: SearchObserver? = nil,
        candidates precomputed: CandidateLists? = nil
    ) -> TSPSolveOutcome {
        var rng = SeededGenerator(seed: options.seed)
        let candidates = precomputed ?? CandidateLists(instance: instance, k: options.neighbours)
        let start: [Int]
        let priorName: String
        if let initial = options.initialTour {
            start = initial
            priorName = "initial"
        } else {
            start = options.prior.construct(instance, candidates: candidates, rng: &rng, stop: stop)
            priorName = options.prior.effective(for: instance).rawValue
        }
        let priorLength = instance.tourLength(start)
        let state = TSPSearchState(instance: instance, candidates: candidates, tour: start)
        let search = LocalSearch(acceptance: options.acceptance)
        let stats = search.run(state: state, policy: &policy, stop: stop, rng: &rng, observer: observer)
        var tour = state.currentTour
        var length = state.length
        // A warm start is a promise: never return worse than what we were given.
        if length > priorLength {
            tour = start
            length = priorLength
        }
        return TSPSolveOutcome(tour: tour, length: length, priorLength: priorLength,
                               priorName: priorName, statistics: stats)
    }
}
