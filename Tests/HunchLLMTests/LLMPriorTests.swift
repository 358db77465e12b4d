import HunchTestSupport
import XCTest
import HunchCore
@testable import HunchLLM

/// The prior engine end to end over HTTP, with a toy family (order 0..<n; missing ids appended):
/// every scripted reply ends in a valid permutation from the model's answer, or in the fallback
/// with a one-line reason — never a hang or a crash.
final class LLMPriorTests: XCTestCase {
    private let n = 5
    private var cacheDirectory = ""

    override func setUp() {
        cacheDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("hunch-llm-prior-\(UUID().uuidString)").path
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: cacheDirectory)
    }

    private var task: LLMPermutationTask {
        LLMPermutationTask(mode: "order", messages: [.system("You order things."), .user("Order ids 1 to 5.")],
                           schema: .object(["type": .string("object")]), count: n, firstID: 1, maxTokens: 50)
    }

    private var fallbackOrder: [Int] { Array((0..<n).reversed()) }

    private func run(_ actions: [StubChatServer.Action], retries: Int = 1, timeout: Double = 1, cache: Bool = false,
                     requireLLM: Bool = false, server existing: StubChatServer? = nil) throws -> (order: [Int], report: LLMPriorReport) {
        let server = try existing ?? StubChatServer(actions)
        let prior = LLMPrior(client: ChatClient(configuration: testConfiguration(server, timeout: timeout, total: 4, retries: retries)),
                             cache: cache ? ReplyCache(directory: cacheDirectory) : nil, requireLLM: requireLLM)
        let result = try prior.permutation(for: task, fallbackName: "reverse", complete: { repair in
            let order = repair.kept + repair.missing
            guard order.sorted() == Array(0..<self.n) else { throw StubError("not a permutation") }
            return order
        }, fallback: { self.fallbackOrder })
        XCTAssertEqual(result.solution.sorted(), Array(0..<n), "always a valid permutation")
        if let warning = result.report.warning { XCTAssertFalse(warning.contains("\n")) }
        return (result.solution, result.report)
    }

    func testGoodPermutation() throws {
        let (order, report) = try run([.chat(#"{"order": [3, 1, 2, 5, 4]}"#)])
        XCTAssertEqual(order, [2, 0, 1, 4, 3])
        XCTAssertTrue(report.usedModel)
        XCTAssertEqual(report.repairs, 0)
        XCTAssertEqual(report.kept, 5)
        XCTAssertEqual(report.extraction, "json")
        XCTAssertEqual(report.rawReply, #"{"order": [3, 1, 2, 5, 4]}"#)
        XCTAssertEqual(report.messages.map(\.role), ["system", "user"])
        XCTAssertEqual(report.attempts, 1)
        XCTAssertFalse(report.cached)
        XCTAssertGreaterThan(report.latency, 0)
        XCTAssertNil(report.warning)
    }

    func testPartialAnswerIsCompleted() throws {
        let (order, report) = try run([.chat(#"{"order": [4, 2]}"#)])
        XCTAssertEqual(order, [3, 1, 0, 2, 4])
        XCTAssertTrue(report.usedModel)
        XCTAssertEqual(report.missing, 3)
    }

    func testDuplicatesAndOutOfRangeAreDropped() throws {
        let (order, report) = try run([.chat(#"{"order": [2, 2, 9, 1, 0, 3, 3, 5, 4]}"#)])
        XCTAssertEqual(order, [1, 0, 2, 4, 3])
        XCTAssertEqual(report.duplicates, 2)
        XCTAssertEqual(report.outOfRange, 2)
        XCTAssertEqual(report.missing, 0)
        XCTAssertTrue(report.summary.contains("4 repaired"), report.summary)
    }

    func testProseAroundJSON() throws {
        let (order, report) = try run([.chat("Sure! Here is my answer:\n```json\n{\"order\": [5, 4, 3, 2, 1]}\n```\nHave a nice day.")])
        XCTAssertEqual(order, [4, 3, 2, 1, 0])
        XCTAssertTrue(report.usedModel)
    }

    func testGarbageFallsBack() throws {
        let (order, report) = try run([.chat("I am sorry, I cannot help with routing.")])
        XCTAssertEqual(order, fallbackOrder)
        XCTAssertEqual(report.fallbackReason, "the reply holds no list of integers")
        XCTAssertEqual(report.fallbackPrior, "reverse")
        XCTAssertEqual(report.warning, "warning: LLM prior not used (the reply holds no list of integers); using reverse")
    }

    func testInvalidJSONWithoutUsableIdsFallsBack() throws {
        let (order, report) = try run([.chat(#"{"order": [17, 42, "#)])
        XCTAssertEqual(order, fallbackOrder)
        XCTAssertTrue(report.fallbackReason?.contains("no valid id") ?? false, "\(report.fallbackReason ?? "")")
        XCTAssertEqual(report.outOfRange, 2)
    }

    func testServerErrorFallsBack() throws {
        let (order, report) = try run([.reply(status: 500, body: "model crashed")])
        XCTAssertEqual(order, fallbackOrder)
        XCTAssertEqual(report.fallbackReason, "HTTP 500: model crashed")
        XCTAssertEqual(report.attempts, 0)
    }

    func testSlowReplyFallsBackInBoundedTime() throws {
        var result: (order: [Int], report: LLMPriorReport)?
        let elapsed = try seconds { result = try run([.delayed(5, .chat(#"{"order":[1,2,3,4,5]}"#))], retries: 0, timeout: 0.3) }
        XCTAssertEqual(result?.order, fallbackOrder)
        XCTAssertTrue(result?.report.fallbackReason?.hasPrefix("no reply within") ?? false)
        XCTAssertGreaterThan(elapsed, 0.25)
        XCTAssertLessThan(elapsed, 2)
    }

    func testClosedConnectionFallsBack() throws {
        let (order, report) = try run([.close], retries: 0)
        XCTAssertEqual(order, fallbackOrder)
        XCTAssertTrue(report.fallbackReason?.hasPrefix("server unreachable") ?? false, "\(report.fallbackReason ?? "")")
    }

    func testUnreachableServerFallsBack() throws {
        var c = LLMConfiguration(baseURL: URL(string: "http://127.0.0.1:\(try deadPort())/v1")!)
        c.maxRetries = 0
        let prior = LLMPrior(client: ChatClient(configuration: c))
        let (order, report) = try prior.permutation(for: task, fallbackName: "reverse", complete: { $0.kept + $0.missing },
                                                    fallback: { self.fallbackOrder })
        XCTAssertEqual(order, fallbackOrder)
        XCTAssertTrue(report.warning?.contains("refused") ?? false, report.warning ?? "")
    }

    func testInvalidCompletionFallsBack() throws {
        let server = try StubChatServer([.chat("[1, 2, 3, 4, 5]")])
        let prior = LLMPrior(client: ChatClient(configuration: testConfiguration(server)))
        let (order, report) = try prior.permutation(for: task, fallbackName: "reverse",
                                                    complete: { _ -> [Int] in throw StubError("overlap") },
                                                    fallback: { self.fallbackOrder })
        XCTAssertEqual(order, fallbackOrder)
        XCTAssertEqual(report.fallbackReason, "the repaired answer is invalid: overlap")
    }

    func testRequireLLMThrowsInsteadOfFallingBack() throws {
        XCTAssertThrowsError(try run([.reply(status: 500, body: "down")], retries: 0, requireLLM: true)) { error in
            let e = error as? LLMPriorError
            XCTAssertEqual(e?.reason, "HTTP 500: down")
            XCTAssertEqual(e?.description, "LLM prior required but not usable: HTTP 500: down")
        }
        XCTAssertNoThrow(try run([.chat("[2,1]")], requireLLM: true), "a usable (repaired) answer is fine")
    }

    func testCacheAnswersTheSecondTime() throws {
        let server = try StubChatServer([.chat(#"{"order": [2, 1, 3, 5, 4]}"#)])
        let first = try run([], cache: true, server: server)
        XCTAssertFalse(first.report.cached)
        let second = try run([], cache: true, server: server)
        XCTAssertTrue(second.report.cached)
        XCTAssertEqual(second.order, first.order)
        XCTAssertEqual(server.requests.count, 1, "the second solve did not ask")
        _ = try run([], cache: false, server: server)
        XCTAssertEqual(server.requests.count, 2, "no cache: asked again")
    }

    func testUnusableReplyIsNotCached() throws {
        let server = try StubChatServer([.chat("no idea"), .chat("[1,2,3,4,5]")])
        XCTAssertFalse(try run([], cache: true, server: server).report.usedModel)
        let second = try run([], cache: true, server: server)
        XCTAssertTrue(second.report.usedModel)
        XCTAssertFalse(second.report.cached)
        XCTAssertEqual(server.requests.count, 2)
    }

    func testReportAsJSON() throws {
        let (_, report) = try run([.chat(#"{"order": [1, 1, 2]}"#)])
        let json = report.jsonValue
        XCTAssertEqual(json["mode"], .string("order"))
        XCTAssertEqual(json["model"], .string("test-model"))
        XCTAssertEqual(json["raw_reply"], .string(#"{"order": [1, 1, 2]}"#))
        XCTAssertEqual(json["parsed"], .int(3))
        XCTAssertEqual(json["kept"], .int(2))
        XCTAssertEqual(json["duplicates"], .int(1))
        XCTAssertEqual(json["missing"], .int(3))
        XCTAssertEqual(json["used_model"], .bool(true))
        XCTAssertEqual(json["fallback_reason"], .null)
        XCTAssertEqual(json["cached"], .bool(false))
        guard case .array(let prompt)? = json["prompt"] else { return XCTFail("prompt") }
        XCTAssertEqual(prompt.count, 2)
        let text = String(decoding: try JSONEncoder().encode(json), as: UTF8.self)
        XCTAssertFalse(text.contains(testAPIKey))
    }
}
