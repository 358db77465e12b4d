import Foundation
import HunchCore
import HunchTestSupport
import HunchTSP
import XCTest

/// The family conformance suite (Tests/Support/ProblemConformance.swift) on bundled TSPLIB instances.
final class TSPConformanceTests: XCTestCase {
    func testConformance() {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let paths = ["berlin52", "bays29", "kroA100"].map { root.appendingPathComponent("instances/tsp/\($0).tsp").path }
        // A tour that visits its first node twice is not a permutation.
        let failures = ProblemConformance<TSPProblem>.check(paths: paths, corrupt: { tour, _ in
            var broken = tour
            broken[1] = broken[0]
            return broken
        })
        XCTAssertEqual(failures, [])
    }
}
