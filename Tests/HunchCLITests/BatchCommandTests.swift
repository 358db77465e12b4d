import Foundation
import XCTest

/// `hunch batch`: one line per instance, failures recorded and survived, resume and shards.
final class BatchCommandTests: XCTestCase {
    func makeFolder() throws -> URL {
        let dir = try CLI.temporaryDirectory()
        for name in ["burma14.tsp", "gr17.tsp", "eil51.tsp"] {
            try FileManager.default.copyItem(atPath: CLI.instance(name), toPath: dir.appendingPathComponent(name).path)
        }
        try "NAME: broken\nDIMENSION: 5\n".write(to: dir.appendingPathComponent("broken.tsp"), atomically: true, encoding: .utf8)
        return dir
    }

    func lines(_ path: String) throws -> [[String: Any]] {
        try String(contentsOfFile: path, encoding: .utf8).split(whereSeparator: \.isNewline).map { try CLI.json(String($0)) }
    }

    func testFailureIsRecordedAndTheRestSolved() throws {
        let dir = try makeFolder()
        let out = dir.appendingPathComponent("results.jsonl").path
        let result = try CLI.run(["batch", dir.path, "--max-steps", "200", "--jobs", "2", "--out", out])
        XCTAssertEqual(result.status, 1, "a failed instance makes the exit status 1")
        let records = try lines(out)
        XCTAssertEqual(records.count, 4)
        let errors = records.filter { $0["status"] as? String == "error" }
        XCTAssertEqual(errors.count, 1)
        XCTAssertTrue((errors[0]["error"] as? String ?? "").contains("broken.tsp"))
        XCTAssertEqual(records.filter { $0["objective"] is Double }.count, 3)
        XCTAssertTrue(result.stdout.contains("3 solved") || result.stdout.contains("4 solved"), result.stdout)
    }

    func testResumeSkipsFinishedInstances() throws {
        let dir = try makeFolder()
        let out = dir.appendingPathComponent("results.jsonl").path
        _ = try CLI.run(["batch", dir.path, "--max-steps", "100", "--out", out])
        _ = try CLI.run(["batch", dir.path, "--max-steps", "100", "--out", out, "--resume"])
        let records = try lines(out)
        // Second run retries only the failed instance.
        XCTAssertEqual(records.count, 5)
        XCTAssertEqual(records.filter { $0["status"] as? String == "error" }.count, 2)
    }

    func testShardsPartitionTheInstances() throws {
        let dir = try makeFolder()
        var seen: [String] = []
        for shard in ["0/2", "1/2"] {
            let out = dir.appendingPathComponent("shard\(shard.first!).jsonl").path
            _ = try CLI.run(["batch", dir.path, "--max-steps", "50", "--out", out, "--shard", shard])
            seen += try lines(out).compactMap { $0["instance"] as? String }
        }
        XCTAssertEqual(seen.count, 4)
        XCTAssertEqual(Set(seen).count, 4)
    }
}
