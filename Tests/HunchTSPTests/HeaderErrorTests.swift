import XCTest
@testable import HunchTSP

/// Property: each kind of bad specification part is refused with a `TSPLIBError` at the line to
/// blame, whose message says what was expected.
final class HeaderErrorTests: XCTestCase {
    /// A valid 2-node body to put behind a header under test.
    private let coordinates = "NODE_COORD_SECTION\n1 0 0\n2 3 4\nEOF\n"

    func testEmptyFile() {
        assertTSPLIBError(try TSPLIBReader.parse(""), line: 1, mentions: "empty file", "expected")
        assertTSPLIBError(try TSPLIBReader.parse("\n  \n\t\n"), line: 1, mentions: "empty file")
    }

    func testErrorDescriptionIsFileLineMessage() {
        let error = assertTSPLIBError(try TSPLIBReader.parse("NAME: x\nBOGUS: 1\n", file: "x.tsp"), line: 2,
                                      mentions: "unknown keyword \"BOGUS\"")
        XCTAssertEqual(error?.description, "x.tsp:2: " + (error?.message ?? ""))
        XCTAssertEqual(error?.file, "x.tsp")
    }

    func testUnknownKeyword() {
        assertTSPLIBError(try TSPLIBReader.parse("NAME: x\nTYPE: TSP\nWEIGHTS: 3\n"), line: 3,
                          mentions: "unknown keyword \"WEIGHTS\"", "expected a TSPLIB keyword")
    }

    func testDataLineOutsideASection() {
        assertTSPLIBError(try TSPLIBReader.parse("NAME: x\n1 0 0\n"), line: 2,
                          mentions: "expected a \"KEYWORD : value\" line", "\"1 0 0\"")
    }

    func testRejectedProblemTypes() {
        for type in ["ATSP", "CVRP", "HCP", "SOP"] {
            assertTSPLIBError(try TSPLIBReader.parse("NAME: x\nTYPE: \(type)\nDIMENSION: 2\n"), line: 2,
                              mentions: "TYPE \(type)", "not supported", "expected TYPE : TSP")
        }
        assertTSPLIBError(try TSPLIBReader.parse("NAME: x.tour\nTYPE : TOUR\n"), line: 2,
                          mentions: "tour file", "expected TYPE : TSP")
        assertTSPLIBError(try TSPLIBReader.parse("TYPE: TPS\n"), line: 1, mentions: "unknown TYPE \"TPS\"")
        assertTSPLIBError(try TSPLIBReader.parse("TYPE:\n"), line: 1, mentions: "expected a value after TYPE")
    }

    func testKeywordsOfOtherProblemTypes() {
        assertTSPLIBError(try TSPLIBReader.parse("DIMENSION: 2\nCAPACITY: 100\n"), line: 2,
                          mentions: "CAPACITY belongs to other TSPLIB problem types")
        assertTSPLIBError(try TSPLIBReader.parse("DIMENSION: 2\nDEMAND_SECTION\n1 0\n"), line: 2,
                          mentions: "DEMAND_SECTION belongs")
        assertTSPLIBError(try TSPLIBReader.parse("DIMENSION: 2\nTOUR_SECTION\n1\n2\n-1\n"), line: 2,
                          mentions: "TOUR_SECTION belongs to tour files")
    }

    func testMissingDimension() {
        assertTSPLIBError(try TSPLIBReader.parse("NAME: x\nTYPE: TSP\nEDGE_WEIGHT_TYPE: EUC_2D\nEOF\n"), line: 4,
                          mentions: "missing DIMENSION", "expected a DIMENSION")
    }

    func testDimensionAfterItsSection() {
        assertTSPLIBError(try TSPLIBReader.parse("EDGE_WEIGHT_TYPE: EUC_2D\n" + coordinates), line: 2,
                          mentions: "NODE_COORD_SECTION comes before DIMENSION", "expected a DIMENSION")
    }

    func testNegativeAndZeroDimension() {
        assertTSPLIBError(try TSPLIBReader.parse("TYPE: TSP\nDIMENSION: -5\n"), line: 2,
                          mentions: "expected a positive DIMENSION, found -5")
        assertTSPLIBError(try TSPLIBReader.parse("DIMENSION: 0\n"), line: 1, mentions: "expected a positive DIMENSION")
    }

    /// A DIMENSION larger than the file could ever describe is refused on its own line,
    /// before anything is allocated for it.
    func testAbsurdDimension() {
        assertTSPLIBError(try TSPLIBReader.parse("DIMENSION: 1000000000000\nEDGE_WEIGHT_TYPE: EUC_2D\n" + coordinates),
                          line: 1, mentions: "DIMENSION 1000000000000 is absurd", "expected the number of nodes")
        assertTSPLIBError(try TSPLIBReader.parse("DIMENSION: 99999999999999999999999999\n"), line: 1,
                          mentions: "is absurd")
    }

    func testNonIntegerDimension() {
        assertTSPLIBError(try TSPLIBReader.parse("DIMENSION: 52.5\n"), line: 1,
                          mentions: "expected an integer DIMENSION", "\"52.5\"")
        assertTSPLIBError(try TSPLIBReader.parse("DIMENSION: fifty\n"), line: 1, mentions: "expected an integer DIMENSION")
        assertTSPLIBError(try TSPLIBReader.parse("DIMENSION:\n"), line: 1, mentions: "expected a value after DIMENSION")
        assertTSPLIBError(try TSPLIBReader.parse("DIMENSION: 5 6\n"), line: 1, mentions: "expected one value after DIMENSION")
    }

    func testMissingEdgeWeightType() {
        assertTSPLIBError(try TSPLIBReader.parse("NAME: x\nDIMENSION: 2\n" + coordinates), line: 6,
                          mentions: "missing EDGE_WEIGHT_TYPE", "expected e.g. EDGE_WEIGHT_TYPE : EUC_2D")
    }

    func testUnsupportedEdgeWeightTypes() {
        for type in ["XRAY1", "XRAY2", "SPECIAL", "EUC_3D", "MAN_3D", "MAX_3D"] {
            assertTSPLIBError(try TSPLIBReader.parse("DIMENSION: 2\nEDGE_WEIGHT_TYPE: \(type)\n"), line: 2,
                              mentions: "EDGE_WEIGHT_TYPE \(type) is not supported", "expected one of EUC_2D")
        }
        assertTSPLIBError(try TSPLIBReader.parse("NODE_COORD_TYPE: THREED_COORDS\n"), line: 1,
                          mentions: "THREED_COORDS is not supported", "expected TWOD_COORDS or NO_COORDS")
    }

    func testUnknownValues() {
        assertTSPLIBError(try TSPLIBReader.parse("EDGE_WEIGHT_TYPE: EUC2D\n"), line: 1,
                          mentions: "unknown EDGE_WEIGHT_TYPE \"EUC2D\"", "expected one of")
        assertTSPLIBError(try TSPLIBReader.parse("EDGE_WEIGHT_FORMAT: TRIANGLE\n"), line: 1,
                          mentions: "unknown EDGE_WEIGHT_FORMAT \"TRIANGLE\"", "FULL_MATRIX")
        assertTSPLIBError(try TSPLIBReader.parse("NODE_COORD_TYPE: POLAR\n"), line: 1, mentions: "unknown NODE_COORD_TYPE")
        assertTSPLIBError(try TSPLIBReader.parse("DISPLAY_DATA_TYPE: PICTURE\n"), line: 1,
                          mentions: "unknown DISPLAY_DATA_TYPE", "TWOD_DISPLAY")
        assertTSPLIBError(try TSPLIBReader.parse("EDGE_WEIGHT_TYPE: EUC_2D GEO\n"), line: 1,
                          mentions: "expected one value after EDGE_WEIGHT_TYPE")
    }

    func testExplicitWithoutEdgeWeightFormat() {
        assertTSPLIBError(try TSPLIBReader.parse("DIMENSION: 2\nEDGE_WEIGHT_TYPE: EXPLICIT\nEDGE_WEIGHT_SECTION\n0 1\n1 0\n"),
                          line: 3, mentions: "EXPLICIT needs an EDGE_WEIGHT_FORMAT")
        assertTSPLIBError(try TSPLIBReader.parse("DIMENSION: 2\nEDGE_WEIGHT_TYPE: EXPLICIT\nEOF\n"),
                          line: 2, mentions: "EXPLICIT needs an EDGE_WEIGHT_FORMAT")
        assertTSPLIBError(try TSPLIBReader.parse("DIMENSION: 2\nEDGE_WEIGHT_TYPE: EXPLICIT\nEDGE_WEIGHT_FORMAT: FUNCTION\n"),
                          line: 3, mentions: "FUNCTION contradicts EDGE_WEIGHT_TYPE EXPLICIT")
    }

    func testMatrixFormatWithCoordinateType() {
        assertTSPLIBError(try TSPLIBReader.parse("DIMENSION: 2\nEDGE_WEIGHT_TYPE: EUC_2D\nEDGE_WEIGHT_FORMAT: FULL_MATRIX\n"
                                                 + coordinates),
                          line: 3, mentions: "FULL_MATRIX needs EDGE_WEIGHT_TYPE : EXPLICIT")
    }

    func testNoCoordsWithCoordinateType() {
        assertTSPLIBError(try TSPLIBReader.parse("DIMENSION: 2\nEDGE_WEIGHT_TYPE: EUC_2D\nNODE_COORD_TYPE: NO_COORDS\n"),
                          line: 3, mentions: "NO_COORDS contradicts EDGE_WEIGHT_TYPE EUC_2D")
        assertTSPLIBError(try TSPLIBReader.parse("DIMENSION: 2\nEDGE_WEIGHT_TYPE: EUC_2D\nNODE_COORD_TYPE: NO_COORDS\n"
                                                 + coordinates),
                          line: 4, mentions: "NODE_COORD_SECTION given but NODE_COORD_TYPE is NO_COORDS")
    }

    func testKeywordGivenTwice() {
        assertTSPLIBError(try TSPLIBReader.parse("DIMENSION: 2\nEDGE_WEIGHT_TYPE: EUC_2D\nDIMENSION: 3\n"), line: 3,
                          mentions: "DIMENSION appears twice (first at line 1)")
        assertTSPLIBError(try TSPLIBReader.parse("DIMENSION: 2\nEDGE_WEIGHT_TYPE: EUC_2D\n" + coordinates
                                                 .replacingOccurrences(of: "EOF", with: coordinates)),
                          line: 6, mentions: "NODE_COORD_SECTION appears twice")
    }

    func testTextAfterSectionKeyword() {
        assertTSPLIBError(try TSPLIBReader.parse("DIMENSION: 2\nEDGE_WEIGHT_TYPE: EUC_2D\nNODE_COORD_SECTION 1 0 0\n"),
                          line: 3, mentions: "expected nothing after NODE_COORD_SECTION")
    }
}
