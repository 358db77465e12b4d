import XCTest
@testable import HunchLLM

/// Repair keeps the first occurrence of every valid id in order and counts everything else.
final class PermutationRepairTests: XCTestCase {
    func testPerfectPermutationNeedsNoRepair() {
        let r = PermutationRepair(values: [3, 1, 2, 4], count: 4, firstID: 1)
        XCTAssertEqual(r.kept, [2, 0, 1, 3])
        XCTAssertTrue(r.isPermutation)
        XCTAssertEqual(r.repairs, 0)
        XCTAssertEqual(r.keptFraction, 1)
    }

    func testDuplicatesOutOfRangeAndMissingAreCounted() {
        let r = PermutationRepair(values: [2, 2, 9, 0, 1, 2, -5, Int.min, Int.max], count: 5, firstID: 1)
        XCTAssertEqual(r.kept, [1, 0])
        XCTAssertEqual(r.received, 9)
        XCTAssertEqual(r.duplicates, 2)
        XCTAssertEqual(r.outOfRange, 5)
        XCTAssertEqual(r.missing, [2, 3, 4])
        XCTAssertEqual(r.repairs, 10)
        XCTAssertFalse(r.isPermutation)
    }

    func testZeroBasedIdsAndEmptyInput() {
        XCTAssertEqual(PermutationRepair(values: [0, 2, 1], count: 3).kept, [0, 2, 1])
        let empty = PermutationRepair(values: [], count: 3)
        XCTAssertEqual(empty.kept, [])
        XCTAssertEqual(empty.missing, [0, 1, 2])
        XCTAssertEqual(PermutationRepair(values: [1], count: 0).outOfRange, 1)
    }

    /// Property: kept ∪ missing is exactly 0..<count, without repeats, for random inputs.
    func testKeptAndMissingPartitionTheIds() {
        var state: UInt64 = 42
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<200 {
            let count = 1 + next(30)
            let values = (0..<next(50)).map { _ in next(count + 10) - 3 }
            let r = PermutationRepair(values: values, count: count, firstID: 1)
            XCTAssertEqual((r.kept + r.missing).sorted(), Array(0..<count))
            XCTAssertEqual(r.kept.count + r.duplicates + r.outOfRange, values.count)
        }
    }
}
