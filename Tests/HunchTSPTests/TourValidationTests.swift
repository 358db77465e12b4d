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
