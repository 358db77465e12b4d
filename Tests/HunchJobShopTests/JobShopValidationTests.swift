import XCTest
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
