import XCTest
import HunchCore

final class FixedSchedulePolicyTests: XCTestCase {
    private func picks(_ policy: inout some OperatorPolicy, operators: Int, count: Int) -> [Int] {
        policy.prepare(operatorCount: operators, featureCount: 1)
        var rng = SeededGenerator(seed: 9)
        let features: [Double] = [0]
        return (0..<count).map { _ in features.withUnsafeBufferPointer { policy.chooseOperator(features: $0, rng: &rng) } }
    }

    func testDefaultIsRoundRobinOverAllOperators() {
        var policy = FixedSchedulePolicy()
        XCTAssertEqual(picks(&policy, operators: 3, count: 7), [0, 1, 2, 0, 1, 2, 0])
    }

    func testGivenScheduleRepeatsAndIgnoresIndicesOutsideTheOperatorSet() {
        var policy = FixedSchedulePolicy(schedule: [2, 0, 0, 7, -1])
        XCTAssertEqual(picks(&policy, operators: 3, count: 7), [2, 0, 0, 2, 0, 0, 2])
        var unusable = FixedSchedulePolicy(schedule: [5])
        XCTAssertEqual(picks(&unusable, operators: 2, count: 4), [0, 1, 0, 1])
    }

    func testNamedFixedDrivesTheSearchWithEqualShares() {
        guard var policy = NamedPolicy(name: "fixed") else { return XCTFail("'fixed' is not a policy name") }
        XCTAssertEqual(policy.name, "fixed")
        XCTAssertTrue(NamedPolicy.names.contains("fixed"))
        let state = ToyState(x: 0, target: 40)
        var rng = SeededGenerator(seed: 2)
        let stats = LocalSearch().run(state: state, policy: &policy,
                                      stop: StopCondition(maxSteps: 101, interruption: Interruption()), rng: &rng)
        XCTAssertEqual(stats.applications, [51, 50])
        XCTAssertEqual(stats.bestObjective, state.objective)
    }
}
