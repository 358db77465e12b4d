import XCTest
import HunchCore
@testable import HunchBinPacking

/// Every prior gives a valid packing; FFD/BFD meet their classic guarantee on real instances.
final class BinPackingPriorTests: XCTestCase {
    func testEveryPriorIsValidOnEveryBundledInstance() throws {
        for row in try BundledBPP.all() {
            let instance = try BinPackingReader.read(path: row.path)
            for prior in BinPackingPrior.allCases {
                var rng = SeededGenerator(seed: 7)
                let s = prior.construct(instance, rng: &rng)
                XCTAssertNoThrow(try BinPackingValidation.check(s, instance: instance), "\(prior) on \(row.name)")
                XCTAssertGreaterThanOrEqual(s.binCount, row.optimum, "\(prior) on \(row.name) beats the optimum?")
                if prior == .ffd || prior == .bfd {
                    // Dósa (2007): FFD ≤ 11/9·OPT + 6/9 (BFD has the same bound).
                    XCTAssertLessThanOrEqual(9 * s.binCount, 11 * row.optimum + 6, "\(prior) on \(row.name)")
                }
            }
        }
    }

    func testFFDOnTinyInstanceIsHandChecked() {
        var rng = SeededGenerator(seed: 1)
        // 6→A, 5→B, 5→B(10), 4→A(10), 4→C, 3→C, 3→C(10).
        XCTAssertEqual(BinPackingPrior.ffd.construct(tinyInstance, rng: &rng).bins, [[0, 3], [1, 2], [4, 5, 6]])
    }

    func testOrderDecoderRepairsAnyList() throws {
        let s = BinPackingOrderDecoder.solution(tinyInstance, itemOrder: [6, 6, -1, 99, 5, 0])
        try BinPackingValidation.check(s, instance: tinyInstance)
        XCTAssertEqual(BinPackingOrderDecoder.repaired(tinyInstance, [6, 6, -1, 99, 5, 0]), [6, 5, 0, 1, 2, 3, 4])
        // First fit in the repaired order: 3,3 → A; 6 → B; 5 → C; 4 (item 3) → A (10).
        XCTAssertEqual(s.bins, [[6, 5, 3], [0, 4], [1, 2]])
    }

    func testPriorNames() {
        XCTAssertEqual(BinPackingPrior(name: "ffd"), .ffd)
        XCTAssertEqual(BinPackingPrior(name: "best-fit-decreasing"), .bfd)
        XCTAssertNil(BinPackingPrior(name: "nope"))
    }
}
