import XCTest
import HunchCore
@testable import HunchTSP

/// The greedy tour's nearest-end grid picks the same ends as the scan it replaces.
final class EndpointGridTests: XCTestCase {
    /// Two candidates per node leave many fragments whose ends are not each other's candidates,
    /// so most joins go through the nearest-end search; with and without the grid the tours are
    /// the same, for every planar metric, on uniform and on duplicated (tied) points.
    func testGridJoinsLikeTheScan() {
        for (seed, type) in [(1, TSPEdgeWeightType.euc2D), (2, .ceil2D), (3, .att), (4, .euc2D)] {
            var rng = SeededGenerator(seed: UInt64(seed))
            var x: [Double] = [], y: [Double] = []
            for i in 0..<2000 {
                if seed == 4 && i % 3 == 0 && i > 0 {
                    x.append(x[i - 1]); y.append(y[i - 1])  // ties
                } else {
                    x.append(Double(rng.below(5000))); y.append(Double(rng.below(5000)))
                }
            }
            let instance = TSPInstance(name: "grid-\(seed)", edgeWeightType: type, x: x, y: y)
            let candidates = CandidateLists(instance: instance, k: 2)
            let withGrid = GreedyEdgeTour.build(instance, candidates: candidates)
            let byScan = GreedyEdgeTour.build(instance, candidates: candidates, endpointGrid: false)
            XCTAssertNoThrow(try TourValidation.check(tour: withGrid, dimension: instance.dimension))
            XCTAssertEqual(withGrid, byScan, "\(type)")
        }
    }
}
