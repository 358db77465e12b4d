import XCTest
@testable import HunchTSP

/// Property: each kind of bad EDGE_WEIGHT_SECTION is refused with a `TSPLIBError` at the line
/// to blame, whose message says what was expected.
final class EdgeWeightSectionErrorTests: XCTestCase {
    /// Lines 1-4 are the header; weights start at line 5.
    private func file(_ weights: String, format: String = "UPPER_ROW", dimension: Int = 4) -> String {
        "DIMENSION: \(dimension)\nEDGE_WEIGHT_TYPE: EXPLICIT\nEDGE_WEIGHT_FORMAT: \(format)\nEDGE_WEIGHT_SECTION\n" + weights
    }

    func testNonNumericWeight() {
        assertTSPLIBError(try TSPLIBReader.parse(file("10 20 30\n40 x50\n60\n")), line: 6,
                          mentions: "expected an integer edge weight, found \"x50\"")
        assertTSPLIBError(try TSPLIBReader.parse(file("10 20 30\n40 12.5\n60\n")), line: 6,
                          mentions: "expected an integer edge weight, found \"12.5\"")
        assertTSPLIBError(try TSPLIBReader.parse(file("10 20 30\n40 nan\n60\n")), line: 6,
                          mentions: "expected an integer edge weight, found \"nan\"")
    }

    func testLetterLineInsideTheSection() {
        assertTSPLIBError(try TSPLIBReader.parse(file("10 20 30\nfoo 50\n60\n")), line: 6,
                          mentions: "expected 3 more edge weights in EDGE_WEIGHT_SECTION", "\"foo 50\"")
    }

    func testNegativeAndOversizedWeights() {
        assertTSPLIBError(try TSPLIBReader.parse(file("10 20 30\n40 -5 60\n")), line: 6,
                          mentions: "expected a non-negative edge weight, found -5")
        assertTSPLIBError(try TSPLIBReader.parse(file("10 20 30\n40 2147483648 60\n")), line: 6,
                          mentions: "edge weight \"2147483648\" is out of range", "0...2147483647")
        assertTSPLIBError(try TSPLIBReader.parse(file("10 20 30\n40 99999999999999999999999 60\n")), line: 6,
                          mentions: "is out of range")
    }

    /// DIMENSION larger than the data: too few numbers.
    func testTooFewNumbers() {
        assertTSPLIBError(try TSPLIBReader.parse(file("10 20 30\n40 50\nEOF\n")), line: 7,
                          mentions: "EDGE_WEIGHT_SECTION ended after 5 numbers", "UPPER_ROW with DIMENSION = 4 (line 1) needs 6")
        assertTSPLIBError(try TSPLIBReader.parse(file("10 20 30\n40 50")), line: 6, mentions: "ended after 5 numbers")
    }

    /// DIMENSION smaller than the data: too many numbers.
    func testTooManyNumbers() {
        assertTSPLIBError(try TSPLIBReader.parse(file("10 20 30\n40 50\n60 70\nEOF\n")), line: 7,
                          mentions: "too many numbers in EDGE_WEIGHT_SECTION", "needs 6", "\"70\"")
        assertTSPLIBError(try TSPLIBReader.parse(file("10 20 30\n40 50\n60\n", dimension: 3)), line: 6,
                          mentions: "too many numbers", "DIMENSION = 3 (line 1) needs 3", "\"40\"")
    }

    func testMissingSection() {
        assertTSPLIBError(try TSPLIBReader.parse("DIMENSION: 4\nEDGE_WEIGHT_TYPE: EXPLICIT\nEDGE_WEIGHT_FORMAT: FULL_MATRIX\n"),
                          line: 3, mentions: "missing EDGE_WEIGHT_SECTION", "FULL_MATRIX matrix of 4 nodes")
    }

    func testAsymmetricFullMatrix() {
        assertTSPLIBError(try TSPLIBReader.parse(file("0 10 20 30\n10 0 40 50\n21 40 0 60\n30 50 60 0\n", format: "FULL_MATRIX")),
                          line: 7, mentions: "matrix is not symmetric", "row 3, column 1 is 21", "row 1, column 3 is 20")
    }

    func testSectionWithCoordinateType() {
        assertTSPLIBError(try TSPLIBReader.parse("DIMENSION: 2\nEDGE_WEIGHT_TYPE: EUC_2D\nEDGE_WEIGHT_SECTION\n5\n"),
                          line: 3, mentions: "EDGE_WEIGHT_SECTION given but EDGE_WEIGHT_TYPE is EUC_2D (line 2)",
                          "expected EDGE_WEIGHT_TYPE : EXPLICIT")
        assertTSPLIBError(try TSPLIBReader.parse("DIMENSION: 2\nEDGE_WEIGHT_SECTION\n5\n"),
                          line: 2, mentions: "EDGE_WEIGHT_SECTION comes before EDGE_WEIGHT_TYPE")
    }

    /// A matrix the file cannot hold is refused before the n×n allocation: 10^5 nodes would
    /// need 5·10^9 numbers (and 80 GB as a matrix).
    func testDimensionTooLargeForTheData() {
        assertTSPLIBError(try TSPLIBReader.parse(file("10 20 30\n", dimension: 100_000)
                                                 + String(repeating: " ", count: 100_000)),
                          line: 4, mentions: "EDGE_WEIGHT_SECTION cannot hold the 4999950000 numbers",
                          "UPPER_ROW with DIMENSION = 100000 (line 1)")
    }
}
