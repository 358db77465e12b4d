import XCTest
@testable import HunchLLM

/// The integer list is found in every shape a model replies in; nothing is invented otherwise.
final class IntegerListExtractorTests: XCTestCase {
    private func values(_ reply: String) -> [Int]? { IntegerListExtractor.extract(from: reply)?.values }
    private func source(_ reply: String) -> IntegerListExtractor.Source? { IntegerListExtractor.extract(from: reply)?.source }

    func testPlainJSONObjectAndArray() {
        XCTAssertEqual(values(#"{"order": [3, 1, 2]}"#), [3, 1, 2])
        XCTAssertEqual(source(#"{"order": [3, 1, 2]}"#), .json)
        XCTAssertEqual(values("[5,4,3]"), [5, 4, 3])
        XCTAssertEqual(values(#"  {"tour":[1,2]}  "#), [1, 2])
    }

    func testPreferredKeyWinsOverOtherArrays() {
        XCTAssertEqual(values(#"{"notes": [9, 9], "order": [2, 1]}"#), [2, 1])
        XCTAssertEqual(values(#"{"answer": {"route": [4, 3]}}"#), [4, 3])
        XCTAssertEqual(values(#"{"whatever": [7, 8]}"#), [7, 8])
    }

    func testCodeFencesAndProseAround() {
        let fenced = "Here you go:\n```json\n{\"order\": [2, 3, 1]}\n```\nHope this helps!"
        XCTAssertEqual(values(fenced), [2, 3, 1])
        let prose = #"Sure! The best order is {"order": [4, 1, 3, 2]} because it is short."#
        XCTAssertEqual(values(prose), [4, 1, 3, 2])
        XCTAssertEqual(source(prose), .jsonFragment)
        XCTAssertEqual(values("<think>cities 1 and 2 are close</think>{\"order\":[2,1]}"), [2, 1])
    }

    func testNumbersAsStringsAndDoubles() {
        XCTAssertEqual(values(#"{"order": ["3", "city 1", 2.0]}"#), [3, 1, 2])
        XCTAssertEqual(values(#"{"order": "[2, 1, 3]"}"#), [2, 1, 3])
    }

    func testTruncatedJSONIsReadLoosely() {
        let cut = #"{"order": [5, 2, 8, 1,"#
        XCTAssertEqual(values(cut), [5, 2, 8, 1])
        XCTAssertEqual(source(cut), .looseIntegers)
    }

    func testPlainListInProseTakesTheLongestRun() {
        XCTAssertEqual(values("Visit the 5 cities in this order: 3, 1, 4, 5, 2. Done."), [3, 1, 4, 5, 2])
        XCTAssertEqual(values("Route: 1 -> 3 -> 2"), [1, 3, 2])
    }

    func testNothingUsable() {
        XCTAssertNil(values("I cannot solve this problem."))
        XCTAssertNil(values(""))
        XCTAssertNil(values(#"{"order": []}"#))
        XCTAssertNil(values(#"{"order": "unknown"}"#))
    }

    func testNegativeNumbersStayNegative() {
        XCTAssertEqual(values("Order: -1, 2, 3"), [-1, 2, 3])
        XCTAssertEqual(values(#"{"order": [-1, 2,"#), [-1, 2], "a cut-off list")
        XCTAssertEqual(values(#"{"order": ["-4", "5"]}"#), [-4, 5])
        XCTAssertEqual(values("3 \u{2212}7 2"), [3, -7, 2], "the Unicode minus sign too")
        XCTAssertEqual(values("1-2-3"), [1, 2, 3], "a dash between numbers is a route")
        XCTAssertEqual(values("1 -> 3 -> 2"), [1, 3, 2])
        XCTAssertEqual(values("5 - 3 - 1"), [5, 3, 1])
        XCTAssertEqual(values("-99999999999999999999999, 1")?.first, Int.min)
    }

    /// 2 MB of `[` took more than 150 s and 200 KB of `{` 22 s (quadratic fragment search).
    func testPathologicalRepliesAreLinear() {
        let cases: [(String, String)] = [
            (String(repeating: "[", count: 2_000_000), "2 MB of ["),
            (String(repeating: "{", count: 200_000), "200 KB of {"),
            (String(repeating: "{", count: 2_000_000), "2 MB of {"),
            (String(repeating: "[{\"", count: 700_000), "[{\" repeated"),
            (String(repeating: "\"order\"", count: 250_000), "quoted keys repeated"),
            (String(repeating: "<think>", count: 300_000), "unclosed reasoning"),
        ]
        for (reply, name) in cases {
            var result: IntegerListExtractor.Extraction?
            let start = Date()
            result = IntegerListExtractor.extract(from: reply)
            let elapsed = Date().timeIntervalSince(start)
            XCTAssertNil(result, name)
            XCTAssertLessThan(elapsed, 2, "\(name): \(elapsed) s")
        }
    }

    func testOnlyTheStartOfAHugeReplyIsRead() {
        let list = (1...10).map(String.init).joined(separator: ", ")
        let start = Date()
        let reply = "[" + list + ", " + String(repeating: "7, ", count: 1_000_000)   // 3 MB, cut off
        let found = IntegerListExtractor.extract(from: reply)?.values ?? []
        XCTAssertLessThan(Date().timeIntervalSince(start), 2)
        XCTAssertEqual(Array(found.prefix(10)), Array(1...10))
        XCTAssertLessThanOrEqual(found.count, IntegerListExtractor.inputLimit / 3 + 10, "no more than the bounded input holds")
        XCTAssertEqual(values(String(repeating: "x", count: IntegerListExtractor.inputLimit) + " [1, 2, 3]"), nil,
                       "a list past the limit is not looked for")
    }

    func testFragmentsStillFoundAfterAnUnclosedBracket() {
        XCTAssertEqual(values(#"[ oops, I meant {"order": [3, 1, 2]}"#), [3, 1, 2])
        XCTAssertEqual(IntegerListExtractor.jsonFragments(in: #"a {"x": "}"} b [1, [2]] c ["#), [#"{"x": "}"}"#, "[1, [2]]"])
    }

    func testHugeNumbersDoNotOverflow() {
        let v = values("1, 99999999999999999999999, 2")
        XCTAssertEqual(v?.count, 3)
        XCTAssertEqual(v?.first, 1)
    }
}
