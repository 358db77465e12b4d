import XCTest
@testable import HunchTSP

/// Property: the layout variations found in real TSPLIB files (and in files other tools write)
/// all read to the same instance.
final class ReaderToleranceTests: XCTestCase {
    /// The reference: three nodes of a 3-4-5 triangle.
    private let reference = """
        NAME : triangle
        COMMENT : a 3-4-5 triangle
        TYPE : TSP
        DIMENSION : 3
        EDGE_WEIGHT_TYPE : EUC_2D
        NODE_COORD_SECTION
        1 0 0
        2 3 0
        3 0 4
        EOF

        """

    private func assertTriangle(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
        do {
            let instance = try TSPLIBReader.parse(text)
            XCTAssertEqual(instance.dimension, 3, file: file, line: line)
            XCTAssertEqual(instance.tourLength([0, 1, 2]), 12, file: file, line: line)
            XCTAssertEqual(instance.x, [0, 3, 0], file: file, line: line)
        } catch {
            XCTFail("\(error)", file: file, line: line)
        }
    }

    func testReferenceReads() throws {
        let instance = try TSPLIBReader.parse(reference)
        XCTAssertEqual(instance.name, "triangle")
        XCTAssertEqual(instance.comment, "a 3-4-5 triangle")
        assertTriangle(reference)
    }

    func testColonWithAndWithoutSpaces() {
        assertTriangle(reference.replacingOccurrences(of: " : ", with: ": "))
        assertTriangle(reference.replacingOccurrences(of: " : ", with: ":"))
        assertTriangle(reference.replacingOccurrences(of: " : ", with: "   :\t"))
    }

    func testEOFIsOptional() {
        assertTriangle(reference.replacingOccurrences(of: "EOF\n", with: ""))
        assertTriangle(reference.replacingOccurrences(of: "EOF\n", with: "").replacingOccurrences(of: "4\n", with: "4"))
    }

    func testTrailingSpacesBlankLinesAndTabs() {
        let spaced = reference.split(separator: "\n", omittingEmptySubsequences: false)
            .map { "\t" + $0.replacingOccurrences(of: " ", with: " \t ") + "   " }
            .joined(separator: "\n\n")
        assertTriangle(spaced + "\n\n\n   \n")
    }

    func testWindowsLineEndingsAndByteOrderMark() {
        assertTriangle("\u{FEFF}" + reference.replacingOccurrences(of: "\n", with: "\r\n"))
    }

    func testKeywordsAreCaseInsensitive() {
        assertTriangle(reference.replacingOccurrences(of: "NODE_COORD_SECTION", with: "node_coord_section")
            .replacingOccurrences(of: "EUC_2D", with: "euc_2d"))
    }

    /// Text after EOF is not part of the file (TSPLIB95 ends the data there).
    func testTextAfterEOFIsIgnored() {
        assertTriangle(reference + "anything at all\n1 2 3\n")
    }

    /// si175/si535/si1032 say `TYPE: TSP (M.~Hofmeister)`.
    func testTypeWithRemark() {
        assertTriangle(reference.replacingOccurrences(of: "TYPE : TSP", with: "TYPE: TSP (M.~Hofmeister)"))
    }

    func testHeaderOrderIsFree() {
        assertTriangle("""
            EDGE_WEIGHT_TYPE: EUC_2D
            DIMENSION: 3
            TYPE: TSP
            NODE_COORD_SECTION
            1 0 0
            2 3 0
            3 0 4
            """)
    }

    func testCoordinateNumberForms() {
        assertTriangle(reference.replacingOccurrences(of: "2 3 0", with: "2 3.0e+00 -0.0")
            .replacingOccurrences(of: "3 0 4", with: "+3 .0 4."))
    }

    func testSeveralCommentsAreJoinedByLineBreaks() throws {
        let instance = try TSPLIBReader.parse(reference.replacingOccurrences(
            of: "COMMENT : a 3-4-5 triangle", with: "COMMENT : first\nCOMMENT: second"))
        XCTAssertEqual(instance.comment, "first\nsecond")
    }

    func testNameDefaultsToTheFileStem() throws {
        let text = reference.replacingOccurrences(of: "NAME : triangle\n", with: "")
        XCTAssertEqual(try TSPLIBReader.parse(text, file: "some/dir/tri.angle.tsp").name, "tri")
        XCTAssertEqual(try TSPLIBReader.parse(text).name, "")
    }

    /// TYPE is required by TSPLIB95, but a file without it can only mean TSP here.
    func testMissingTypeMeansTSP() {
        assertTriangle(reference.replacingOccurrences(of: "TYPE : TSP\n", with: ""))
    }

    /// linhp318's FIXED_EDGES_SECTION is checked and dropped.
    func testFixedEdgesAreReadAndDropped() {
        assertTriangle(reference.replacingOccurrences(of: "NODE_COORD_SECTION",
                                                      with: "FIXED_EDGES_SECTION\n1 2\n-1\nNODE_COORD_SECTION"))
    }

    /// A real file in each flavour: tabs (pa561), no EOF with blank lines (burma14), a TYPE
    /// remark (si175), fixed edges (linhp318), CEIL_2D (dsj1000).
    func testQuirkyBundledFiles() throws {
        for (file, n) in [("pa561.tsp", 561), ("burma14.tsp", 14), ("si175.tsp", 175), ("linhp318.tsp", 318),
                          ("dsj1000.tsp", 1000), ("gr431.tsp", 431)] {
            XCTAssertEqual(try TSPLIBReader.read(path: TestData.bundledTSP + "/" + file).dimension, n, file)
        }
    }
}
