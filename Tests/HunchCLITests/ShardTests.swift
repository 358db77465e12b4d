import Foundation
import XCTest

/// `batch --shard auto`: the shard from a job array's variables, set here by the test as Slurm
/// and Kubernetes set them, and clear errors when they are missing or do not fit together.
final class ShardTests: XCTestCase {
    /// Five small instances in a folder (sorted: the shard order).
    func makeFolder() throws -> URL {
        let dir = try CLI.temporaryDirectory()
        let files = [("burma14.tsp", "tsp"), ("gr17.tsp", "tsp"), ("ulysses16.tsp", "tsp"), ("ft06.txt", "jssp"), ("la01.txt", "jssp")]
        for (name, folder) in files {
            try FileManager.default.copyItem(atPath: CLI.instance(name, family: folder), toPath: dir.appendingPathComponent(name).path)
        }
        return dir
    }

    /// Runs `hunch batch DIR … --max-steps 20 --out OUT` with exactly these array variables (the
    /// test's own SLURM_* and JOB_COMPLETION_INDEX removed); returns the result and the
    /// instances written.
    func batch(_ dir: URL, _ options: [String], environment: [String: String], out: String = "out.jsonl") throws -> (CLIResult, [String]) {
        let outPath = dir.appendingPathComponent(out).path
        try? FileManager.default.removeItem(atPath: outPath)
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = ["batch", dir.path, "--max-steps", "20", "--jobs", "1", "--out", outPath] + options
        var env = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("SLURM_") && $0.key != "JOB_COMPLETION_INDEX" }
        env.merge(environment) { $1 }
        process.environment = env
        let outPipe = Pipe(), errPipe = Pipe()
        process.standardOutput = outPipe
        process.standardError = errPipe
        try process.run()
        let stdout = outPipe.fileHandleForReading.readDataToEndOfFile()
        let stderr = errPipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let result = CLIResult(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                               stderr: String(decoding: stderr, as: UTF8.self), seconds: 0)
        let text = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        let instances = try text.split(whereSeparator: \.isNewline).map { try CLI.json(String($0))["instance"] as? String ?? "?" }
        return (result, instances)
    }

    func slurm(task: Int, min: Int, max: Int, count: Int) -> [String: String] {
        ["SLURM_JOB_ID": "\(100 + task)", "SLURM_ARRAY_JOB_ID": "99", "SLURM_ARRAY_TASK_ID": "\(task)",
         "SLURM_ARRAY_TASK_MIN": "\(min)", "SLURM_ARRAY_TASK_MAX": "\(max)", "SLURM_ARRAY_TASK_COUNT": "\(count)",
         "SLURM_ARRAY_TASK_STEP": "1"]
    }

    func testSlurmArrayTasksCoverEveryInstanceOnceWithNFromTheArray() throws {
        let dir = try makeFolder()
        var seen: [String] = []
        for task in 0..<3 {
            let (result, instances) = try batch(dir, ["--shard", "auto"], environment: slurm(task: task, min: 0, max: 2, count: 3))
            XCTAssertEqual(result.status, 0, result.stderr)
            XCTAssertTrue(result.stderr.contains("shard \(task)/3 (SLURM_ARRAY_TASK_ID=\(task), N = SLURM_ARRAY_TASK_MAX+1"), result.stderr)
            // The same instances as the explicit --shard I/N.
            let (_, explicit) = try batch(dir, ["--shard", "\(task)/3"], environment: [:], out: "explicit.jsonl")
            XCTAssertEqual(Set(instances), Set(explicit))
            seen += instances
        }
        XCTAssertEqual(seen.count, 5)
        XCTAssertEqual(Set(seen).count, 5)
    }

    func testPartialSlurmRerunKeepsNWithShards() throws {
        let dir = try makeFolder()
        // The first submission, --array=0-3 --shards 4: task 3 holds instance 3.
        let (first, shard3) = try batch(dir, ["--shard", "auto", "--shards", "4"], environment: slurm(task: 3, min: 0, max: 3, count: 4))
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertEqual(shard3.count, 1)
        // The rerun `sbatch --array=1,3`: Slurm says MIN 1, MAX 3, COUNT 2. --shards 4 keeps the shard.
        let (rerun, again) = try batch(dir, ["--shard", "auto", "--shards", "4"], environment: slurm(task: 3, min: 1, max: 3, count: 2))
        XCTAssertEqual(rerun.status, 0, rerun.stderr)
        XCTAssertEqual(again, shard3)
        XCTAssertTrue(rerun.stderr.contains("shard 3/4 (SLURM_ARRAY_TASK_ID=3, --shards 4)"), rerun.stderr)
        // Without --shards, N cannot be told: an error, and nothing runs.
        let (bad, none) = try batch(dir, ["--shard", "auto"], environment: slurm(task: 3, min: 1, max: 3, count: 2))
        XCTAssertEqual(bad.status, 1)
        XCTAssertTrue(bad.stderr.contains("this array is not the whole 0-3"), bad.stderr)
        XCTAssertTrue(bad.stderr.contains("pass --shards N"), bad.stderr)
        XCTAssertEqual(none, [])
        // `--array=0` alone would make N = 1: refused too.
        let (single, _) = try batch(dir, ["--shard", "auto"], environment: slurm(task: 0, min: 0, max: 0, count: 1))
        XCTAssertEqual(single.status, 1)
        XCTAssertTrue(single.stderr.contains("this array has one task"), single.stderr)
    }

    func testKubernetesIndexedJobNeedsShards() throws {
        let dir = try makeFolder()
        var seen: [String] = []
        for index in 0..<2 {
            let (result, instances) = try batch(dir, ["--shard", "auto", "--shards", "2"], environment: ["JOB_COMPLETION_INDEX": "\(index)"])
            XCTAssertEqual(result.status, 0, result.stderr)
            XCTAssertTrue(result.stderr.contains("shard \(index)/2 (JOB_COMPLETION_INDEX=\(index), --shards 2)"), result.stderr)
            seen += instances
        }
        XCTAssertEqual(seen.count, 5)
        XCTAssertEqual(Set(seen).count, 5)

        let (missing, _) = try batch(dir, ["--shard", "auto"], environment: ["JOB_COMPLETION_INDEX": "1"])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.contains("pass --shards N (N = completions)"), missing.stderr)
        let (beyond, _) = try batch(dir, ["--shard", "auto", "--shards", "2"], environment: ["JOB_COMPLETION_INDEX": "2"])
        XCTAssertEqual(beyond.status, 1)
        XCTAssertTrue(beyond.stderr.contains("task index 2 is not below N = 2"), beyond.stderr)
    }

    func testMissingAndInconsistentVariablesAreClearErrors() throws {
        let dir = try makeFolder()
        func error(_ options: [String], _ environment: [String: String], status: Int32 = 1) throws -> String {
            let (result, instances) = try batch(dir, options, environment: environment)
            XCTAssertEqual(result.status, status, "\(options) \(environment): \(result.stderr)")
            XCTAssertEqual(instances, [], "nothing runs")
            return result.stderr
        }
        XCTAssertTrue(try error(["--shard", "auto"], [:]).contains("neither SLURM_ARRAY_TASK_ID (a Slurm job array) nor JOB_COMPLETION_INDEX"))
        XCTAssertTrue(try error(["--shard", "auto"], ["SLURM_JOB_ID": "7"]).contains("this Slurm job is not an array task"))
        XCTAssertTrue(try error(["--shard", "auto", "--shards", "2"], ["SLURM_ARRAY_TASK_ID": "1", "JOB_COMPLETION_INDEX": "1"])
            .contains("both SLURM_ARRAY_TASK_ID and JOB_COMPLETION_INDEX are set"))
        XCTAssertTrue(try error(["--shard", "auto", "--shards", "4"], slurm(task: 4, min: 0, max: 7, count: 8))
            .contains("task index 4 is not below N = 4"))
        XCTAssertTrue(try error(["--shard", "auto"], ["SLURM_ARRAY_TASK_ID": "x1"]).contains("SLURM_ARRAY_TASK_ID='x1' is not a task index"))
        XCTAssertTrue(try error(["--shard", "auto"], ["SLURM_ARRAY_TASK_ID": "1"]).contains("SLURM_ARRAY_TASK_MAX is not"))
        XCTAssertTrue(try error(["--shard", "1/4", "--shards", "3"], [:]).contains("disagree on N"))
        XCTAssertTrue(try error(["--shard", "5/4"], [:]).contains("--shard expects I/N with 0 ≤ I < N"))
        XCTAssertTrue(try error(["--shards", "3"], [:], status: 64).contains("--shards goes with --shard auto"))
        XCTAssertTrue(try error(["--shard", "auto", "--shards", "0"], [:], status: 64).contains("--shards must be ≥ 1"))
    }
}
