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

/// The generic pipeline's search (`SolvePipeline.search`) with job-shop options, for callers
/// that hold an instance in memory (tests, benchmarks, the exact solver's incumbent). It stops
/// when the makespan meets the lower bound; an infeasible initial schedule is ignored.
public enum JobShopSolver {
    public static func solve<P: OperatorPolicy>(
        _ instance: JobShopInstance, options: JobShopSolveOptions, policy: inout P,
        stop: StopCondition, observer: SearchObserver? = nil
    ) -> JobShopSolveOutcome {
        let start = options.initialSchedule.flatMap { schedule in
            (try? JobShopValidation.check(schedule, instance: instance)) != nil ? (schedule, "initial") : nil
        }
        let outcome = SolvePipeline<JobShopProblem>.search(
            instance, NoContext(), start: start, prior: options.prior.rawValue, seed: options.seed,
            acceptance: options.acceptance, targets: [Double(JobShopLowerBound.compute(instance))],
            policy: &policy, stop: stop, observer: observer)
        return JobShopSolveOutcome(schedule: outcome.solution, makespan: Int(outcome.objective),
                                   priorMakespan: Int(outcome.startObjective), priorName: outcome.label,
                                   statistics: outcome.statistics)
    }
}
