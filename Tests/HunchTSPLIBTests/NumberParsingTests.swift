import HunchCore
import XCTest
import HunchTSPLIB

/// Property: the byte-level number readers accept exactly plain decimal syntax and round like
/// the standard library (correctly), so distances computed from parsed coordinates match.
final class NumberParsingTests: XCTestCase {
    private func decimal(_ text: String) -> Double? {
        var text = text
        return text.withUTF8 { TSPLIBNumber.decimal($0, 0..<$0.count) }
    }

    private func integer(_ text: String) -> TSPLIBNumber.IntegerResult {
        var text = text
        return text.withUTF8 { TSPLIBNumber.integer($0, 0..<$0.count) }
    }

    func testDecimalsRoundLikeTheStandardLibrary() {
        var generator = SeededGenerator(seed: 99)
        for _ in 0..<20_000 {
            let value = Double(bitPattern: generator.next() & 0x7FEF_FFFF_FFFF_FFFF) // finite
            for text in [value.description, String(format: "%.6f", value), String(format: "%.17e", value),
                         String(Int.random(in: -99999...99999, using: &generator)) + "." + String(generator.next() % 100_000)] {
                XCTAssertEqual(decimal(text), Double(text), text)
            }
        }
        for text in ["16.47", "96.10", "0.00000e+00", "8.37000e+02", "-79", "+1.5", ".5", "5.", "1e22", "1e23",
                     "123456789012345678901234567890", "0.1000000000000000055511151231257827", "1e-400", "-0.0"] {
            XCTAssertEqual(decimal(text), Double(text), text)
        }
        XCTAssertEqual(decimal("1e400"), .infinity)
    }

    func testDecimalsRejectNonDecimalSyntax() {
        for text in ["", "-", "+", ".", "e5", "1e", "1e+", "nan", "NaN", "inf", "-inf", "infinity", "0x10", "1.2.3",
                     "1,5", "12abc", "--1", "1e5e5", " 1", "1 "] {
            XCTAssertNil(decimal(text), text)
        }
    }

    func testIntegers() {
        XCTAssertEqual(integer("0"), .value(0))
        XCTAssertEqual(integer("-1"), .value(-1))
        XCTAssertEqual(integer("+42"), .value(42))
        XCTAssertEqual(integer("9223372036854775807"), .value(Int.max))
        XCTAssertEqual(integer("9223372036854775808"), .overflow)
        XCTAssertEqual(integer("99999999999999999999999"), .overflow)
        for text in ["", "-", "1.0", "1e3", "abc", "12a", "0x1"] {
            XCTAssertEqual(integer(text), .invalid, text)
        }
    }
}
