import XCTest
import Foundation
import HunchCore

/// The shared tokenizer of the job-shop, bin-packing and thpack readers (issue 18, item 6) and
/// the one message helper (item 9).
final class InstanceTokensTests: XCTestCase {
    func testLineEndsBOMTabsAndBlanks() {
        for text in ["3 4\n5\t6\n", "3 4\r\n5\t6\r\n", "3 4\r5\t6\r", "\u{FEFF}3  4\n\n5 \u{0B}6", "\u{FEFF}3\t4\r\n\r\n5\u{0C}6"] {
            let tokens = InstanceTokens(text: text, file: "f")
            XCTAssertEqual(tokens.tokens.map(\.text), ["3", "4", "5", "6"], text.debugDescription)
            XCTAssertEqual(tokens.tokens.first?.line, 1, text.debugDescription)
            XCTAssertEqual(tokens.lines.map(\.tokens), [["3", "4"], ["5", "6"]], text.debugDescription)
        }
        let withBlank = InstanceTokens(text: "1\r\n\r\n2\n", file: "f")
        XCTAssertEqual(withBlank.tokens.map(\.line), [1, 3])
    }

    func testCommasAndCommentsWhenAsked() {
        let text = "# header\n1,2 # note\n3\n"
        XCTAssertEqual(InstanceTokens(text: text, file: "f", commas: true, hashComments: true).tokens.map(\.text), ["1", "2", "3"])
        XCTAssertEqual(InstanceTokens(text: text, file: "f").tokens.map(\.text), ["#", "header", "1,2", "#", "note", "3"])
    }

    func testIntegersAreDecimalAndNeverTrap() {
        XCTAssertEqual(InstanceTokens.integer("42"), 42)
        XCTAssertEqual(InstanceTokens.integer("-7"), -7)
        XCTAssertEqual(InstanceTokens.integer("+7"), 7)
        for bad in ["0x10", "1e3", "3.5", "", "-", "99999999999999999999", "٣", "1_0", String(repeating: "9", count: 1000)] {
            XCTAssertNil(InstanceTokens.integer(Substring(bad)), bad)
        }
    }

    func testErrorsQuoteEscapedAndShortAndPointAtTheLine() throws {
        var tokens = InstanceTokens(bytes: Array("1\n\u{1B}[2J\r\n".utf8) + [0xFF] + Array(String(repeating: "9", count: 5000).utf8), file: "f.txt")
        XCTAssertEqual(try tokens.integer("a count", range: 1...9), 1)
        XCTAssertThrowsError(try tokens.integer("a weight", range: 1...9)) { error in
            XCTAssertEqual("\(error)", "f.txt:2: expected a weight (an integer), found \"\\x1B[2J\"")
        }
        XCTAssertThrowsError(try tokens.integer("a weight", range: 1...9)) { error in
            XCTAssertTrue("\(error)".hasPrefix("f.txt:3: expected a weight (an integer), found \"\u{FFFD}999"), "\(error)")
            XCTAssertLessThan("\(error)".count, 120)
        }
        XCTAssertThrowsError(try tokens.integer("more", range: 1...9)) { error in
            XCTAssertEqual("\(error)", "f.txt:3: expected more, found the end of the file")
        }
    }

    func testExcerptEscapesC0C1DELAndBidiControls() {
        XCTAssertEqual(InstanceFileError.excerpt("a\u{1B}b\u{7F}c\u{9B}d\u{202E}e\r"), "a\\x1Bb\\x7Fc\\x9Bd\\u{202E}e\\x0D")
        XCTAssertEqual(InstanceFileError.excerpt(Substring(String(repeating: "x", count: 100))).count, 41)
    }
}

/// The JSON text of results (issue 18, item 8: a million numbers must print within the limit).
final class JSONTextTests: XCTestCase {
    func testWriterMatchesFoundationsReading() throws {
        let value: JSONValue = .object([
            "b": .array([.int(0), .int(-1), .int(Int.max), .int(Int.min), .double(0.5), .double(2.0), .double(1e-7), .double(-3.25e20)]),
            "a": .string("quote\" back\\ slash/ tab\t nl\n cr\r esc\u{1B} é ☃"), "c": .null, "d": .bool(true), "e": .object([:]),
        ])
        let text = value.jsonString()
        XCTAssertTrue(text.hasPrefix("{\"a\":"), text)
        let back = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        // As with JSONEncoder, a whole double is written without ".0" and reads back as an integer.
        guard case .object(var expected) = value, case .array(var numbers)? = expected["b"] else { return XCTFail() }
        numbers[5] = .int(2)
        expected["b"] = .array(numbers)
        XCTAssertEqual(back, .object(expected))
        XCTAssertFalse(text.unicodeScalars.contains { $0.value < 0x20 })
        XCTAssertTrue(text.contains("\"b\":[0,-1,9223372036854775807,-9223372036854775808,0.5,2,1e-07"), text)
    }

    func testAMillionNumbersWriteFast() {
        let value: JSONValue = .object(["bins": .array((0..<1_000_000).map { .int($0) })])
        let clock = ThreadCPUClock()
        let started = clock.now()
        let text = value.jsonString()
        XCTAssertLessThan(clock.now() - started, 5)
        XCTAssertEqual(text.utf8.count, 6_888_900)
    }

    func testRecordLineKeepsItsKeysAndNulls() throws {
        var record = SolveRecord(problem: "binpacking", instance: "x.txt", status: .optimal, timeSeconds: 0.25)
        record.objective = 3
        record.solution = .object(["bins": .array([.array([.int(0), .int(1)])])])
        record.details = ["boxes": .int(2)]
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(record.jsonLine().utf8)) as? [String: Any])
        for key in SolveRecord.alwaysPresentKeys { XCTAssertNotNil(object[key], key) }
        XCTAssertEqual(object["time_s"] as? Double, 0.25)
        XCTAssertEqual(object["status"] as? String, "optimal")
        XCTAssertEqual((object["details"] as? [String: Any])?["boxes"] as? Int, 2)
        XCTAssertTrue(object["bound"] is NSNull)
    }
}

/// The budget's checks (issue 18, item 8).
final class SolveBudgetTests: XCTestCase {
    func testAnInstanceReadPastTheLimitIsReportedAtOnce() {
        let budget = SolveBudget(commandStart: 10, limit: 1)
        XCTAssertNoThrow(try budget.checkNotExceeded("reading the instance", at: 10.9, path: "big.tsp"))
        XCTAssertThrowsError(try budget.checkNotExceeded("reading the instance", at: 12.5, path: "big.tsp")) { error in
            XCTAssertEqual("\(error)", "big.tsp: reading the instance took 2.50 s, more than the time limit of 1 s: nothing was solved (raise --time-limit)")
        }
        XCTAssertNoThrow(try SolveBudget(commandStart: 0, limit: nil).checkNotExceeded("reading", at: 1e9, path: "x"))
    }

    func testTheReserveGrowsWithTheSizeUpToAQuarter() {
        XCTAssertEqual(SolveBudget.reserve(size: 0, limit: 10), 0.05, accuracy: 1e-12)
        XCTAssertEqual(SolveBudget.reserve(size: 1_000_000, limit: 10), 1.05, accuracy: 1e-9)
        XCTAssertEqual(SolveBudget.reserve(size: 1_000_000, limit: 1), 0.25, accuracy: 1e-12)
    }
}
