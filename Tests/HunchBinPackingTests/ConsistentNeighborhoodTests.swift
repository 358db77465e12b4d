import XCTest
import HunchCore
@testable import HunchBinPacking

/// The pack-set move and the consistent neighbourhood search keep the packing valid and the
/// objective exact; the subset sum finds the fullest refill (checked by brute force).
final class ConsistentNeighborhoodTests: XCTestCase {
    /// The fullest subset of `weights` within `capacity`, by enumeration.
    private func bruteForceBest(_ weights: [Int], capacity: Int) -> Int {
        var best = 0
        for mask in 0..<(1 << weights.count) {
            var total = 0
            for (i, w) in weights.enumerated() where mask & (1 << i) != 0 { total += w }
            if total <= capacity { best = max(best, total) }
        }
        return best
    }

    func testPackSetFindsTheFullestRefill() throws {
        var rng = SeededGenerator(seed: 11)
        for trial in 0..<40 {
            let capacity = 50 + rng.below(150)
            let count = 8 + rng.below(8)
            let weights = (0..<count).map { _ in 1 + rng.below(capacity / 2) }
            let instance = BinPackingInstance(name: "random\(trial)", capacity: capacity, weights: weights)
            let start = BinPackingPrior.ffd.construct(instance, rng: &rng)
            let state = BinPackingSearchState(instance: instance, solution: start)
            // Empty a bin other than the first into the pool, then refill the first one.
            guard state.binCount >= 2 else { continue }
            let target = state.slots[0]
            state.dissolve(state.slots[state.binCount - 1])
            var pooled: [Int] = []
            var i = state.head[target]
            while i >= 0 { pooled.append(weights[i]); i = state.nextItem[i] }
            for p in 0..<state.poolCount { pooled.append(weights[state.pool[p]]) }
            let expected = bruteForceBest(pooled, capacity: capacity)
            let before = state.load[target]
            let (gained, _) = state.subsetSum.repack(state, bin: target)
            XCTAssertEqual(gained, expected > before, "trial \(trial)")
            XCTAssertEqual(state.load[target], max(before, expected), "trial \(trial)")
            XCTAssertLessThanOrEqual(state.load[target], capacity)
            state.packPool()
            try BinPackingValidation.check(state.solution, instance: instance)
            XCTAssertEqual(state.objective, state.recomputedObjective(), accuracy: 1e-12)
        }
    }

    func testConsistentNeighborhoodKeepsStateValidAndRollsBackExactly() throws {
        let (instance, _) = try BundledBPP.load("Falkenauer_t60_00")
        var rng = SeededGenerator(seed: 4)
        let state = BinPackingSearchState(instance: instance, solution: BinPackingPrior.firstFit.construct(instance, rng: &rng))
        state.consistentIterations = 200
        let action = BinPackingSearchState.operators.firstIndex(of: "consistent-random-bins")!
        let stop = StopCondition(interruption: Interruption())
        for step in 0..<30 {
            let before = state.solution.normalized(instance)
            let objectiveBefore = state.objective
            state.beginTrial()
            _ = state.apply(action: action, rng: &rng, stop: stop)
            try BinPackingValidation.check(state.solution, instance: instance)
            XCTAssertEqual(state.objective, state.recomputedObjective(), accuracy: 1e-12)
            XCTAssertEqual(state.poolCount, 0)
            if step % 2 == 0 {
                state.rollbackTrial()
                XCTAssertEqual(state.solution.normalized(instance), before)
                XCTAssertEqual(state.objective, objectiveBefore)
            } else {
                state.commitTrial()
            }
        }
    }

    /// Triplets need every bin exactly full; the operator alone reaches n/3 bins on t60.
    func testReachesTheTripletOptimum() throws {
        for name in ["Falkenauer_t60_00", "Falkenauer_t60_05"] {
            let (instance, optimum) = try BundledBPP.load(name)
            var rng = SeededGenerator(seed: 1)
            let state = BinPackingSearchState(instance: instance, solution: BinPackingPrior.bfd.construct(instance, rng: &rng))
            let action = BinPackingSearchState.operators.firstIndex(of: "consistent-random-bins")!
            var steps = 0
            while state.binCount > optimum && steps < 200 {
                state.beginTrial()
                _ = state.apply(action: action, rng: &rng, stop: StopCondition(interruption: Interruption()))
                state.commitTrial()
                steps += 1
            }
            XCTAssertEqual(state.binCount, optimum, name)
            try BinPackingValidation.check(state.solution, instance: instance)
        }
    }
    /// Undoing to a mark inside a trial restores the packing at the mark and keeps the trial
    /// going: a later rollback still returns to the trial's start.
    func testUndoToAMarkRestoresThatPackingExactly() throws {
        let (instance, _) = try BundledBPP.load("Falkenauer_u120_00")
        var rng = SeededGenerator(seed: 8)
        let state = BinPackingSearchState(instance: instance, solution: BinPackingPrior.firstFit.construct(instance, rng: &rng))
        let start = state.solution.normalized(instance)
        let stop = StopCondition(interruption: Interruption())
        state.beginTrial()
        _ = state.apply(action: 0, rng: &rng, stop: stop)
        let atMark = state.solution.normalized(instance)
        let objectiveAtMark = state.objective
        let mark = try XCTUnwrap(state.logMark)
        _ = state.apply(action: 3, rng: &rng, stop: stop)
        state.undoMoves(toLogLength: mark)
        XCTAssertEqual(state.solution.normalized(instance), atMark)
        XCTAssertEqual(state.objective, objectiveAtMark)
        XCTAssertEqual(state.objective, state.recomputedObjective(), accuracy: 1e-12)
        state.rollbackTrial()
        XCTAssertEqual(state.solution.normalized(instance), start)
    }
}
