/// Independent searches on several threads, the best kept (`hunch solve --threads N`): the
/// simplest use of many cores, and for a randomised local search a strong one (run-time
/// distributions are close to exponential, so k runs reach a target about k times sooner;
/// Aiex, Resende & Ribeiro 2002). Run i uses seed + i, so a step-limited run is reproducible,
/// and the first to reach a proven target stops the others.
extension SolvePipeline {
    /// Not for sharing mutable state: instance, context and start are read-only values here.
    private struct Shared<T>: @unchecked Sendable { let value: T }

    /// `threads` searches as `search` runs one; `policies[i]` is run i's (each its own copy).
    /// Returns the best outcome (ties to the lowest run), its run's statistics with the steps of
    /// all runs, and per run its time-to-target observer.
    static func searchInParallel<Policy: OperatorPolicy>(
        _ instance: P.Instance, _ context: P.Context, start: (solution: P.Solution, label: String)?,
        prior: String, seed: UInt64, acceptance: Acceptance, targets: [Double], policies: [Policy],
        stop: StopCondition, observers: [SearchObserver?]
    ) -> SearchOutcome<P> {
        let sense = P.sense(context)
        let runs = policies.count
        // One flag for the group that Ctrl-C still reaches: the first run at a proven target
        // raises it and the others return their best.
        let group = Interruption(parent: stop.interruption)
        var groupStop = stop
        groupStop.interruption = group
        let inputs = Shared(value: (instance, context, start, policies, observers, groupStop))
        let outcomes = ParallelWork.map(count: runs, jobs: runs) { i -> Shared<SearchOutcome<P>> in
            let (instance, context, start, policies, observers, stop) = inputs.value
            var policy = policies[i]
            let outcome = search(instance, context, start: start, prior: prior, seed: seed &+ UInt64(i),
                                 acceptance: acceptance, targets: targets, policy: &policy, stop: stop,
                                 observer: observers[i])
            if targets.contains(where: { sense.meets(outcome.objective, bound: $0) }) { group.request() }
            return Shared(value: outcome)
        }.map { $0!.value }
        var best = 0
        for i in 1..<runs where sense.isBetter(outcomes[i].objective, than: outcomes[best].objective) { best = i }
        var result = outcomes[best]
        result.statistics.steps = outcomes.reduce(0) { $0 + $1.statistics.steps }
        if stop.interruption.isRequested { result.statistics.stopReason = .interrupted }
        return result
    }
}
