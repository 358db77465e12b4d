import HunchCore

/// The bin-packing pipeline: prior (or the user's packing) → policy-guided local search → best
/// packing. It stops as soon as the bin count reaches the lower bound, which proves it optimal.
public enum BinPackingSolver {
    public static func solve<P: OperatorPolicy>(
        _ instance: BinPackingInstance, options: BinPackingSolveOptions, policy: inout P,
        stop: StopCondition, observer: SearchObserver? = nil
    ) -> BinPackingSolveOutcome {
        var rng = SeededGenerator(seed: options.seed)
        let bound = BinPackingLowerBound.compute(instance)
        let start: BinPackingSolution
        let priorName: String
        if let initial = options.initialSolution, BinPackingValidation.isValid(initial, instance: instance) {
            start = initial
            priorName = "initial"
        } else {
            start = options.prior.construct(instance, rng: &rng)
            priorName = options.prior.rawValue
        }
        let priorBins = start.binCount
        let state = BinPackingSearchState(instance: instance, solution: start, lowerBound: bound)
        state.poolIterationsPerBin = max(1, options.poolIterationsPerBin)
        state.tabuTenure = max(1, options.tabuTenure)
        state.consistentIterations = max(1, options.consistentIterations)
        var search = LocalSearch(acceptance: options.acceptance)
        if options.stopAtLowerBound {
            // Any packing with `bound` bins has objective ≤ bound − (something > 0) < bound.
            search.targetObjective = Double(bound)
        }
        let stats = search.run(state: state, policy: &policy, stop: stop, rng: &rng, observer: observer)
        var solution = state.solution
        // A warm start is a promise: never return worse than what we were given.
        if solution.binCount > priorBins || !BinPackingValidation.isValid(solution, instance: instance) {
            solution = start
        }
        return BinPackingSolveOutcome(solution: solution, binCount: solution.binCount, priorBinCount: priorBins,
                                      priorName: priorName, lowerBound: bound, statistics: stats)
    }
}
