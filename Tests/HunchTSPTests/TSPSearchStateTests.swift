import XCTest
import HunchCore
@testable import HunchTSP

/// Every operator keeps the tour a permutation, keeps the length equal to a full recomputation,
/// and a rolled-back trial restores the tour exactly.
final class TSPSearchStateTests: XCTestCase {
    static func randomInstance(n: Int, seed: UInt64, type: TSPEdgeWeightType = .euc2D) -> TSPInstance {
        var rng = SeededGenerator(seed: seed)
        let xs = (0..<n).map { _ in Double(rng.below(1000)) }
        let ys = (0..<n).map { _ in Double(rng.below(1000)) }
        return TSPInstance(name: "random\(n)", edgeWeightType: type, x: xs, y: ys)
    }

    /// Whether two tours are the same cycle (same undirected edges), whatever their start and
    /// direction: a two-level list's rollback restores the cycle, not its orientation.
    static func sameCycle(_ a: [Int], _ b: [Int]) -> Bool {
        func edges(_ t: [Int]) -> Set<[Int]> {
            Set((0..<t.count).map { p in [t[p], t[(p + 1) % t.count]].sorted() })
        }
        return a.count == b.count && edges(a) == edges(b)
    }

    /// The tour as it was: exactly for the array, the same cycle for the two-level list.
    static func assertRestored(_ state: TSPSearchState, to tour: [Int], file: StaticString = #filePath, line: UInt = #line) {
        if state.list == nil {
            XCTAssertEqual(state.currentTour, tour, file: file, line: line)
        } else {
            XCTAssertTrue(sameCycle(state.currentTour, tour), "not the same cycle", file: file, line: line)
        }
    }

    static func assertConsistent(_ state: TSPSearchState, file: StaticString = #filePath, line: UInt = #line) {
        let tour = state.currentTour
        XCTAssertEqual(Set(tour).count, state.instance.dimension, "not a permutation", file: file, line: line)
        XCTAssertEqual(state.length, state.instance.tourLength(tour), "length drifted from recomputation", file: file, line: line)
        if state.list == nil {
            for (p, v) in tour.enumerated() { XCTAssertEqual(Int(state.position[v]), p, file: file, line: line) }
        }
        for (p, v) in tour.enumerated() {
            XCTAssertEqual(state.succ(v), tour[(p + 1) % tour.count], file: file, line: line)
            XCTAssertEqual(state.pred(v), tour[(p + tour.count - 1) % tour.count], file: file, line: line)
        }
    }

    func assertConsistent(_ state: TSPSearchState, file: StaticString = #filePath, line: UInt = #line) {
        Self.assertConsistent(state, file: file, line: line)
    }

    func testDescentKeepsLengthExact() {
        for n in [5, 8, 9, 20, 200] {
          for linked in [false, true] {
            let instance = Self.randomInstance(n: n, seed: UInt64(n))
            let candidates = CandidateLists(instance: instance, k: 8)
            var rng = SeededGenerator(seed: 7)
            let start = TSPPrior.random.construct(instance, candidates: candidates, rng: &rng)
            let state = TSPSearchState(instance: instance, candidates: candidates, tour: start, linkedList: linked)
            let before = state.length
            _ = state.descend(stop: StopCondition(maxSteps: 1))
            assertConsistent(state)
            XCTAssertLessThanOrEqual(state.length, before)
          }
        }
    }

    func testEveryOperatorKeepsStateValidAndRollbackRestores() {
        for (type, linked) in [(TSPEdgeWeightType.euc2D, false), (.att, false), (.man2D, false), (.euc2D, true), (.att, true)] {
            let instance = Self.randomInstance(n: 150, seed: 3, type: type)
            let candidates = CandidateLists(instance: instance, k: 10)
            var rng = SeededGenerator(seed: 11)
            let state = TSPSearchState(instance: instance, candidates: candidates,
                                       tour: TSPPrior.greedy.construct(instance, candidates: candidates, rng: &rng),
                                       linkedList: linked)
            _ = state.descend(stop: StopCondition(maxSteps: 1))
            for round in 0..<400 {
                let action = round % state.operatorNames.count
                let tourBefore = state.currentTour, lengthBefore = state.length
                state.beginTrial()
                _ = state.apply(action: action, rng: &rng, stop: StopCondition(maxSteps: 1))
                assertConsistent(state)
                if round % 3 == 0 {
                    state.rollbackTrial()
                    Self.assertRestored(state, to: tourBefore)
                    XCTAssertEqual(state.length, lengthBefore)
                } else {
                    state.commitTrial()
                }
            }
        }
    }

    /// A 2-opt + Or-opt local optimum is rarely Lin–Kernighan optimal: the chains must find
    /// shorter tours, keep the length exact, and leave nothing in the trial log outside a trial.
    func testLinKernighanShortensATwoOptLocalOptimum() {
        for seed in [1, 2, 3] as [UInt64] {
            let instance = Self.randomInstance(n: 400, seed: seed)
            let candidates = CandidateLists(instance: instance, k: 10)
            var rng = SeededGenerator(seed: seed)
            let state = TSPSearchState(instance: instance, candidates: candidates,
                                       tour: TSPPrior.random.construct(instance, candidates: candidates, rng: &rng),
                                       linkedList: seed == 3)
            state.descent = .classic  // the classic descent: the deeper moves would leave LK little
            _ = state.descend(stop: StopCondition(maxSteps: 1))
            let localOptimum = state.length
            var improved = 0
            for v in 0..<instance.dimension where state.linKernighan(from: v) { improved += 1 }
            assertConsistent(state)
            XCTAssertGreaterThan(improved, 0)
            XCTAssertLessThan(state.length, localOptimum)
            XCTAssertTrue(state.log.isEmpty, "chains outside a trial must not leave log entries")
        }
    }

    func testSameSeedAndStepsGiveSameTour() {
        let instance = Self.randomInstance(n: 120, seed: 5)
        func run() -> [Int] {
            var options = TSPSolveOptions()
            options.seed = 42
            var policy = RoulettePolicy()
            return TSPSolver.solve(instance, options: options, policy: &policy, stop: StopCondition(maxSteps: 500)).tour
        }
        XCTAssertEqual(run(), run())
    }

    func testWarmStartNeverWorse() {
        let instance = Self.randomInstance(n: 100, seed: 9)
        let candidates = CandidateLists(instance: instance, k: 10)
        var rng = SeededGenerator(seed: 1)
        var options = TSPSolveOptions()
        options.initialTour = TSPPrior.farthestInsertion.construct(instance, candidates: candidates, rng: &rng)
        options.acceptance = .threshold(0.05)
        var policy = UniformPolicy()
        let outcome = TSPSolver.solve(instance, options: options, policy: &policy, stop: StopCondition(maxSteps: 200))
        XCTAssertLessThanOrEqual(outcome.length, instance.tourLength(options.initialTour!))
        XCTAssertEqual(outcome.length, instance.tourLength(outcome.tour))
    }
}
