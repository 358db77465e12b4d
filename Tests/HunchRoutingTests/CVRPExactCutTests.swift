import HunchCore
import HunchExact
@testable import HunchRouting
import XCTest

/// The exact solver's added cut families and fixings never cut off a known optimal solution,
/// and the exact results do not change with them.
final class CVRPExactCutTests: XCTestCase {
    /// The bundled instances with their optimal routes as edge values of the two-index model.
    private func optimalPoints() throws -> [(name: String, instance: CVRPInstance, values: [Double], column: [Int])] {
        try Bundled.names.map { name in
            let instance = try CVRPReader.read(path: Bundled.path(name))
            let (solution, _) = try CVRPSolutionFile.read(path: Bundled.path(name, "sol"), instance: instance)
            XCTAssertEqual(instance.cost(solution.routes), Bundled.optima[name]!, name)
            let (_, edges, column) = try CVRPExactSolver.twoIndexModel(instance, kind: .integer)
            var values = [Double](repeating: 0, count: edges.count)
            let n = instance.dimension
            for route in solution.routes {
                let path = [0] + route + [0]
                for k in 1..<path.count { values[column[path[k - 1] * n + path[k]]] += 1 }
            }
            return (name, instance, values, column)
        }
    }

    /// Every row of the root's cutting planes with exact capacity separation and multistars
    /// holds at the optimum.
    func testRootCutsHoldAtTheOptimum() throws {
        for (name, instance, optimum, _) in try optimalPoints() {
            let root = try XCTUnwrap(CVRPRootBound.rootCuts(instance, timeLimit: 20, multistars: true, exactCapacity: true), name)
            XCTAssertFalse(root.cuts.isEmpty, name)
            XCTAssertLessThanOrEqual(root.bound, Bundled.optima[name]!, name)
            for cut in root.cuts { XCTAssertGreaterThanOrEqual(cut.activity(optimum), cut.bounds.lower - 1e-9, name) }
        }
    }

    /// Multistar rows for random nuclei (not only violated ones) hold at the optimum, and the
    /// slack computed on the matrix agrees with the row.
    func testMultistarsHoldAtTheOptimum() throws {
        var rng = SeededGenerator(seed: 5)
        for (name, instance, optimum, column) in try optimalPoints() {
            let n = instance.dimension
            let separation = MultistarSeparation(demands: instance.demands, capacity: instance.capacity, minimumViolation: 0.01)
            var weight = [Double](repeating: 0, count: n * n)
            for a in 0..<n { for b in 0..<n where a != b { weight[a * n + b] = optimum[column[a * n + b]] } }
            for _ in 0..<300 {
                let size = 1 + rng.below(n - 1)
                let nucleus = Array(Array(1..<n).shuffled(using: &rng).prefix(size)).sorted()
                let row = separation.row(nucleus: nucleus, column: column)
                XCTAssertGreaterThanOrEqual(row.activity(optimum), row.bounds.lower - 1e-9, "\(name) \(nucleus)")
                XCTAssertEqual(separation.slack(nucleus: nucleus, weight: weight) * Double(instance.capacity),
                               row.activity(optimum) - row.bounds.lower, accuracy: 1e-6)
            }
            XCTAssertEqual(separation.violatedNuclei(weight: weight), [], name)
        }
    }

    /// The exact separation finds, in every demand band, a set as violated as brute force does.
    func testExactCapacitySeparationMatchesBruteForce() {
        var rng = SeededGenerator(seed: 12)
        let n = 9, capacity = 30
        for _ in 0..<15 {
            let (demands, weight) = CVRPCapacitySeparationTests.randomPoint(n: n, rng: &rng)
            func crossing(_ set: [Int]) -> Double {
                var inside = [Bool](repeating: false, count: n)
                for v in set { inside[v] = true }
                var total = 0.0
                for v in set { for w in 0..<n where !inside[w] { total += weight[v * n + w] } }
                return total
            }
            func need(_ set: [Int]) -> Double {
                Double(2 * ((set.reduce(0) { $0 + demands[$1] } + capacity - 1) / capacity))
            }
            var worst = Double.infinity
            for mask in 1..<(1 << (n - 1)) {
                let set = (1..<n).filter { mask & (1 << ($0 - 1)) != 0 }
                worst = min(worst, crossing(set) - need(set))
            }
            let exact = ExactCapacitySeparation(demands: demands, capacity: capacity, minimumViolation: 1e-6)
            let sets = exact.violatedSets(weight: weight, timeLimit: 10) ?? []
            let found = sets.map { crossing($0) - need($0) }.min() ?? 0
            XCTAssertEqual(min(found, 0), min(worst, 0), accuracy: 1e-6)
            for set in sets { XCTAssertLessThan(crossing(set), need(set)) }
        }
    }

    /// Against an incumbent worse than the optimum, the fixed bounds keep the optimum; against
    /// the optimum itself, they keep it as the starting solution.
    func testReducedCostFixingKeepsTheOptimum() throws {
        for (name, instance, optimum, _) in try optimalPoints() {
            let root = try XCTUnwrap(CVRPRootBound.rootCuts(instance, timeLimit: 20, exactCapacity: true), name)
            let (model, _, _) = try CVRPExactSolver.twoIndexModel(instance, kind: .integer)
            let lower = model.columns.map(\.lower), upper = model.columns.map(\.upper)
            let best = Bundled.optima[name]!
            for incumbentCost in [best, best + 1, best + 10] {
                let changes = ReducedCostFixing.changes(objective: root.objective, reducedCosts: root.reducedCosts,
                                                        lower: lower, upper: upper, incumbentCost: incumbentCost,
                                                        incumbent: optimum)
                for change in changes {
                    XCTAssertLessThanOrEqual(change.lower, optimum[change.column], name)
                    XCTAssertGreaterThanOrEqual(change.upper, optimum[change.column], name)
                    XCTAssertGreaterThanOrEqual(change.lower, lower[change.column])
                    XCTAssertLessThanOrEqual(change.upper, upper[change.column])
                }
                // Without the optimum as incumbent, the bounds must still admit it.
                let blind = ReducedCostFixing.changes(objective: root.objective, reducedCosts: root.reducedCosts,
                                                      lower: lower, upper: upper, incumbentCost: incumbentCost + 1,
                                                      incumbent: lower)
                for change in blind {
                    XCTAssertLessThanOrEqual(change.lower, optimum[change.column], name)
                    XCTAssertGreaterThanOrEqual(change.upper, optimum[change.column], name)
                }
            }
        }
    }

    /// Every cutset-branching set is crossed an even number of times by the optimum, at least
    /// 2⌈q(S)/Q⌉, so its column's value is integral there.
    func testCutsetSetsAreCrossedEvenly() throws {
        for (name, instance, optimum, column) in try optimalPoints() {
            let n = instance.dimension
            let root = try XCTUnwrap(CVRPRootBound.rootCuts(instance, timeLimit: 20), name)
            var weight = [Double](repeating: 0, count: n * n)
            for a in 0..<n { for b in 0..<n where a != b { weight[a * n + b] = root.values[column[a * n + b]] } }
            for set in CutsetBranching.sets(weight: weight, n: n, limit: 30) {
                var inside = [Bool](repeating: false, count: n)
                for v in set { inside[v] = true }
                var crossing = 0.0, demand = 0
                for v in set {
                    demand += instance.demands[v]
                    for w in 0..<n where !inside[w] { crossing += optimum[column[v * n + w]] }
                }
                XCTAssertEqual(crossing.truncatingRemainder(dividingBy: 2), 0, name)
                XCTAssertGreaterThanOrEqual(Int(crossing), 2 * ((demand + instance.capacity - 1) / instance.capacity), name)
            }
        }
    }

    /// With every family and option on, the bundled optima are still proved.
    func testProvesSmallOptimaWithEveryFamily() throws {
        let options = CVRPExactOptions(reducedCostFixing: true, exactCapacitySeparation: true, exactCapacityInTree: true, multistars: true, multistarsInTree: true,
                                       cutsetBranchingSets: 30)
        for name in Bundled.names {
            let instance = try CVRPReader.read(path: Bundled.path(name))
            var rng = SeededGenerator(seed: 1)
            let start = CVRPPrior.sweep.construct(instance, rng: &rng)
            let result = try CVRPExactSolver.solve(instance, incumbent: start, timeLimit: 60, options: options)
            XCTAssertEqual(result.status, .optimal, name)
            XCTAssertEqual(result.bound, Bundled.optima[name]!, name)
            XCTAssertEqual(result.solution.map { instance.cost($0.routes) }, Bundled.optima[name]!, name)
        }
    }
}
