import HunchCore

/// The container-loading pipeline: prior genome (or the caller's) → policy-guided local search
/// over genomes decoded by the placement engine → best plan (one container, most volume), or
/// best plans (all boxes, fewest containers) with `options.objective = .containers`.
public enum Packing3DSolver {
    public static func solve<P: OperatorPolicy>(
        _ instance: ContainerInstance, options: Packing3DSolveOptions, policy: inout P,
        stop: StopCondition, observer: SearchObserver? = nil
    ) -> Packing3DSolveOutcome {
        var rng = SeededGenerator(seed: options.seed)
        let genome: PlacementGenome
        var priorName: String
        if let initial = options.initialGenome {
            genome = initial
            priorName = "initial-order"
        } else {
            genome = options.prior.genome(instance, fullSupport: options.fullSupport, rng: &rng)
            priorName = options.prior.rawValue
        }
        let state = Packing3DSearchState(instance: instance, genome: genome, fullSupport: options.fullSupport,
                                         objective: options.objective)
        let volumeObjective = options.objective == .volume
        var priorPlan = state.plan
        if volumeObjective, let initial = options.initialPlan, initial.packedVolume() >= state.packedVolume {
            priorPlan = initial
            priorName = "initial"
        }
        let priorUtilisation = priorPlan.utilisation(instance)

        // Stop as soon as everything fits: no plan can be better.
        let search = LocalSearch(acceptance: options.acceptance, targetObjective: state.optimalObjective)
        var stats: SearchStatistics
        if state.everythingPacked {
            // Nothing to search: the prior already packs everything. No operator ran.
            stats = SearchStatistics()
            stats.operatorNames = Packing3DSearchState.operators
            let none = [Int](repeating: 0, count: Packing3DSearchState.operators.count)
            (stats.applications, stats.improvements, stats.newBests, stats.work) = (none, none, none, none)
            stats.initialObjective = state.objective
            stats.descentObjective = state.objective
            stats.bestObjective = state.objective
            stats.stopReason = .targetReached
        } else {
            stats = search.run(state: state, policy: &policy, stop: stop, rng: &rng, observer: observer)
        }
        var plan = state.plan
        var containerPlans = state.containerPlans
        if volumeObjective, let initial = options.initialPlan, initial.packedVolume() > plan.packedVolume() {
            plan = initial
            containerPlans = [initial]
        }
        return Packing3DSolveOutcome(plan: plan, utilisation: plan.utilisation(instance),
                                     priorUtilisation: priorUtilisation, priorName: priorName,
                                     statistics: stats, everythingPacked: state.everythingPacked,
                                     containerPlans: containerPlans,
                                     containerLowerBound: volumeObjective ? 1 : state.containerLowerBound)
    }
}
