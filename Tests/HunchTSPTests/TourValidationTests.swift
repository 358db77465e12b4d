import XCTest
@testable import HunchTSP

/// Property: `TourValidation.check` accepts exactly the permutations of 0..<dimension and names
/// the first defect of anything else.
final class TourValidationTests: XCTestCase {
    func testPermutationsPass() throws {
        try TourValidation.check(tour: [], dimension: 0)
        try TourValidation.check(tour: [0], dimension: 1)
        try TourValidation.check(tour: [2, 0, 3, 1], dimension: 4)
        var generator = SplitMix64(seed: 3)
        try TourValidation.check(tour: Array(0..<500).shuffled(using: &generator), dimension: 500)
    }

    private func assertInvalid(_ tour: [Int], _ dimension: Int, _ expected: TourValidationError,
                               file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try TourValidation.check(tour: tour, dimension: dimension), file: file, line: line) { error in
            XCTAssertEqual(error as? TourValidationError, expected, file: file, line: line)
        }
    }

    func testDuplicate() {
        assertInvalid([0, 1, 2, 1], 4, .duplicate(node: 1, firstPosition: 1, position: 3))
        XCTAssertEqual(TourValidationError.duplicate(node: 1, firstPosition: 1, position: 3).description,
                       "node 1 (0-based) is visited twice, at positions 2 and 4")
    }

    func testMissing() {
        assertInvalid([0, 1, 3], 4, .missing(node: 2, count: 3, dimension: 4))
        assertInvalid([], 2, .missing(node: 0, count: 0, dimension: 2))
        XCTAssertTrue(TourValidationError.missing(node: 2, count: 3, dimension: 4).description.contains("node 2"))
    }

    func testOutOfRange() {
        assertInvalid([0, 1, 4, 2], 4, .outOfRange(node: 4, position: 2, dimension: 4))
        assertInvalid([-1, 0], 2, .outOfRange(node: -1, position: 0, dimension: 2))
    }

    func testTooLongIsADuplicate() {
        assertInvalid([0, 1, 2, 0], 3, .duplicate(node: 0, firstPosition: 0, position: 3))
    }

    func testNegativeDimension() {
        assertInvalid([], -1, .invalidDimension(-1))
    }
}

/// `violations` lists every defect of a tour at once (what `hunch check` prints), numbered as a
/// tour file numbers nodes; its first is what `check` throws.
final class TourViolationsTests: XCTestCase {
    func testEveryDefectIsListedInOrder() throws {
        let tour = [0, 7, 1, 1, 3, 1]   // 7 out of range, 1 three times, 2 and 4 missing
        let found = TourValidation.violations(tour: tour, dimension: 5)
        XCTAssertEqual(found, [.outOfRange(node: 7, position: 1, dimension: 5),
                               .duplicate(node: 1, firstPosition: 2, position: 3), .duplicate(node: 1, firstPosition: 2, position: 5),
                               .missing(node: 2, count: 3, dimension: 5), .missing(node: 4, count: 3, dimension: 5)])
        XCTAssertThrowsError(try TourValidation.check(tour: tour, dimension: 5)) {
            XCTAssertEqual($0 as? TourValidationError, found.first)
        }
        XCTAssertEqual(found.map(\.fileDescription), [
            "position 2: node 8 does not exist; ids run from 1 to 5",
            "node 2 is visited twice, at positions 3 and 4", "node 2 is visited twice, at positions 3 and 6",
            "node 3 is not visited (the tour visits 3 of 5 nodes)", "node 5 is not visited (the tour visits 3 of 5 nodes)"])
        XCTAssertEqual(TourValidation.violations(tour: [2, 0, 1], dimension: 3), [])
    }

    /// A tour file with a repeated and a missing node is read for `hunch check` (`readVisits`),
    /// and still refused by `read`, with the line.
    func testReadVisitsKeepsRepeatsAndGaps() throws {
        let directory = NSTemporaryDirectory() + "hunch-tour-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/bad.tour"
        try "TYPE : TOUR\nDIMENSION : 4\nTOUR_SECTION\n1\n2\n2\n4\n-1\nEOF\n".write(toFile: path, atomically: true, encoding: .utf8)
        XCTAssertEqual(try TourFile.readVisits(path: path, dimension: 4), [0, 1, 1, 3])
        XCTAssertThrowsError(try TourFile.read(path: path, dimension: 4))
        try "TYPE : TOUR\nTOUR_SECTION\n1\n9\n-1\n".write(toFile: path, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try TourFile.readVisits(path: path, dimension: 4)) {
            XCTAssertTrue("\($0)".contains("bad.tour:4"), "\($0)")
        }
    }
}
