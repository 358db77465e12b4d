/// When a search must stop: a wall-clock deadline, a step limit, or an interruption —
/// whichever comes first. Operators receive it too, so a long descent on a huge instance
/// still returns on time.
public struct StopCondition: Sendable {
    /// Absolute deadline on `clock` (seconds), or nil for none.
    public var deadline: Double?
    /// Maximum number of search steps (policy decisions), or nil for none.
    public var maxSteps: Int?
    /// Maximum total work (the family's unit, e.g. move evaluations), or nil for none: a budget
    /// that is reproducible like a step limit yet charges expensive operators their cost.
    public var maxWork: Int?
    public var clock: any SearchClock
    public var interruption: Interruption

    public init(deadline: Double? = nil, maxSteps: Int? = nil, maxWork: Int? = nil,
                clock: any SearchClock = MonotonicClock(), interruption: Interruption = .process) {
        self.deadline = deadline
        self.maxSteps = maxSteps
        self.maxWork = maxWork
        self.clock = clock
        self.interruption = interruption
    }

    /// True when the deadline has passed or an interruption was requested. Cheap enough to call
    /// every few hundred inner-loop iterations.
    @inline(__always)
    public func timeIsUp() -> Bool {
        if interruption.isRequested { return true }
        if let deadline { return clock.now() >= deadline }
        return false
    }

    /// True when the search must stop before taking step number `step` (0-based).
    @inline(__always)
    public func shouldStop(beforeStep step: Int, workDone: Int = 0) -> Bool {
        if let maxSteps, step >= maxSteps { return true }
        if let maxWork, workDone >= maxWork { return true }
        return timeIsUp()
    }

    /// The fraction of the budget used, in [0, 1] (time or steps, whichever is further along);
    /// a feature for policies.
    public func fractionUsed(step: Int, startedAt start: Double, workDone: Int = 0) -> Double {
        var fraction = 0.0
        if let maxSteps, maxSteps > 0 { fraction = Double(step) / Double(maxSteps) }
        if let maxWork, maxWork > 0 { fraction = max(fraction, Double(workDone) / Double(maxWork)) }
        if let deadline, deadline > start {
            fraction = max(fraction, (clock.now() - start) / (deadline - start))
        }
        return min(1, max(0, fraction))
    }
}
