import HunchCore
@testable import HunchRouting
import XCTest

/// The minimum-cut separation of fractional capacity inequalities against brute force.
final class CVRPCapacitySeparationTests: XCTestCase {
    /// Random demands (1–14; node 0 the depot) and a random symmetric fractional point over n
    /// nodes (edge values in quarters), for the separation tests' brute-force checks.
    static func randomPoint(n: Int, rng: inout SeededGenerator) -> (demands: [Int], weight: [Double]) {
        var demands = [0]
        for _ in 1..<n { demands.append(1 + rng.below(15)) }
        var weight = [Double](repeating: 0, count: n * n)
        for a in 0..<n { for b in (a + 1)..<n where rng.unit() < 0.4 {
            let value = Double(rng.below(5)) / 4
            weight[a * n + b] = value; weight[b * n + a] = value
        } }
        return (demands, weight)
    }

    /// On random fractional points over 9 customers, the set of the global minimum cut attains
    /// the minimum of x(δ(S)) − 2q(S)/Q over all 511 customer sets, and a forced customer's set
    /// attains the minimum over the sets that contain it.
    func testMinimumCutMinimisesTheFractionalSlack() {
        var rng = SeededGenerator(seed: 11)
        let n = 10, capacity = 30
        for _ in 0..<40 {
            let (demands, weight) = Self.randomPoint(n: n, rng: &rng)
            func slack(_ set: [Int]) -> Double {
                var inside = [Bool](repeating: false, count: n)
                for v in set { inside[v] = true }
                var crossing = 0.0, demand = 0
                for v in set {
                    demand += demands[v]
                    for w in 0..<n where !inside[w] { crossing += weight[v * n + w] }
                }
                return crossing - 2 * Double(demand) / Double(capacity)
            }
            var bestAll = Double.infinity, bestWithOne = Double.infinity
            for mask in 1..<(1 << (n - 1)) {
                let set = (1..<n).filter { mask & (1 << ($0 - 1)) != 0 }
                bestAll = min(bestAll, slack(set))
                if set.contains(1) { bestWithOne = min(bestWithOne, slack(set)) }
            }
            var separation = FractionalCapacitySeparation(weight: weight, demands: demands, vehicleCapacity: capacity)
            let global = separation.minimumCutSet(forcing: nil)
            if !global.isEmpty { XCTAssertEqual(slack(global), bestAll, accuracy: 1e-9) } else { XCTAssertGreaterThanOrEqual(bestAll, -1e-9) }
            let forced = separation.minimumCutSet(forcing: 1)
            XCTAssertTrue(forced.contains(1))
            XCTAssertEqual(slack(forced), bestWithOne, accuracy: 1e-9)
        }
    }
}
