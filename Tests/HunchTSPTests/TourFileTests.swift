import Foundation
import XCTest
@testable import HunchTSP

/// Properties: a tour written by `TourFile` reads back unchanged; every TSPLIB tour layout
/// reads; a tour that is not a permutation is refused, naming the node and the line.
final class TourFileTests: XCTestCase {
    private func tourText(_ ids: String, dimension: Int = 5) -> String {
        "NAME : t.tour\nTYPE : TOUR\nDIMENSION : \(dimension)\nTOUR_SECTION\n\(ids)\n"
    }

    func testFormatThenParseRoundTrips() throws {
        var generator = SplitMix64(seed: 11)
        for n in [1, 2, 5, 52, 1000] {
            let tour = Array(0..<n).shuffled(using: &generator)
            let text = TourFile.format(tour: tour, name: "r\(n)", comment: "random tour\nof \(n) nodes")
            XCTAssertEqual(try TourFile.parse(text, dimension: n), tour)
            XCTAssertTrue(text.contains("COMMENT : random tour of \(n) nodes\n"), "line break in a comment is flattened")
            XCTAssertTrue(text.hasSuffix("-1\nEOF\n"))
        }
    }

    func testFormatIsTSPLIB() {
        XCTAssertEqual(TourFile.format(tour: [2, 0, 1], name: "x", comment: "length 7"),
                       "NAME : x\nCOMMENT : length 7\nTYPE : TOUR\nDIMENSION : 3\nTOUR_SECTION\n3\n1\n2\n-1\nEOF\n")
    }

    func testWriteIsAtomicAndReadsBack() throws {
        let directory = try TestData.temporaryDirectory()
        let path = directory + "/best.tour"
        try "old contents".write(toFile: path, atomically: false, encoding: .utf8)
        try TourFile.write(tour: [3, 1, 0, 2], name: "best", comment: "", to: path)
        XCTAssertEqual(try TourFile.read(path: path, dimension: 4), [3, 1, 0, 2])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory), ["best.tour"],
                       "no temporary file left behind")
    }

    /// An invalid tour is refused before anything touches the disk.
    func testWriteRefusesAnInvalidTour() throws {
        let path = try TestData.temporaryDirectory() + "/bad.tour"
        XCTAssertThrowsError(try TourFile.write(tour: [0, 1, 1], name: "bad", comment: "", to: path)) { error in
            XCTAssertEqual(error as? TourValidationError, .duplicate(node: 1, firstPosition: 1, position: 2))
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: path))
        assertTSPLIBError(try TourFile.write(tour: [0], name: "x", comment: "", to: "/nonexistent/dir/x.tour"),
                          line: nil, mentions: "cannot create a temporary file")
    }

    func testLayouts() throws {
        XCTAssertEqual(try TourFile.parse(tourText("1\n3\n2\n5\n4\n-1\nEOF"), dimension: 5), [0, 2, 1, 4, 3])
        XCTAssertEqual(try TourFile.parse(tourText("1 3 2\n 5   4 -1"), dimension: 5), [0, 2, 1, 4, 3], "several per line")
        XCTAssertEqual(try TourFile.parse(tourText("1 3 2 5 4\nEOF"), dimension: 5), [0, 2, 1, 4, 3], "no -1")
        XCTAssertEqual(try TourFile.parse(tourText("1 3 2 5 4"), dimension: 5), [0, 2, 1, 4, 3], "no -1, no EOF")
        let noDimension = "NAME : rd.tour\r\nTYPE : TOUR\r\nCOMMENT : x\r\nTOUR_SECTION\r\n2 1 3 4 5\r\n-1\r\n"
        XCTAssertEqual(try TourFile.parse(noDimension, dimension: 5), [1, 0, 2, 3, 4])
    }

    func testDuplicateNode() {
        assertTSPLIBError(try TourFile.parse(tourText("1\n2\n3\n2\n5\n-1"), dimension: 5), line: 8,
                          mentions: "node 2 appears twice in the tour (first at line 6)")
    }

    func testMissingNode() {
        assertTSPLIBError(try TourFile.parse(tourText("1\n2\n5\n4\n-1\nEOF"), dimension: 5), line: 9,
                          mentions: "tour visits 4 of 5 nodes; node 3 is missing")
        assertTSPLIBError(try TourFile.parse(tourText("1 2 5 4"), dimension: 5), line: 5, mentions: "node 3 is missing")
    }

    func testOutOfRangeNode() {
        assertTSPLIBError(try TourFile.parse(tourText("1 2 3 4 6 -1"), dimension: 5), line: 5,
                          mentions: "node id 6 is out of range; expected 1...5")
        assertTSPLIBError(try TourFile.parse(tourText("1 2 0 3 4 5 -1"), dimension: 5), line: 5,
                          mentions: "node id 0 is out of range")
        assertTSPLIBError(try TourFile.parse(tourText("1 2 -3 4 5 -1"), dimension: 5), line: 5,
                          mentions: "node id -3 is out of range")
    }

    func testNonNumericId() {
        assertTSPLIBError(try TourFile.parse(tourText("1 2 3.0 4 5 -1"), dimension: 5), line: 5,
                          mentions: "expected a node id (1...5) or -1 in TOUR_SECTION, found \"3.0\"")
        assertTSPLIBError(try TourFile.parse(tourText("1 2\nthree 4 5 -1"), dimension: 5), line: 6,
                          mentions: "expected a node id (1...5) or -1", "\"three 4 5 -1\"")
    }

    func testSecondTourIsRefused() {
        assertTSPLIBError(try TourFile.parse(tourText("1 2 3 4 5 -1\n5 4 3 2 1 -1"), dimension: 5), line: 6,
                          mentions: "more ids after the -1", "one tour per file")
    }

    func testHeaderProblems() {
        assertTSPLIBError(try TourFile.parse(tourText("1 2 3 4 5 -1", dimension: 6), dimension: 5), line: 3,
                          mentions: "DIMENSION 6 but the instance has 5 nodes")
        assertTSPLIBError(try TourFile.parse(tourText("1 2 3 4 5 -1").replacingOccurrences(of: "TOUR\n", with: "TSP\n"),
                                             dimension: 5),
                          line: 2, mentions: "expected TYPE : TOUR")
        assertTSPLIBError(try TourFile.parse("NAME: x\nTYPE: TOUR\nEOF\n", dimension: 5), line: 3, mentions: "missing TOUR_SECTION")
        assertTSPLIBError(try TourFile.parse("NAME: x\nTYPE: TOUR\n", dimension: 5), line: 2, mentions: "missing TOUR_SECTION")
        assertTSPLIBError(try TourFile.parse("", dimension: 5), line: 1, mentions: "empty file")
        assertTSPLIBError(try TourFile.parse("NAME: x\nNODE_COORD_SECTION\n", dimension: 5), line: 2,
                          mentions: "does not belong in a tour file")
        assertTSPLIBError(try TourFile.parse("NAME: x\nLENGTH: 5\n", dimension: 5), line: 2, mentions: "unknown keyword \"LENGTH\"")
        assertTSPLIBError(try TourFile.parse(tourText("1"), dimension: 0), line: nil, mentions: "expected at least 1 node")
    }

    func testBundledOptimalTourReads() throws {
        let tour = try TourFile.read(path: TestData.bundledTSP + "/berlin52.opt.tour", dimension: 52)
        XCTAssertEqual(tour.count, 52)
        XCTAssertEqual(tour.first, 0)
        assertTSPLIBError(try TourFile.read(path: TestData.bundledTSP + "/berlin52.opt.tour", dimension: 51), line: 3,
                          mentions: "DIMENSION 52 but the instance has 51 nodes")
    }
}
