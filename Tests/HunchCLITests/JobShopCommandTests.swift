import HunchJobShop
import XCTest

/// The job-shop family through the command line, as a user runs it.
final class JobShopCommandTests: XCTestCase {
    func testSolveReachesTheKnownOptimumOfFt06WithAValidSchedule() throws {
        let path = CLI.instance("ft06.txt", family: "jssp")
        let result = try CLI.run(["solve", path, "--max-steps", "200", "--json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let json = try CLI.json(result.stdout)
        XCTAssertEqual(json["problem"] as? String, "jobshop")
        XCTAssertEqual(json["objective"] as? Double, 55)
        XCTAssertEqual(json["known_optimum"] as? Double, 55)
        XCTAssertEqual(json["status"] as? String, "optimal")
        let starts = try XCTUnwrap((json["solution"] as? [String: Any])?["starts"] as? [[Int]])
        let instance = try JobShopReader.read(path: path)
        let schedule = JobShopSchedule(starts: starts)
        XCTAssertNoThrow(try JobShopValidation.check(schedule, instance: instance))
        XCTAssertEqual(schedule.makespan(instance), 55)
        XCTAssertLessThanOrEqual(try XCTUnwrap(json["bound"] as? Double), 55)
    }

    func testExactProvesFt06() throws {
        let result = try CLI.run(["exact", CLI.instance("ft06.txt", family: "jssp"), "--time-limit", "60", "--json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let json = try CLI.json(result.stdout)
        XCTAssertEqual(json["status"] as? String, "optimal")
        XCTAssertEqual(json["objective"] as? Double, 55)
        XCTAssertEqual(json["bound"] as? Double, 55)
    }

    func testScheduleFileRoundTripsAsAWarmStartThatIsNeverMadeWorse() throws {
        let dir = try CLI.temporaryDirectory()
        let path = CLI.instance("la01.txt", family: "jssp")
        let schedulePath = dir.appendingPathComponent("la01.json").path
        let first = try CLI.run(["solve", path, "--prior", "fifo", "--max-steps", "0", "--out", schedulePath, "--json",
                                 "--svg", dir.appendingPathComponent("la01.svg").path])
        XCTAssertEqual(first.status, 0, first.stderr)
        let firstMakespan = try XCTUnwrap(try CLI.json(first.stdout)["objective"] as? Double)
        let svg = try String(contentsOf: dir.appendingPathComponent("la01.svg"), encoding: .utf8)
        XCTAssertTrue(svg.hasPrefix("<svg") || svg.hasPrefix("<?xml"))
        let second = try CLI.run(["solve", path, "--initial", schedulePath, "--max-steps", "20", "--json"])
        XCTAssertEqual(second.status, 0, second.stderr)
        let json = try CLI.json(second.stdout)
        XCTAssertEqual(json["prior"] as? String, "initial")
        XCTAssertLessThanOrEqual(try XCTUnwrap(json["objective"] as? Double), firstMakespan)
    }

    func testBadInstanceIsAClearErrorWithFileAndLine() throws {
        let dir = try CLI.temporaryDirectory()
        let path = dir.appendingPathComponent("bad.txt").path
        // Job 2 visits machine 0 twice.
        try "2 2\n0 3 1 4\n0 2 0 5\n".write(toFile: path, atomically: true, encoding: .utf8)
        let result = try CLI.run(["solve", path, "--max-steps", "5"])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.stderr.contains("bad.txt:3"), result.stderr)
    }

    func testGeneratedInstanceSolvesAndBatchRecordsEveryFile() throws {
        let dir = try CLI.temporaryDirectory()
        for seed in 1...2 {
            let file = dir.appendingPathComponent("g\(seed).txt").path
            let generated = try CLI.run(["generate", "jobshop", "--jobs", "6", "--machines", "4", "--seed", String(seed), "--out", file])
            XCTAssertEqual(generated.status, 0, generated.stderr)
            XCTAssertEqual(try JobShopReader.read(path: file).jobCount, 6)
        }
        let out = dir.appendingPathComponent("results.jsonl").path
        let result = try CLI.run(["batch", dir.path, "--max-steps", "10", "--jobs", "2", "--out", out, "--quiet"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = try String(contentsOfFile: out, encoding: .utf8).split(whereSeparator: \.isNewline)
        XCTAssertEqual(lines.count, 2)
        for line in lines {
            let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            XCTAssertEqual(json["problem"] as? String, "jobshop")
            XCTAssertEqual(json["status"] as? String == "error", false, "\(json)")
        }
    }
}
