import HunchTestSupport
import XCTest
import HunchCore
@testable import HunchLLM

/// The client against a real HTTP server on 127.0.0.1: request shape, retries only where they
/// can help, the response_format ladder, and bounded time for every failure.
final class ChatClientTests: XCTestCase {
    private let schema: JSONValue = .object(["type": .string("object"),
                                             "properties": .object(["order": .object(["type": .string("array")])])])

    private func error(_ body: () throws -> Void) -> LLMError? {
        do { try body(); return nil } catch let e as LLMError { return e } catch { XCTFail("\(error)"); return nil }
    }

    func testGoodReplyAndRequestShape() throws {
        let server = try StubChatServer([.chat("hello")])
        let client = ChatClient(configuration: testConfiguration(server))
        let reply = try client.complete(ChatRequest(messages: [.system("sys"), .user("hi")], schema: schema,
                                                    schemaName: "tour", maxTokens: 5))
        XCTAssertEqual(reply.content, "hello")
        XCTAssertEqual(reply.attempts, 1)
        XCTAssertEqual(reply.responseFormat, "json_schema")
        XCTAssertEqual(reply.finishReason, "stop")
        let request = try XCTUnwrap(server.requests.first)
        XCTAssertEqual(request.method, "POST")
        XCTAssertEqual(request.path, "/v1/chat/completions")
        XCTAssertEqual(request.headers["authorization"], "Bearer \(testAPIKey)")
        XCTAssertEqual(request.headers["content-type"], "application/json")
        let body = try XCTUnwrap(request.json)
        XCTAssertEqual(body["model"] as? String, "test-model")
        XCTAssertEqual(body["max_tokens"] as? Int, 5)
        XCTAssertEqual(body["temperature"] as? Double, 0)
        XCTAssertEqual((body["messages"] as? [[String: String]])?.map { $0["role"] ?? "" }, ["system", "user"])
        let format = try XCTUnwrap(body["response_format"] as? [String: Any])
        XCTAssertEqual(format["type"] as? String, "json_schema")
        let jsonSchema = try XCTUnwrap(format["json_schema"] as? [String: Any])
        XCTAssertEqual(jsonSchema["name"] as? String, "tour")
        XCTAssertNotNil(jsonSchema["schema"] as? [String: Any])
    }

    func testNoSchemaSendsNoResponseFormat() throws {
        let server = try StubChatServer([.chat("x")])
        let reply = try ChatClient(configuration: testConfiguration(server)).complete(ChatRequest(messages: [.user("hi")]))
        XCTAssertEqual(reply.responseFormat, "none")
        XCTAssertNil(server.requests[0].json?["response_format"])
    }

    func testRetriesAfterServerErrorThenSucceeds() throws {
        let server = try StubChatServer([.reply(status: 500, body: "oops"), .reply(status: 503, body: ""), .chat("ok")])
        let reply = try ChatClient(configuration: testConfiguration(server)).complete(ChatRequest(messages: [.user("hi")]))
        XCTAssertEqual(reply.content, "ok")
        XCTAssertEqual(reply.attempts, 3)
    }

    func testGivesUpAfterBoundedRetries() throws {
        let server = try StubChatServer([.reply(status: 503, body: "busy")])
        let e = error { _ = try ChatClient(configuration: testConfiguration(server, retries: 2)).complete(ChatRequest(messages: [.user("hi")])) }
        XCTAssertEqual(e, .http(status: 503, message: "busy"))
        XCTAssertEqual(server.requests.count, 3)
    }

    func testClientErrorIsNotRetriedAndKeyIsRedacted() throws {
        let server = try StubChatServer([.reply(status: 401, body: "{\"error\": \"invalid key \(testAPIKey)\"}")])
        let e = try XCTUnwrap(error { _ = try ChatClient(configuration: testConfiguration(server)).complete(ChatRequest(messages: [.user("hi")])) })
        guard case .http(401, let message) = e else { return XCTFail("\(e)") }
        XCTAssertFalse(message.contains(testAPIKey))
        XCTAssertFalse(e.description.contains(testAPIKey))
        XCTAssertEqual(server.requests.count, 1)
    }

    func testResponseFormatLadderIsFollowedAndRemembered() throws {
        // Like llama-cpp-python: only the json_object + schema form is accepted.
        let server = try StubChatServer { request, _ in
            let type = (request.json?["response_format"] as? [String: Any])?["type"] as? String
            if type == "json_schema" {
                return .reply(status: 422, body: #"{"detail":[{"loc":["body","response_format","type"],"msg":"Input should be 'text' or 'json_object'"}]}"#)
            }
            return .chat("[1, 2]")
        }
        let client = ChatClient(configuration: testConfiguration(server, retries: 0))
        let request = ChatRequest(messages: [.user("hi")], schema: schema)
        XCTAssertEqual(try client.complete(request).responseFormat, "json_object")
        XCTAssertEqual(server.requests.count, 2)
        let second = try client.complete(request)
        XCTAssertEqual(second.responseFormat, "json_object")
        XCTAssertEqual(server.requests.count, 3, "the accepted form is remembered")
        let sent = server.requests[2].json?["response_format"] as? [String: Any]
        XCTAssertNotNil(sent?["schema"] as? [String: Any])
    }

    func testValidationErrorAs500AboutResponseFormatMovesDownTheLadder() throws {
        // What llama-cpp-python 0.3.36's server really answers to the json_schema form (seen on
        // scripts/llm-server): HTTP 500 with the validation error in the body.
        let server = try StubChatServer { request, _ in
            let type = (request.json?["response_format"] as? [String: Any])?["type"] as? String
            if type == "json_schema" {
                return .reply(status: 500, body: #"{"error":{"message":"1 validation error:\n  {'type': 'literal_error', 'loc': ('body', 'response_format', 'type'), 'msg': \"Input should be 'text' or 'json_object'\"}","type":"internal_server_error"}}"#)
            }
            return .chat("[2, 1]")
        }
        let reply = try ChatClient(configuration: testConfiguration(server, retries: 0))
            .complete(ChatRequest(messages: [.user("hi")], schema: schema))
        XCTAssertEqual(reply.responseFormat, "json_object")
        XCTAssertEqual(server.requests.count, 2)
    }

    func testPlain500IsNotTakenForAFormatRefusal() {
        XCTAssertFalse(ChatClient.refusesResponseFormat(status: 500, body: #"{"error":"out of memory"}"#))
        XCTAssertFalse(ChatClient.refusesResponseFormat(status: 503, body: "response_format validation"))
        XCTAssertTrue(ChatClient.refusesResponseFormat(status: 422, body: "Invalid schema for response_format"))
    }

    func testServerWithoutStructuredOutputGetsPlainRequest() throws {
        let server = try StubChatServer { request, _ in
            request.json?["response_format"] != nil
                ? .reply(status: 400, body: #"{"error":{"message":"response_format is not supported"}}"#)
                : .chat("plain")
        }
        let reply = try ChatClient(configuration: testConfiguration(server, retries: 0))
            .complete(ChatRequest(messages: [.user("hi")], schema: schema))
        XCTAssertEqual(reply.content, "plain")
        XCTAssertEqual(reply.responseFormat, "none")
        XCTAssertEqual(server.requests.count, 3)
    }

    func testBadRequestNotAboutFormatIsNotRetried() throws {
        let server = try StubChatServer([.reply(status: 400, body: "context length exceeded")])
        let e = error { _ = try ChatClient(configuration: testConfiguration(server)).complete(ChatRequest(messages: [.user("hi")], schema: schema)) }
        XCTAssertEqual(e, .http(status: 400, message: "context length exceeded"))
        XCTAssertEqual(server.requests.count, 1)
    }

    func testSlowReplyTimesOut() throws {
        let server = try StubChatServer([.delayed(5, .chat("late"))])
        var e: LLMError?
        let elapsed = seconds { e = error { _ = try ChatClient(configuration: testConfiguration(server, timeout: 0.3, retries: 1)).complete(ChatRequest(messages: [.user("hi")])) } }
        XCTAssertEqual(e, .timedOut(seconds: 0.3))
        XCTAssertEqual(server.requests.count, 2, "a time-out is retried")
        XCTAssertGreaterThan(elapsed, 0.55, "each attempt waited its 0.3 s")
        XCTAssertLessThan(elapsed, 2.5)
    }

    func testTotalTimeoutBoundsAllAttempts() throws {
        let server = try StubChatServer([.delayed(5, .chat("late"))])
        var e: LLMError?
        let elapsed = seconds { e = error { _ = try ChatClient(configuration: testConfiguration(server, timeout: 0.4, total: 0.7, retries: 10)).complete(ChatRequest(messages: [.user("hi")])) } }
        XCTAssertNotNil(e)
        XCTAssertGreaterThan(elapsed, 0.6)
        XCTAssertLessThan(elapsed, 1.8)
    }

    func testClosedConnectionIsAConnectionError() throws {
        let server = try StubChatServer([.close])
        let e = error { _ = try ChatClient(configuration: testConfiguration(server, retries: 1)).complete(ChatRequest(messages: [.user("hi")])) }
        guard case .connection? = e else { return XCTFail("\(String(describing: e))") }
        XCTAssertEqual(server.requests.count, 2)
    }

    func testTruncatedReplyFails() throws {
        let server = try StubChatServer([.truncated(#"{"order":[1,2,3]}"#)])
        let e = error { _ = try ChatClient(configuration: testConfiguration(server, retries: 0)).complete(ChatRequest(messages: [.user("hi")])) }
        XCTAssertNotNil(e)
    }

    func testInvalidJSONBodyIsABadResponse() throws {
        let server = try StubChatServer([.reply(status: 200, body: "<html>proxy says hi</html>")])
        let e = error { _ = try ChatClient(configuration: testConfiguration(server)).complete(ChatRequest(messages: [.user("hi")])) }
        guard case .badResponse? = e else { return XCTFail("\(String(describing: e))") }
        XCTAssertEqual(server.requests.count, 1)
    }

    func testEmptyContentIsAnEmptyReply() throws {
        let server = try StubChatServer([.chat("  \n")])
        let e = error { _ = try ChatClient(configuration: testConfiguration(server)).complete(ChatRequest(messages: [.user("hi")])) }
        XCTAssertEqual(e, .emptyReply)
    }

    func testUnreachableServerFailsFast() throws {
        var c = LLMConfiguration(baseURL: URL(string: "http://127.0.0.1:\(try deadPort())/v1")!)
        c.maxRetries = 1
        c.backoffInitial = 0.01
        var e: LLMError?
        let elapsed = seconds { e = error { _ = try ChatClient(configuration: c).complete(ChatRequest(messages: [.user("hi")])) } }
        guard case .connection(let message)? = e else { return XCTFail("\(String(describing: e))") }
        XCTAssertTrue(message.contains("refused"), message)
        XCTAssertLessThan(elapsed, 2)
    }

    func testConcurrentCallsFromWorkerThreads() throws {
        let server = try StubChatServer { request, _ in
            let messages = request.json?["messages"] as? [[String: String]]
            return .delayed(0.05, .chat("echo " + (messages?.last?["content"] ?? "")))
        }
        let client = ChatClient(configuration: testConfiguration(server))
        let results = ResultsBox()
        DispatchQueue.concurrentPerform(iterations: 8) { i in
            let reply = try? client.complete(ChatRequest(messages: [.user("n\(i)")]))
            results.set(i, reply?.content)
        }
        XCTAssertEqual(results.values, (0..<8).map { "echo n\($0)" })
    }

    func testReadinessCheck() throws {
        let server = try StubChatServer { request, _ in
            request.path.hasSuffix("/models") ? .reply(status: 200, body: #"{"data":[]}"#) : .reply(status: 404, body: "")
        }
        XCTAssertTrue(ChatClient(configuration: testConfiguration(server)).isServerReady(timeout: 1))
        let dead = LLMConfiguration(baseURL: URL(string: "http://127.0.0.1:\(try deadPort())/v1")!)
        XCTAssertFalse(ChatClient(configuration: dead).isServerReady(timeout: 1))
    }
}

private final class ResultsBox: @unchecked Sendable {
    private let lock = NSLock()
    private var storage = [String?](repeating: nil, count: 8)
    func set(_ i: Int, _ value: String?) { lock.withLock { storage[i] = value } }
    var values: [String?] { lock.withLock { storage } }
}
