import HunchCore

/// Wraps the search state so that the loop stops once the plan is provably optimal (every box
/// packed, or the fewest containers the volume allows; the engine's stop
/// condition knows only time, steps, work and interruption), and Ctrl-C still stops it.
final class EverythingPackedWatch: SearchState {
    let state: Packing3DSearchState
    let done: Interruption
    let callerInterruption: Interruption

    init(state: Packing3DSearchState, done: Interruption, callerInterruption: Interruption) {
        self.state = state
        self.done = done
        self.callerInterruption = callerInterruption
    }

    var objective: Double { state.objective }
    var operatorNames: [String] { state.operatorNames }
    var problemFeatureCount: Int { state.problemFeatureCount }
    func writeProblemFeatures(to buffer: UnsafeMutableBufferPointer<Double>) { state.writeProblemFeatures(to: buffer) }

    func descend(stop: StopCondition) -> Int {
        let work = state.descend(stop: callerStop(stop))
        check()
        return work
    }

    func beginTrial() { state.beginTrial() }

    func apply(action: Int, rng: inout SeededGenerator, stop: StopCondition) -> Int {
        let work = state.apply(action: action, rng: &rng, stop: callerStop(stop))
        check()
        return work
    }

    func commitTrial() { state.commitTrial(); check() }
    func rollbackTrial() { state.rollbackTrial() }
    func saveBest() { state.saveBest() }
    func restoreBest() { state.restoreBest() }

    private func callerStop(_ stop: StopCondition) -> StopCondition {
        var s = stop
        s.interruption = callerInterruption
        return s
    }

    private func check() {
        if callerInterruption.isRequested || state.everythingPacked { done.request() }
    }
}
