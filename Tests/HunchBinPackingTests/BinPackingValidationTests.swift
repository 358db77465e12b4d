import XCTest
import HunchCore
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

/// `violations` lists every defect at once (what `hunch check` prints), and its first is what
/// `check` throws.
final class BinPackingViolationsTests: XCTestCase {
    func testEveryViolationIsListedAndTheFirstIsChecks() throws {
        let bins = [[0, 3, 6], [1, 2, 3], []]   // bin 0 over capacity, item 3 twice, an empty bin, items 4 and 5 missing
        let found = BinPackingValidation.violations(BinPackingSolution(bins: bins), instance: tinyInstance)
        XCTAssertEqual(found, [.overCapacity(bin: 0, load: 13, capacity: 10), .duplicateItem(item: 3, firstBin: 0, secondBin: 1),
                               .overCapacity(bin: 1, load: 14, capacity: 10), .emptyBin(bin: 2),
                               .missingItem(item: 4), .missingItem(item: 5)])
        XCTAssertThrowsError(try BinPackingValidation.check(BinPackingSolution(bins: bins), instance: tinyInstance)) {
            XCTAssertEqual($0 as? BinPackingValidationError, found.first)
        }
        let context = try BinPackingProblem.context(tinyInstance, options: FamilyOptions())
        XCTAssertEqual(BinPackingProblem.violations(BinPackingSolution(bins: bins), tinyInstance, context).count, 6)
        XCTAssertEqual(BinPackingProblem.violations(BinPackingSolution(bins: [[0, 3], [1, 2], [4, 5, 6]]), tinyInstance, context), [])
    }

    /// Decoding reads an infeasible packing (for `hunch check`) but refuses an item that does not exist.
    func testDecodeReadsInfeasiblePackingsButNotUnknownItems() throws {
        let context = try BinPackingProblem.context(tinyInstance, options: FamilyOptions())
        let overfull = try BinPackingProblem.decode(.object(["bins": .array([.array([.int(0), .int(3), .int(6)])])]), tinyInstance, context)
        XCTAssertEqual(overfull.bins, [[0, 3, 6]])
        XCTAssertThrowsError(try BinPackingProblem.decode(.object(["bins": .array([.array([.int(0)]), .array([.int(1), .int(9)])])]),
                                                          tinyInstance, context)) {
            XCTAssertTrue("\($0)".contains("\"bins\"[1][1] is 9"), "\($0)")
        }
    }
}
