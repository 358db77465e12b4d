import HunchCore
@testable import HunchTSP
import XCTest

final class HeldKarpBoundTests: XCTestCase {
    /// Never above the optimum (it is a bound), and close to it on TSPLIB instances.
    func testBoundIsValidAndCloseOnTSPLIBFixtures() {
        for fixture in EmbeddedInstances.all {
            let hk = HeldKarpBound.compute(fixture.instance, timeLimit: 10)
            let name = fixture.instance.name
            XCTAssertLessThanOrEqual(hk.bound, fixture.optimum, name)
            XCTAssertLessThanOrEqual(hk.value, Double(fixture.optimum) + 1e-6 * Double(fixture.optimum), name)
            XCTAssertGreaterThanOrEqual(Double(hk.bound), 0.97 * Double(fixture.optimum), name)
            XCTAssertEqual(hk.penalties.count, fixture.instance.dimension, name)
            if let tour = hk.optimalTour {
                XCTAssertEqual(fixture.instance.tourLength(tour), fixture.optimum, name)
            }
        }
    }

    /// The reported value is the complete-graph 1-tree at the reported penalties, and the
    /// integer bound is its ceiling.
    func testReportedValueComesFromTheComplete1Tree() {
        let instance = EmbeddedInstances.eil51.instance
        let hk = HeldKarpBound.compute(instance)
        let tree = OneTree.complete(instance, penalties: hk.penalties)
        XCTAssertEqual(tree.lowerBound(hk.penalties), hk.value, accuracy: 1e-6)
        XCTAssertEqual(hk.bound, Int(hk.value.rounded(.up)))
        XCTAssertEqual(hk.bound, 423)  // the subtour LP value of eil51 is 422.5
    }

    /// Ctrl-C stops the ascent after its first 1-tree; what it has is still a valid bound.
    func testInterruptionStopsTheAscentWithAValidBound() {
        let fixture = EmbeddedInstances.eil51
        let interruption = Interruption()
        interruption.request()
        let hk = HeldKarpBound.compute(fixture.instance, interruption: interruption)
        XCTAssertEqual(hk.iterations, 1)
        XCTAssertLessThanOrEqual(hk.bound, fixture.optimum)
        let full = HeldKarpBound.compute(fixture.instance)
        XCTAssertGreaterThan(full.iterations, 1)
    }

    /// The sparse-graph ascent (used above `denseLimit` nodes) still reports complete 1-trees.
    func testSparseAscentIsValid() {
        for fixture in [EmbeddedInstances.att48, EmbeddedInstances.eil51, EmbeddedInstances.berlin52] {
            var ascent = HeldKarpAscent(instance: fixture.instance, timeLimit: 10, maxIterations: nil, upperBound: nil,
                                        denseLimit: 10)
            let outcome = ascent.run()
            let tree = OneTree.complete(fixture.instance, penalties: outcome.bound.penalties)
            XCTAssertEqual(tree.lowerBound(outcome.bound.penalties), outcome.bound.value, accuracy: 1e-6)
            XCTAssertLessThanOrEqual(outcome.bound.bound, fixture.optimum)
            XCTAssertGreaterThanOrEqual(Double(outcome.bound.bound), 0.97 * Double(fixture.optimum))
        }
    }

    func testStopsAtTheUpperBound() {
        let fixture = EmbeddedInstances.berlin52  // its subtour bound equals the optimum
        let hk = HeldKarpBound.compute(fixture.instance, upperBound: fixture.optimum)
        XCTAssertEqual(hk.bound, fixture.optimum)
        XCTAssertLessThan(hk.iterations, HeldKarpBound.compute(fixture.instance).iterations)
    }

    func testRespectsTheTimeAndIterationLimits() {
        let instance = RandomInstances.euclidean(600, seed: 3)  // sparse mode
        let started = ContinuousClock.now
        let hk = HeldKarpBound.compute(instance, timeLimit: 0.2)
        XCTAssertLessThan((ContinuousClock.now - started) / .seconds(1), 1.5)
        XCTAssertLessThanOrEqual(hk.bound, instance.tourLength(ExactIncumbentSearch.nearestNeighbourTour(instance)))
        XCTAssertLessThanOrEqual(HeldKarpBound.compute(instance, maxIterations: 5).iterations, 6)
        XCTAssertEqual(HeldKarpBound.compute(instance, timeLimit: 0).iterations, 1)
    }

    func testTinyInstancesAreExact() {
        for n in 1...3 {
            let instance = RandomInstances.euclidean(n, seed: 1)
            let hk = HeldKarpBound.compute(instance)
            XCTAssertEqual(hk.bound, instance.tourLength(Array(0..<n)))
            XCTAssertNotNil(hk.optimalTour)
        }
    }

    /// The edge-elimination test behind the exact solver: every tour through {i, j} costs at
    /// least value + α(i, j). Checked against all tours of small random instances.
    func testMarginalCostsBoundEveryTourThroughTheEdge() {
        for seed in 1...4 as ClosedRange<UInt64> {
            for instance in [RandomInstances.euclidean(7, seed: seed), RandomInstances.matrix(7, seed: seed)] {
                let n = instance.dimension
                var ascent = HeldKarpAscent(instance: instance, timeLimit: nil, maxIterations: 50, upperBound: nil)
                let outcome = ascent.run()
                guard let tree = outcome.tree else { return XCTFail("no tree") }
                let alpha = tree.marginalCosts(instance, penalties: outcome.bound.penalties)
                var cheapest = [Int](repeating: .max, count: n * n)
                var rest = Array(1..<n)
                func visit(_ k: Int) {
                    if k == rest.count {
                        let tour = [0] + rest
                        let length = instance.tourLength(tour)
                        for (index, a) in tour.enumerated() {
                            let b = tour[(index + 1) % n]
                            cheapest[a * n + b] = min(cheapest[a * n + b], length)
                            cheapest[b * n + a] = min(cheapest[b * n + a], length)
                        }
                        return
                    }
                    for i in k..<rest.count {
                        rest.swapAt(k, i)
                        visit(k + 1)
                        rest.swapAt(k, i)
                    }
                }
                visit(0)
                for a in 0..<n {
                    for b in 0..<n where a != b {
                        XCTAssertLessThanOrEqual(outcome.bound.value + alpha[a * n + b], Double(cheapest[a * n + b]) + 1e-6,
                                                 "\(instance.name) edge \(a)-\(b)")
                    }
                }
            }
        }
    }
}
