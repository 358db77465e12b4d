import HunchCore

/// The generic pipeline's search (`SolvePipeline.search`) with container-loading options, for
/// callers that hold an instance in memory (tests, benchmarks). It starts from the initial
/// genome, else the prior's; an initial plan is a promise (the answer is never worse), and it
/// stops as soon as everything fits.
public enum Packing3DSolver {
    public static func solve<P: OperatorPolicy>(
        _ instance: ContainerInstance, options: Packing3DSolveOptions, policy: inout P,
        stop: StopCondition, observer: SearchObserver? = nil
    ) -> Packing3DSolveOutcome {
        let context = Packing3DProblem.Context(objective: options.objective, fullSupport: options.fullSupport)
        var rng = SeededGenerator(seed: options.seed)
        var start = options.initialGenome.map { (Packing3DProblem.decode($0, instance, context), "initial-order") }
            ?? Packing3DProblem.construct(prior: options.prior.rawValue, instance, context, rng: &rng, stop: stop)
        if options.objective == .volume, let plan = options.initialPlan, plan.packedVolume() >= start.0.plan.packedVolume() {
            // The user's plan is the promise; the search still starts from the prior's genome.
            start = (Packing3DSolution(containers: [plan], genome: start.0.genome), "initial")
        }
        let bound = Packing3DProblem.bound(instance, context, budget: nil, incumbent: nil, stop: stop)!
        let allPacked = options.objective == .volume ? 100 * Double(instance.totalBoxVolume) / Double(max(1, instance.containerVolume)) : bound
        let outcome = SolvePipeline<Packing3DProblem>.search(
            instance, context, start: start, seed: options.seed, acceptance: options.acceptance,
            targets: [options.objective == .volume ? min(bound, allPacked) : bound], policy: &policy, stop: stop, observer: observer)
        let plans = outcome.solution.containers
        let lowerBound = options.objective == .volume ? 1 : Int(bound)
        return Packing3DSolveOutcome(plan: outcome.solution.plan, utilisation: outcome.solution.plan.utilisation(instance),
                                     priorUtilisation: start.0.plan.utilisation(instance), priorName: outcome.label,
                                     statistics: outcome.statistics,
                                     everythingPacked: options.objective == .volume
                                        ? outcome.solution.plan.packedVolume() >= instance.totalBoxVolume : plans.count <= lowerBound,
                                     containerPlans: plans, containerLowerBound: lowerBound)
    }
}
