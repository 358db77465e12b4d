/// The problem-agnostic search loop: policy-guided iterated local search.
///
/// ```
/// descend(prior solution)
/// repeat until the stop condition:
///     features ← engine features ++ family features
///     a ← policy.choose(features)
///     begin trial; apply operator a (perturb + local descent)
///     keep or undo the trial by the acceptance rule; track the best
///     policy.observe(a, reward, outcome)
/// restore the best solution
/// ```
/// The loop knows no problem: it sees objectives, operator indices and features only.
public struct LocalSearch {
    public var acceptance: Acceptance
    /// Reward charged per unit of work (move evaluations), in units of relative improvement, so
    /// that expensive operators must earn their cost.
    public var workCharge: Double
    /// Stop as soon as the best objective is at or below this value (e.g. a lower bound that
    /// proves the solution optimal); nil: never.
    public var targetObjective: Double?

    public init(acceptance: Acceptance = .improvingOrEqual, workCharge: Double = 0, targetObjective: Double? = nil) {
        self.acceptance = acceptance
        self.workCharge = workCharge
        self.targetObjective = targetObjective
    }

    /// Runs the search on `state` until `stop` says so, and leaves the best solution in `state`.
    public func run<P: OperatorPolicy>(
        state: SearchState, policy: inout P, stop: StopCondition,
        rng: inout SeededGenerator, observer: SearchObserver? = nil
    ) -> SearchStatistics {
        let clock = stop.clock
        let start = clock.now()
        let names = state.operatorNames
        let k = names.count
        var stats = SearchStatistics()
        stats.operatorNames = names
        stats.applications = Array(repeating: 0, count: k)
        stats.improvements = Array(repeating: 0, count: k)
        stats.newBests = Array(repeating: 0, count: k)
        stats.work = Array(repeating: 0, count: k)
        stats.initialObjective = state.objective

        _ = state.descend(stop: stop)
        stats.descentObjective = state.objective
        var best = state.objective
        var bestSaved = false
        stats.timeToBest = clock.now() - start
        observer?.searchDidImprove(best: best, step: 0, elapsed: stats.timeToBest)

        let engineCount = SearchFeatures.engineFeatureCount(operatorCount: k)
        let featureCount = engineCount + state.problemFeatureCount
        var features = SearchFeatures(operatorCount: k)
        let buffer = UnsafeMutableBufferPointer<Double>.allocate(capacity: max(1, featureCount))
        buffer.initialize(repeating: 0)
        defer { buffer.deallocate() }
        state.writeProblemFeatures(to: UnsafeMutableBufferPointer(rebasing: buffer[engineCount...]))
        policy.prepare(operatorCount: k, featureCount: featureCount)
        let scale = max(1e-9, abs(stats.initialObjective))

        var step = 0
        var totalWork = 0
        var stepsSinceImprovement = 0
        let target = targetObjective ?? -.infinity
        while k > 0 && best > target && !stop.shouldStop(beforeStep: step, workDone: totalWork) {
            let current = state.objective
            let budgetUsed = stop.fractionUsed(step: step, startedAt: start, workDone: totalWork)
            features.write(to: buffer, budgetUsed: budgetUsed,
                           stepsSinceImprovement: stepsSinceImprovement, current: current, best: best)
            let action = policy.chooseOperator(features: UnsafeBufferPointer(buffer), rng: &rng)

            if acceptance.mayLeaveBest && !bestSaved && current == best {
                state.saveBest()
                bestSaved = true
            }
            state.beginTrial()
            let work = state.apply(action: action, rng: &rng, stop: stop)
            let candidate = state.objective
            let outcome: StepOutcome
            if acceptance.accepts(candidate: candidate, current: current, best: best, budgetUsed: budgetUsed) {
                state.commitTrial()
                if candidate < best {
                    outcome = .newBest
                } else if candidate < current {
                    outcome = .improved
                } else {
                    outcome = .accepted
                }
            } else {
                state.rollbackTrial()
                outcome = .rejected
            }

            let improvement = outcome == .newBest ? best - candidate : 0
            if outcome == .newBest {
                best = candidate
                bestSaved = false
                stepsSinceImprovement = 0
                stats.newBests[action] += 1
                stats.timeToBest = clock.now() - start
                observer?.searchDidImprove(best: best, step: step, elapsed: stats.timeToBest)
            } else {
                stepsSinceImprovement += 1
            }
            if outcome == .newBest || outcome == .improved { stats.improvements[action] += 1 }
            stats.applications[action] += 1
            stats.work[action] += work
            totalWork += work

            let relative = improvement / scale
            let reward = relative * 1000 - workCharge * Double(work)
            features.record(action: action, outcome: outcome, relativeImprovement: relative)
            policy.observe(operator: action, reward: reward, outcome: outcome)
            if let observer {
                observer.searchDidStep(SearchStepEvent(
                    step: step, action: action, outcome: outcome, reward: reward, work: work,
                    current: state.objective, best: best, elapsed: clock.now() - start,
                    features: UnsafeBufferPointer(buffer)))
            }
            step += 1
        }

        if state.objective > best {
            state.restoreBest()
        }
        stats.steps = step
        stats.bestObjective = state.objective
        stats.elapsed = clock.now() - start
        if best <= target {
            stats.stopReason = .targetReached
        } else if stop.interruption.isRequested {
            stats.stopReason = .interrupted
        } else if let maxSteps = stop.maxSteps, step >= maxSteps {
            stats.stopReason = .stepLimit
        } else if let maxWork = stop.maxWork, totalWork >= maxWork {
            stats.stopReason = .workLimit
        } else {
            stats.stopReason = .timeLimit
        }
        return stats
    }
}
