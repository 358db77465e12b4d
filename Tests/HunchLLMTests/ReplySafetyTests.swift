import XCTest
@testable import HunchLLM

/// What a report keeps of a reply (a bounded excerpt) and how the API key is taken out of text.
final class ReplySafetyTests: XCTestCase {
    func testShortRepliesAreKeptWhole() {
        let (text, length) = ReplyExcerpt.make("[1, 2, 3]")
        XCTAssertEqual(text, "[1, 2, 3]")
        XCTAssertEqual(length, 9)
        let exact = String(repeating: "a", count: ReplyExcerpt.limit)
        XCTAssertEqual(ReplyExcerpt.make(exact).text, exact)
    }

    func testLongRepliesAreCutWithANote() {
        let reply = String(repeating: "é", count: 50_000)
        let (text, length) = ReplyExcerpt.make(reply)
        XCTAssertEqual(length, 50_000)
        XCTAssertEqual(text, String(repeating: "é", count: 2_000) + "… [cut: 2000 of 50000 characters shown]")
    }

    func testRecordReplyRedactsBeforeCutting() {
        var report = LLMPriorReport(mode: "order", model: "m", url: "u")
        let key = "sk-abcdefghijklmnop"
        // The key straddles the cut: redacting after cutting would leave "sk-abcdefgh" behind.
        report.recordReply(String(repeating: "x", count: ReplyExcerpt.limit - 8) + key + "tail", redacting: key)
        XCTAssertFalse(report.rawReply?.contains("sk-abc") ?? true, report.rawReply ?? "")
        XCTAssertEqual(report.rawReplyLength, ReplyExcerpt.limit - 8 + SecretRedaction.placeholder.count + 4)
    }

    func testRedactionCoversEscapedAndEncodedForms() {
        let key = "sk-a/b+c"
        XCTAssertEqual(SecretRedaction.redact("key sk-a/b+c here", secret: key), "key [redacted] here")
        XCTAssertEqual(SecretRedaction.redact(#"{"k":"sk-a\/b+c"}"#, secret: key), #"{"k":"[redacted]"}"#)
        XCTAssertEqual(SecretRedaction.redact("http://x/?k=sk%2Da%2Fb%2Bc", secret: key), "http://x/?k=[redacted]")
        XCTAssertEqual(SecretRedaction.redact("nothing", secret: nil), "nothing")
        XCTAssertEqual(SecretRedaction.redact("nothing", secret: ""), "nothing")
    }
}
