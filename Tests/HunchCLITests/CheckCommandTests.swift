import Foundation
import XCTest

/// `hunch check` through the binary, for every family: what `solve` writes checks as feasible
/// with the objective `solve` reported (from the family's file, the JSON result and the bare
/// solution object); hand-made infeasible plans list every violation and exit 1; unreadable
/// input is one clear error line and exit 2.
final class CheckCommandTests: XCTestCase {
    /// One family's instance and the flags that make a quick solve.
    struct Case {
        var instance: String
        var outName: String
        var extra: [String] = []
    }

    static let cases = [
        Case(instance: CLI.instance("berlin52.tsp"), outName: "b.tour"),
        Case(instance: CLI.instance("ft06.txt", family: "jssp"), outName: "ft06.json"),
        Case(instance: CLI.instance("scholl/N1C1W1_A.txt", family: "bpp"), outName: "bins.json"),
        Case(instance: CLI.instance("BR1.txt", family: "packing3d") + "#1", outName: "plan.json"),
        Case(instance: CLI.instance("BR1.txt", family: "packing3d") + "#1", outName: "containers.json", extra: ["--objective", "containers"]),
        Case(instance: CLI.instance("P-n16-k8.vrp", family: "cvrp"), outName: "p16.sol"),
    ]

    func testWhatSolveWritesChecksFeasibleWithItsObjective() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for c in Self.cases {
            let out = dir.appendingPathComponent(c.outName).path
            let solved = try CLI.run(["solve", c.instance, "--max-steps", "30", "--out", out, "--json"] + c.extra)
            XCTAssertEqual(solved.status, 0, solved.stderr)
            let record = try CLI.json(solved.stdout)
            let objective = try XCTUnwrap(record["objective"] as? Double)
            let result = dir.appendingPathComponent("result-\(c.outName).json").path
            try solved.stdout.write(toFile: result, atomically: true, encoding: .utf8)
            let bare = dir.appendingPathComponent("bare-\(c.outName).json").path
            let solution = try JSONSerialization.data(withJSONObject: try XCTUnwrap(record["solution"]))
            try solution.write(to: URL(fileURLWithPath: bare))

            let text = try CLI.run(["check", c.instance, out] + c.extra)
            XCTAssertEqual(text.status, 0, "\(c.instance): \(text.stdout)\(text.stderr)")
            XCTAssertTrue(text.stdout.contains("\nfeasible"), text.stdout)
            XCTAssertTrue(text.stdout.contains("objective  "), text.stdout)
            for file in [result, bare] {
                let checked = try CLI.run(["check", c.instance, file, "--json"] + c.extra)
                XCTAssertEqual(checked.status, 0, "\(c.instance) \(file): \(checked.stdout)\(checked.stderr)")
                let json = try CLI.json(checked.stdout)
                XCTAssertEqual(json["feasible"] as? Bool, true)
                XCTAssertEqual(json["violations"] as? [String], [])
                XCTAssertEqual(try XCTUnwrap(json["objective"] as? Double), objective, accuracy: 1e-9, c.instance)
                XCTAssertEqual(json["family"] as? String, record["problem"] as? String)
                XCTAssertEqual(json["instance"] as? String, c.instance)
                if let known = record["known_optimum"] as? Double {
                    XCTAssertEqual(json["known_optimum"] as? Double, known)
                    XCTAssertEqual(try XCTUnwrap(json["gap"] as? Double), try XCTUnwrap(record["gap"] as? Double), accuracy: 1e-9)
                }
            }
        }
    }

    /// The example: one route over capacity and a customer missing give both lines.
    func testCVRPOverCapacityAndMissingCustomerAreBothReported() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // P-n16-k8.sol with routes 1 and 2 merged (nodes 3 and 7: 30 + 31 > 35) and customer 15 (node 16) dropped.
        let sol = dir.appendingPathComponent("bad.sol").path
        try "Route #1: 2 6\nRoute #2: 8\nRoute #3: 12 10\nRoute #4: 14 5\nRoute #5: 13 9 7\nRoute #6: 11 4\nRoute #7: 3 1\nCost 1\n"
            .write(toFile: sol, atomically: true, encoding: .utf8)
        let instance = CLI.instance("P-n16-k8.vrp", family: "cvrp")
        let text = try CLI.run(["check", instance, sol])
        XCTAssertEqual(text.status, 1, text.stderr)
        let violations = text.stdout.split(separator: "\n").filter { $0.hasPrefix("violation  ") }
        XCTAssertEqual(violations, ["violation  route 1 carries 61, above the capacity 35", "violation  node 16 is not visited"],
                       text.stdout)
        XCTAssertTrue(text.stdout.contains("infeasible: 2 violations"), text.stdout)
        XCTAssertTrue(text.stdout.contains("optimum    450 (known)  (no gap: infeasible)"), text.stdout)
        XCTAssertEqual(text.stderr, "")

        let json = try CLI.run(["check", instance, sol, "--json"])
        XCTAssertEqual(json.status, 1)
        let object = try CLI.json(json.stdout)
        XCTAssertEqual(object["feasible"] as? Bool, false)
        XCTAssertEqual((object["violations"] as? [String])?.count, 2)
        XCTAssertTrue(object["gap"] is NSNull, "no gap for an infeasible plan")

        // The same plan as a start is refused, with the file and a pointer to check.
        let start = try CLI.run(["solve", instance, "--initial", sol, "--max-steps", "5"])
        XCTAssertNotEqual(start.status, 0)
        XCTAssertTrue(start.stderr.contains("bad.sol: route 1 carries 61"), start.stderr)
        XCTAssertTrue(start.stderr.contains("(and 1 more; hunch check lists them)"), start.stderr)
    }

    /// Every other family: a hand-made plan with two kinds of violation reports both.
    func testInfeasiblePlansOfEveryFamilyListEveryViolation() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        func check(_ instance: String, _ name: String, _ content: String, extra: [String] = []) throws -> [String] {
            let path = dir.appendingPathComponent(name).path
            try content.write(toFile: path, atomically: true, encoding: .utf8)
            let result = try CLI.run(["check", instance, path] + extra)
            XCTAssertEqual(result.status, 1, "\(name): \(result.stdout)\(result.stderr)")
            return result.stdout.split(separator: "\n").filter { $0.hasPrefix("violation  ") }.map { String($0.dropFirst(11)) }
        }
        // TSP: node 2 twice (in place of node 3), in a .tour and in JSON.
        let tsp = CLI.instance("eil51.tsp")
        let ids = [1, 2, 2] + Array(4...51)
        let tour = "TYPE : TOUR\nDIMENSION : 51\nTOUR_SECTION\n" + ids.map(String.init).joined(separator: "\n") + "\n-1\nEOF\n"
        let expected = ["node 2 is visited twice, at positions 2 and 3", "node 3 is not visited (the tour visits 50 of 51 nodes)"]
        XCTAssertEqual(try check(tsp, "dup.tour", tour), expected)
        XCTAssertEqual(try check(tsp, "dup.json", "{\"tour\": [\(ids.map(String.init).joined(separator: ","))]}"), expected)

        // Job shop: a precedence broken and a machine shared (ft06 starts all at 0).
        let ft06 = CLI.instance("ft06.txt", family: "jssp")
        let zeros = "{\"starts\": [" + Array(repeating: "[0,0,0,0,0,0]", count: 6).joined(separator: ",") + "]}"
        let jobshop = try check(ft06, "zeros.json", zeros)
        XCTAssertTrue(jobshop.contains { $0.contains("before operation 0 ends") }, "\(jobshop)")
        XCTAssertTrue(jobshop.contains { $0.hasPrefix("machine ") }, "\(jobshop)")
        XCTAssertEqual(jobshop.filter { $0.contains("before operation") }.count, 30, "every precedence, not the first")

        // Bin packing: every item in one bin: over capacity, and a missing item when one is left out.
        let bpp = CLI.instance("scholl/N1C1W1_A.txt", family: "bpp")
        let binpacking = try check(bpp, "one.json", "{\"bins\": [[" + (0..<49).map(String.init).joined(separator: ",") + "]]}")
        XCTAssertEqual(binpacking.count, 2, "\(binpacking)")
        XCTAssertTrue(binpacking[0].hasPrefix("bin 0 holds"), "\(binpacking)")
        XCTAssertEqual(binpacking[1], "item 49 is not packed")

        // 3D: two blocks at the same place overlap, a third lies outside.
        let br = CLI.instance("BR1.txt", family: "packing3d") + "#1"
        let box = "\"type\": 0, \"y\": 0, \"z\": 0, \"lx\": 108, \"ly\": 76, \"lz\": 30"
        let packing = try check(br, "plan.json", "{\"placements\": [{\"x\": 0, \(box)}, {\"x\": 0, \(box)}, {\"x\": 500, \(box)}]}")
        XCTAssertEqual(packing, ["box 2: lies outside the container", "boxes 0 and 1 overlap"])
    }

    func testUnreadableInputIsOneClearErrorAndStatus2() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let vrp = CLI.instance("P-n16-k8.vrp", family: "cvrp")
        func fails(_ arguments: [String], _ needle: String, file: StaticString = #filePath, line: UInt = #line) throws {
            let result = try CLI.run(["check"] + arguments)
            XCTAssertEqual(result.status, 2, "\(arguments): \(result.stdout)\(result.stderr)", file: file, line: line)
            XCTAssertEqual(result.stdout, "", file: file, line: line)
            XCTAssertTrue(result.stderr.hasPrefix("Error: ") && result.stderr.contains(needle), result.stderr, file: file, line: line)
            XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, result.stderr, file: file, line: line)
        }
        func write(_ name: String, _ content: String) throws -> String {
            let path = dir.appendingPathComponent(name).path
            try content.write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }
        try fails([vrp, dir.appendingPathComponent("none.sol").path], "none.sol: no such file")
        try fails([dir.appendingPathComponent("none.vrp").path, CLI.instance("P-n16-k8.sol", family: "cvrp")], "none.vrp")
        try fails([vrp, try write("broken.json", "{\"routes\": [[2, 3],")], "broken.json: not valid JSON")
        try fails([vrp, try write("unknown.json", "{\"routes\": [[2, 3], [4, 99]]}")], "unknown.json: routes[1][1]: 99 is not a node id")
        try fails([vrp, try write("garbage.sol", "Route #1: 2 3\nRoute #2: x\n")], "garbage.sol:2:")
        try fails([CLI.instance("eil51.tsp"), try write("far.tour", "TOUR_SECTION\n1\n52\n-1\n")], "far.tour:3: node id 52 is out of range")
        try fails([vrp, try write("shape.json", "{\"tours\": [1, 2]}")], "shape.json: expected \"routes\"")
        try fails([CLI.instance("BR1.txt", family: "packing3d") + "#1", try write("containers.json", "{\"containers\": []}")],
                  "read it with --objective containers")
        try fails([CLI.instance("ft06.txt", family: "jssp"), CLI.instance("ft06.txt", family: "jssp"), "--objective", "x"],
                  "--objective does not apply to jobshop")
    }

    /// `--family` (or `--problem`, as solve spells it) forces the family of a file that is not detected.
    func testFamilyOverride() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let copy = dir.appendingPathComponent("orders.dat").path
        try FileManager.default.copyItem(atPath: CLI.instance("P-n16-k8.vrp", family: "cvrp"), toPath: copy)
        for flag in ["--family", "--problem"] {
            let result = try CLI.run(["check", copy, CLI.instance("P-n16-k8.sol", family: "cvrp"), flag, "cvrp", "--json"])
            XCTAssertEqual(result.status, 0, result.stderr)
            XCTAssertEqual(try CLI.json(result.stdout)["objective"] as? Double, 450)
        }
    }
}
