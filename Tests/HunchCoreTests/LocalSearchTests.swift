import XCTest
import HunchCore

/// A toy family: minimise |x - target| over integers, with a "jump" and a "step" operator.
/// Small enough to check the loop's bookkeeping by hand.
final class ToyState: SearchState {
    var x: Int
    let target: Int
    var saved = 0
    var best = 0
    var trialStart = 0
    init(x: Int, target: Int) { self.x = x; self.target = target }
    var objective: Double { Double(abs(x - target)) }
    var operatorNames: [String] { ["step", "jump"] }
    var problemFeatureCount: Int { 1 }
    func writeProblemFeatures(to buffer: UnsafeMutableBufferPointer<Double>) { buffer[0] = 0.5 }
    func descend(stop: StopCondition) -> Int { 0 }
    func beginTrial() { trialStart = x }
    func apply(action: Int, rng: inout SeededGenerator, stop: StopCondition) -> Int {
        let delta = action == 0 ? 1 : 10
        x += rng.below(2) == 0 ? delta : -delta
        return delta
    }
    func commitTrial() {}
    func rollbackTrial() { x = trialStart }
    func saveBest() { best = x }
    func restoreBest() { x = best }
}

final class LocalSearchTests: XCTestCase {
    func testReachesTargetAndCountsSteps() {
        let state = ToyState(x: 0, target: 57)
        var policy = UniformPolicy()
        var rng = SeededGenerator(seed: 3)
        let stats = LocalSearch().run(state: state, policy: &policy, stop: StopCondition(maxSteps: 2000, interruption: Interruption()), rng: &rng)
        XCTAssertEqual(state.x, 57)
        XCTAssertEqual(stats.steps, 2000)
        XCTAssertEqual(stats.stopReason, .stepLimit)
        XCTAssertEqual(stats.applications.reduce(0, +), 2000)
        XCTAssertEqual(stats.initialObjective, 57)
        XCTAssertEqual(stats.bestObjective, 0)
    }

    final class Trace: SearchObserver {
        var currents: [Double] = []
        func searchDidStep(_ event: SearchStepEvent) { currents.append(event.current) }
    }

    func testThresholdAcceptanceStillReturnsBest() {
        let state = ToyState(x: 0, target: 5)
        var policy = UniformPolicy()
        var rng = SeededGenerator(seed: 1)
        let trace = Trace()
        let stats = LocalSearch(acceptance: .threshold(100)).run(
            state: state, policy: &policy, stop: StopCondition(maxSteps: 500, interruption: Interruption()),
            rng: &rng, observer: trace)
        // Accepting almost anything, the walk wanders away from its best…
        XCTAssertGreaterThan(trace.currents.max()!, stats.bestObjective)
        // …yet the loop hands back the best solution it ever held.
        XCTAssertEqual(stats.bestObjective, min(5, trace.currents.min()!))
        XCTAssertEqual(state.objective, stats.bestObjective)
    }

    func testInterruptionStopsBeforeFirstStep() {
        let state = ToyState(x: 0, target: 5)
        let interruption = Interruption()
        interruption.request()
        var policy = UniformPolicy()
        var rng = SeededGenerator(seed: 1)
        let stats = LocalSearch().run(state: state, policy: &policy, stop: StopCondition(interruption: interruption), rng: &rng)
        XCTAssertEqual(stats.steps, 0)
        XCTAssertEqual(stats.stopReason, .interrupted)
    }

    func testRouletteFavoursTheOperatorThatPays() {
        // Target far away: "jump" improves far more often early on than "step" does late.
        var policy = RoulettePolicy()
        policy.prepare(operatorCount: 2, featureCount: 0)
        for _ in 0..<200 {
            policy.observe(operator: 1, reward: 1, outcome: .newBest)
            policy.observe(operator: 0, reward: 0, outcome: .rejected)
        }
        let w = policy.currentWeights
        XCTAssertGreaterThan(w[1], 10 * w[0])
        var rng = SeededGenerator(seed: 2)
        let empty = UnsafeBufferPointer<Double>(start: nil, count: 0)
        let picks = (0..<1000).filter { _ in policy.chooseOperator(features: empty, rng: &rng) == 1 }.count
        XCTAssertGreaterThan(picks, 900)
    }
}

final class AnnealingAcceptanceTests: XCTestCase {
    func testThresholdFallsOverTheBudget() {
        let rule = Acceptance(name: "anneal:0.01:0.0001")!
        XCTAssertEqual(rule.name, "anneal:0.01:0.0001")
        // 0.5 % above the best: kept early (threshold 1 %), refused late (0.01 %).
        XCTAssertTrue(rule.accepts(candidate: 100.5, current: 100, best: 100, budgetUsed: 0))
        XCTAssertFalse(rule.accepts(candidate: 100.5, current: 100, best: 100, budgetUsed: 1))
        XCTAssertTrue(rule.accepts(candidate: 99, current: 100, best: 100, budgetUsed: 1))
        XCTAssertTrue(rule.mayLeaveBest)
        XCTAssertNil(Acceptance(name: "anneal:0.001:0.01"), "the threshold must fall")
        XCTAssertNil(Acceptance(name: "anneal:0.01"))
    }
}
