import Foundation
import HunchCore
import HunchJobShop
import HunchTestSupport
import XCTest

/// The family conformance suite (Tests/Support/ProblemConformance.swift) on bundled job shops.
final class JobShopConformanceTests: XCTestCase {
    func testConformance() {
        let paths = ["ft06", "la01", "ta01"].map(Bundled.path)
        // Every operation started at time 0 overlaps on its machine.
        let failures = ProblemConformance<JobShopProblem>.check(paths: paths, corrupt: { schedule, _ in
            JobShopSchedule(starts: schedule.starts.map { $0.map { _ in 0 } })
        })
        XCTAssertEqual(failures, [])
    }
}
