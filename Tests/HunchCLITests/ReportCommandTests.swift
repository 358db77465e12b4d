import Foundation
import XCTest

/// `hunch report`: shard files of real batch runs merged, summarised per family, checked
/// against the source; markdown, CSV, SVG and merged lines, written atomically.
final class ReportCommandTests: XCTestCase {
    /// A folder of instances of two families plus a broken file, run as two shards.
    func makeShards() throws -> URL {
        let dir = try CLI.temporaryDirectory()
        let source = dir.appendingPathComponent("src")
        try FileManager.default.createDirectory(at: source, withIntermediateDirectories: true)
        for (name, folder) in [("burma14.tsp", "tsp"), ("gr17.tsp", "tsp"), ("eil51.tsp", "tsp"), ("ft06.txt", "jssp"), ("la01.txt", "jssp")] {
            try FileManager.default.copyItem(atPath: CLI.instance(name, family: folder), toPath: source.appendingPathComponent(name).path)
        }
        try "NAME: broken\nTYPE: TSP\nDIMENSION: 5\n".write(to: source.appendingPathComponent("broken.tsp"), atomically: true, encoding: .utf8)
        for shard in 0..<2 {
            let result = try CLI.run(["batch", "src", "--max-steps", "200", "--jobs", "2", "--shard", "\(shard)/2",
                                      "--out", "results-\(shard).jsonl", "--quiet"], directory: dir)
            XCTAssertTrue(result.status == 0 || result.status == 1, result.stderr)
        }
        return dir
    }

    func rows(_ csv: String) -> [[String: String]] {
        let lines = csv.split(whereSeparator: \.isNewline).map(String.init)
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        return lines.dropFirst().map { line in
            // The test's instance paths hold no commas or quotes.
            Dictionary(uniqueKeysWithValues: zip(header, line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)))
        }
    }

    func testMergesShardsIntoTablesPerFamilyAndAllOutputs() throws {
        let dir = try makeShards()
        let result = try CLI.run(["report", "results-0.jsonl", "results-1.jsonl", "--manifest", "src",
                                  "--markdown", "report.md", "--csv", "report.csv", "--svg", "gaps.svg", "--merged", "merged.jsonl"],
                                 directory: dir)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("6 instances, 5 solved"), result.stdout)
        XCTAssertTrue(result.stdout.contains("1 failed"), result.stdout)
        XCTAssertTrue(result.stdout.contains("wrote report.md"), result.stdout)

        let markdown = try String(contentsOf: dir.appendingPathComponent("report.md"), encoding: .utf8)
        let merged = try String(contentsOf: dir.appendingPathComponent("merged.jsonl"), encoding: .utf8)
            .split(whereSeparator: \.isNewline).map { try CLI.json(String($0)) }
        XCTAssertEqual(merged.count, 6, "one line per instance")
        let problems = Set(merged.compactMap { $0["problem"] as? String })
        XCTAssertEqual(problems.count, 2)
        for problem in problems {
            XCTAssertTrue(markdown.contains("\n## \(problem)\n"), "a table for \(problem): \(markdown)")
            XCTAssertTrue(markdown.contains("\n| \(problem) | "), "a summary row for \(problem)")
        }
        XCTAssertTrue(markdown.contains("| **all** | 6 | 5 |"), markdown)
        XCTAssertTrue(markdown.contains("**Failed** (1)"), markdown)
        XCTAssertTrue(markdown.contains("src/broken.tsp"), markdown)
        XCTAssertFalse(markdown.contains("**Duplicates"), markdown)
        XCTAssertFalse(markdown.contains("**Missing"), markdown)

        let csv = rows(try String(contentsOf: dir.appendingPathComponent("report.csv"), encoding: .utf8))
        XCTAssertEqual(csv.count, 6)
        XCTAssertEqual(csv.filter { $0["flag"] == "failed" }.map { $0["name"] }, ["broken"])
        XCTAssertEqual(csv.filter { $0["status"] == "optimal" || $0["status"] == "feasible" }.count, 5)
        for row in csv where row["status"] != "error" {
            XCTAssertNotNil(Double(row["objective"] ?? ""), "\(row)")
            XCTAssertEqual(row["lines"], "1")
        }

        let svg = try String(contentsOf: dir.appendingPathComponent("gaps.svg"), encoding: .utf8)
        XCTAssertTrue(svg.hasPrefix("<svg"), svg)
        XCTAssertTrue(svg.hasSuffix("</svg>\n"))
        let withGap = merged.filter { $0["gap"] is Double && $0["size"] is Int }.count
        XCTAssertEqual(svg.components(separatedBy: "<circle").count - 1, withGap + problems.count, "one dot per instance with a gap, one per legend entry")
        for name in merged.compactMap({ $0["name"] as? String }) where !name.contains("broken") {
            XCTAssertTrue(svg.contains("<title>\(name): size "), "a dot for \(name)")
        }

        // Atomic writes leave no temporary files behind.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains(".tmp-") }
        XCTAssertEqual(leftovers, [])
    }

    func testDuplicatesMissingAndUnreadableLinesAreFlagged() throws {
        let dir = try makeShards()
        // Shard 0 given twice (as if rerun without --resume), shard 1 lost, one line cut short.
        var text = try String(contentsOf: dir.appendingPathComponent("results-0.jsonl"), encoding: .utf8)
        text += "{\"instance\": \"src/gr17.tsp\", \"sta"
        try text.write(to: dir.appendingPathComponent("copy.jsonl"), atomically: true, encoding: .utf8)
        let shard0 = try String(contentsOf: dir.appendingPathComponent("results-0.jsonl"), encoding: .utf8)
            .split(whereSeparator: \.isNewline).map { try CLI.json(String($0)) }
        let shard1 = try String(contentsOf: dir.appendingPathComponent("results-1.jsonl"), encoding: .utf8)
            .split(whereSeparator: \.isNewline).map { try CLI.json(String($0)) }
        let finished0 = shard0.filter { $0["status"] as? String != "error" }.count

        let result = try CLI.run(["report", "results-0.jsonl", "copy.jsonl", "--manifest", "src", "--csv", "report.csv", "--check"],
                                 directory: dir)
        XCTAssertEqual(result.status, 1, "--check fails on duplicates and missing instances")
        XCTAssertTrue(result.stdout.contains("**Duplicates: more than one finished line** (\(finished0))"), result.stdout)
        XCTAssertTrue(result.stdout.contains("**Missing: in the source, no line** (\(shard1.count))"), result.stdout)
        XCTAssertTrue(result.stdout.contains("copy.jsonl:\(shard0.count + 1): not a JSON object"), result.stdout)
        for record in shard1 {
            XCTAssertTrue(result.stdout.contains("`\(record["instance"] as! String)`"), "\(record["instance"]!) flagged missing")
        }
        XCTAssertTrue(result.stderr.contains("missing"), result.stderr)
        let csv = rows(try String(contentsOf: dir.appendingPathComponent("report.csv"), encoding: .utf8))
        XCTAssertEqual(csv.filter { $0["status"] == "missing" }.count, shard1.count)
        XCTAssertEqual(csv.filter { $0["flag"] == "duplicate" }.count, finished0)

        // Without --check the report is written and the status is 0.
        let plain = try CLI.run(["report", "results-0.jsonl", "copy.jsonl", "--manifest", "src"], directory: dir)
        XCTAssertEqual(plain.status, 0, plain.stderr)
    }

    func testInterruptedThenResumedKeepsTheFinishedLine() throws {
        let dir = try CLI.temporaryDirectory()
        try FileManager.default.copyItem(atPath: CLI.instance("a280.tsp"), toPath: dir.appendingPathComponent("a280.tsp").path)
        let stopped = try CLI.run(["batch", "a280.tsp", "--time-limit", "20", "--no-bound", "--out", "r.jsonl", "--quiet"], directory: dir, signalAfter: 1.5)
        XCTAssertEqual(stopped.status, 130, stopped.stderr)
        let alone = try CLI.run(["report", "r.jsonl", "--manifest", "a280.tsp", "--csv", "one.csv", "--check"], directory: dir)
        XCTAssertEqual(alone.status, 1, "an unfinished instance fails --check")
        XCTAssertTrue(alone.stdout.contains("**Unfinished: interrupted, not rerun to the end** (1)"), alone.stdout)
        XCTAssertTrue(alone.stdout.contains("(interrupted)"), alone.stdout)
        let one = rows(try String(contentsOf: dir.appendingPathComponent("one.csv"), encoding: .utf8))
        XCTAssertEqual(one.first?["stop_reason"], "interrupted")
        XCTAssertEqual(one.first?["flag"], "unfinished")
        XCTAssertNotNil(Double(one.first?["objective"] ?? ""), "the interrupted line has the best tour found")

        let resumed = try CLI.run(["batch", "a280.tsp", "--max-steps", "50", "--no-bound", "--out", "r.jsonl", "--resume", "--quiet"], directory: dir)
        XCTAssertEqual(resumed.status, 0, resumed.stderr)
        let after = try CLI.run(["report", "r.jsonl", "--manifest", "a280.tsp", "--csv", "two.csv", "--check"], directory: dir)
        XCTAssertEqual(after.status, 0, after.stdout + after.stderr)
        let two = rows(try String(contentsOf: dir.appendingPathComponent("two.csv"), encoding: .utf8))
        XCTAssertEqual(two.count, 1)
        XCTAssertEqual(two.first?["stop_reason"], "step_limit")
        XCTAssertEqual(two.first?["lines"], "2")
        XCTAssertEqual(two.first?["finished_lines"], "1")
        XCTAssertEqual(two.first?["flag"], "")
        // Markdown on standard output when no --markdown is given.
        XCTAssertTrue(after.stdout.hasPrefix("# Batch results"), after.stdout)
    }

    func testOutputsMustNotOverwriteTheResults() throws {
        let dir = try makeShards()
        let clash = try CLI.run(["report", "results-0.jsonl", "--csv", "results-0.jsonl"], directory: dir)
        XCTAssertEqual(clash.status, 64, clash.stderr)
        XCTAssertTrue(clash.stderr.contains("is a results file"), clash.stderr)
        let missing = try CLI.run(["report", "nope.jsonl"], directory: dir)
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.contains("nope.jsonl: cannot read results file"), missing.stderr)
    }
}
