import Foundation
import HunchCore
import HunchRouting
import XCTest

/// `vrptw` and `dispatch` through the binary: detection, solve with every output, check, batch
/// of a day's files, generate.
final class DispatchCommandTests: XCTestCase {
    /// C101 reaches its proven DIMACS optimum; the .sol re-evaluates to it and checks feasible.
    func testSolomonSolveWritesSolThatChecks() throws {
        let dir = try CLI.temporaryDirectory()
        let sol = dir.appendingPathComponent("c101.sol").path, svg = dir.appendingPathComponent("c101.svg").path
        let path = CLI.instance("C101.txt", family: "vrptw")
        let result = try CLI.run(["solve", path, "--time-limit", "10", "--out", sol, "--svg", svg, "--json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let json = try CLI.json(result.stdout)
        XCTAssertEqual(json["problem"] as? String, "vrptw")
        XCTAssertEqual(json["objective"] as? Double, 827.3)
        XCTAssertEqual(json["status"] as? String, "optimal")
        let instance = try SolomonReader.read(path: path, convention: .dimacs)
        let (solution, cost) = try VRPTWSolutionFile.read(path: sol, instance: instance)
        XCTAssertEqual(VRPTWValidation.violations(solution, instance: instance), [])
        XCTAssertEqual(cost, 827.3)
        XCTAssertTrue(try String(contentsOfFile: svg, encoding: .utf8).contains("<polyline"))
        let check = try CLI.run(["check", path, sol])
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
        XCTAssertTrue(check.stdout.contains("feasible"), check.stdout)
    }

    /// A day's plan: every stop timed, the plan file checks feasible with the same cost, and a
    /// plan with one job moved onto a vehicle without its skill lists that violation.
    func testDispatchDayPlanChecksAndBrokenPlanIsReported() throws {
        let dir = try CLI.temporaryDirectory()
        let plan = dir.appendingPathComponent("plan.json").path, svg = dir.appendingPathComponent("day.svg").path
        let day = CLI.instance("small.json", family: "dispatch")
        let result = try CLI.run(["solve", day, "--max-steps", "200", "--out", plan, "--svg", svg, "--json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let json = try CLI.json(result.stdout)
        XCTAssertEqual(json["problem"] as? String, "dispatch")
        let objective = try XCTUnwrap(json["objective"] as? Double)
        let solution = try XCTUnwrap(json["solution"] as? [String: Any])
        let routes = try XCTUnwrap(solution["routes"] as? [[String: Any]])
        XCTAssertFalse(routes.isEmpty)
        for route in routes {
            for stop in try XCTUnwrap(route["stops"] as? [[String: Any]]) {
                let arrival = try XCTUnwrap(stop["arrival"] as? Int), start = try XCTUnwrap(stop["start"] as? Int)
                XCTAssertLessThanOrEqual(arrival, start)
            }
        }
        XCTAssertTrue(try String(contentsOfFile: svg, encoding: .utf8).contains("vehicle"))
        let check = try CLI.run(["check", day, plan, "--json"])
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
        XCTAssertEqual(try CLI.json(check.stdout)["objective"] as? Double ?? -1, objective, accuracy: 1e-6)

        // o6 needs the fridge: put it first on a van.
        var broken = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: plan))) as? [String: Any])
        var brokenRoutes = try XCTUnwrap(broken["routes"] as? [[String: Any]])
        for r in brokenRoutes.indices {
            let stops = try XCTUnwrap(brokenRoutes[r]["stops"] as? [[String: Any]])
            brokenRoutes[r]["stops"] = stops.filter { $0["job"] as? String != "o6" }
        }
        brokenRoutes.append(["vehicle": "van#2", "stops": [["job": "o6"]]])
        brokenRoutes = brokenRoutes.filter { $0["vehicle"] as? String != "van#2" || ($0["stops"] as? [Any])?.count == 1 }
        broken["routes"] = brokenRoutes
        let bad = dir.appendingPathComponent("bad.json")
        try JSONSerialization.data(withJSONObject: broken).write(to: bad)
        let rejected = try CLI.run(["check", day, bad.path])
        XCTAssertEqual(rejected.status, 1, rejected.stdout + rejected.stderr)
        XCTAssertTrue(rejected.stdout.contains("without the skill \"fridge\""), rejected.stdout)
    }

    /// A malformed day names the JSON path; a generated day of 60 orders and a Solomon file go
    /// through one batch, each family detected from its file.
    func testBadDayAndMixedBatch() throws {
        let dir = try CLI.temporaryDirectory()
        let bad = dir.appendingPathComponent("bad.json")
        try #"{"format": "hunch-dispatch", "version": 1, "depots": [{"id": "d", "location": 0}], "locations": [[0, 0], [1, 1]], "vehicle_types": [{"id": "v", "count": 1, "capacity": [5], "start_depot": "d"}], "jobs": [{"id": "a", "location": 1, "delivery": [1], "time_windows": [[20, 10]]}]}"#
            .write(to: bad, atomically: true, encoding: .utf8)
        let refused = try CLI.run(["solve", bad.path])
        XCTAssertNotEqual(refused.status, 0)
        XCTAssertTrue(refused.stderr.contains("jobs[0].time_windows[0]"), refused.stderr)

        let days = dir.appendingPathComponent("days")
        try FileManager.default.createDirectory(at: days, withIntermediateDirectories: true)
        let generated = try CLI.run(["generate", "dispatch", "--jobs", "60", "--seed", "3", "--out", days.appendingPathComponent("day.json").path])
        XCTAssertEqual(generated.status, 0, generated.stderr)
        try FileManager.default.copyItem(atPath: CLI.instance("RC101.txt", family: "vrptw"), toPath: days.appendingPathComponent("RC101.txt").path)
        let results = dir.appendingPathComponent("r.jsonl").path
        let batch = try CLI.run(["batch", days.path, "--time-limit", "1", "--jobs", "2", "--out", results, "--quiet"])
        XCTAssertEqual(batch.status, 0, batch.stderr)
        let problems = try String(contentsOfFile: results, encoding: .utf8).split(separator: "\n")
            .map { try CLI.json(String($0))["problem"] as? String ?? "" }.sorted()
        XCTAssertEqual(problems, ["dispatch", "vrptw"])
    }
}
