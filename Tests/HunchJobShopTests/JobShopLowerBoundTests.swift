import XCTest
@testable import HunchJobShop

/// The bound is valid (≤ the published optimum) and at least the simple job/machine bounds.
final class JobShopLowerBoundTests: XCTestCase {
    func testBoundIsValidOnBundledInstances() throws {
        for (name, optimum) in Bundled.optima {
            let instance = try Bundled.load(name)
            let bound = JobShopLowerBound.compute(instance)
            XCTAssertLessThanOrEqual(bound, optimum, name)
            XCTAssertGreaterThanOrEqual(bound, instance.jobLengths.max()!, name)
            XCTAssertGreaterThanOrEqual(bound, instance.machineLoads.max()!, name)
        }
        // la01's optimum equals its largest machine load (a published fact), so the bound is tight.
        XCTAssertEqual(JobShopLowerBound.compute(try Bundled.load("la01")), 666)
    }

    func testPreemptiveJacksonByHand() {
        // Op A: r=0 p=4 q=1; op B: r=1 p=2 q=10. Jackson: A runs 0–1, B preempts 1–3 (ends 3+10=13),
        // A resumes 3–6 (6+1=7). Optimum 13 > load 6.
        XCTAssertEqual(JobShopLowerBound.preemptiveJackson(release: [0, 1], processing: [4, 2], tail: [1, 10]), 13)
        // Idle time before the first release counts.
        XCTAssertEqual(JobShopLowerBound.preemptiveJackson(release: [5], processing: [3], tail: [2]), 10)
        XCTAssertEqual(JobShopLowerBound.preemptiveJackson(release: [2, 0], processing: [0, 1], tail: [7, 0]), 9)
    }

    func testOneMachineBoundBeatsTheSimpleBoundsSomewhere() throws {
        // ft10: loads and job lengths give 655; the one-machine relaxation gives more.
        let ft10 = try Bundled.load("ft10")
        let simple = max(ft10.jobLengths.max()!, ft10.machineLoads.max()!)
        XCTAssertGreaterThan(JobShopLowerBound.compute(ft10), simple)
    }
}
