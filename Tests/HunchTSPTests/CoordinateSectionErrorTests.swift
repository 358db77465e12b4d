import XCTest
@testable import HunchTSP

/// Property: each kind of bad NODE_COORD_SECTION / DISPLAY_DATA_SECTION is refused with a
/// `TSPLIBError` at the line to blame, whose message says what was expected.
final class CoordinateSectionErrorTests: XCTestCase {
    /// Lines 1-5 are the header; node lines start at line 6.
    private func file(dimension: String = "3", type: String = "EUC_2D", _ nodes: String) -> String {
        "NAME: t\nTYPE: TSP\nDIMENSION: \(dimension)\nEDGE_WEIGHT_TYPE: \(type)\nNODE_COORD_SECTION\n" + nodes
    }

    /// The message format the project's brief gives as its example.
    func testNonNumericCoordinate() {
        let error = assertTSPLIBError(try TSPLIBReader.parse(file(dimension: "52", "1 0 0\n5 12.5 abc\n"), file: "berlin52.tsp"),
                                      line: 7, mentions: "expected 2 coordinates after node id 5, found \"12.5 abc\"")
        XCTAssertEqual(error?.description, "berlin52.tsp:7: expected 2 coordinates after node id 5, found \"12.5 abc\"")
    }

    func testMissingAndExtraCoordinates() {
        assertTSPLIBError(try TSPLIBReader.parse(file("1 0 0\n2 7\n3 1 1\n")), line: 7,
                          mentions: "expected 2 coordinates after node id 2, found \"7\"")
        assertTSPLIBError(try TSPLIBReader.parse(file("1 0 0 0\n")), line: 6,
                          mentions: "expected 2 coordinates after node id 1, found \"0 0 0\"")
    }

    func testNonNumericNodeId() {
        assertTSPLIBError(try TSPLIBReader.parse(file("1 0 0\n2.0 1 1\n")), line: 7,
                          mentions: "expected a node id (an integer 1...3)", "\"2.0\"")
    }

    func testLetterLineInsideTheSection() {
        assertTSPLIBError(try TSPLIBReader.parse(file("1 0 0\nabc 1 1\n3 1 1\n")), line: 7,
                          mentions: "expected a node line \"id x y\" in NODE_COORD_SECTION (1 of 3 nodes read)")
    }

    func testDuplicateNodeId() {
        assertTSPLIBError(try TSPLIBReader.parse(file("1 0 0\n2 1 1\n1 2 2\n")), line: 8,
                          mentions: "node id 1 appears twice", "first at line 6", "exactly once")
    }

    func testOutOfRangeNodeId() {
        assertTSPLIBError(try TSPLIBReader.parse(file("1 0 0\n0 1 1\n")), line: 7,
                          mentions: "node id 0 is out of range; expected 1...3")
        assertTSPLIBError(try TSPLIBReader.parse(file("1 0 0\n-2 1 1\n")), line: 7, mentions: "node id -2 is out of range")
        assertTSPLIBError(try TSPLIBReader.parse(file("1 0 0\n99999999999999999999 1 1\n")), line: 7,
                          mentions: "is out of range")
    }

    /// DIMENSION smaller than the data: the extra node is out of range.
    func testMoreNodesThanDimension() {
        assertTSPLIBError(try TSPLIBReader.parse(file(dimension: "2", "1 0 0\n2 1 1\n3 2 2\nEOF\n")), line: 8,
                          mentions: "node id 3 is out of range; expected 1...2", "DIMENSION at line 3")
    }

    /// DIMENSION larger than the data: the section ends with a node missing.
    func testFewerNodesThanDimension() {
        assertTSPLIBError(try TSPLIBReader.parse(file(dimension: "4", "1 0 0\n2 1 1\n4 2 2\nEOF\n")), line: 9,
                          mentions: "NODE_COORD_SECTION ended after 3 of 4 nodes", "node 3 is missing")
        assertTSPLIBError(try TSPLIBReader.parse(file(dimension: "4", "1 0 0\n2 1 1\n4 2 2")), line: 8,
                          mentions: "ended after 3 of 4 nodes")
    }

    /// Truncated files: the section stops mid-way.
    func testTruncatedSection() {
        assertTSPLIBError(try TSPLIBReader.parse(file("1 0 0\n2 1")), line: 7, mentions: "expected 2 coordinates after node id 2")
        assertTSPLIBError(try TSPLIBReader.parse(file("")), line: 5, mentions: "ended after 0 of 3 nodes", "node 1 is missing")
    }

    func testNotFiniteCoordinates() {
        for value in ["nan", "inf", "-inf", "NaN", "infinity", "0x1p3"] {
            assertTSPLIBError(try TSPLIBReader.parse(file("1 0 0\n2 \(value) 1\n3 1 1\n")), line: 7,
                              mentions: "expected 2 coordinates after node id 2")
        }
        assertTSPLIBError(try TSPLIBReader.parse(file("1 0 0\n2 1e400 1\n3 1 1\n")), line: 7,
                          mentions: "expected finite coordinates for node id 2", "1e400")
    }

    /// Distances must fit the 32-bit matrix; the node farthest out is blamed.
    func testCoordinatesTooFarApart() {
        assertTSPLIBError(try TSPLIBReader.parse(file("1 0 0\n2 1e12 1\n3 1 1\n")), line: 7,
                          mentions: "EUC_2D distances could reach", "expected distances that fit in 32 bits")
        // Spans of 1.2e9 on both axes: Euclidean 1.7e9 fits, Manhattan 2.4e9 does not.
        let spread = "1 -1.2e9 0\n2 0 0\n3 0 1.2e9\n"
        XCTAssertNoThrow(try TSPLIBReader.parse(file(type: "EUC_2D", spread)))
        assertTSPLIBError(try TSPLIBReader.parse(file(type: "MAN_2D", spread)), line: 6,
                          mentions: "MAN_2D distances could reach")
        XCTAssertNoThrow(try TSPLIBReader.parse(file("1 0 0\n2 1e9 1\n3 1 1\n")))
    }

    func testGeoCoordinatesOutOfRange() {
        assertTSPLIBError(try TSPLIBReader.parse(file(type: "GEO", "1 0 0\n2 1 1\n3 1 1e300\n")), line: 8,
                          mentions: "GEO coordinates of node 3 are out of range", "expected degrees.minutes")
    }

    func testMissingCoordinateSection() {
        assertTSPLIBError(try TSPLIBReader.parse("NAME: t\nDIMENSION: 3\nEDGE_WEIGHT_TYPE: ATT\nEOF\n"), line: 4,
                          mentions: "missing NODE_COORD_SECTION", "ATT", "all 3 nodes")
    }

    /// A DIMENSION too large for the rest of the file is refused at the section, before
    /// allocating arrays for it (small ones get the precise "node k is missing" instead).
    func testDimensionTooLargeForTheData() {
        let text = "DIMENSION: 100000\nEDGE_WEIGHT_TYPE: EUC_2D\n" + String(repeating: "COMMENT: padding\n", count: 6000)
            + "NODE_COORD_SECTION\n1 0 0\n2 1 1\n"
        assertTSPLIBError(try TSPLIBReader.parse(text), line: 6003,
                          mentions: "NODE_COORD_SECTION cannot hold DIMENSION = 100000 nodes (line 1)")
    }

    func testDisplaySectionConflicts() {
        let text = file("1 0 0\n2 1 1\n3 2 2\n").replacingOccurrences(of: "TYPE: TSP\n", with: "TYPE: TSP\nDISPLAY_DATA_TYPE: COORD_DISPLAY\n")
            + "DISPLAY_DATA_SECTION\n1 0 0\n2 1 1\n3 2 2\n"
        assertTSPLIBError(try TSPLIBReader.parse(text), line: 10,
                          mentions: "DISPLAY_DATA_SECTION given but DISPLAY_DATA_TYPE is COORD_DISPLAY", "expected TWOD_DISPLAY")
        assertTSPLIBError(try TSPLIBReader.parse(file("1 0 0\n2 1 1\n3 2 2\n") + "DISPLAY_DATA_SECTION\n1 0 0\n1 1 1\n"),
                          line: 11, mentions: "node id 1 appears twice in DISPLAY_DATA_SECTION")
    }
}
