import XCTest
import HunchCore
@testable import HunchJobShop

/// The validator accepts a feasible schedule and catches each kind of violation.
final class JobShopValidationTests: XCTestCase {
    // Two jobs, two machines: J0 = (M0,3)(M1,2), J1 = (M1,4)(M0,1).
    let tiny = JobShopInstance(name: "tiny", jobCount: 2, machineCount: 2, machine: [[0, 1], [1, 0]], duration: [[3, 2], [4, 1]])

    func testFeasibleScheduleAndMakespan() throws {
        let s = JobShopSchedule(starts: [[0, 4], [0, 4]])
        XCTAssertNoThrow(try JobShopValidation.check(s, instance: tiny))
        XCTAssertEqual(s.makespan(tiny), 6)
    }

    func testJobPrecedenceViolation() {
        let s = JobShopSchedule(starts: [[0, 2], [0, 4]])   // J0's second op starts before its first ends
        XCTAssertThrowsError(try JobShopValidation.check(s, instance: tiny)) { e in
            XCTAssertTrue("\(e)".contains("job 0 operation 1 starts at 2 before operation 0 ends at 3"), "\(e)")
        }
    }

    func testMachineOverlap() {
        let s = JobShopSchedule(starts: [[0, 3], [0, 4]])   // M1: J1 [0,4) and J0 [3,5)
        XCTAssertThrowsError(try JobShopValidation.check(s, instance: tiny)) { e in
            XCTAssertTrue("\(e)".contains("machine 1"), "\(e)")
        }
    }

    func testNegativeStartAndWrongShape() {
        XCTAssertThrowsError(try JobShopValidation.check(JobShopSchedule(starts: [[-1, 4], [0, 4]]), instance: tiny))
        XCTAssertThrowsError(try JobShopValidation.check(JobShopSchedule(starts: [[0, 4]]), instance: tiny))
        XCTAssertThrowsError(try JobShopValidation.check(JobShopSchedule(starts: [[0, 4], [0]]), instance: tiny))
    }

    func testZeroLengthOperationsOccupyNoTime() throws {
        let instance = JobShopInstance(name: "z", jobCount: 2, machineCount: 1, machine: [[0], [0]], duration: [[5], [0]])
        XCTAssertNoThrow(try JobShopValidation.check(JobShopSchedule(starts: [[0], [2]]), instance: instance))
    }
}

/// `violations` lists every defect at once (what `hunch check` prints), and its first is what
/// `check` throws.
final class JobShopViolationsTests: XCTestCase {
    // Two jobs, two machines: J0 = (M0,3)(M1,2), J1 = (M1,4)(M0,1).
    let tiny = JobShopInstance(name: "tiny", jobCount: 2, machineCount: 2, machine: [[0, 1], [1, 0]], duration: [[3, 2], [4, 1]])

    func testPrecedenceAndOverlapAreBothListed() throws {
        // J0's second op starts before its first ends; on M1, J1 [0,4) and J0 [2,4) overlap;
        // on M0, J0 [0,3) and J1 [1,2) overlap.
        let s = JobShopSchedule(starts: [[0, 2], [0, 1]])
        let found = JobShopValidation.violations(s, instance: tiny).map(\.message)
        XCTAssertEqual(found, ["job 0 operation 1 starts at 2 before operation 0 ends at 3",
                               "job 1 operation 1 starts at 1 before operation 0 ends at 4",
                               "machine 0 runs job 0 during [0, 3) and job 1 from 1",
                               "machine 1 runs job 1 during [0, 4) and job 0 from 2"])
        XCTAssertThrowsError(try JobShopValidation.check(s, instance: tiny)) {
            XCTAssertEqual(($0 as? JobShopValidationError)?.message, found.first)
        }
        XCTAssertEqual(JobShopProblem.violations(JobShopSchedule(starts: [[0, 4], [0, 4]]), tiny, NoContext()), [])
    }

    /// A schedule that leaves operations out is read (for `hunch check`) and each gap listed;
    /// start times of operations the instance lacks are refused with their JSON path.
    func testMissingOperationsAreViolationsExtraOnesUnreadable() throws {
        let partial = try JobShopProblem.decode(.object(["starts": .array([.array([.int(0), .int(4)]), .array([.int(0)])])]), tiny, NoContext())
        XCTAssertEqual(JobShopProblem.violations(partial, tiny, NoContext()), ["job 1 has 1 start times, expected 2"])
        XCTAssertEqual(JobShopProblem.objective(partial, tiny, NoContext()), 6)
        XCTAssertThrowsError(try JobShopProblem.decode(.object(["starts": .array([.array([.int(0), .int(4), .int(9)])])]), tiny, NoContext())) {
            XCTAssertTrue("\($0)".contains("\"starts\"[0][2]"), "\($0)")
        }
        let oneJob = try JobShopProblem.decode(.object(["starts": .array([.array([.int(0), .int(4)])])]), tiny, NoContext())
        XCTAssertEqual(JobShopProblem.violations(oneJob, tiny, NoContext()), ["1 jobs in the schedule, the instance has 2"])
    }
}
