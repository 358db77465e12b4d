import Foundation
import HunchCore
@testable import HunchRouting
import HunchTestSupport
import XCTest

/// The routing search on dispatch days: skills, several windows, open routes, optional and
/// unreachable jobs, fewest vehicles, and the search's costs against the independent validator.
final class DispatchSearchTests: XCTestCase {
    static func path(_ name: String) -> String { Bundled.root.appendingPathComponent("instances/dispatch/\(name).json").path }

    /// Writes `text` to a temporary `.json` file and returns its path.
    func file(_ text: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dispatch-\(UUID().uuidString).json")
        try text.write(to: url, atomically: true, encoding: .utf8)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url.path
    }

    func solve(_ path: String, steps: Int = 300, seed: UInt64 = 1) throws -> (DispatchSolution, DispatchInstance, SolveRecord) {
        var settings = SolveSettings()
        settings.maxSteps = steps
        settings.seed = seed
        let clock = MonotonicClock()
        let request = SolveRequest(path: path, settings: settings, commandStart: clock.now(), stop: StopCondition(clock: clock))
        let outcome = try SolvePipeline<DispatchProblem>.solve(request)
        let instance = try DispatchReader.read(path: path)
        return (try XCTUnwrap(outcome.solution), instance, outcome.record)
    }

    /// A generated day small enough for a debug build.
    func generatedDay(jobs: Int, seed: UInt64, minimiseVehicles: Bool = false) throws -> String {
        var text = DispatchGenerator.generate(jobs: jobs, depots: 2, optionalShare: 0.1, seed: seed)
        if minimiseVehicles {
            text = text.replacingOccurrences(of: "\"format\":", with: "\"options\": {\"minimise_vehicles\": true}, \"format\":")
        }
        return try file(text)
    }

    func testSmallDayRespectsSkillsWindowsAndTheOpenRoute() throws {
        let (plan, instance, record) = try solve(Self.path("small"))
        XCTAssertEqual(DispatchValidation.violations(plan, instance: instance).map(\.description), [])
        XCTAssertLessThanOrEqual(try XCTUnwrap(record.objective), try XCTUnwrap(record.initialObjective))
        let fridge = instance.skills.firstIndex(of: "fridge")
        for route in plan.routes {
            let (type, _) = try XCTUnwrap(instance.typeAndOrdinal(ofVehicle: route.vehicle))
            for j in route.jobs where instance.jobs[j].skills.contains(where: { $0 == fridge }) {
                XCTAssertEqual(instance.vehicleTypes[type].id, "truck", "\(instance.jobs[j].id) needs the fridge")
            }
            // The truck's route is open: it ends at its last job.
            if instance.vehicleTypes[type].endDepot == nil, let schedule = DispatchValidation.schedule(route, instance: instance) {
                XCTAssertEqual(schedule.returnTime, schedule.stops.last?.departure)
            }
        }
        // Every mandatory job of this day can be served, and is.
        XCTAssertEqual(plan.unassigned.filter { instance.jobs[$0].prize == nil }, [])
    }

    /// After every operator the search's cost is the validator's (thousandths), the plan is
    /// valid, and a rollback restores it.
    func testSearchCostsAgreeWithTheValidator() throws {
        let path = try generatedDay(jobs: 40, seed: 3)
        let instance = try DispatchReader.read(path: path)
        let context = try DispatchProblem.context(instance, options: FamilyOptions())
        var rng = SeededGenerator(seed: 4)
        let start = DispatchProblem.construct(prior: "insertion", instance, context, rng: &rng, stop: StopCondition()).solution
        let state = DispatchProblem.makeState(instance, start: start, context, rng: &rng)
        _ = state.descend(stop: StopCondition())
        for step in 0..<120 {
            let before = state.routes
            let objective = state.objective
            state.beginTrial()
            _ = state.apply(action: step % RoutingSearchState.operators.count, rng: &rng, stop: StopCondition())
            let plan = DispatchProblem.solution(of: state, instance, context)
            XCTAssertEqual(DispatchValidation.violations(plan, instance: instance).map(\.description), [])
            XCTAssertEqual(state.objective / RoutingModel.costScale, DispatchValidation.objective(plan, instance: instance),
                           accuracy: 0.01 * Double(plan.routes.count + 1), "step \(step)")
            if step % 3 == 0 {
                state.rollbackTrial()
                XCTAssertEqual(state.routes, before)
                XCTAssertEqual(state.objective, objective)
            } else {
                state.commitTrial()
            }
        }
    }

    /// A job no vehicle can reach in time is left out with its reason; the rest is planned.
    func testUnreachableJobGivesAPartialPlanWithReasons() throws {
        let text = try String(contentsOfFile: Self.path("small"), encoding: .utf8)
            .replacingOccurrences(of: "{\"id\": \"o9\", \"location\": 10, \"delivery\": [1, 0], \"time_windows\": [[50, 120]]}",
                                  with: "{\"id\": \"o9\", \"location\": [5000, 5000], \"delivery\": [1, 0], \"time_windows\": [[0, 60]]}")
        XCTAssertTrue(text.contains("[5000, 5000]"), "the fixture changed: update the replacement")
        let (plan, instance, record) = try solve(try file(text))
        let o9 = try XCTUnwrap(instance.jobs.firstIndex { $0.id == "o9" })
        XCTAssertTrue(plan.unassigned.contains(o9))
        XCTAssertEqual(DispatchValidation.violations(plan, instance: instance).map(\.description), [])
        let reason = DispatchValidation.unassignedReason(job: o9, instance: instance, solution: plan)
        XCTAssertTrue(reason.contains("reach") || reason.contains("window"), reason)
        XCTAssertEqual(record.details?["unassigned_mandatory"], .int(1))
        XCTAssertEqual(plan.unassigned.filter { instance.jobs[$0].prize == nil }, [o9])
    }

    /// A job whose first window cannot be met is served in its second.
    func testSecondWindowIsUsedWhenTheFirstCannotBeMet() throws {
        let text = """
        {"format": "hunch-dispatch", "version": 1, "name": "two-windows",
         "locations": [[0, 0], [100, 0], [0, 20]],
         "depots": [{"id": "d", "location": 0}],
         "vehicle_types": [{"id": "van", "count": 1, "capacity": [10], "shift": [0, 1000], "start_depot": "d"}],
         "jobs": [{"id": "far", "location": 1, "delivery": [1], "time_windows": [[10, 20], [200, 300]]},
                  {"id": "near", "location": 2, "delivery": [1], "time_windows": [[0, 500]]}]}
        """
        let (plan, instance, _) = try solve(try file(text), steps: 50)
        XCTAssertEqual(plan.unassigned, [])
        let route = try XCTUnwrap(plan.routes.first)
        let schedule = try XCTUnwrap(DispatchValidation.schedule(route, instance: instance))
        let far = try XCTUnwrap(schedule.stops.first { instance.jobs[$0.job].id == "far" })
        XCTAssertEqual(far.start, 200)
        XCTAssertEqual(far.window, 1)
    }

    /// `minimise_vehicles` never uses more vehicles than the cost objective on the same day.
    func testMinimiseVehicles() throws {
        let (plain, _, _) = try solve(try generatedDay(jobs: 40, seed: 8), steps: 150)
        let (fewest, instance, _) = try solve(try generatedDay(jobs: 40, seed: 8, minimiseVehicles: true), steps: 150)
        XCTAssertTrue(instance.minimiseVehicles)
        XCTAssertLessThanOrEqual(fewest.routes.count, plain.routes.count)
    }

    func testConformance() throws {
        let paths = [Self.path("small"), try generatedDay(jobs: 30, seed: 5)]
        let failures = ProblemConformance<DispatchProblem>.check(paths: paths, corrupt: { plan, _ in
            // Every job on the first vehicle: over its capacity and shift.
            DispatchSolution(routes: [.init(vehicle: 0, jobs: plan.routes.flatMap(\.jobs) + plan.unassigned)], unassigned: [])
        })
        XCTAssertEqual(failures, [])
    }
}
