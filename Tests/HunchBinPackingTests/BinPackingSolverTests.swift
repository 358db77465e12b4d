import XCTest
import HunchCore
@testable import HunchBinPacking

/// The full pipeline: optimum on bundled instances, never worse than the start, deterministic.
final class BinPackingSolverTests: XCTestCase {
    private func solve(_ instance: BinPackingInstance, steps: Int, seed: UInt64 = 1,
                       prior: BinPackingPrior = .default, initial: BinPackingSolution? = nil) -> BinPackingSolveOutcome {
        var options = BinPackingSolveOptions()
        options.seed = seed
        options.prior = prior
        options.initialSolution = initial
        var policy = NamedPolicy(name: "roulette")!
        return BinPackingSolver.solve(instance, options: options, policy: &policy,
                                      stop: StopCondition(maxSteps: steps, interruption: Interruption()))
    }

    func testReachesPublishedOptimumOnBundledInstances() throws {
        for name in ["Falkenauer_u120_00", "Falkenauer_u120_19", "N1C1W1_A", "N2C2W2_B"] {
            let (instance, optimum) = try BundledBPP.load(name)
            let outcome = solve(instance, steps: 150)
            try BinPackingValidation.check(outcome.solution, instance: instance)
            XCTAssertEqual(outcome.binCount, optimum, name)
            XCTAssertLessThanOrEqual(outcome.binCount, outcome.priorBinCount)
        }
    }

    func testStopsAtTheLowerBound() throws {
        let (instance, optimum) = try BundledBPP.load("Falkenauer_u120_00")
        let outcome = solve(instance, steps: 100_000)
        XCTAssertEqual(outcome.binCount, optimum)
        XCTAssertTrue(outcome.isProvenOptimal)
        XCTAssertEqual(outcome.statistics.stopReason, .targetReached)
        XCTAssertLessThan(outcome.statistics.steps, 100_000)
    }

    func testNeverWorseThanAWeakStart() throws {
        let (instance, _) = try BundledBPP.load("Falkenauer_t60_05")
        var rng = SeededGenerator(seed: 2)
        let start = BinPackingPrior.firstFit.construct(instance, rng: &rng)
        let outcome = solve(instance, steps: 30, initial: start)
        XCTAssertEqual(outcome.priorName, "initial")
        XCTAssertLessThanOrEqual(outcome.binCount, start.binCount)
        try BinPackingValidation.check(outcome.solution, instance: instance)
    }

    func testInvalidInitialSolutionFallsBackToThePrior() throws {
        let outcome = solve(tinyInstance, steps: 10, initial: BinPackingSolution(bins: [[0, 1, 2]]))
        XCTAssertEqual(outcome.priorName, BinPackingPrior.default.rawValue)
        try BinPackingValidation.check(outcome.solution, instance: tinyInstance)
        XCTAssertEqual(outcome.binCount, 3)
    }

    func testSameSeedAndStepsGiveTheSameSolution() throws {
        let (instance, _) = try BundledBPP.load("Falkenauer_t60_00")
        let a = solve(instance, steps: 60, seed: 9), b = solve(instance, steps: 60, seed: 9)
        XCTAssertEqual(a.solution, b.solution)
        XCTAssertEqual(a.statistics.steps, b.statistics.steps)
    }
}
