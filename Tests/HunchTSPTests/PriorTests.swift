import XCTest
import HunchCore
@testable import HunchTSP

/// Every prior returns a permutation; the constructive ones land in their known quality range
/// on a public instance (TSPLIB kroA100, optimum 21282).
final class PriorTests: XCTestCase {
    func testEveryPriorGivesAPermutationOnEveryKindOfInstance() throws {
        let instances = [TSPSearchStateTests.randomInstance(n: 300, seed: 1),
                         TSPSearchStateTests.randomInstance(n: 7, seed: 2),
                         try TSPLIBReader.read(path: TestData.bundledTSP + "/gr17.tsp"),      // explicit, no coordinates
                         try TSPLIBReader.read(path: TestData.bundledTSP + "/burma14.tsp")]   // GEO
        for instance in instances {
            let candidates = CandidateLists(instance: instance, k: 10)
            for prior in TSPPrior.allCases {
                var rng = SeededGenerator(seed: 3)
                let tour = prior.construct(instance, candidates: candidates, rng: &rng)
                XCTAssertNoThrow(try TourValidation.check(tour: tour, dimension: instance.dimension), "\(prior) on \(instance.name)")
            }
        }
    }

    func testConstructionQualityOnKroA100() throws {
        let instance = try TSPLIBReader.read(path: TestData.bundledTSP + "/kroA100.tsp")
        let candidates = CandidateLists(instance: instance, k: 10)
        let optimum = 21282.0
        var rng = SeededGenerator(seed: 1)
        func ratio(_ prior: TSPPrior) -> Double {
            Double(instance.tourLength(prior.construct(instance, candidates: candidates, rng: &rng))) / optimum
        }
        // Published ranges (Johnson & McGeoch 1997): greedy ~1.15–1.25, NN ~1.25, insertion ~1.1–1.2.
        XCTAssertLessThan(ratio(.greedy), 1.35)
        XCTAssertLessThan(ratio(.nearestNeighbour), 1.45)
        XCTAssertLessThan(ratio(.farthestInsertion), 1.30)
        XCTAssertLessThan(ratio(.cheapestInsertion), 1.35)
        XCTAssertLessThan(ratio(.spaceFillingCurve), 1.80)
        XCTAssertGreaterThan(ratio(.random), 3)
    }

    func testInsertionHandsOverToGreedyWhenTimeIsUp() {
        let instance = TSPSearchStateTests.randomInstance(n: 500, seed: 8)
        let candidates = CandidateLists(instance: instance, k: 10)
        let expired = StopCondition(deadline: 0, clock: ManualClock(start: 1), interruption: Interruption())
        var rng = SeededGenerator(seed: 1)
        let tour = TSPPrior.farthestInsertion.construct(instance, candidates: candidates, rng: &rng, stop: expired)
        XCTAssertEqual(tour, GreedyEdgeTour.build(instance, candidates: candidates))
    }
}

final class CandidateListsTests: XCTestCase {
    /// The grid search (used above the matrix limit) finds exactly the nearest neighbours.
    func testGridAgreesWithExhaustiveSearch() {
        var rng = SeededGenerator(seed: 12)
        let n = TSPInstance.matrixLimit + 200
        let xs = (0..<n).map { _ in Double(rng.below(100_000)) }
        let ys = (0..<n).map { _ in Double(rng.below(100_000)) }
        let instance = TSPInstance(name: "grid", edgeWeightType: .euc2D, x: xs, y: ys)
        let lists = CandidateLists(instance: instance, k: 8)
        for i in stride(from: 0, to: n, by: 97) {
            let exact = (0..<n).filter { $0 != i }.map { instance.distance(i, $0) }.sorted().prefix(8)
            let found = (0..<8).map { Int(lists.distances[i * 8 + $0]) }
            XCTAssertEqual(found, Array(exact), "node \(i)")
        }
    }
}
