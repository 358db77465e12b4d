import XCTest
import HunchCore
@testable import HunchBinPacking

/// The arc-flow MIP proves published optima and behaves at the edges.
final class BinPackingExactTests: XCTestCase {
    func testProvesTheOptimumWithoutAnIncumbent() throws {
        for name in ["Falkenauer_u120_00", "Falkenauer_t60_00"] {
            let (instance, optimum) = try BundledBPP.load(name)
            let r = try BinPackingExactSolver.solve(instance, incumbent: nil, timeLimit: 30, verbose: false)
            XCTAssertEqual(r.status, .optimal, name)
            XCTAssertEqual(r.binCount, optimum, name)
            XCTAssertEqual(r.bound, optimum, name)
            XCTAssertGreaterThan(r.arcCount, 0)
            let solution = try XCTUnwrap(r.solution)
            try BinPackingValidation.check(solution, instance: instance)
            XCTAssertEqual(solution.binCount, optimum)
        }
    }

    func testProvesOptimumAboveTheBound() throws {
        // N1W1B1R0: L2 = 17 but the optimum is 18: the MIP must close the gap itself.
        let (instance, optimum) = try BundledBPP.load("N1W1B1R0")
        XCTAssertLessThan(BinPackingLowerBound.compute(instance), optimum)
        var rng = SeededGenerator(seed: 1)
        let start = BinPackingPrior.ffd.construct(instance, rng: &rng)
        let r = try BinPackingExactSolver.solve(instance, incumbent: start, timeLimit: 30, verbose: false)
        XCTAssertEqual(r.status, .optimal)
        XCTAssertEqual(r.binCount, optimum)
        try BinPackingValidation.check(try XCTUnwrap(r.solution), instance: instance)
    }

    func testZeroTimeLimit() throws {
        let (instance, _) = try BundledBPP.load("N1W1B1R0")
        let bare = try BinPackingExactSolver.solve(instance, incumbent: nil, timeLimit: 0, verbose: false)
        XCTAssertEqual(bare.status, .noSolution)
        XCTAssertNil(bare.solution)
        XCTAssertEqual(bare.bound, BinPackingLowerBound.compute(instance))
        var rng = SeededGenerator(seed: 1)
        let start = BinPackingPrior.firstFit.construct(instance, rng: &rng)
        let warm = try BinPackingExactSolver.solve(instance, incumbent: start, timeLimit: 0, verbose: false)
        XCTAssertEqual(warm.status, .feasible)
        XCTAssertEqual(warm.binCount, start.binCount)
        XCTAssertLessThanOrEqual(warm.bound, start.binCount)
    }

    func testEdgeCases() throws {
        // Every item fills a bin on its own: n bins, at the bound, with no model at all.
        let full = BinPackingInstance(name: "full", capacity: 5, weights: [5, 5, 5])
        let r = try BinPackingExactSolver.solve(full, incumbent: nil, timeLimit: 5, verbose: false)
        XCTAssertEqual(r.status, .optimal)
        XCTAssertEqual(r.binCount, 3)
        // One item.
        let one = try BinPackingExactSolver.solve(BinPackingInstance(name: "one", capacity: 9, weights: [4]),
                                                  incumbent: nil, timeLimit: 5, verbose: false)
        XCTAssertEqual(one.binCount, 1)
        // Hand-checked: 3 bins.
        let tiny = try BinPackingExactSolver.solve(tinyInstance, incumbent: nil, timeLimit: 5, verbose: false)
        XCTAssertEqual(tiny.status, .optimal)
        XCTAssertEqual(tiny.binCount, 3)
        // An instance the reader would refuse is refused with a message, not a crash.
        let bad = BinPackingInstance(name: "bad", capacity: 5, weights: [6])
        XCTAssertThrowsError(try BinPackingExactSolver.solve(bad, incumbent: nil, timeLimit: 1, verbose: false)) { e in
            XCTAssertTrue("\(e)".contains("above the bin capacity 5"), "\(e)")
        }
    }

    func testIncumbentAtTheBoundIsOptimalAtOnce() throws {
        let (instance, optimum) = try BundledBPP.load("Falkenauer_u120_00")
        var options = BinPackingSolveOptions()
        options.seed = 1
        var policy = NamedPolicy(name: "uniform")!
        let heuristic = BinPackingSolver.solve(instance, options: options, policy: &policy,
                                               stop: StopCondition(maxSteps: 200, interruption: Interruption()))
        XCTAssertEqual(heuristic.binCount, optimum)
        let r = try BinPackingExactSolver.solve(instance, incumbent: heuristic.solution, timeLimit: 5, verbose: false)
        XCTAssertEqual(r.status, .optimal)
        XCTAssertEqual(r.arcCount, 0, "no model was needed")
    }
}
