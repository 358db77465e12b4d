import Foundation
import XCTest

/// `hunch batch --shard auto` as a real Slurm job array on a one-node cluster that the test
/// brings up (scripts/slurm: munged, slurmctld, slurmd from Debian's packages, no systemd) and
/// tears down by PID. Skipped, with the reason, where Slurm cannot run (not root, not
/// installed: `scripts/slurm install`), or when HUNCH_SKIP_SLURM=1; with HUNCH_REQUIRE_SLURM=1
/// (CI, after installing it) a cluster that does not come up fails instead.
final class SlurmArrayTests: XCTestCase {
    /// The cluster's folder (`source DIR/env`), or why there is none; shared by the tests.
    nonisolated(unsafe) private static var cluster: Result<String, SkipReason>?

    struct SkipReason: Error {
        var message: String
        /// Skipped on request (HUNCH_SKIP_SLURM=1), not for want of Slurm.
        var requested = false
    }

    /// Four shards of eight bundled instances: rows 0–3 search until the time limit (3D
    /// packing without a proven optimum), rows 4–7 reach their optimum at once, so with
    /// `--jobs 1` task I solves a long instance, then a short one.
    static let instanceNames = ["BR1-1", "BR1-2", "BR1-3", "BR1-4", "la01", "berlin52", "Falkenauer_t60_00", "ft06"]
    static let shards = 4

    override class func tearDown() {
        if case .success(let dir)? = cluster {
            _ = try? shell("scripts/slurm down '\(dir)'", directory: CLI.repositoryRoot)
        }
        cluster = nil
        super.tearDown()
    }

    /// The running cluster, started on first use.
    func clusterDirectory() throws -> String {
        if Self.cluster == nil { Self.cluster = Self.startCluster() }
        switch Self.cluster! {
        case .success(let dir): return dir
        case .failure(let reason):
            if ProcessInfo.processInfo.environment["HUNCH_REQUIRE_SLURM"] == "1" && !reason.requested {
                XCTFail("HUNCH_REQUIRE_SLURM=1 but Slurm did not start: \(reason.message)")
            }
            print("SlurmArrayTests skipped: \(reason.message)")
            throw XCTSkip(reason.message)
        }
    }

    static func startCluster() -> Result<String, SkipReason> {
        if ProcessInfo.processInfo.environment["HUNCH_SKIP_SLURM"] == "1" {
            return .failure(SkipReason(message: "HUNCH_SKIP_SLURM=1", requested: true))
        }
        let start = Date()
        let up: ShellResult
        do {
            up = try shell("scripts/slurm up", directory: CLI.repositoryRoot, timeout: 60)
        } catch {
            return .failure(SkipReason(message: "scripts/slurm up: \(error)"))
        }
        guard up.status == 0 else {
            let why = up.stderr.split(whereSeparator: \.isNewline).suffix(12).joined(separator: "\n")
            return .failure(SkipReason(message: "a one-node Slurm cannot start here (scripts/slurm up exited \(up.status)): \(why)"))
        }
        let dir = up.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        print(String(format: "slurm: one-node cluster up in %.2f s (%@)", Date().timeIntervalSince(start), dir))
        return .success(dir)
    }

    // MARK: the tests

    func testArrayCoversEveryInstanceExactlyOnce() throws {
        let cluster = try clusterDirectory()
        let run = try makeRun()
        // N from the array itself (SLURM_ARRAY_TASK_MAX + 1): a first, whole submission.
        let start = Date()
        let job = try submit(run, array: "0-\(Self.shards - 1)", shardsOption: "", searchOptions: "--max-steps 100", cluster: cluster)
        try waitForQueue(job, cluster: cluster, timeout: 120)
        print(String(format: "slurm: array of %d tasks over %d instances done in %.2f s", Self.shards, Self.instanceNames.count,
                     Date().timeIntervalSince(start)))

        let lines = try resultLines(run)
        XCTAssertEqual(lines.count, Self.instanceNames.count, "one line per instance: \(lines.map(\.name))")
        XCTAssertEqual(Set(lines.map(\.name)), Set(Self.instanceNames))
        XCTAssertEqual(Set(lines.map(\.instance)).count, Self.instanceNames.count, "no instance twice")
        XCTAssertTrue(lines.allSatisfy { $0.finished }, "\(lines)")
        for task in 0..<Self.shards {
            let log = try String(contentsOf: run.appendingPathComponent("logs/\(job)_\(task).out"), encoding: .utf8)
            XCTAssertTrue(log.contains("shard \(task)/\(Self.shards) (SLURM_ARRAY_TASK_ID=\(task), N = SLURM_ARRAY_TASK_MAX+1"), log)
            // Task I holds rows I and I + N of the manifest.
            let mine = lines.filter { $0.file == "results-\(task).jsonl" }.map(\.name)
            XCTAssertEqual(Set(mine), [Self.instanceNames[task], Self.instanceNames[task + Self.shards]])
        }
        // The same files, merged and checked against the manifest by `hunch report`.
        let report = try CLI.run(["report"] + (0..<Self.shards).map { "results-\($0).jsonl" } + ["--manifest", "manifest.csv", "--check"],
                                 directory: run)
        XCTAssertEqual(report.status, 0, report.stdout + report.stderr)
        XCTAssertTrue(report.stdout.contains("None: every instance of the source has exactly one finished line."), report.stdout)
    }

    func testCancelledAndRequeuedTasksLoseNothingAfterResume() throws {
        let cluster = try clusterDirectory()
        let run = try makeRun()
        let started = Date()
        // --shards fixes N, so the partial rerun below shards the list as the first submission did.
        let job = try submit(run, array: "0-\(Self.shards - 1)", shardsOption: "--shards \(Self.shards)",
                             searchOptions: "--time-limit 5", cluster: cluster)
        // squeue says R a moment before the task runs: wait for hunch's own first line instead.
        try waitUntil(timeout: 60, "tasks 0 and 1 to start") {
            [0, 1].allSatisfy { task in
                ((try? String(contentsOf: run.appendingPathComponent("logs/\(job)_\(task).out"), encoding: .utf8)) ?? "").contains("shard \(task)/")
            }
        }
        Thread.sleep(forTimeInterval: 1)   // both are 1 s into a 5 s search of their first instance
        let cancel = try Self.shell("scancel \(job)_0", cluster: cluster)
        XCTAssertEqual(cancel.status, 0, cancel.stderr)
        let requeue = try Self.shell("scontrol requeue \(job)_1", cluster: cluster)
        XCTAssertEqual(requeue.status, 0, requeue.stderr)
        // Task 1 runs again by itself (after Slurm's requeue delay) and resumes its shard.
        try waitForQueue(job, cluster: cluster, timeout: 150)
        let afterArray = Date()

        var lines = try resultLines(run)
        let interrupted = lines.filter { $0.stopReason == "interrupted" }
        XCTAssertEqual(Set(interrupted.map(\.name)), [Self.instanceNames[0], Self.instanceNames[1]],
                       "the cancelled and the requeued task each stopped their first instance: \(lines)")
        for line in interrupted {
            XCTAssertNotEqual(line.status, "error")
            XCTAssertNotNil(line.objective, "an interrupted instance records its best solution: \(line)")
        }
        // The cancelled task's second instance never started; the requeued task finished its shard.
        XCTAssertFalse(lines.contains { $0.name == Self.instanceNames[Self.shards] })
        XCTAssertEqual(lines.filter { $0.name == Self.instanceNames[1] && $0.finished }.count, 1, "\(lines)")
        XCTAssertEqual(lines.filter { $0.name == Self.instanceNames[1 + Self.shards] && $0.finished }.count, 1, "\(lines)")

        // Rerun the cancelled task alone: a partial array, same --shards, --resume.
        let rerun = try submit(run, array: "0", shardsOption: "--shards \(Self.shards)", searchOptions: "--time-limit 5", cluster: cluster)
        try waitForQueue(rerun, cluster: cluster, timeout: 120)
        print(String(format: "slurm: cancel + requeue of an array of %d tasks done in %.1f s, the rerun of task 0 in %.1f s",
                     Self.shards, afterArray.timeIntervalSince(started), Date().timeIntervalSince(afterArray)))

        lines = try resultLines(run)
        for name in Self.instanceNames {
            XCTAssertEqual(lines.filter { $0.name == name && $0.finished }.count, 1, "\(name) has exactly one finished line: \(lines)")
        }
        XCTAssertEqual(Set(lines.map(\.name)), Set(Self.instanceNames), "no line for anything else")
        XCTAssertEqual(lines.filter { $0.stopReason == "interrupted" }.count, 2, "a resume appends, it never rewrites: \(lines)")
        // Every interrupted line comes before its instance's finished line, in the same shard file.
        for line in interrupted {
            let finished = try XCTUnwrap(lines.first { $0.name == line.name && $0.finished })
            XCTAssertEqual(finished.file, line.file)
            XCTAssertGreaterThan(finished.number, line.number)
        }
        let report = try CLI.run(["report"] + (0..<Self.shards).map { "results-\($0).jsonl" }
                                 + ["--manifest", "manifest.csv", "--check", "--markdown", "report.md"], directory: run)
        XCTAssertEqual(report.status, 0, report.stdout + report.stderr)
        XCTAssertTrue(report.stdout.hasPrefix("\(Self.instanceNames.count) instances, \(Self.instanceNames.count) solved"), report.stdout)
    }

    // MARK: helpers

    struct Line: CustomStringConvertible {
        var file: String
        var number: Int
        var name: String
        var instance: String
        var status: String
        var stopReason: String?
        var objective: Double?
        var finished: Bool { status != "error" && stopReason != "interrupted" }
        var description: String { "\(file):\(number) \(name) \(status) \(stopReason ?? "-")" }
    }

    /// A folder with a manifest of the eight instances (absolute paths) and the job script.
    func makeRun() throws -> URL {
        let run = try CLI.temporaryDirectory()
        try FileManager.default.createDirectory(at: run.appendingPathComponent("logs"), withIntermediateDirectories: true)
        let instances = CLI.repositoryRoot.appendingPathComponent("instances")
        let rows = try String(contentsOf: instances.appendingPathComponent("MANIFEST.csv"), encoding: .utf8)
            .split(whereSeparator: \.isNewline).map(String.init)
        var manifest = [rows[0]]
        for name in Self.instanceNames {
            let row = try XCTUnwrap(rows.first { $0.split(separator: ",", omittingEmptySubsequences: false).dropFirst().first == Substring(name) },
                                    "\(name) is not in instances/MANIFEST.csv")
            var fields = row.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            fields[2] = instances.appendingPathComponent(fields[2]).path
            manifest.append(fields.joined(separator: ","))
        }
        try (manifest.joined(separator: "\n") + "\n").write(to: run.appendingPathComponent("manifest.csv"), atomically: true, encoding: .utf8)
        // `exec`: hunch itself receives the SIGTERM of scancel and requeue.
        let script = """
        #!/bin/bash
        exec '\(CLI.binary.path)' batch manifest.csv --shard auto $HUNCH_SHARDS \\
          --out results-${SLURM_ARRAY_TASK_ID}.jsonl --jobs 1 --resume $HUNCH_SEARCH

        """
        try script.write(to: run.appendingPathComponent("hunch-array.sh"), atomically: true, encoding: .utf8)
        return run
    }

    /// `sbatch --array=…`; returns the array's job id.
    func submit(_ run: URL, array: String, shardsOption: String, searchOptions: String, cluster: String) throws -> String {
        let result = try Self.shell("""
            HUNCH_SHARDS='\(shardsOption)' HUNCH_SEARCH='\(searchOptions)' sbatch --parsable --array=\(array) \
              --job-name=hunch-test --cpus-per-task=1 --chdir='\(run.path)' --output='logs/%A_%a.out' hunch-array.sh
            """, cluster: cluster, directory: run)
        XCTAssertEqual(result.status, 0, result.stderr)
        let id = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ";").first.map(String.init) ?? ""
        guard Int(id) != nil else { throw SkipReason(message: "sbatch printed no job id: \(result.stdout) \(result.stderr)") }
        return id
    }

    func waitForQueue(_ job: String, cluster: String, timeout: Double) throws {
        do {
            try waitUntil(timeout: timeout, "job \(job) to leave the queue") {
                let queue = try? Self.shell("squeue -h -j \(job) -o '%i %t'", cluster: cluster)
                return queue?.status == 0 && queue!.stdout.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            }
        } catch {
            _ = try? Self.shell("scancel \(job)", cluster: cluster)
            throw error
        }
    }

    func waitUntil(timeout: Double, _ what: String, _ condition: () -> Bool) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while !condition() {
            if Date() > deadline {
                XCTFail("timed out after \(Int(timeout)) s waiting for \(what)")
                throw SkipReason(message: "timeout")
            }
            Thread.sleep(forTimeInterval: 0.2)
        }
    }

    func resultLines(_ run: URL) throws -> [Line] {
        var lines: [Line] = []
        for task in 0..<Self.shards {
            let file = "results-\(task).jsonl"
            guard let text = try? String(contentsOf: run.appendingPathComponent(file), encoding: .utf8) else { continue }
            for (index, raw) in text.split(whereSeparator: \.isNewline).enumerated() {
                let object = try CLI.json(String(raw))
                lines.append(Line(file: file, number: index + 1, name: object["name"] as? String ?? "?",
                                  instance: object["instance"] as? String ?? "?", status: object["status"] as? String ?? "?",
                                  stopReason: object["stop_reason"] as? String, objective: object["objective"] as? Double))
            }
        }
        return lines
    }

    struct ShellResult { var status: Int32; var stdout: String; var stderr: String }

    /// Runs a bash command, with SLURM_CONF pointing at the cluster when one is given. Output
    /// goes through files, not pipes, and the command is ended after `timeout` seconds: a
    /// daemon holding a pipe open must not hang the test.
    static func shell(_ command: String, cluster: String? = nil, directory: URL? = nil, timeout: Double = 120) throws -> ShellResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", command]
        var environment = ProcessInfo.processInfo.environment
        for key in environment.keys where key.hasPrefix("SLURM_") { environment[key] = nil }
        if let cluster { environment["SLURM_CONF"] = cluster + "/slurm.conf" }
        process.environment = environment
        if let directory { process.currentDirectoryURL = directory }
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("hunch-shell-\(UUID().uuidString)")
        let outURL = base.appendingPathExtension("out"), errURL = base.appendingPathExtension("err")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: outURL); try? FileManager.default.removeItem(at: errURL) }
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        try? out.close()
        try? err.close()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            throw SkipReason(message: "`\(command)` did not end within \(Int(timeout)) s")
        }
        process.waitUntilExit()
        return ShellResult(status: process.terminationStatus,
                           stdout: (try? String(contentsOf: outURL, encoding: .utf8)) ?? "",
                           stderr: (try? String(contentsOf: errURL, encoding: .utf8)) ?? "")
    }
}
