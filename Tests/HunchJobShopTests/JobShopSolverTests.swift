import XCTest
import HunchCore
@testable import HunchJobShop

/// The whole pipeline: valid, never worse than its start, optimal on ft06, reproducible.
final class JobShopSolverTests: XCTestCase {
    func testReachesTheOptimumOfFT06WithinASmallStepBudget() throws {
        let instance = try Bundled.load("ft06")
        var policy = UniformPolicy()
        let outcome = JobShopSolver.solve(instance, options: JobShopSolveOptions(), policy: &policy, stop: steps(20))
        XCTAssertNoThrow(try JobShopValidation.check(outcome.schedule, instance: instance))
        XCTAssertEqual(outcome.makespan, 55)
        XCTAssertEqual(outcome.schedule.makespan(instance), 55)
        XCTAssertEqual(outcome.priorName, "mwkr")
    }

    func testNeverWorseThanTheInitialScheduleAndValid() throws {
        for name in ["la01", "la04", "ft10"] {
            let instance = try Bundled.load(name)
            var rng = SeededGenerator(seed: 5)
            let initial = JobShopPrior.lpt.construct(instance, rng: &rng)
            var options = JobShopSolveOptions()
            options.initialSchedule = initial
            options.acceptance = .threshold(0.01)
            var policy = NamedPolicy(name: "roulette")!
            let outcome = JobShopSolver.solve(instance, options: options, policy: &policy, stop: steps(5))
            XCTAssertEqual(outcome.priorName, "initial")
            XCTAssertEqual(outcome.priorMakespan, initial.makespan(instance))
            XCTAssertLessThanOrEqual(outcome.makespan, outcome.priorMakespan, name)
            XCTAssertGreaterThanOrEqual(outcome.makespan, Bundled.optima[name]!, name)
            XCTAssertNoThrow(try JobShopValidation.check(outcome.schedule, instance: instance), name)
            XCTAssertEqual(outcome.schedule.makespan(instance), outcome.makespan)
        }
    }

    func testAnInfeasibleInitialScheduleFallsBackToThePrior() throws {
        let instance = try Bundled.load("ft06")
        var options = JobShopSolveOptions()
        options.initialSchedule = JobShopSchedule(starts: [[0]])
        var policy = UniformPolicy()
        let outcome = JobShopSolver.solve(instance, options: options, policy: &policy, stop: steps(1))
        XCTAssertEqual(outcome.priorName, "mwkr")
        XCTAssertNoThrow(try JobShopValidation.check(outcome.schedule, instance: instance))
    }

    func testSameSeedAndStepLimitGiveTheSameSchedule() throws {
        let instance = try Bundled.load("la02")
        func run(_ seed: UInt64) -> JobShopSolveOutcome {
            var options = JobShopSolveOptions()
            options.seed = seed
            options.prior = .random
            var policy = UniformPolicy()
            return JobShopSolver.solve(instance, options: options, policy: &policy, stop: steps(6))
        }
        let a = run(9), b = run(9)
        XCTAssertEqual(a.schedule, b.schedule)
        XCTAssertEqual(a.statistics.applications, b.statistics.applications)
        XCTAssertGreaterThanOrEqual(a.makespan, 655)
    }
}
