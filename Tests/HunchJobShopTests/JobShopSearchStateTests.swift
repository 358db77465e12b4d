import XCTest
import HunchCore
@testable import HunchJobShop

/// Every operator keeps the state a valid schedule whose makespan is the objective, and a
/// rolled-back trial restores the exact schedule.
final class JobShopSearchStateTests: XCTestCase {
    func testEveryOperatorKeepsStateValidAndRollbackRestores() throws {
        for name in ["ft06", "la02", "ft10"] {
            let instance = try Bundled.load(name)
            var rng = SeededGenerator(seed: 11)
            let start = JobShopPrior.random.construct(instance, rng: &rng)
            let state = try XCTUnwrap(JobShopSearchState(instance: instance, schedule: start))
            state.patience = 50
            state.maxBurstIterations = 200
            XCTAssertLessThanOrEqual(state.makespan, start.makespan(instance), "left shift never lengthens")
            let stop = steps(1_000)
            for round in 0..<3 {
                for action in 0..<JobShopSearchState.operators.count {
                    let before = state.currentSchedule
                    let objectiveBefore = state.objective
                    state.beginTrial()
                    _ = state.apply(action: action, rng: &rng, stop: stop)
                    let after = state.currentSchedule
                    XCTAssertNoThrow(try JobShopValidation.check(after, instance: instance), "\(name) op \(action)")
                    XCTAssertEqual(Double(after.makespan(instance)), state.objective, "\(name) op \(action)")
                    if round == 1 {
                        state.rollbackTrial()
                        XCTAssertEqual(state.currentSchedule, before, "\(name) op \(action) rollback")
                        XCTAssertEqual(state.objective, objectiveBefore)
                    } else {
                        state.commitTrial()
                    }
                    if action <= 2 {   // plain tabu bursts return to their best: never worse
                        XCTAssertLessThanOrEqual(state.objective, objectiveBefore, "\(name) op \(action)")
                    }
                }
            }
            XCTAssertGreaterThanOrEqual(state.makespan, JobShopLowerBound.compute(instance))
        }
    }

    func testSaveAndRestoreBest() throws {
        let instance = try Bundled.load("la03")
        var rng = SeededGenerator(seed: 2)
        let state = try XCTUnwrap(JobShopSearchState(instance: instance, schedule: JobShopPrior.spt.construct(instance, rng: &rng)))
        state.saveBest()
        let saved = state.currentSchedule
        _ = state.apply(action: 3, rng: &rng, stop: steps(10))
        state.restoreBest()
        XCTAssertLessThanOrEqual(state.makespan, saved.makespan(instance))
    }

    func testCyclicSequencesAreRefused() {
        // J0 = (M0)(M1), J1 = (M1)(M0): M0 runs J1 first and M1 runs J0 first → a cycle.
        let instance = JobShopInstance(name: "c", jobCount: 2, machineCount: 2, machine: [[0, 1], [1, 0]], duration: [[1, 1], [1, 1]])
        XCTAssertNil(JobShopSearchState(instance: instance, sequences: [[3, 0], [1, 2]]))
        XCTAssertNotNil(JobShopSearchState(instance: instance, sequences: [[0, 3], [2, 1]]))
    }
}
