import Foundation
import HunchCore
@testable import HunchRouting
import XCTest

/// The schedule, the validator, the objective, the unassigned reasons and the plan JSON on
/// instances/dispatch/small.json, every number computed by hand (README there: vehicles 0 and
/// 1 are van#1 and van#2 from "west" (0, 0), vehicle 2 the open truck#1 from "east" (100, 0);
/// jobs o1…o10 are indices 0…9).
final class DispatchValidationTests: XCTestCase {
    /// A plan serving every mandatory job, leaving out the two optional ones (o8, o10).
    static let feasible = DispatchSolution(routes: [
        .init(vehicle: 0, jobs: [0, 1]),        // van#1: o1, o2
        .init(vehicle: 1, jobs: [8, 2, 3]),     // van#2: o9, o3, o4
        .init(vehicle: 2, jobs: [6, 4, 5]),     // truck#1: o7, o5, o6
    ], unassigned: [7, 9])

    // MARK: Schedule

    /// van#1 serves o1 at (30, 40), window [0, 70], service 10, then o2 at (60, 80), windows
    /// [20, 60] and [150, 300], service 10. Leaving at 0: o1 at 50 (room 20 in its window),
    /// o2 at 110, too late for the first window, so it waits 40 for the second. The departure
    /// moves by min(0 + 20, 40 + 150, 40) = 20: o1 at 70, o2 at 130, waits 20, starts at 150.
    func testScheduleWithTwoWindowsServedInTheSecond() throws {
        let instance = try DispatchFiles.small()
        let schedule = DispatchSchedule(jobs: [0, 1], vehicleType: 0, instance: instance)
        XCTAssertEqual(schedule.departure, 20)
        XCTAssertEqual(schedule.initialLoad, [5, 1])
        XCTAssertEqual(schedule.stops, [
            .init(job: 0, location: 2, arrival: 70, start: 70, waiting: 0, departure: 80, load: [2, 1], lateness: 0, window: 0),
            .init(job: 1, location: 3, arrival: 130, start: 150, waiting: 20, departure: 160, load: [0, 0], lateness: 0, window: 1),
        ])
        XCTAssertEqual(schedule.returnTime, 260, "o2 → west is 100")
        XCTAssertEqual(schedule.distance, 200)
        XCTAssertEqual(schedule.duration, 240)
        XCTAssertEqual(schedule.cost, 210, "fixed 10 + 1 per unit of distance")
        XCTAssertEqual(schedule.lateness, 0)
        XCTAssertEqual(schedule.waiting, 20)
    }

    /// The truck's open route from east (100, 0): o7 at (50, 0), o5 at (130, 40) (window
    /// [50, 200]), o6 at (160, 80); it ends at o6. No waiting, so it leaves at its shift start.
    func testOpenRouteEndsAtItsLastJob() throws {
        let instance = try DispatchFiles.small()
        let schedule = DispatchSchedule(jobs: [6, 4, 5], vehicleType: 1, instance: instance)
        XCTAssertEqual(schedule.departure, 0)
        XCTAssertEqual(schedule.stops.map(\.arrival), [50, 144, 204], "50, then √(80² + 40²) = 89, then 50")
        XCTAssertEqual(schedule.stops.map(\.departure), [55, 154, 204])
        XCTAssertEqual(schedule.stops.map(\.load), [[9, 2], [6, 2], [0, 0]])
        XCTAssertEqual(schedule.returnTime, 204)
        XCTAssertEqual(schedule.distance, 189)
        XCTAssertEqual(schedule.duration, 204)
        XCTAssertEqual(schedule.cost, 50 + 2 * 189 + 0.5 * 204)
    }

    /// The earliest start inside a window, or late on arrival.
    func testServiceStart() {
        let windows = [[10, 20], [40, 50]]
        XCTAssertEqual(DispatchSchedule.serviceStart(arrival: 5, windows: windows).start, 10)
        XCTAssertEqual(DispatchSchedule.serviceStart(arrival: 15, windows: windows).start, 15)
        XCTAssertEqual(DispatchSchedule.serviceStart(arrival: 21, windows: windows).start, 40)
        XCTAssertEqual(DispatchSchedule.serviceStart(arrival: 21, windows: windows).window, 1)
        XCTAssertEqual(DispatchSchedule.serviceStart(arrival: 50, windows: windows).lateness, 0)
        let late = DispatchSchedule.serviceStart(arrival: 57, windows: windows)
        XCTAssertEqual(late.start, 57)
        XCTAssertEqual(late.lateness, 7)
        XCTAssertNil(late.window)
        XCTAssertEqual(DispatchSchedule.serviceStart(arrival: 57, windows: []).start, 57)
    }

    // MARK: Validation and objective

    func testFeasiblePlanAndObjective() throws {
        let instance = try DispatchFiles.small()
        XCTAssertEqual(DispatchValidation.violations(Self.feasible, instance: instance), [])
        // van#1 210; van#2 o9, o3, o4: 50 + 50 + 100 + 117 = 317, plus 10; truck 530; prizes 30 + 500.
        XCTAssertEqual(DispatchValidation.objective(Self.feasible, instance: instance), 210 + 327 + 530 + 30 + 500, accuracy: 1e-9)
        // Leaving out mandatory o7 costs the missed-job charge, far above any saving.
        let missing = DispatchSolution(routes: [.init(vehicle: 0, jobs: [0, 1]), .init(vehicle: 1, jobs: [8, 2, 3]),
                                                .init(vehicle: 2, jobs: [4, 5])], unassigned: [6, 7, 9])
        XCTAssertEqual(DispatchValidation.violations(missing, instance: instance), [], "an unassigned mandatory job is not a violation")
        XCTAssertGreaterThan(DispatchValidation.objective(missing, instance: instance), DispatchValidation.missedJobCharge)
    }

    /// Every violation of a bad plan at once, route by route, then the unassigned list.
    func testListsEveryViolation() throws {
        var instance = try DispatchFiles.small()
        instance.vehicleTypes[0].maxDistance = 300
        instance.vehicleTypes[1].shiftEnd = 100
        instance.vehicleTypes[1].maxDuration = 90
        let solution = DispatchSolution(routes: [
            .init(vehicle: 0, jobs: [2, 0, 4]),      // o3, o1 (late), o5 (fridge, late)
            .init(vehicle: 1, jobs: [3, 5, 7, 2]),   // o4, o6 (fridge), o8, o3 again: [19, 4] on board
            .init(vehicle: 2, jobs: [4, 5, 42]),     // o5 twice, o6 twice, then no such job
            .init(vehicle: 7, jobs: [0]),
        ], unassigned: [1, 3])
        let found = DispatchValidation.violations(solution, instance: instance)
        XCTAssertEqual(found.map(\.description), [
            #"van#1 serves job "o5" without the skill "fridge""#,
            #"van#1 reaches job "o1" at 101, after its window [0, 70]"#,
            #"van#1 reaches job "o5" at 211, after its window [50, 200]"#,
            "van#1 drives 332, above its max distance 300",
            #"van#2: job "o3" is served twice"#,
            #"van#2 serves job "o6" without the skill "fridge""#,
            "van#2 carries 19 in dimension 1, above its capacity 10",
            "van#2 carries 4 in dimension 2, above its capacity 2",
            "van#2 drives 429, above its max distance 300",
            #"truck#1: job "o5" is served twice"#,
            #"truck#1: job "o6" is served twice"#,
            "truck#1: job index 42 is out of range (0…9)",
            "truck#1 finishes its last job at 110, after its shift ends at 100",
            "truck#1 works 110, above its max duration 90",
            "a route names vehicle 7; the fleet has 3 (0…2)",
            #"job "o4" is served and also listed as unassigned"#,
            #"job "o7" is neither served nor listed as unassigned"#,
            #"job "o9" is neither served nor listed as unassigned"#,
            #"job "o10" is neither served nor listed as unassigned"#,
        ])
        XCTAssertEqual(found.map(\.kind), [
            .missingSkill, .missedWindow, .missedWindow, .overMaxDistance,
            .jobServedTwice, .missingSkill, .overCapacity, .overCapacity, .overMaxDistance,
            .jobServedTwice, .jobServedTwice, .jobOutOfRange, .lateReturn, .overMaxDuration,
            .vehicleOutOfRange, .jobServedAndUnassigned, .jobNotPlanned, .jobNotPlanned, .jobNotPlanned,
        ])
        XCTAssertEqual(found[1].job, 0)
        XCTAssertEqual(found[1].vehicle, 0)
        XCTAssertThrowsError(try DispatchValidation.check(solution, instance: instance)) {
            XCTAssertEqual($0 as? DispatchViolation, found[0])
        }
    }

    func testVehicleUsedTwice() throws {
        let instance = try DispatchFiles.small()
        let solution = DispatchSolution(routes: [.init(vehicle: 1, jobs: [2]), .init(vehicle: 1, jobs: [6])],
                                        unassigned: [0, 1, 3, 4, 5, 7, 8, 9])
        XCTAssertEqual(DispatchValidation.violations(solution, instance: instance).map(\.description), ["van#2 drives two routes"])
    }

    // MARK: Unassigned reasons

    func testReasonNoVehicleHasTheSkill() throws {
        var instance = try DispatchFiles.small()
        instance.skills.append("crane")
        instance.jobs[2].skills = [1]
        XCTAssertEqual(DispatchValidation.unassignedReason(job: 2, instance: instance, solution: Self.feasible),
                       #"no vehicle type has the skill "crane""#)
    }

    func testReasonCapacity() throws {
        var instance = try DispatchFiles.small()
        instance.jobs[2].delivery = [40, 0]
        XCTAssertEqual(DispatchValidation.unassignedReason(job: 2, instance: instance, solution: Self.feasible),
                       "its delivery [40, 0] exceeds the capacity of every vehicle type with its skills (van [10, 2], truck [30, 6])")
    }

    /// o9 at (−40, 30) with window [0, 20]: 50 from west, 143 from east.
    func testReasonUnreachableEvenAlone() throws {
        var instance = try DispatchFiles.small()
        instance.jobs[8].timeWindows = [[0, 20]]
        XCTAssertEqual(DispatchValidation.unassignedReason(job: 8, instance: instance, solution: Self.feasible),
                       "no vehicle can serve it in time, even alone: a van leaving at 0 reaches it at 50, after its window [0, 20]; "
                       + "a truck leaving at 0 reaches it at 143, after its window [0, 20]")
    }

    /// o8 (prize 30) at (100, 120): cheapest after o2 on van#1, 57 + 156 − 100 = +113.
    /// o10 (prize 500) at (50, −50): after o2 on van#1, 130 + 71 − 100 = +101.
    func testReasonOptionalCostAgainstPrize() throws {
        let instance = try DispatchFiles.small()
        XCTAssertEqual(DispatchValidation.unassignedReason(job: 7, instance: instance, solution: Self.feasible),
                       "optional: serving it would add at least 113 to the cost (on van#1), more than its prize 30")
        XCTAssertEqual(DispatchValidation.unassignedReason(job: 9, instance: instance, solution: Self.feasible),
                       "optional: it fits on van#1 for 101, no more than its prize 500, but the plan leaves it out")
    }

    /// Vans of capacity [5, 2] full after [o1, o2] and [o4]; the truck (shift ending at 250)
    /// can take o3's load but not its detour in time.
    func testReasonNoRoomLeft() throws {
        var instance = try DispatchFiles.small()
        instance.vehicleTypes[0].capacity = [5, 2]
        instance.vehicleTypes[1].shiftEnd = 250
        let solution = DispatchSolution(routes: [.init(vehicle: 0, jobs: [0, 1]), .init(vehicle: 1, jobs: [3]),
                                                 .init(vehicle: 2, jobs: [6, 4, 5])], unassigned: [2, 7, 8, 9])
        XCTAssertEqual(DispatchValidation.violations(solution, instance: instance), [])
        XCTAssertEqual(DispatchValidation.unassignedReason(job: 2, instance: instance, solution: solution),
                       "no room left in the plan: van#1, van#2 are full (capacity taken by other jobs); "
                       + "truck#1 has no time left for it (windows, shift or limits taken by other jobs)")
    }

    /// o9 left out of the feasible plan fits first on van#2: 50 + 50 − 60 = +40.
    func testReasonFitsButLeftOut() throws {
        let instance = try DispatchFiles.small()
        let solution = DispatchSolution(routes: [.init(vehicle: 0, jobs: [0, 1]), .init(vehicle: 1, jobs: [2, 3]),
                                                 .init(vehicle: 2, jobs: [6, 4, 5])], unassigned: [7, 8, 9])
        XCTAssertEqual(DispatchValidation.unassignedReason(job: 8, instance: instance, solution: solution),
                       "it fits on van#2, adding 40 to the cost, but the plan leaves it out")
        let unused = DispatchSolution(routes: [.init(vehicle: 0, jobs: [0, 1]), .init(vehicle: 2, jobs: [6, 4, 5])],
                                      unassigned: [2, 3, 7, 8, 9])
        XCTAssertEqual(DispatchValidation.unassignedReason(job: 8, instance: instance, solution: unused),
                       "it fits on the unused van#2, adding 110 to the cost, but the plan leaves it out")
    }

    // MARK: Plan JSON

    func testEncodeDecodeIsTheIdentity() throws {
        let instance = try DispatchFiles.small()
        for solution in [Self.feasible, DispatchSolution(routes: [.init(vehicle: 2, jobs: [4])], unassigned: [0, 1, 2, 3, 5, 6, 7, 8, 9])] {
            let value = DispatchPlanJSON.encode(solution, instance: instance)
            XCTAssertEqual(try DispatchPlanJSON.decode(value, instance: instance), solution)
            let text = DispatchPlanJSON.format(solution, instance: instance)
            let reread = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
            XCTAssertEqual(try DispatchPlanJSON.decode(reread, instance: instance), solution)
        }
    }

    func testEncodedPlan() throws {
        let instance = try DispatchFiles.small()
        let plan = DispatchPlanJSON.encode(Self.feasible, instance: instance)
        XCTAssertEqual(plan["format"], .string("hunch-dispatch-plan"))
        XCTAssertEqual(plan["instance"], .string("small"))
        guard case .array(let routes)? = plan["routes"], case .array(let unassigned)? = plan["unassigned"] else {
            return XCTFail("routes and unassigned are arrays")
        }
        XCTAssertEqual(routes.count, 3)
        XCTAssertEqual(routes[0]["vehicle"], .string("van#1"))
        XCTAssertEqual(routes[0]["vehicle_type"], .string("van"))
        XCTAssertEqual(routes[0]["departure"], .int(20))
        XCTAssertEqual(routes[0]["return"], .int(260))
        XCTAssertEqual(routes[0]["cost"], .double(210))
        XCTAssertEqual(routes[2]["end_depot"], .null)
        guard case .array(let stops)? = routes[0]["stops"] else { return XCTFail("stops") }
        XCTAssertEqual(stops[1], .object(["job": .string("o2"), "location": .int(3), "arrival": .int(130), "start": .int(150),
                                          "departure": .int(160), "waiting": .int(20), "load": .array([.int(0), .int(0)])]))
        XCTAssertEqual(plan["totals"]?["served"], .int(8))
        XCTAssertEqual(plan["totals"]?["vehicles"], .int(3))
        XCTAssertEqual(plan["totals"]?["distance"], .int(200 + 317 + 189))
        XCTAssertEqual(plan["totals"]?["cost"], .double(210 + 327 + 530))
        XCTAssertEqual(plan["totals"]?["objective"], .double(1597))
        XCTAssertEqual(unassigned.map { $0["job"] }, [.string("o8"), .string("o10")])
    }

    /// The hand-written form: vehicles by name, stops as bare ids or objects; errors by path.
    func testDecodeHandWrittenPlan() throws {
        let instance = try DispatchFiles.small()
        let text = #"{"routes": [{"vehicle": "truck#1", "stops": ["o7", {"job": "o5"}, "o6"]}, {"vehicle": "van#1", "stops": [{"job": "o1"}]}], "unassigned": ["o2"]}"#
        let value = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        XCTAssertEqual(try DispatchPlanJSON.decode(value, instance: instance),
                       DispatchSolution(routes: [.init(vehicle: 2, jobs: [6, 4, 5]), .init(vehicle: 0, jobs: [0])], unassigned: [1]))
        let bad: [(String, String)] = [
            (#"{"routes": [{"vehicle": "van#1", "stops": [{"job": "o1"}]}, {"vehicle": "van#2", "stops": ["o3", "o77"]}]}"#,
             #"routes[1].stops[1]: "o77" is not a job id"#),
            (#"{"routes": [{"vehicle": "van#1", "stops": [{"job": "o1"}, {"job": "o77"}]}]}"#,
             #"routes[0].stops[1].job: "o77" is not a job id"#),
            (#"{"routes": [{"vehicle": "van#9", "stops": []}]}"#,
             #"routes[0].vehicle: "van#9" is not a vehicle (expected type#number: van#1…van#2, truck#1…truck#1)"#),
            (#"{"routes": [{"stops": []}]}"#, #"routes[0]: missing "vehicle""#),
            (#"{"routes": [{"vehicle": "van#1", "vehicle_type": "truck", "stops": []}]}"#,
             #"routes[0].vehicle_type: "truck" disagrees with "vehicle": "van#1" is a van"#),
            (#"{"format": "hunch-dispatch", "routes": []}"#, #"format: expected "hunch-dispatch-plan", found "hunch-dispatch" (an instance, not a plan)"#),
            (#"{"routes": [], "unassigned": [{"job": 3}]}"#, "unassigned[0].job: 3 is not a job id"),
            (#"{"plan": []}"#, #"missing "routes""#),
        ]
        for (text, message) in bad {
            let value = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
            XCTAssertThrowsError(try DispatchPlanJSON.decode(value, instance: instance), message) {
                XCTAssertEqual(($0 as? ProblemError)?.description, message)
            }
        }
    }
}
