import HunchBinPacking
import HunchPacking3D
import XCTest

/// Bin packing and 3D placements through the command line, as a user runs them.
final class PackingCommandTests: XCTestCase {
    func testBinPackingSolveGivesAValidPackingAtTheKnownOptimum() throws {
        let path = CLI.instance("scholl/N1C1W1_A.txt", family: "bpp")
        let result = try CLI.run(["solve", path, "--time-limit", "5", "--json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let json = try CLI.json(result.stdout)
        XCTAssertEqual(json["problem"] as? String, "binpacking")
        XCTAssertEqual(json["known_optimum"] as? Double, 25)
        let bins = try XCTUnwrap((json["solution"] as? [String: Any])?["bins"] as? [[Int]])
        let instance = try BinPackingReader.read(path: path)
        XCTAssertNoThrow(try BinPackingValidation.check(BinPackingSolution(bins: bins), instance: instance))
        XCTAssertEqual(json["objective"] as? Double, Double(bins.count))
        XCTAssertEqual(json["objective"] as? Double, 25, "N1C1W1_A is easy: the search reaches the optimum")
        XCTAssertLessThanOrEqual(try XCTUnwrap(json["bound"] as? Double), 25)
    }

    func testBinPackingExactProvesASmallInstance() throws {
        let result = try CLI.run(["exact", CLI.instance("scholl/N1C1W1_A.txt", family: "bpp"), "--time-limit", "60", "--json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let json = try CLI.json(result.stdout)
        XCTAssertEqual(json["status"] as? String, "optimal")
        XCTAssertEqual(json["objective"] as? Double, 25)
    }

    func testBinPackingWarmStartFromItsOwnSolutionFileIsNeverWorse() throws {
        let dir = try CLI.temporaryDirectory()
        let path = CLI.instance("falkenauer/Falkenauer_u120_00.txt", family: "bpp")
        let file = dir.appendingPathComponent("bins.json").path
        let first = try CLI.run(["solve", path, "--prior", "first-fit", "--max-steps", "0", "--out", file, "--json"])
        XCTAssertEqual(first.status, 0, first.stderr)
        let start = try XCTUnwrap(try CLI.json(first.stdout)["objective"] as? Double)
        let second = try CLI.run(["solve", path, "--initial", file, "--max-steps", "20", "--json",
                                  "--svg", dir.appendingPathComponent("bins.svg").path])
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertLessThanOrEqual(try XCTUnwrap(try CLI.json(second.stdout)["objective"] as? Double), start)
    }

    func testBinPackingWeightAboveCapacityIsAClearError() throws {
        let dir = try CLI.temporaryDirectory()
        let path = dir.appendingPathComponent("heavy.txt").path
        try "3\n10\n4\n11\n5\n".write(toFile: path, atomically: true, encoding: .utf8)
        let result = try CLI.run(["solve", path, "--max-steps", "5"])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.stderr.contains("heavy.txt:4"), result.stderr)
    }

    func testPlacementOfOneThpackProblemIsValidWithFullSupport() throws {
        let file = CLI.instance("BR1.txt", family: "packing3d")
        let result = try CLI.run(["solve", file + "#3", "--time-limit", "2", "--json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let json = try CLI.json(result.stdout)
        XCTAssertEqual(json["problem"] as? String, "packing3d")
        XCTAssertEqual(json["name"] as? String, "BR1-3")
        XCTAssertNotNil(json["known_optimum"] as? Double, "the manifest's best-known utilisation for BR1-3")
        let raw = try XCTUnwrap((json["solution"] as? [String: Any])?["placements"] as? [[String: Int]])
        let plan = PackingPlan(placements: raw.map {
            Placement(type: $0["type"]!, x: $0["x"]!, y: $0["y"]!, z: $0["z"]!, lx: $0["lx"]!, ly: $0["ly"]!, lz: $0["lz"]!,
                      nx: $0["nx"] ?? 1, ny: $0["ny"] ?? 1, nz: $0["nz"] ?? 1)
        })
        let instance = try ThpackReader.read(path: file, problem: 3)
        XCTAssertNoThrow(try PlacementValidation.check(plan, instance: instance, requireFullSupport: true))
        let utilisation = try XCTUnwrap(json["objective"] as? Double)
        XCTAssertEqual(utilisation, plan.utilisation(instance), accuracy: 1e-9)
        XCTAssertLessThanOrEqual(utilisation, try XCTUnwrap(json["bound"] as? Double) + 1e-9)
        XCTAssertGreaterThan(utilisation, 70)
    }

    func testAThpackFileWithManyProblemsNeedsAnAddressButBatchTakesThemAll() throws {
        let file = CLI.instance("BR1.txt", family: "packing3d")
        let single = try CLI.run(["solve", file, "--max-steps", "1"])
        XCTAssertNotEqual(single.status, 0)
        XCTAssertTrue(single.stderr.contains("#K"), single.stderr)
        let bad = try CLI.run(["solve", file + "#0", "--max-steps", "1"])
        XCTAssertNotEqual(bad.status, 0)

        let dir = try CLI.temporaryDirectory()
        let generated = dir.appendingPathComponent("gen.txt").path
        XCTAssertEqual(try CLI.run(["generate", "packing3d", "--box-types", "3", "--seed", "2", "--out", generated]).status, 0)
        let out = dir.appendingPathComponent("r.jsonl").path
        let batch = try CLI.run(["batch", dir.path, "--max-steps", "3", "--out", out, "--quiet"])
        XCTAssertEqual(batch.status, 0, batch.stderr)
        let lines = try String(contentsOfFile: out, encoding: .utf8).split(whereSeparator: \.isNewline)
        XCTAssertEqual(lines.count, try ThpackReader.problemCount(path: generated))
    }

    func testFewestContainersLoadsEveryBoxIntoValidContainers() throws {
        let file = CLI.instance("BR1.txt", family: "packing3d")
        let result = try CLI.run(["solve", file + "#2", "--objective", "containers", "--time-limit", "2", "--json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let json = try CLI.json(result.stdout)
        let instance = try ThpackReader.read(path: file, problem: 2)
        let containers = try XCTUnwrap((json["solution"] as? [String: Any])?["containers"] as? [[String: Any]])
        XCTAssertEqual(json["objective"] as? Double, Double(containers.count))
        XCTAssertGreaterThanOrEqual(Double(containers.count), try XCTUnwrap(json["bound"] as? Double))
        var loaded = [Int](repeating: 0, count: instance.boxTypes.count)
        for container in containers {
            let raw = try XCTUnwrap(container["placements"] as? [[String: Int]])
            let plan = PackingPlan(placements: raw.map {
                Placement(type: $0["type"]!, x: $0["x"]!, y: $0["y"]!, z: $0["z"]!, lx: $0["lx"]!, ly: $0["ly"]!, lz: $0["lz"]!,
                      nx: $0["nx"] ?? 1, ny: $0["ny"] ?? 1, nz: $0["nz"] ?? 1)
            })
            XCTAssertNoThrow(try PlacementValidation.check(plan, instance: instance, requireFullSupport: true))
            for p in plan.placements { loaded[p.type] += p.boxCount }
        }
        XCTAssertEqual(loaded, instance.boxTypes.map(\.quantity), "every box exactly once")
        let other = try CLI.run(["solve", CLI.instance("ft06.txt", family: "jssp"), "--objective", "containers", "--max-steps", "1"])
        XCTAssertNotEqual(other.status, 0)
    }

    func testWhenThePriorAlreadyPacksEveryBoxTheSolveStopsAtOnceAsOptimal() throws {
        // Two 5-cubes in a 10-cube: the first plan holds everything, nothing is left to search.
        let dir = try CLI.temporaryDirectory()
        let file = dir.appendingPathComponent("fits.txt").path
        try " 1\n 1 7\n 10 10 10\n 1\n 1 5 1 5 1 5 1 2\n".write(toFile: file, atomically: true, encoding: .utf8)
        for extra in [[String](), ["--objective", "containers"]] {
            let result = try CLI.run(["solve", file + "#1", "--time-limit", "5", "--json"] + extra)
            XCTAssertEqual(result.status, 0, result.stderr)
            let json = try CLI.json(result.stdout)
            XCTAssertEqual(json["stop_reason"] as? String, "target_reached", "\(extra)")
            XCTAssertEqual(json["status"] as? String, "optimal", "\(extra)")
            XCTAssertEqual(json["steps"] as? Int, 0)
        }
    }

    func testGeneratedBinPackingInstanceReadsBack() throws {
        let dir = try CLI.temporaryDirectory()
        let file = dir.appendingPathComponent("u.txt").path
        let result = try CLI.run(["generate", "binpacking", "--items", "40", "--capacity", "100", "--min-weight", "10",
                                  "--max-weight", "60", "--seed", "3", "--out", file])
        XCTAssertEqual(result.status, 0, result.stderr)
        let instance = try BinPackingReader.read(path: file)
        XCTAssertEqual(instance.weights.count, 40)
        XCTAssertEqual(instance.capacity, 100)
        XCTAssertTrue(instance.weights.allSatisfy { (10...60).contains($0) })
    }
}
