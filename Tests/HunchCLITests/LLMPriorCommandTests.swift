import Foundation
import XCTest
import HunchTestSupport
import HunchTSP

/// `solve --prior llm` end to end against a real HTTP server on 127.0.0.1: a usable answer
/// becomes the first tour; an unusable one falls back with a warning; --require-llm fails.
final class LLMPriorCommandTests: XCTestCase {
    func run(_ server: StubChatServer, _ extra: [String] = []) throws -> CLIResult {
        let cache = try CLI.temporaryDirectory()
        return try CLI.run(["solve", CLI.instance("burma14.tsp"), "--prior", "llm", "--llm-url", server.baseURL,
                            "--llm-model", "stub", "--max-steps", "20", "--json", "--llm-timeout", "2"] + extra,
                           environment: ["HUNCH_LLM_CACHE": cache.path, "HUNCH_LLM_RETRIES": "0"])
    }

    func testGoodPartialAnswerIsRepairedIntoTheFirstTour() throws {
        let server = try StubChatServer([.chat("{\"order\": [1, 2, 14, 3, 3, 4, 99, 5]}")])
        let result = try run(server)
        XCTAssertEqual(result.status, 0, result.stderr)
        let json = try CLI.json(result.stdout)
        XCTAssertEqual(json["prior"] as? String, "llm")
        let llm = try XCTUnwrap((json["details"] as? [String: Any])?["llm"] as? [String: Any])
        XCTAssertEqual(llm["duplicates"] as? Int, 1)
        XCTAssertEqual(llm["out_of_range"] as? Int, 1)
        XCTAssertEqual(llm["missing"] as? Int, 8)
        XCTAssertNil(llm["fallback_reason"] as? String)
        let tour = try XCTUnwrap((json["solution"] as? [String: Any])?["tour"] as? [Int]).map { $0 - 1 }
        XCTAssertNoThrow(try TourValidation.check(tour: tour, dimension: 14))
        XCTAssertFalse(server.requests.isEmpty)
    }

    func testServerErrorFallsBackWithAWarning() throws {
        let server = try StubChatServer([.reply(status: 500, body: "boom")])
        let result = try run(server)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("warning"), result.stderr)
        let json = try CLI.json(result.stdout)
        let llm = try XCTUnwrap((json["details"] as? [String: Any])?["llm"] as? [String: Any])
        XCTAssertEqual(llm["fallback_prior"] as? String, "greedy")
        XCTAssertEqual(json["prior"] as? String, "llm-fallback:greedy", "a fallback must not pass for the model's answer")
    }

    func testRequireLLMTurnsGarbageIntoAnError() throws {
        let server = try StubChatServer([.chat("I cannot help with that.")])
        let result = try run(server, ["--require-llm"])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.stderr.contains("LLM prior required"), result.stderr)
    }
}
