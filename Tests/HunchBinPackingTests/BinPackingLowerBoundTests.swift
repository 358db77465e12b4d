import XCTest
@testable import HunchBinPacking

/// L1 ≤ L2 ≤ the published optimum, and L2 on a hand-checked case.
final class BinPackingLowerBoundTests: XCTestCase {
    func testBoundsAreOrderedAndValidOnBundledInstances() throws {
        for row in try BundledBPP.all() {
            let i = try BinPackingReader.read(path: row.path)
            let l1 = BinPackingLowerBound.l1(i), l2 = BinPackingLowerBound.l2(i)
            XCTAssertLessThanOrEqual(l1, l2, row.name)
            XCTAssertLessThanOrEqual(l2, row.optimum, row.name)
            XCTAssertEqual(BinPackingLowerBound.compute(i), max(l1, l2))
        }
    }

    func testL2IsTightOnTripletsAndUniform() throws {
        // Triplets: Σw = n/3·C, so even L1 equals the optimum.
        let (t60, opt) = try BundledBPP.load("Falkenauer_t60_00")
        XCTAssertEqual(BinPackingLowerBound.l2(t60), opt)
        // u120_00: the optimum 48 equals the bound (most u instances are L2-tight).
        let (u, opt2) = try BundledBPP.load("Falkenauer_u120_00")
        XCTAssertEqual(BinPackingLowerBound.compute(u), opt2)
    }

    func testL2BeatsL1WhenBigItemsCannotShare() {
        // Four items of 6 in bins of 10: L1 = ⌈24/10⌉ = 3, but no two fit together: L2 = 4.
        let i = BinPackingInstance(name: "big", capacity: 10, weights: [6, 6, 6, 6])
        XCTAssertEqual(BinPackingLowerBound.l1(i), 3)
        XCTAssertEqual(BinPackingLowerBound.l2(i), 4)
        // 7, 7, 4, 4, 4: α = 4 puts both 7s in J1 (no item ≥ 4 fits beside them) and J3 = {4,4,4}
        // needs ⌈12/10⌉ = 2 more bins: L2 = 4 (the optimum: 7 | 7 | 4,4 | 4), while L1 = ⌈26/10⌉ = 3.
        let j = BinPackingInstance(name: "mix", capacity: 10, weights: [7, 7, 4, 4, 4])
        XCTAssertEqual(BinPackingLowerBound.l1(j), 3)
        XCTAssertEqual(BinPackingLowerBound.l2(j), 4)
    }
}
