import HunchCore

/// Settings of one job-shop solve (the budget is given separately as a `StopCondition`).
public struct JobShopSolveOptions: Sendable {
    public var prior: JobShopPrior = .default
    public var seed: UInt64 = 1
    public var acceptance: Acceptance = .improvingOrEqual
    /// Start from this schedule instead of a prior (e.g. the LLM prior's); the result is never
    /// worse than it. Ignored (the prior is used) when it is not feasible for the instance.
    public var initialSchedule: JobShopSchedule?

    public init() {}
}

/// What a job-shop solve produced.
public struct JobShopSolveOutcome: Sendable {
    public var schedule: JobShopSchedule
    public var makespan: Int
    public var priorMakespan: Int
    public var priorName: String
    public var statistics: SearchStatistics
}

/// The job-shop pipeline: prior (or the given schedule) → policy-guided tabu search → best schedule.
public enum JobShopSolver {
    public static func solve<P: OperatorPolicy>(
        _ instance: JobShopInstance, options: JobShopSolveOptions, policy: inout P,
        stop: StopCondition, observer: SearchObserver? = nil
    ) -> JobShopSolveOutcome {
        var rng = SeededGenerator(seed: options.seed)
        var start: JobShopSchedule
        var priorName: String
        if let initial = options.initialSchedule, (try? JobShopValidation.check(initial, instance: instance)) != nil {
            start = initial
            priorName = "initial"
        } else {
            start = options.prior.construct(instance, rng: &rng)
            priorName = options.prior.rawValue
        }
        let priorMakespan = start.makespan(instance)
        guard let state = JobShopSearchState(instance: instance, schedule: start) else {
            // Unreachable for a feasible schedule; keep the promise anyway.
            return JobShopSolveOutcome(schedule: start, makespan: priorMakespan, priorMakespan: priorMakespan,
                                       priorName: priorName, statistics: SearchStatistics())
        }
        // A makespan equal to the lower bound is optimal: stop there rather than idle to the limit.
        let search = LocalSearch(acceptance: options.acceptance,
                                 targetObjective: Double(JobShopLowerBound.compute(instance)))
        let stats = search.run(state: state, policy: &policy, stop: stop, rng: &rng, observer: observer)
        var schedule = state.currentSchedule
        var makespan = state.makespan
        // A warm start is a promise: never return worse than what we were given.
        if makespan > priorMakespan {
            schedule = start
            makespan = priorMakespan
        }
        return JobShopSolveOutcome(schedule: schedule, makespan: makespan, priorMakespan: priorMakespan,
                                   priorName: priorName, statistics: stats)
    }
}
