import Foundation
import HunchCore
import HunchRouting
import XCTest

/// `cvrp` through the binary: detection, solve with every output, warm start, batch, generate.
final class RoutingCommandTests: XCTestCase {
    func testSolveWritesSolAndSvgAndReachesTheOptimum() throws {
        let dir = try CLI.temporaryDirectory()
        let sol = dir.appendingPathComponent("a.sol").path, svg = dir.appendingPathComponent("a.svg").path
        let result = try CLI.run(["solve", CLI.instance("A-n32-k5.vrp", family: "cvrp"), "--time-limit", "5",
                                  "--out", sol, "--svg", svg, "--json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let json = try CLI.json(result.stdout)
        XCTAssertEqual(json["problem"] as? String, "cvrp")
        XCTAssertEqual(json["objective"] as? Double, 784)
        XCTAssertEqual(json["status"] as? String, "optimal")
        XCTAssertEqual(json["stop_reason"] as? String, "target_reached")
        // The .sol file re-evaluates to the same cost under the reader, independently of the search.
        let instance = try CVRPReader.read(path: CLI.instance("A-n32-k5.vrp", family: "cvrp"))
        let (solution, cost) = try CVRPSolutionFile.read(path: sol, instance: instance)
        XCTAssertNoThrow(try CVRPValidation.check(solution, instance: instance))
        XCTAssertEqual(instance.cost(solution.routes), 784)
        XCTAssertEqual(cost, 784)
        XCTAssertTrue(try String(contentsOfFile: svg, encoding: .utf8).contains("<polyline"))
    }

    func testWarmStartFromSolIsNeverWorse() throws {
        let result = try CLI.run(["solve", CLI.instance("P-n16-k8.vrp", family: "cvrp"), "--initial",
                                  CLI.instance("P-n16-k8.sol", family: "cvrp"), "--max-steps", "0", "--json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let json = try CLI.json(result.stdout)
        XCTAssertEqual(json["prior"] as? String, "initial")
        XCTAssertEqual(json["objective"] as? Double, 450)
    }

    /// A CVRPLIB file is routing whatever its name: TSPLIB keywords alone do not make it a TSP.
    func testCVRPLIBFileWithoutExtensionIsNotTakenForTSP() throws {
        let dir = try CLI.temporaryDirectory()
        let copy = dir.appendingPathComponent("instance.txt")
        try FileManager.default.copyItem(atPath: CLI.instance("P-n16-k8.vrp", family: "cvrp"), toPath: copy.path)
        let result = try CLI.run(["solve", copy.path, "--max-steps", "50", "--json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(try CLI.json(result.stdout)["problem"] as? String, "cvrp")
    }

    func testBadFileGivesFileAndLine() throws {
        let dir = try CLI.temporaryDirectory()
        let bad = dir.appendingPathComponent("bad.vrp")
        try "NAME : bad\nTYPE : CVRP\nDIMENSION : 3\nEDGE_WEIGHT_TYPE : EUC_2D\nCAPACITY : 10\nNODE_COORD_SECTION\n1 0 0\n2 1 1\n3 2 x\n"
            .write(to: bad, atomically: true, encoding: .utf8)
        let result = try CLI.run(["solve", bad.path])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.stderr.contains("bad.vrp:9:"), result.stderr)
    }

    func testGenerateThenBatch() throws {
        let dir = try CLI.temporaryDirectory()
        for seed in 1...2 {
            let out = dir.appendingPathComponent("g\(seed).vrp").path
            let generated = try CLI.run(["generate", "cvrp", "--customers", "40", "--layout", "clustered", "--seed", String(seed), "--out", out])
            XCTAssertEqual(generated.status, 0, generated.stderr)
        }
        let results = dir.appendingPathComponent("r.jsonl").path
        let batch = try CLI.run(["batch", dir.path, "--time-limit", "1", "--jobs", "2", "--out", results, "--quiet"])
        XCTAssertEqual(batch.status, 0, batch.stderr)
        let lines = try String(contentsOfFile: results, encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(lines.count, 2)
        for line in lines {
            let json = try CLI.json(String(line))
            XCTAssertEqual(json["problem"] as? String, "cvrp")
            XCTAssertEqual(json["status"] as? String, "feasible")
            XCTAssertNotNil(json["bound"] as? Double)
        }
        let unknown = try CLI.run(["generate", "cvrp", "--size", "40"])
        XCTAssertNotEqual(unknown.status, 0)
        XCTAssertTrue(unknown.stderr.contains("--customers"), unknown.stderr)
    }
}
