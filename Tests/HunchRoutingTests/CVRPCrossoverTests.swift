import HunchCore
@testable import HunchRouting
import HunchTestSupport
import XCTest

/// The elite pool and the selective route exchange of the CVRP search.
final class CVRPCrossoverTests: XCTestCase {
    static func neighbours(_ routes: [[Int]], n: Int) -> [Int32] {
        var result = [Int32](repeating: 0, count: 2 * n)
        for route in routes {
            var previous = 0
            for c in route {
                result[2 * c] = Int32(previous)
                if previous > 0 { result[2 * previous + 1] = Int32(c) }
                previous = c
            }
        }
        return result
    }

    func testPoolKeepsDifferentGoodSolutions() {
        let n = 9
        var pool = CVRPElitePool(capacity: 2, closeness: 0.2)
        let a = [[1, 2, 3, 4], [5, 6, 7, 8]]
        let reversed = [[4, 3, 2, 1], [8, 7, 6, 5]]
        let b = [[1, 5, 2, 6], [3, 7, 4, 8]]
        let c = [[1, 8, 3, 6], [5, 2, 7, 4]]
        XCTAssertEqual(CVRPElitePool.brokenPairs(Self.neighbours(a, n: n), Self.neighbours(reversed, n: n)), 0)
        XCTAssertEqual(CVRPElitePool.brokenPairs(Self.neighbours(a, n: n), Self.neighbours(b, n: n)), 8)
        pool.offer(cost: 100, routes: a, neighbours: Self.neighbours(a, n: n)) { Double($0) }
        pool.offer(cost: 90, routes: reversed, neighbours: Self.neighbours(reversed, n: n)) { Double($0) }
        XCTAssertEqual(pool.elites.map(\.cost), [90], "the same solution, better, replaces the elite")
        pool.offer(cost: 120, routes: b, neighbours: Self.neighbours(b, n: n)) { Double($0) }
        XCTAssertEqual(pool.elites.map(\.cost).sorted(), [90, 120])
        XCTAssertFalse(pool.mayAdmit(cost: 130))
        pool.offer(cost: 110, routes: c, neighbours: Self.neighbours(c, n: n)) { Double($0) }
        XCTAssertEqual(pool.elites.map(\.cost).sorted(), [90, 110], "the worst leaves for a better, different one")
    }

    /// After the exchange the elite's copied routes are there verbatim; after the reinsertion
    /// (before any descent) every customer is served once, the bookkeeping matches, and a rollback
    /// restores the solution exactly.
    func testRouteExchangeCopiesEliteRoutesAndRollsBack() throws {
        let instance = try CVRPReader.read(path: Bundled.path("A-n32-k5"))
        let n = instance.dimension
        for seed in UInt64(1)...20 {
            var rng = SeededGenerator(seed: seed)
            let state = CVRPSearchState(instance: instance, solution: CVRPPrior.sweep.construct(instance, rng: &rng))
            let elite = CVRPPrior.savings.construct(instance, rng: &rng)
            state.elitePool.offer(cost: instance.cost(elite.routes), routes: elite.routes,
                                  neighbours: Self.neighbours(elite.routes, n: n)) { Double($0) }
            let before = state.solution
            state.beginTrial()
            state.removed.removeAll()
            XCTAssertTrue(state.exchangeRoutes(rng: &rng))
            XCTAssertTrue(elite.routes.contains { route in state.solution.routes.contains(route) })
            state.reinsert(rng: &rng)
            let after = state.solution
            XCTAssertEqual(after.routes.flatMap { $0 }.sorted(), Array(1..<n))
            XCTAssertEqual(state.total, instance.cost(after.routes))
            state.rollbackTrial()
            XCTAssertEqual(state.solution, before)
        }
    }

    /// With the crossover on, steps that alternate ruins and exchanges keep every answer
    /// feasible and the bookkeeping exact, and the pool fills from the accepted steps.
    func testCrossoverStepsStayFeasible() throws {
        let instance = try CVRPReader.read(path: Bundled.path("A-n32-k5"))
        var rng = SeededGenerator(seed: 4)
        let state = CVRPSearchState(instance: instance, solution: CVRPPrior.savings.construct(instance, rng: &rng),
                                    options: CVRPSearchOptions(crossover: true))
        _ = state.descend(stop: StopCondition())
        for step in 0..<300 {
            state.beginTrial()
            _ = state.apply(action: step % 2 == 0 ? 0 : 4, rng: &rng, stop: StopCondition())
            XCTAssertNoThrow(try CVRPValidation.check(state.solution, instance: instance))
            XCTAssertEqual(state.total, instance.cost(state.solution.routes))
            state.commitTrial()
        }
        XCTAssertGreaterThan(state.elitePool.count, 1)
        for elite in state.elitePool.elites {
            XCTAssertNoThrow(try CVRPValidation.check(CVRPSolution(routes: elite.routes), instance: instance))
            XCTAssertEqual(elite.cost, instance.cost(elite.routes))
        }
    }
}
