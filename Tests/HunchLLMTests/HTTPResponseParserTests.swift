import XCTest
@testable import HunchLLM

/// The plain HTTP client's response reader: every framing, fed in pieces of any size, and hard
/// limits on heads, chunk lines and bodies.
final class HTTPResponseParserTests: XCTestCase {
    /// Feeds `text` in pieces of `piece` bytes, then the end of the stream when `close`.
    private func parse(_ text: String, cap: Int = 1 << 20, piece: Int = 3, close: Bool = false) throws -> HTTPResponseParser {
        var parser = HTTPResponseParser(cap: cap)
        let bytes = Array(text.utf8)
        var i = 0
        while i < bytes.count, !parser.isComplete {
            try parser.feed(Array(bytes[i..<min(bytes.count, i + piece)]))
            i += piece
        }
        if close { try parser.finish() }
        return parser
    }

    private func failure(_ body: () throws -> Void) -> HTTPResponseParser.Failure? {
        do { try body(); return nil } catch let f as HTTPResponseParser.Failure { return f } catch { return nil }
    }

    func testContentLength() throws {
        for piece in [1, 2, 7, 1000] {
            let p = try parse("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nX-A: b\r\n\r\nhelloEXTRA", piece: piece)
            XCTAssertTrue(p.isComplete)
            XCTAssertEqual(p.status, 200)
            XCTAssertEqual(p.headers["x-a"], "b")
            XCTAssertEqual(String(decoding: p.body, as: UTF8.self), "hello")
        }
    }

    func testChunkedWithExtensionsAndTrailers() throws {
        let text = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r\nhello\r\n1\r\n \r\nA\r\n0123456789\r\n0\r\nX-Trailer: t\r\n\r\n"
        for piece in [1, 4, 100] {
            let p = try parse(text, piece: piece)
            XCTAssertTrue(p.isComplete)
            XCTAssertEqual(String(decoding: p.body, as: UTF8.self), "hello 0123456789")
        }
    }

    func testBodyUntilCloseAndBareLineFeeds() throws {
        let p = try parse("HTTP/1.0 404 Not Found\nContent-Type: text/plain\n\nnot here", close: true)
        XCTAssertEqual(p.status, 404)
        XCTAssertEqual(String(decoding: p.body, as: UTF8.self), "not here")
    }

    func testInterimAnswersAreSkipped() throws {
        let p = try parse("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\nok")
        XCTAssertEqual(p.status, 201)
        XCTAssertEqual(String(decoding: p.body, as: UTF8.self), "ok")
    }

    func testNoBodyStatuses() throws {
        XCTAssertTrue(try parse("HTTP/1.1 204 No Content\r\n\r\n").isComplete)
    }

    func testCapIsEnforcedForEveryFraming() {
        XCTAssertEqual(failure { _ = try parse("HTTP/1.1 200 OK\r\nContent-Length: 11\r\n\r\n", cap: 10) }, .tooLarge)
        XCTAssertEqual(failure { _ = try parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n6\r\nabcdef\r\n6\r\n", cap: 10) }, .tooLarge)
        XCTAssertEqual(failure { _ = try parse("HTTP/1.1 200 OK\r\n\r\n" + String(repeating: "x", count: 11), cap: 10) }, .tooLarge)
        XCTAssertEqual(failure { _ = try parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFF\r\n", cap: 10) }, .tooLarge)
    }

    func testEndlessOrMalformedHeadsFail() {
        let endless = "HTTP/1.1 200 OK\r\n" + String(repeating: "X-Filler: aaaaaaaaaa\r\n", count: 4000)
        guard case .malformed(let m)? = failure({ _ = try parse(endless, piece: 4096) }) else { return XCTFail() }
        XCTAssertTrue(m.contains("headers larger"), m)
        let noNewline = "HTTP/1.1 200 OK\r\nX: " + String(repeating: "a", count: 70_000)
        XCTAssertNotNil(failure { _ = try parse(noNewline, piece: 4096) })
        XCTAssertNotNil(failure { _ = try parse("SSH-2.0-OpenSSH\r\n\r\n") })
        XCTAssertNotNil(failure { _ = try parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n") })
        XCTAssertNotNil(failure { _ = try parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + String(repeating: "0", count: 5000)) })
        XCTAssertNotNil(failure { _ = try parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\n") })
    }

    func testCutRepliesFail() {
        XCTAssertEqual(failure { _ = try parse("", close: true) }, .malformed("connection closed without a valid HTTP reply"))
        XCTAssertEqual(failure { _ = try parse("HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\nabc", close: true) },
                       .malformed("connection closed before the reply was complete"))
    }

    func testManySmallChunksAreFine() throws {
        var text = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
        for _ in 0..<50_000 { text += "1\r\na\r\n" }
        text += "0\r\n\r\n"
        let start = Date()
        let p = try parse(text, piece: 65_536)
        XCTAssertEqual(p.body.count, 50_000, "chunk framing does not count against the header limit")
        XCTAssertLessThan(Date().timeIntervalSince(start), 2)
    }
}
