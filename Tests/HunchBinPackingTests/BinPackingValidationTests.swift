import XCTest
@testable import HunchBinPacking

/// The validator accepts a correct packing and names each kind of violation.
final class BinPackingValidationTests: XCTestCase {
    let good = BinPackingSolution(bins: [[0, 3], [1, 2], [4, 5, 6]])

    func testAcceptsAHandCheckedOptimalPacking() throws {
        try BinPackingValidation.check(good, instance: tinyInstance)
        XCTAssertEqual(good.binCount, 3)
        XCTAssertEqual(good.loads(tinyInstance), [10, 10, 10])
    }

    func testCatchesEachViolation() {
        func error(_ bins: [[Int]]) -> BinPackingValidationError? {
            do { try BinPackingValidation.check(BinPackingSolution(bins: bins), instance: tinyInstance); return nil }
            catch { return error as? BinPackingValidationError }
        }
        XCTAssertEqual(error([[0, 3], [1, 2], [4, 5, 6], [7]]), .itemOutOfRange(bin: 3, item: 7, itemCount: 7))
        XCTAssertEqual(error([[0, 3], [1, 2], [4, 5, 6, 3]]), .duplicateItem(item: 3, firstBin: 0, secondBin: 2))
        XCTAssertEqual(error([[0, 3], [1, 2], [4, 5]]), .missingItem(item: 6))
        XCTAssertEqual(error([[0, 3, 6], [1, 2], [4, 5]]), .overCapacity(bin: 0, load: 13, capacity: 10))
        XCTAssertEqual(error([[0, 3], [], [1, 2], [4, 5, 6]]), .emptyBin(bin: 1))
        XCTAssertTrue("\(BinPackingValidationError.overCapacity(bin: 0, load: 13, capacity: 10))".contains("above the capacity 10"))
    }
}
