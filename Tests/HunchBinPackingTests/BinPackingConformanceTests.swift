import Foundation
import HunchCore
import HunchBinPacking
import HunchTestSupport
import XCTest

/// The family conformance suite (Tests/Support/ProblemConformance.swift) on bundled BPPLIB instances.
final class BinPackingConformanceTests: XCTestCase {
    func testConformance() {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("instances/bpp")
        let paths = ["falkenauer/Falkenauer_t120_00.txt", "scholl/N1C1W1_A.txt"]
            .map { root.appendingPathComponent($0).path }
        // Every item in one bin overflows it. A packing is a set of bins: the undo log may
        // give back the same bins in another order.
        let failures = ProblemConformance<BinPackingProblem>.check(paths: paths, corrupt: { solution, _ in
            BinPackingSolution(bins: [solution.bins.flatMap { $0 }])
        }, canonical: { solution in
            "\(solution.bins.map { $0.sorted() }.sorted { $0.lexicographicallyPrecedes($1) })"
        })
        XCTAssertEqual(failures, [])
    }
}
