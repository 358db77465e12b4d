import Foundation
@testable import HunchRouting
import XCTest

final class VRPTWValidationTests: XCTestCase {
    /// Four nodes at scale 1, every arc 4 long; customer 1 due at 5, the depot closes at 12.
    static let square = VRPTWInstance(
        name: "square", convention: .dimacs, scale: 1, capacity: 10, vehicleCount: 2, demands: [0, 6, 6, 3],
        x: [0, 0, 0, 0], y: [0, 0, 0, 0], ready: [0, 0, 0, 0], due: [12, 5, 100, 100], service: [0, 0, 0, 0],
        matrix: [0, 4, 4, 4, 4, 0, 4, 4, 4, 4, 0, 4, 4, 4, 4, 0])

    /// Every violation is listed, in route order, then the fleet; `check` throws the first.
    func testListsEveryViolation() {
        let instance = Self.square
        // Route 1 carries 15, reaches customer 1 at 8 (due 5) and is back at 16 (depot due 12);
        // route 2 repeats customer 1 and holds the depot; route 3 holds a node that does not exist.
        let solution = VRPTWSolution(routes: [[2, 1, 3], [1, 0], [9]])
        let found = VRPTWValidation.violations(solution, instance: instance)
        XCTAssertEqual(found.map(\.kind), [.overCapacity, .lateService, .lateReturn, .visitedTwice, .notACustomer, .notACustomer, .tooManyRoutes])
        XCTAssertEqual(found.map(\.description), [
            "route 1 carries 15, above the capacity 10",
            "route 1: customer 1 is reached at 8, after its due time 5",
            "route 1 returns to the depot at 16, after its due time 12",
            "route 2: customer 1 is visited twice",
            "route 2: the depot (node 0) is not a customer (1…3)",
            "route 3: node 9 is not a customer (1…3)",
            "3 routes, above the 2 vehicles available",
        ])
        XCTAssertEqual(found[1].customer, 1)
        XCTAssertEqual(found[1].route, 1)
        XCTAssertThrowsError(try VRPTWValidation.check(solution, instance: instance)) {
            XCTAssertEqual($0 as? VRPTWViolation, found[0])
        }
        let partial = VRPTWValidation.violations(VRPTWSolution(routes: [[1]]), instance: instance)
        XCTAssertEqual(partial.map(\.description), ["customer 2 is not visited", "customer 3 is not visited"])
        XCTAssertTrue(VRPTWValidation.isValid(VRPTWSolution(routes: [[1, 3], [2]]), instance: instance))
    }

    /// RC101's DIMACS route set is optimal with one-decimal truncated times, but its route 4
    /// reaches customer 46 at 143.0704 > 143 with exact distances (instances/README.md lists
    /// RC101 among the 8 Solomon sets that break): feasible under `dimacs`, not under
    /// `hierarchical`, and the message names the customer, the arrival and the due time.
    func testTruncationFeasibleRouteSetIsLateWithExactDistances() throws {
        let dimacs = try SolomonReader.read(path: VRPTWTestFiles.path("RC101.txt"), convention: .dimacs)
        let exact = try SolomonReader.read(path: VRPTWTestFiles.path("RC101.txt"), convention: .hierarchical)
        let (solution, _) = try VRPTWSolutionFile.read(path: VRPTWTestFiles.path("RC101.sol"), instance: dimacs)
        XCTAssertEqual(VRPTWValidation.violations(solution, instance: dimacs), [])
        let found = VRPTWValidation.violations(solution, instance: exact)
        XCTAssertEqual(found.map(\.description), ["route 4: customer 46 is reached at 143.0704, after its due time 143"])
        XCTAssertEqual(found.first?.kind, .lateService)
        XCTAssertEqual(found.first?.customer, 46)
    }

    /// The schedule of a small Solomon text, computed by hand (dimacs, tenths): customer 1 at
    /// (3, 4), window [0, 20], service 2, demand 4; customer 2 at (6, 8), window [15, 30],
    /// service 1, demand 5; depot at (0, 0), open [0, 100].
    func testScheduleMatchesHandComputedTimes() throws {
        let instance = try SolomonReader.parse(VRPTWReaderTests.solomon(VRPTWReaderTests.small), file: "tiny.txt", convention: .dimacs)
        let schedule = VRPTWSchedule(route: [1, 2], instance: instance)
        XCTAssertEqual(schedule.departure, 0)
        XCTAssertEqual(schedule.initialLoad, 9)
        // 0 → 1: 5.0, arrive 5, serve 5…7, leave with 5 on board.
        XCTAssertEqual(schedule.stops[0], VRPTWSchedule.Stop(node: 1, arrival: 50, start: 50, waiting: 0, departure: 70, load: 5, isLate: false))
        // 1 → 2: 5.0, arrive 12, wait for 15, serve 15…16, empty.
        XCTAssertEqual(schedule.stops[1], VRPTWSchedule.Stop(node: 2, arrival: 120, start: 150, waiting: 30, departure: 160, load: 0, isLate: false))
        // 2 → 0: 10.0, back at 26 after 20 of distance.
        XCTAssertEqual(schedule.returnTime, 260)
        XCTAssertEqual(schedule.distance, 200)
        XCTAssertEqual(schedule.duration, 260)
        XCTAssertEqual(schedule.waiting, 30)
        XCTAssertFalse(schedule.returnsLate(instance))

        // Reversed, customer 1 is reached at 21 > 20: late, and timed on from its late start.
        let reversed = VRPTWSchedule(route: [2, 1], instance: instance)
        XCTAssertEqual(reversed.stops.map(\.arrival), [100, 210])
        XCTAssertEqual(reversed.stops.map(\.start), [150, 210])
        XCTAssertEqual(reversed.stops.map(\.isLate), [false, true])
        XCTAssertEqual(reversed.returnTime, 280)
        XCTAssertEqual(VRPTWValidation.violations(VRPTWSolution(routes: [[2, 1], [3]]), instance: instance).map(\.description),
                       ["route 1: customer 1 is reached at 21, after its due time 20"])

        let empty = VRPTWSchedule(route: [], instance: instance)
        XCTAssertEqual([empty.returnTime, empty.distance, empty.duration], [0, 0, 0])
    }

    func testTimesPrintInTheFileUnit() {
        XCTAssertEqual(VRPTWTime.format(9723, scale: 10), "972.3")
        XCTAssertEqual(VRPTWTime.format(9670, scale: 10), "967")
        XCTAssertEqual(VRPTWTime.format(1_430_704, scale: 10_000), "143.0704")
        XCTAssertEqual(VRPTWTime.format(1_430_500, scale: 10_000), "143.05")
        XCTAssertEqual(VRPTWTime.format(5, scale: 10_000), "0.0005")
        XCTAssertEqual(VRPTWTime.format(-15, scale: 10), "-1.5")
        XCTAssertEqual(VRPTWTime.format(42, scale: 1), "42")
    }
}
