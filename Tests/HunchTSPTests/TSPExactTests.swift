@testable import HunchTSP
import HunchExact
import XCTest

final class TSPExactTests: XCTestCase {
    private func assertValidTour(_ tour: [Int], _ n: Int, _ message: String = "", file: StaticString = #filePath,
                                 line: UInt = #line) {
        XCTAssertEqual(tour.count, n, message, file: file, line: line)
        XCTAssertEqual(Set(tour), Set(0..<n), message, file: file, line: line)
    }

    /// GLPK proves the published optimum of each embedded TSPLIB instance.
    func testProvesPublishedOptimaOfTSPLIBFixtures() throws {
        for fixture in EmbeddedInstances.all {
            let instance = fixture.instance
            let result = try TSPExactSolver.solve(instance, timeLimit: 60)
            XCTAssertEqual(result.status, .optimal, instance.name)
            XCTAssertEqual(result.objective, fixture.optimum, instance.name)
            XCTAssertEqual(result.bound, fixture.optimum, instance.name)
            assertValidTour(result.tour, instance.dimension, instance.name)
            XCTAssertEqual(instance.tourLength(result.tour), result.objective, instance.name)
            XCTAssertEqual(result.optimalTour, result.tour)
            XCTAssertLessThanOrEqual(result.statistics.heldKarpBound, fixture.optimum, instance.name)
        }
    }

    /// Exact against brute force on random Euclidean and random-matrix instances, including
    /// very small ones.
    func testMatchesBruteForceOnRandomInstances() throws {
        for seed in 1...6 as ClosedRange<UInt64> {
            for n in [1, 2, 3, 4, 5, 7, 9] {
                for instance in [RandomInstances.euclidean(n, seed: seed), RandomInstances.matrix(n, seed: seed)] {
                    let result = try TSPExactSolver.solve(instance, timeLimit: 10)
                    XCTAssertEqual(result.status, .optimal, instance.name)
                    XCTAssertEqual(result.objective, RandomInstances.bruteForceOptimum(instance), instance.name)
                    assertValidTour(result.tour, n, instance.name)
                    XCTAssertEqual(instance.tourLength(result.tour), result.objective, instance.name)
                }
            }
        }
    }

    /// A weak start (the identity permutation) still ends at the optimum.
    func testUsesAndImprovesAGivenTour() throws {
        let fixture = EmbeddedInstances.att48
        let identity = Array(0..<fixture.instance.dimension)
        let result = try TSPExactSolver.solve(fixture.instance, timeLimit: 60, incumbentTour: identity)
        XCTAssertEqual(result.status, .optimal)
        XCTAssertEqual(result.objective, fixture.optimum)
    }

    func testRejectsBadInput() {
        let instance = EmbeddedInstances.burma14.instance
        XCTAssertThrowsError(try TSPExactSolver.solve(instance, incumbentTour: [0, 1, 2]))
        XCTAssertThrowsError(try TSPExactSolver.solve(instance, incumbentTour: Array(repeating: 0, count: 14)))
        XCTAssertThrowsError(try TSPExactSolver.solve(instance, incumbentTour: Array(1...14)))
        XCTAssertThrowsError(try TSPExactSolver.solve(instance, timeLimit: -1))
        XCTAssertThrowsError(try TSPExactSolver.solve(instance, timeLimit: .nan))
    }

    /// With no time the answer is immediate, the tour valid and the bound below it.
    func testZeroTimeLimitGivesValidTourAndBound() throws {
        let fixture = EmbeddedInstances.eil51
        let result = try TSPExactSolver.solve(fixture.instance, timeLimit: 0)
        XCTAssertLessThan(result.time, 1)
        assertValidTour(result.tour, fixture.instance.dimension)
        XCTAssertEqual(fixture.instance.tourLength(result.tour), result.objective)
        XCTAssertLessThanOrEqual(result.bound, fixture.optimum)
        XCTAssertGreaterThanOrEqual(result.objective, fixture.optimum)
        if result.status != .optimal { XCTAssertEqual(result.status, .feasible) }
    }
}

/// The separation routines on hand-made LP points.
final class TSPCutGeneratorTests: XCTestCase {
    /// All edges of the complete graph on `n` nodes, a < b.
    private func completeEdges(_ n: Int) -> [(Int, Int)] {
        (0..<n).flatMap { a in ((a + 1)..<n).map { (a, $0) } }
    }

    private func point(_ n: Int, _ edges: [(Int, Int)], _ values: [((Int, Int), Double)], integral: Bool) -> MIPPoint {
        var x = [Double](repeating: 0, count: edges.count)
        for ((a, b), v) in values {
            x[edges.firstIndex { $0 == (min(a, b), max(a, b)) }!] = v
        }
        return MIPPoint(values: x, isIntegral: integral, objective: 0)
    }

    func testTwoSubtoursGiveViolatedRowsAndATourNone() {
        let edges = completeEdges(6)
        let generator = TSPCutGenerator(edges: edges, nodeCount: 6)
        let subtours = point(6, edges, [((0, 1), 1), ((1, 2), 1), ((0, 2), 1), ((3, 4), 1), ((4, 5), 1), ((3, 5), 1)],
                             integral: true)
        let rows = generator.constraints(at: subtours)
        XCTAssertEqual(rows.count, 2)
        for row in rows { XCTAssertGreaterThan(row.violation(subtours.values), 0.5) }
        let tour = point(6, edges, [((0, 1), 1), ((1, 2), 1), ((2, 3), 1), ((3, 4), 1), ((4, 5), 1), ((0, 5), 1)],
                         integral: true)
        XCTAssertTrue(generator.constraints(at: tour).isEmpty)
    }

    /// The classic point that satisfies degree and subtour rows but no blossom: two triangles at
    /// 1/2 joined by three edges at 1.
    func testBlossomCutsTheTwoTrianglesPoint() {
        let edges = completeEdges(6)
        let generator = TSPCutGenerator(edges: edges, nodeCount: 6)
        let half = 0.5
        let fractional = point(6, edges, [((0, 1), half), ((1, 2), half), ((0, 2), half),
                                          ((3, 4), half), ((4, 5), half), ((3, 5), half),
                                          ((0, 3), 1), ((1, 4), 1), ((2, 5), 1)], integral: false)
        let rows = generator.constraints(at: fractional)
        XCTAssertFalse(rows.isEmpty)
        XCTAssertTrue(rows.contains { $0.violation(fractional.values) >= 0.5 - 1e-9 })
    }

    /// A connected fractional point with a light cut: a min-cut row, found by Stoer–Wagner.
    func testMinimumCutFindsAConnectedSubtour() {
        let edges = completeEdges(6)
        let generator = TSPCutGenerator(edges: edges, nodeCount: 6)
        // Two triangles at 1 each, joined weakly: cut {0,1,2} has x(δ) = 0.2.
        let weak = point(6, edges, [((0, 1), 1), ((1, 2), 0.9), ((0, 2), 0.9),
                                    ((3, 4), 1), ((4, 5), 0.9), ((3, 5), 0.9), ((2, 5), 0.2)], integral: false)
        let rows = generator.constraints(at: weak)
        XCTAssertTrue(rows.contains { $0.violation(weak.values) > 0.5 })
    }

    func testStoerWagnerFindsTheMinimumCut() {
        // Two 3-cliques of weight 3 joined by edges of weight 1 and 0.5: minimum cut 1.5.
        let n = 6
        var w = [Double](repeating: 0, count: n * n)
        func link(_ a: Int, _ b: Int, _ v: Double) { w[a * n + b] = v; w[b * n + a] = v }
        for (a, b) in [(0, 1), (1, 2), (0, 2), (3, 4), (4, 5), (3, 5)] { link(a, b, 3) }
        link(2, 3, 1)
        link(0, 5, 0.5)
        let result = StoerWagnerMinCut.cuts(weights: w, n: n, lighterThan: 2)
        let minimum = try? XCTUnwrap(result.minimum)
        XCTAssertEqual(minimum?.weight ?? -1, 1.5, accuracy: 1e-12)
        XCTAssertTrue(Set(minimum?.nodes ?? []) == [0, 1, 2] || Set(minimum?.nodes ?? []) == [3, 4, 5])
        XCTAssertFalse(result.light.isEmpty)
    }
}
