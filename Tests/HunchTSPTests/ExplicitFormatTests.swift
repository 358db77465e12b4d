import XCTest
@testable import HunchTSP

/// Property: every EDGE_WEIGHT_FORMAT, fed the same hand-written 4-node matrix in its own
/// order, yields the same symmetric distances.
///
///         1   2   3   4
///     1   0  10  20  30
///     2  10   0  40  50
///     3  20  40   0  60
///     4  30  50  60   0
final class ExplicitFormatTests: XCTestCase {
    private let expected = [
        [0, 10, 20, 30],
        [10, 0, 40, 50],
        [20, 40, 0, 60],
        [30, 50, 60, 0],
    ]

    private func instance(_ format: String, _ section: String) throws -> TSPInstance {
        try TSPLIBReader.parse("""
            NAME : four
            TYPE : TSP
            DIMENSION : 4
            EDGE_WEIGHT_TYPE : EXPLICIT
            EDGE_WEIGHT_FORMAT : \(format)
            EDGE_WEIGHT_SECTION
            \(section)
            EOF
            """)
    }

    private func assertMatrix(_ instance: TSPInstance, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(instance.dimension, 4, file: file, line: line)
        XCTAssertEqual(instance.edgeWeightType, .explicit, file: file, line: line)
        let matrix = (0..<4).map { i in (0..<4).map { j in instance.distance(i, j) } }
        XCTAssertEqual(matrix, expected, file: file, line: line)
    }

    func testFullMatrix() throws {
        assertMatrix(try instance("FULL_MATRIX", "0 10 20 30\n10 0 40 50\n20 40 0 60\n30 50 60 0"))
    }

    func testUpperRow() throws {
        assertMatrix(try instance("UPPER_ROW", "10 20 30\n40 50\n60"))
    }

    func testLowerRow() throws {
        assertMatrix(try instance("LOWER_ROW", "10\n20 40\n30 50 60"))
    }

    func testUpperDiagRow() throws {
        assertMatrix(try instance("UPPER_DIAG_ROW", "0 10 20 30\n0 40 50\n0 60\n0"))
    }

    func testLowerDiagRow() throws {
        assertMatrix(try instance("LOWER_DIAG_ROW", "0\n10 0\n20 40 0\n30 50 60 0"))
    }

    /// Column-wise formats list the other triangle; for a symmetric matrix they equal the
    /// mirrored row-wise formats.
    func testColumnFormats() throws {
        assertMatrix(try instance("UPPER_COL", "10\n20 40\n30 50 60"))
        assertMatrix(try instance("LOWER_COL", "10 20 30\n40 50\n60"))
        assertMatrix(try instance("UPPER_DIAG_COL", "0\n10 0\n20 40 0\n30 50 60 0"))
        assertMatrix(try instance("LOWER_DIAG_COL", "0 10 20 30\n0 40 50\n0 60\n0"))
    }

    /// Numbers may be broken across lines anyhow (TSPLIB files wrap long rows at fixed widths).
    func testLineBreaksAnywhere() throws {
        assertMatrix(try instance("UPPER_ROW", "10\n\n20 30 40\t50   \n 60  "))
        assertMatrix(try instance("FULL_MATRIX", "0 10 20 30 10 0 40 50 20 40 0 60 30 50 60 0"))
    }

    /// Some files put a sentinel on the diagonal; tours never use it, and it reads as 0.
    func testDiagonalSentinelReadsAsZero() throws {
        assertMatrix(try instance("LOWER_DIAG_ROW", "9999\n10 9999\n20 40 9999\n30 50 60 9999"))
    }

    /// Coordinates given with an explicit matrix are kept for pictures only.
    func testNodeCoordinatesOfExplicitInstanceBecomeDisplayData() throws {
        let instance = try TSPLIBReader.parse("""
            TYPE: TSP
            DIMENSION: 4
            EDGE_WEIGHT_TYPE: EXPLICIT
            EDGE_WEIGHT_FORMAT: UPPER_ROW
            NODE_COORD_TYPE: TWOD_COORDS
            EDGE_WEIGHT_SECTION
            10 20 30 40 50 60
            NODE_COORD_SECTION
            1 0 0
            2 1 0
            3 1 1
            4 0 1
            """)
        assertMatrix(instance)
        XCTAssertFalse(instance.hasCoordinates)
        XCTAssertEqual(instance.displayX, [0, 1, 1, 0])
        XCTAssertEqual(instance.displayY, [0, 0, 1, 1])
    }

    func testDisplayDataSection() throws {
        let instance = try TSPLIBReader.parse("""
            TYPE: TSP
            DIMENSION: 4
            EDGE_WEIGHT_TYPE: EXPLICIT
            EDGE_WEIGHT_FORMAT: UPPER_ROW
            DISPLAY_DATA_TYPE: TWOD_DISPLAY
            EDGE_WEIGHT_SECTION
            10 20 30 40 50 60
            DISPLAY_DATA_SECTION
            4 7 8
            3 5 6
            2 3 4
            1 1 2
            EOF
            """)
        assertMatrix(instance)
        XCTAssertEqual(instance.displayX, [1, 3, 5, 7])
        XCTAssertEqual(instance.displayY, [2, 4, 6, 8])
        XCTAssertEqual(instance.drawingCoordinates?.x, [1, 3, 5, 7])
    }

    /// One node and two nodes are degenerate but well-formed.
    func testTinyDimensions() throws {
        let one = try TSPLIBReader.parse("DIMENSION: 1\nEDGE_WEIGHT_TYPE: EXPLICIT\nEDGE_WEIGHT_FORMAT: UPPER_ROW\nEDGE_WEIGHT_SECTION\nEOF")
        XCTAssertEqual(one.dimension, 1)
        let two = try TSPLIBReader.parse("DIMENSION: 2\nEDGE_WEIGHT_TYPE: EXPLICIT\nEDGE_WEIGHT_FORMAT: LOWER_ROW\nEDGE_WEIGHT_SECTION\n7\n")
        XCTAssertEqual(two.distance(0, 1), 7)
        XCTAssertEqual(two.distance(1, 0), 7)
    }
}
