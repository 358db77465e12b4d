import HunchTestSupport
import XCTest
import HunchCore
@testable import HunchLLM

/// The client and the prior against servers that misbehave on purpose, over real HTTP on
/// 127.0.0.1 (issue 18): bodies without end, redirects to another listener, replies of many
/// megabytes, replies built to make parsing slow, and replies that echo the API key. Each must
/// end in a clear error or a fallback, in bounded time and memory, without the key leaving home.
final class HostileServerTests: XCTestCase {
    private var cacheDirectory = ""

    override func setUp() {
        cacheDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("hunch-llm-hostile-\(UUID().uuidString)").path
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: cacheDirectory)
    }

    private func error(_ body: () throws -> Void) -> LLMError? {
        do { try body(); return nil } catch let e as LLMError { return e } catch { XCTFail("\(error)"); return nil }
    }

    /// One request; `.urlSession` takes the path `https://` and proxies take, over plain HTTP.
    private func ask(_ server: StubChatServer, timeout: Double = 2, retries: Int = 0, transport: ChatClient.Transport = .automatic,
                     configure: (inout LLMConfiguration) -> Void = { _ in }) -> LLMError? {
        var configuration = testConfiguration(server, timeout: timeout, total: timeout * Double(retries + 1) + 1, retries: retries)
        configure(&configuration)
        let client = ChatClient(configuration: configuration, environment: [:], transport: transport)
        return error { _ = try client.complete(ChatRequest(messages: [.user("hi")])) }
    }

    /// Waits (at most `seconds`) until the server has no connection left: the client hung up.
    private func waitUntilIdle(_ server: StubChatServer, seconds: Double = 3) -> Bool {
        let end = Date().addingTimeInterval(seconds)
        while Date() < end {
            if server.activeConnections == 0 { return true }
            usleep(10_000)
        }
        return server.activeConnections == 0
    }

    // MARK: Bodies without end

    func testEndlessBodyStopsAtTheCapInBoundedMemory() throws {
        let server = try StubChatServer([.endless(pause: 0)])
        defer { server.stop() }   // the stub's threads keep it alive: stop it, or it streams on
        var e: LLMError?
        var growth = 0
        let elapsed = seconds { (e, growth) = MemoryProbe.peakGrowth { ask(server, timeout: 20) } }
        XCTAssertEqual(e, .replyTooLarge(limit: LLMConfiguration.defaultMaxReplyBytes))
        XCTAssertLessThan(elapsed, 5, "the cap, not the 20 s deadline, ended it")
        XCTAssertLessThan(growth, 200 << 20, "resident memory grew by \(growth >> 20) MiB")
        XCTAssertTrue(waitUntilIdle(server), "the client hung up on the stream")
        XCTAssertLessThan(server.bytesStreamed, 64 << 20, "the client stopped reading: \(server.bytesStreamed) bytes sent")
        XCTAssertEqual(server.requests.count, 1, "a reply too large is not asked for again")
        XCTAssertTrue(e?.description.contains("4 MiB") ?? false, e?.description ?? "")
    }

    func testTrickleWithoutEndStopsAtTheDeadline() throws {
        // 64 KiB every 50 ms never lets the connection go idle; only a deadline on the whole
        // exchange ends it, and it ends it on time.
        let server = try StubChatServer([.endless(pause: 0.05)])
        defer { server.stop() }
        var e: LLMError?
        let elapsed = seconds { e = ask(server, timeout: 0.6) }
        XCTAssertEqual(e, .timedOut(seconds: 0.6))
        XCTAssertGreaterThan(elapsed, 0.5)
        XCTAssertLessThan(elapsed, 1.5)
        XCTAssertTrue(waitUntilIdle(server), "the stream was cancelled, not left running")
    }

    func testHeadersWithoutEndFailInBoundedTime() throws {
        let server = try StubChatServer([.endlessHeaders])
        defer { server.stop() }
        var e: LLMError?
        var growth = 0
        let elapsed = seconds { (e, growth) = MemoryProbe.peakGrowth { ask(server, timeout: 1) } }
        XCTAssertNotNil(e)
        XCTAssertLessThan(elapsed, 2.5)
        XCTAssertLessThan(growth, 200 << 20)
        XCTAssertTrue(waitUntilIdle(server))
    }

    // MARK: Huge replies

    func testHugeDeclaredReplyIsRefusedWithoutReadingIt() throws {
        let server = try StubChatServer([.huge(bytes: 50 << 20)])
        defer { server.stop() }
        var e: LLMError?
        let elapsed = seconds { e = ask(server, timeout: 20) }
        XCTAssertEqual(e, .replyTooLarge(limit: 4 << 20))
        XCTAssertLessThan(elapsed, 5)
        XCTAssertTrue(waitUntilIdle(server))
        XCTAssertLessThan(server.bytesStreamed, 40 << 20, "the 50 MB body was not read to its end")
    }

    func testCapIsAConfigurationValue() throws {
        let small = try StubChatServer([.huge(bytes: 60_000)])
        let reply = try ChatClient(configuration: {
            var c = testConfiguration(small, retries: 0)
            c.maxReplyBytes = 64 << 10
            return c
        }()).complete(ChatRequest(messages: [.user("hi")]))
        XCTAssertGreaterThan(reply.content.utf8.count, 59_000, "a reply under the cap is read whole")

        let large = try StubChatServer([.huge(bytes: 70_000)])
        XCTAssertEqual(ask(large) { $0.maxReplyBytes = 64 << 10 }, .replyTooLarge(limit: 64 << 10))
        XCTAssertEqual(LLMError.replyTooLarge(limit: 64 << 10).description, "reply larger than 64 KiB; the rest was not read")

        var invalid = LLMConfiguration()
        invalid.maxReplyBytes = 10
        XCTAssertThrowsError(try invalid.validate())
    }

    func testErrorBodiesAreCappedToo() throws {
        let server = try StubChatServer([.endless(pause: 0)])
        defer { server.stop() }
        // Any status: the cap applies before the status is looked at.
        XCTAssertEqual(ask(server) { $0.maxReplyBytes = 256 << 10 }, .replyTooLarge(limit: 256 << 10))
    }

    // MARK: Redirects

    func testCrossOriginRedirectIsRefusedAndTheKeyStaysHome() throws {
        for status in [301, 302, 303, 307, 308] {
            let elsewhere = try StubChatServer([.chat("stolen")])
            let server = try StubChatServer([.redirect(status: status, location: elsewhere.baseURL + "/chat/completions")])
            let e = ask(server, retries: 2)
            guard case .redirectRefused(let message)? = e else { XCTFail("\(status): \(String(describing: e))"); continue }
            XCTAssertTrue(message.contains("another origin"), message)
            XCTAssertTrue(message.contains("127.0.0.1:\(elsewhere.port)"), message)
            XCTAssertFalse(message.contains(testAPIKey))
            XCTAssertEqual(elsewhere.requests.count, 0, "\(status): the other listener got nothing: no key, no prompt")
            XCTAssertTrue(elsewhere.requests.allSatisfy { $0.headers["authorization"] == nil })
            XCTAssertEqual(server.requests.count, 1, "\(status): a refused redirect is not retried")
            XCTAssertTrue(e?.description.hasPrefix("redirect not followed: HTTP \(status) redirect to another origin") ?? false,
                          e?.description ?? "")
        }
    }

    func testRedirectToAnotherSchemeOrNameIsRefused() throws {
        // The stub learns its own address from the Host header, and redirects to a neighbour of it.
        let targets: [(String) -> String] = [
            { host in "https://\(host)/v1/chat/completions" },                                  // other scheme
            { host in "http://localhost:\(host.split(separator: ":").last ?? "")/v1/chat/completions" },  // other name
            { _ in "ftp://127.0.0.1/x" },                                                       // not http(s)
        ]
        for target in targets {
            let server = try StubChatServer { request, _ in .redirect(status: 307, location: target(request.headers["host"] ?? "")) }
            let e = ask(server)
            guard case .redirectRefused? = e else { XCTFail("\(String(describing: e))"); continue }
            XCTAssertEqual(server.requests.count, 1, "the redirect was not followed, even to the same socket")
        }
        XCTAssertNil(RedirectPolicy.refusal(status: 307, from: RedirectPolicy.Origin(URL(string: "HTTP://Example.org/v1"))!,
                                            to: URL(string: "http://example.org:80/v2"), followed: 0),
                     "a default port and upper case make no other origin")
    }

    func testSameOriginRedirectIsFollowedWithItsBody() throws {
        let server = try StubChatServer { request, _ in
            request.path == "/v1/chat/completions" ? .redirect(status: 307, location: "/v1/moved/chat/completions") : .chat("moved ok")
        }
        let reply = try ChatClient(configuration: testConfiguration(server, retries: 0)).complete(ChatRequest(messages: [.user("hi")]))
        XCTAssertEqual(reply.content, "moved ok")
        XCTAssertEqual(server.requests.map(\.path), ["/v1/chat/completions", "/v1/moved/chat/completions"])
        let moved = server.requests[1]
        XCTAssertEqual(moved.method, "POST", "307 keeps the method")
        XCTAssertEqual(moved.json?["model"] as? String, "test-model", "307 keeps the body")
        XCTAssertEqual(moved.headers["authorization"], "Bearer \(testAPIKey)", "same origin: the key may go")
    }

    func testRedirectLoopEnds() throws {
        let server = try StubChatServer([.redirect(status: 302, location: "/v1/chat/completions")])
        var e: LLMError?
        let elapsed = seconds { e = ask(server, retries: 3) }
        guard case .redirectRefused(let message)? = e else { return XCTFail("\(String(describing: e))") }
        XCTAssertTrue(message.contains("more than \(RedirectPolicy.maxRedirects) redirects"), message)
        XCTAssertEqual(server.requests.count, RedirectPolicy.maxRedirects + 1)
        XCTAssertLessThan(elapsed, 2)
    }

    func testPriorFallsBackOnARefusedRedirect() throws {
        let elsewhere = try StubChatServer([.chat(#"{"order":[1,2,3]}"#)])
        let server = try StubChatServer([.redirect(status: 302, location: "http://127.0.0.1:\(elsewhere.port)/steal")])
        let (_, report) = try permutation(server)
        XCTAssertFalse(report.usedModel)
        XCTAssertTrue(report.fallbackReason?.hasPrefix("redirect not followed") ?? false, report.fallbackReason ?? "")
        XCTAssertEqual(elsewhere.requests.count, 0)
    }

    // MARK: Pathological replies through the prior

    private var task: LLMPermutationTask {
        LLMPermutationTask(mode: "order", messages: [.user("Order ids 1 to 5.")], schema: .object(["type": .string("object")]),
                           count: 5, firstID: 1, maxTokens: 50)
    }

    private func permutation(_ server: StubChatServer, cache: Bool = false, timeout: Double = 10) throws -> ([Int], LLMPriorReport) {
        let prior = LLMPrior(client: ChatClient(configuration: testConfiguration(server, timeout: timeout, total: timeout + 1, retries: 0)),
                             cache: cache ? ReplyCache(directory: cacheDirectory) : nil)
        return try prior.permutation(for: task, fallbackName: "identity", complete: { $0.kept + $0.missing },
                                     fallback: { Array(0..<5) })
    }

    func testMegabytesOfBracketsFallBackQuickly() throws {
        for (reply, name) in [(String(repeating: "[", count: 2_000_000), "2 MB of ["),
                              (String(repeating: "{", count: 200_000), "200 KB of {")] {
            let server = try StubChatServer([.chat(reply)])
            var report: LLMPriorReport?
            let elapsed = try seconds { report = try permutation(server).1 }
            XCTAssertEqual(report?.fallbackReason, "the reply holds no list of integers", name)
            XCTAssertLessThan(elapsed, 4, "\(name): request and extraction took \(elapsed) s")
            XCTAssertLessThan(report?.rawReply?.count ?? .max, ReplyExcerpt.limit + 100, name)
            XCTAssertEqual(report?.rawReplyLength, reply.count, name)
        }
    }

    func testLongReplyIsCutInTheReport() throws {
        let answer = #"{"order": [2, 1, 3, 5, 4]}"#
        let reply = answer + " " + String(repeating: "Let me explain why. ", count: 150_000)   // 3 MB, under the cap
        let server = try StubChatServer([.chat(reply)])
        let (order, report) = try permutation(server, cache: true)
        XCTAssertEqual(order, [1, 0, 2, 4, 3], "the answer at the start is still used")
        XCTAssertTrue(report.usedModel)
        let raw = try XCTUnwrap(report.rawReply)
        XCTAssertTrue(raw.hasPrefix(answer))
        XCTAssertTrue(raw.hasSuffix("… [cut: 2000 of \(reply.count) characters shown]"), String(raw.suffix(80)))
        XCTAssertEqual(report.jsonValue["raw_reply_chars"], .int(reply.count))
        let encoded = try JSONEncoder().encode(report.jsonValue)
        XCTAssertLessThan(encoded.count, 8_000, "details.llm stays small: \(encoded.count) bytes")
        // The cache keeps the whole reply, so that a rerun repeats the same answer.
        let cached = try permutation(server, cache: true)
        XCTAssertTrue(cached.1.cached)
        XCTAssertEqual(cached.0, order)
        XCTAssertEqual(cached.1.rawReply, raw)
    }

    func testNegativeIdIsNotReadAsItsAbsoluteValue() throws {
        let server = try StubChatServer([.chat("My order: -1, 2, 3, 4, 5")])
        let (order, report) = try permutation(server)
        XCTAssertEqual(report.extraction, "loose-integers")
        XCTAssertEqual(report.parsed, 5)
        XCTAssertEqual(report.outOfRange, 1, "-1 is out of range, not city 1")
        XCTAssertEqual(report.missing, 1)
        XCTAssertEqual(order, [1, 2, 3, 4, 0], "id 1 was never named, so it is inserted by the repair")
    }

    // MARK: The API key in replies

    func testEchoedKeyIsRedactedFromReportAndCache() throws {
        let reply = #"{"order": [1, 2, 3, 4, 5], "note": "your key is \#(testAPIKey)"}"#
        let server = try StubChatServer([.chat(reply)])
        let (_, report) = try permutation(server, cache: true)
        XCTAssertTrue(report.usedModel)
        XCTAssertEqual(report.rawReply, #"{"order": [1, 2, 3, 4, 5], "note": "your key is [redacted]"}"#)
        let json = String(decoding: try JSONEncoder().encode(report.jsonValue), as: UTF8.self)
        XCTAssertFalse(json.contains(testAPIKey))
        let files = try FileManager.default.contentsOfDirectory(atPath: cacheDirectory)
        XCTAssertEqual(files.count, 1)
        let stored = try String(contentsOfFile: cacheDirectory + "/" + files[0], encoding: .utf8)
        XCTAssertFalse(stored.contains(testAPIKey), "the cache holds no key")
        XCTAssertTrue(stored.contains("[redacted]"))
        let again = try permutation(server, cache: true).1
        XCTAssertTrue(again.cached)
        XCTAssertFalse(again.rawReply?.contains(testAPIKey) ?? true)
    }

    func testKeyInAnOldCacheEntryIsRedacted() throws {
        let server = try StubChatServer([.chat("unused")])
        let configuration = testConfiguration(server, retries: 0)
        let request = ChatRequest(messages: task.messages, schema: task.schema, schemaName: task.schemaName,
                                  maxTokens: task.maxTokens, temperature: configuration.temperature)
        try ReplyCache(directory: cacheDirectory).store(
            ReplyCache.Entry(model: configuration.model, content: "[1, 2, 3, 4, 5] \(testAPIKey)"),
            forKey: ReplyCache.key(model: configuration.model, request: request,
                                   server: configuration.chatCompletionsURL.absoluteString))
        let (_, report) = try permutation(server, cache: true)
        XCTAssertTrue(report.cached)
        XCTAssertEqual(report.rawReply, "[1, 2, 3, 4, 5] [redacted]")
        XCTAssertEqual(server.requests.count, 0)
    }

    func testKeyAtTheEndOfALongErrorBodyIsRedacted() throws {
        // The excerpt reads a window of the body; a key cut by the window's edge must not leave
        // its first half in the message (newlines collapse, so it would be shown).
        for padding in [4_080, 4_095, 4_100, 4_105, 4_110, 4_115, 4_120, 4_130, 4_160] {
            let server = try StubChatServer([.reply(status: 500, body: String(repeating: "\n", count: padding) + testAPIKey)])
            let (_, report) = try permutation(server)
            let reason = try XCTUnwrap(report.fallbackReason)
            XCTAssertFalse(reason.contains("sk-test"), "\(padding): \(reason)")
        }
    }

    // MARK: The URLSession path (https, proxies), over plain HTTP

    func testURLSessionPathRefusesCrossOriginRedirects() throws {
        for status in [302, 307] {
            let elsewhere = try StubChatServer([.chat("stolen")])
            let server = try StubChatServer([.redirect(status: status, location: elsewhere.baseURL + "/chat/completions")])
            let e = ask(server, retries: 1, transport: .urlSession)
            guard case .redirectRefused(let message)? = e else { XCTFail("\(status): \(String(describing: e))"); continue }
            XCTAssertTrue(message.contains("another origin"), message)
            XCTAssertEqual(elsewhere.requests.count, 0, "\(status): the other listener got nothing: no key, no prompt")
            XCTAssertEqual(server.requests.count, 1)
        }
    }

    func testURLSessionPathFollowsSameOriginRedirects() throws {
        let server = try StubChatServer { request, _ in
            request.path == "/v1/chat/completions" ? .redirect(status: 307, location: "/v1/moved/chat/completions") : .chat("moved ok")
        }
        var configuration = testConfiguration(server, retries: 0)
        configuration.maxRetries = 0
        let reply = try ChatClient(configuration: configuration, environment: [:], transport: .urlSession)
            .complete(ChatRequest(messages: [.user("hi")]))
        XCTAssertEqual(reply.content, "moved ok")
        XCTAssertEqual(server.requests.map(\.path), ["/v1/chat/completions", "/v1/moved/chat/completions"])
        XCTAssertEqual(server.requests[1].headers["authorization"], "Bearer \(testAPIKey)")
    }

    func testURLSessionPathCapsBodies() throws {
        let declared = try StubChatServer([.huge(bytes: 50 << 20)])
        defer { declared.stop() }
        XCTAssertEqual(ask(declared, timeout: 20, transport: .urlSession), .replyTooLarge(limit: 4 << 20))

        // The caller gets its answer at the cap, in bounded memory; URLSession may take a
        // moment longer to stop the transfer in the background (data is dropped meanwhile).
        let endless = try StubChatServer([.endless(pause: 0)])
        defer { endless.stop() }
        var e: LLMError?
        var growth = 0
        let elapsed = seconds { (e, growth) = MemoryProbe.peakGrowth { ask(endless, timeout: 20, transport: .urlSession) } }
        XCTAssertEqual(e, .replyTooLarge(limit: 4 << 20))
        XCTAssertLessThan(elapsed, 5)
        XCTAssertLessThan(growth, 200 << 20, "resident memory grew by \(growth >> 20) MiB")
    }

    func testURLSessionPathStillAnswersAndRedacts() throws {
        let good = try StubChatServer([.chat("hello")])
        let reply = try ChatClient(configuration: testConfiguration(good), environment: [:], transport: .urlSession)
            .complete(ChatRequest(messages: [.user("hi")]))
        XCTAssertEqual(reply.content, "hello")
        XCTAssertEqual(good.requests.first?.headers["authorization"], "Bearer \(testAPIKey)")

        let echo = try StubChatServer([.chat("key: \(testAPIKey)")])
        let echoed = try ChatClient(configuration: testConfiguration(echo), environment: [:], transport: .urlSession)
            .complete(ChatRequest(messages: [.user("hi")]))
        XCTAssertEqual(echoed.content, "key: [redacted]")

        let slow = try StubChatServer([.endless(pause: 0.05)])
        defer { slow.stop() }
        var e: LLMError?
        let elapsed = seconds { e = ask(slow, timeout: 0.6, transport: .urlSession) }
        XCTAssertEqual(e, .timedOut(seconds: 0.6))
        XCTAssertLessThan(elapsed, 1.5)
    }
}
