import HunchCore

/// The generic pipeline's search (`SolvePipeline.search`) with bin-packing options (search
/// knobs included), for callers that hold an instance in memory (tests, benchmarks). It stops
/// as soon as the bin count reaches the lower bound, which proves it optimal; an invalid
/// initial packing is ignored.
public enum BinPackingSolver {
    public static func solve<P: OperatorPolicy>(
        _ instance: BinPackingInstance, options: BinPackingSolveOptions, policy: inout P,
        stop: StopCondition, observer: SearchObserver? = nil
    ) -> BinPackingSolveOutcome {
        let bound = BinPackingLowerBound.compute(instance)
        let start = options.initialSolution.flatMap { BinPackingValidation.isValid($0, instance: instance) ? ($0, "initial") : nil }
        let outcome = SolvePipeline<BinPackingProblem>.search(
            instance, BinPackingProblem.Context(options: options), start: start, prior: options.prior.rawValue,
            seed: options.seed, acceptance: options.acceptance, targets: options.stopAtLowerBound ? [Double(bound)] : [],
            policy: &policy, stop: stop, observer: observer)
        return BinPackingSolveOutcome(solution: outcome.solution, binCount: outcome.solution.binCount,
                                      priorBinCount: Int(outcome.startObjective), priorName: outcome.label,
                                      lowerBound: bound, statistics: outcome.statistics)
    }
}
