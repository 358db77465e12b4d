import XCTest
import HunchCore
@testable import HunchJobShop

/// GLPK proves the published optima and reports honest statuses under a time limit.
final class JobShopExactTests: XCTestCase {
    func testProvesFT06Optimal() throws {
        let instance = try Bundled.load("ft06")
        // Start from a poor incumbent so that the MIP, not the bound, has to do the proof.
        var rng = SeededGenerator(seed: 1)
        let incumbent = JobShopPrior.spt.construct(instance, rng: &rng)
        XCTAssertGreaterThan(incumbent.makespan(instance), 55)
        XCTAssertLessThan(JobShopLowerBound.compute(instance), 55)
        let result = try JobShopExactSolver.solve(instance, incumbent: incumbent, timeLimit: 60, verbose: false)
        XCTAssertEqual(result.status, .optimal)
        XCTAssertEqual(result.makespan, 55)
        XCTAssertEqual(result.bound, 55)
        let schedule = try XCTUnwrap(result.schedule)
        XCTAssertNoThrow(try JobShopValidation.check(schedule, instance: instance))
        XCTAssertEqual(schedule.makespan(instance), 55)
    }

    func testProvesLA01OptimalFromItsOwnIncumbent() throws {
        let instance = try Bundled.load("la01")
        let result = try JobShopExactSolver.solve(instance, incumbent: nil, timeLimit: 30, verbose: false)
        XCTAssertEqual(result.status, .optimal)
        XCTAssertEqual(result.makespan, 666)
        XCTAssertEqual(result.bound, 666)
        XCTAssertNoThrow(try JobShopValidation.check(try XCTUnwrap(result.schedule), instance: instance))
    }

    func testZeroTimeLimitGivesAValidStatusAndBound() throws {
        let instance = try Bundled.load("ft10")
        var rng = SeededGenerator(seed: 1)
        let incumbent = JobShopPrior.mwkr.construct(instance, rng: &rng)
        let result = try JobShopExactSolver.solve(instance, incumbent: incumbent, timeLimit: 0, verbose: false)
        XCTAssertTrue([.feasible, .optimal].contains(result.status), "\(result.status)")
        XCTAssertLessThanOrEqual(result.bound, 930)
        XCTAssertLessThanOrEqual(result.makespan ?? .max, incumbent.makespan(instance))
        XCTAssertNoThrow(try JobShopValidation.check(try XCTUnwrap(result.schedule), instance: instance))
        XCTAssertEqual(result.status.name, result.status == .optimal ? "optimal" : "feasible")
    }

    func testBadArgumentsThrowClearErrors() throws {
        let instance = try Bundled.load("ft06")
        XCTAssertThrowsError(try JobShopExactSolver.solve(instance, incumbent: nil, timeLimit: -1, verbose: false)) {
            XCTAssertTrue("\($0)".contains("time limit"))
        }
        XCTAssertThrowsError(try JobShopExactSolver.solve(instance, incumbent: JobShopSchedule(starts: [[0]]), timeLimit: 1, verbose: false)) {
            XCTAssertTrue("\($0)".contains("incumbent"))
        }
    }
}
