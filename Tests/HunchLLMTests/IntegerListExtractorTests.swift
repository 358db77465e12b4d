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

    func testHugeNumbersDoNotOverflow() {
        let v = values("1, 99999999999999999999999, 2")
        XCTAssertEqual(v?.count, 3)
        XCTAssertEqual(v?.first, 1)
    }
}
