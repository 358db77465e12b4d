import Foundation
import XCTest
import HunchTestSupport

/// The LLM prior in the other families and in bench, against a real HTTP server on 127.0.0.1.
final class LLMFamilyCommandTests: XCTestCase {
    private func environment() throws -> [String: String] {
        ["HUNCH_LLM_CACHE": try CLI.temporaryDirectory().path, "HUNCH_LLM_RETRIES": "0"]
    }

    func testJobOrderFromTheModelBecomesTheFirstSchedule() throws {
        // ft06 has 6 jobs: a partial, duplicated answer is repaired into a full job order.
        let server = try StubChatServer { _, _ in .chat("{\"order\": [3, 1, 1, 6]}") }
        let result = try CLI.run(["solve", CLI.instance("ft06.txt", family: "jssp"), "--prior", "llm", "--llm-url", server.baseURL,
                                  "--max-steps", "0", "--json", "--llm-timeout", "2"], environment: try environment())
        XCTAssertEqual(result.status, 0, result.stderr)
        let json = try CLI.json(result.stdout)
        XCTAssertEqual(json["prior"] as? String, "llm")
        let llm = try XCTUnwrap((json["details"] as? [String: Any])?["llm"] as? [String: Any])
        XCTAssertEqual(llm["kept"] as? Int, 3)
        XCTAssertEqual(llm["duplicates"] as? Int, 1)
        XCTAssertEqual(llm["missing"] as? Int, 3)
        XCTAssertGreaterThanOrEqual(try XCTUnwrap(json["objective"] as? Double), 55)
    }

    func testBenchRunsTheModelOnceAndGivesEverySearchTheSameTime() throws {
        let server = try StubChatServer { _, _ in .chat("{\"order\": [2, 1]}") }
        let dir = try CLI.temporaryDirectory()
        let csv = dir.appendingPathComponent("rows.csv").path
        let result = try CLI.run(["bench", CLI.instance("scholl/N1C1W1_A.txt", family: "bpp"), "--priors", "llm,first-fit",
                                  "--search-priors", "default,llm", "--policies", "roulette", "--time-limit", "0.5",
                                  "--llm-url", server.baseURL, "--llm-timeout", "2", "--quiet",
                                  "--report", dir.appendingPathComponent("r.md").path, "--csv", csv,
                                  "--svg", dir.appendingPathComponent("r.svg").path], environment: try environment())
        XCTAssertEqual(result.status, 0, result.stderr)
        let rows = try String(contentsOfFile: csv, encoding: .utf8).split(whereSeparator: \.isNewline).map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let methods = rows.dropFirst().map { String($0[3]) }
        XCTAssertTrue(methods.contains("prior:llm"), "\(methods)")
        XCTAssertTrue(methods.contains("prior:first-fit"), "\(methods)")
        XCTAssertTrue(methods.contains("search:roulette"), "\(methods)")
        XCTAssertTrue(methods.contains("search:roulette+llm"), "\(methods)")
        XCTAssertEqual(server.requests.count, 1, "one question per instance")
        // The prior alone is not searched: it takes about the model's time, not the search's.
        let llmRow = try XCTUnwrap(rows.first { $0.count > 11 && $0[3] == "prior:llm" })
        XCTAssertLessThan(try XCTUnwrap(Double(llmRow[11])), 0.5)
    }

    func testModelChoosesAPriorByNameInEveryFamily() throws {
        // A weak model's decision: one named heuristic out of a menu described in words.
        let server = try StubChatServer { request, _ in
            let text = "\(request.json?["messages"] ?? "")"
            if text.contains("spt") { return .chat("{\"choice\": \"spt\"}") }
            if text.contains("first-fit-decreasing") { return .chat("{\"choice\": \"first-fit-decreasing\"}") }
            return .chat("{\"choice\": \"nearest-neighbour\"}")
        }
        let cases = [(CLI.instance("ft06.txt", family: "jssp"), "spt"),
                     (CLI.instance("scholl/N1C1W1_A.txt", family: "bpp"), "first-fit-decreasing"),
                     (CLI.instance("eil51.tsp"), "nearest-neighbour")]
        for (path, expected) in cases {
            let result = try CLI.run(["solve", path, "--prior", "llm-choice", "--llm-url", server.baseURL, "--max-steps", "0",
                                      "--json", "--llm-timeout", "2"], environment: try environment())
            XCTAssertEqual(result.status, 0, result.stderr)
            let json = try CLI.json(result.stdout)
            XCTAssertEqual(json["prior"] as? String, "llm-choice:\(expected)", path)
            let llm = try XCTUnwrap((json["details"] as? [String: Any])?["llm"] as? [String: Any])
            XCTAssertEqual(llm["choice"] as? String, expected)
        }
    }

    func testUnusableChoiceFallsBackToTheDefaultPrior() throws {
        let server = try StubChatServer { _, _ in .chat("I like turtles") }
        let result = try CLI.run(["solve", CLI.instance("ft06.txt", family: "jssp"), "--prior", "llm-choice", "--llm-url", server.baseURL,
                                  "--max-steps", "0", "--json", "--llm-timeout", "2"], environment: try environment())
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(try CLI.json(result.stdout)["prior"] as? String, "llm-fallback:mwkr")
        XCTAssertTrue(result.stderr.contains("warning"), result.stderr)
    }
}
