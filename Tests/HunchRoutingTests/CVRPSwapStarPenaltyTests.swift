import Foundation
import HunchCore
@testable import HunchRouting
import HunchTestSupport
import XCTest

/// SWAP* and the adaptive capacity penalties of the CVRP local search.
final class CVRPSwapStarPenaltyTests: XCTestCase {
    /// A random Euclidean instance; `tightness` is total demand over the fleet's capacity.
    static func randomInstance(customers: Int, capacity: Int, seed: UInt64, maximumDuration: Int? = nil) -> CVRPInstance {
        var rng = SeededGenerator(seed: seed)
        let n = customers + 1
        var x = [500.0], y = [500.0], demands = [0]
        for _ in 0..<customers {
            x.append(Double(rng.below(1000)))
            y.append(Double(rng.below(1000)))
            demands.append(1 + rng.below(capacity / 3))
        }
        var matrix = [Int32](repeating: 0, count: n * n)
        for i in 0..<n { for j in 0..<n {
            matrix[i * n + j] = Int32((((x[i] - x[j]) * (x[i] - x[j]) + (y[i] - y[j]) * (y[i] - y[j])).squareRoot()).rounded())
        } }
        return CVRPInstance(name: "random-\(seed)", capacity: capacity, demands: demands, matrix: matrix, x: x, y: y,
                            maximumDuration: maximumDuration)
    }

    /// The price of the current state's loads, fixed point.
    func charges(_ state: CVRPSearchState) -> Int {
        state.load.reduce(0) { $0 + state.charge($1) }
    }

    /// The cost SWAP* predicts for the move it applies is the real change of distance and
    /// price, it never worsens, and it matches a brute force over every exchange and position.
    func testSwapStarGainIsTheRealChange() throws {
        var applied = 0, matchedBrute = 0
        for seed in UInt64(1)...12 {
            let instance = Self.randomInstance(customers: 40 + Int(seed) * 5, capacity: 100, seed: seed)
            var rng = SeededGenerator(seed: seed)
            let state = CVRPSearchState(instance: instance, solution: CVRPPrior.random.construct(instance, rng: &rng))
            if seed % 2 == 0 { state.penaltyUnit = state.unit(for: 0.5) }
            let used = state.routes.indices.filter { !state.routes[$0].isEmpty }
            for a in used { for b in used where a < b {
                guard !state.routes[a].isEmpty, !state.routes[b].isEmpty, state.sectorsOverlap(a, b) else { continue }
                let brute = bruteForceSwapStar(state, a, b)
                let before = state.total * CVRPSearchState.costScale + charges(state)
                state.beginTrial()
                if state.swapStarPair(a, b) {
                    applied += 1
                    let afterCost = state.total * CVRPSearchState.costScale + charges(state)
                    XCTAssertEqual(afterCost - before, state.lastSwapStarCost, "seed \(seed) routes \(a) \(b)")
                    XCTAssertLessThan(state.lastSwapStarCost, 0)
                    XCTAssertGreaterThanOrEqual(state.lastSwapStarCost, brute)
                    if state.lastSwapStarCost == brute { matchedBrute += 1 }
                    XCTAssertEqual(state.total, instance.cost(state.routes.filter { !$0.isEmpty }))
                } else {
                    XCTAssertGreaterThanOrEqual(brute, 0, "seed \(seed): SWAP* missed an improving exchange")
                }
                state.commitTrial()
            } }
        }
        XCTAssertGreaterThan(applied, 20)
        // Pruning on removal gains may miss an exchange only where insertion costs are negative.
        XCTAssertGreaterThanOrEqual(Double(matchedBrute), 0.9 * Double(applied))
    }

    /// The best SWAP* cost between two routes by brute force (0 if none improves).
    func bruteForceSwapStar(_ state: CVRPSearchState, _ a: Int, _ b: Int) -> Int {
        let instance = state.instance
        let ra = state.routes[a], rb = state.routes[b]
        let base = instance.routeLength(ra) + instance.routeLength(rb)
        let baseCharge = state.charge(state.load[a]) + state.charge(state.load[b])
        var best = 0
        for (i, u) in ra.enumerated() { for (j, v) in rb.enumerated() {
            var restA = ra; restA.remove(at: i)
            var restB = rb; restB.remove(at: j)
            let la = state.load[a] - instance.demands[u] + instance.demands[v]
            let lb = state.load[b] - instance.demands[v] + instance.demands[u]
            let charge = state.charge(la) + state.charge(lb) - baseCharge
            var bestA = Int.max, bestB = Int.max
            for p in 0...restA.count { var r = restA; r.insert(v, at: p); bestA = min(bestA, instance.routeLength(r)) }
            for p in 0...restB.count { var r = restB; r.insert(u, at: p); bestB = min(bestB, instance.routeLength(r)) }
            best = min(best, (bestA + bestB - base) * CVRPSearchState.costScale + charge)
        } }
        return best
    }

    /// On tight instances (total demand close to the fleet's capacity, and a DISTANCE limit),
    /// every state after `apply` is feasible and the engine's answer validates.
    func testAnswerIsAlwaysFeasibleOnTightInstances() throws {
        for seed in UInt64(1)...4 {
            let instance = Self.randomInstance(customers: 60, capacity: 60, seed: 100 + seed,
                                               maximumDuration: seed % 2 == 0 ? 2600 : nil)
            var rng = SeededGenerator(seed: seed)
            let start = CVRPPrior.savings.construct(instance, rng: &rng)
            XCTAssertNoThrow(try CVRPValidation.check(start, instance: instance))
            let state = CVRPSearchState(instance: instance, solution: start)
            _ = state.descend(stop: StopCondition())
            XCTAssertTrue(state.isFeasible)
            for step in 0..<300 {
                state.beginTrial()
                _ = state.apply(action: step % CVRPSearchState.operators.count, rng: &rng, stop: StopCondition())
                XCTAssertTrue(state.isFeasible, "seed \(seed) step \(step)")
                XCTAssertEqual(state.objective, Double(state.total))
                XCTAssertNoThrow(try CVRPValidation.check(state.solution, instance: instance))
                state.commitTrial()
            }
            // Through the engine, with threshold acceptance.
            let fresh = CVRPSearchState(instance: instance, solution: start)
            var policy = UniformPolicy()
            var engineRng = SeededGenerator(seed: seed)
            _ = LocalSearch(acceptance: .threshold(0.02)).run(state: fresh, policy: &policy, stop: StopCondition(maxSteps: 500), rng: &engineRng)
            XCTAssertNoThrow(try CVRPValidation.check(fresh.solution, instance: instance))
            XCTAssertLessThanOrEqual(instance.cost(fresh.solution.routes), instance.cost(start.routes))
        }
    }

    /// The same seed gives the same answer, with and without the new neighbourhoods.
    func testDeterministic() throws {
        let instance = try CVRPReader.read(path: Bundled.path("A-n32-k5"))
        for options in [CVRPSearchOptions(), CVRPSearchOptions(penalties: false, swapStar: false),
                        CVRPSearchOptions(penalties: true, swapStar: false)] {
            var results: [CVRPSolution] = []
            for _ in 0..<2 {
                var rng = SeededGenerator(seed: 7)
                let state = CVRPSearchState(instance: instance, solution: CVRPPrior.sweep.construct(instance, rng: &rng), options: options)
                var policy = UniformPolicy()
                _ = LocalSearch(acceptance: .threshold(0.01)).run(state: state, policy: &policy, stop: StopCondition(maxSteps: 400), rng: &rng)
                XCTAssertNoThrow(try CVRPValidation.check(state.solution, instance: instance))
                results.append(state.solution)
            }
            XCTAssertEqual(results[0], results[1])
        }
    }

    /// The price rises when too few descents end feasible and falls when too many do.
    func testPenaltyAdapts() throws {
        let instance = Self.randomInstance(customers: 50, capacity: 50, seed: 3)
        var rng = SeededGenerator(seed: 3)
        let state = CVRPSearchState(instance: instance, solution: CVRPPrior.savings.construct(instance, rng: &rng))
        let start = state.penalty
        for _ in 0..<CVRPSearchState.penaltyPeriod { state.finishTrialDescent(stop: StopCondition()) }
        XCTAssertLessThan(state.penalty, start)   // every descent ended feasible
        XCTAssertGreaterThanOrEqual(state.penalty, CVRPSearchState.penaltyBounds.low)
    }
}
