import XCTest
import HunchCore
@testable import HunchBinPacking

/// Every operator keeps the packing valid and the maintained objective exact; rollback restores.
final class BinPackingSearchStateTests: XCTestCase {
    func testEveryOperatorKeepsStateValidAndRollbackRestores() throws {
        let (instance, _) = try BundledBPP.load("Falkenauer_u120_00")
        var rng = SeededGenerator(seed: 3)
        let start = BinPackingPrior.firstFit.construct(instance, rng: &rng)
        let state = BinPackingSearchState(instance: instance, solution: start)
        let stop = StopCondition(interruption: Interruption())
        for step in 0..<200 {
            let action = step % BinPackingSearchState.operators.count
            let before = state.solution.normalized(instance)
            let objectiveBefore = state.objective
            state.beginTrial()
            _ = state.apply(action: action, rng: &rng, stop: stop)
            try BinPackingValidation.check(state.solution, instance: instance)
            XCTAssertEqual(state.objective, state.recomputedObjective(), accuracy: 1e-12)
            XCTAssertEqual(state.binCount, state.solution.binCount)
            if step % 3 == 0 {
                state.rollbackTrial()
                XCTAssertEqual(state.solution.normalized(instance), before, "rollback of \(BinPackingSearchState.operators[action])")
                XCTAssertEqual(state.objective, objectiveBefore)
            } else {
                state.commitTrial()
            }
        }
    }

    func testObjectivePrefersFewerBinsThenFullerOnes() {
        let i = tinyInstance
        let three = BinPackingSearchState(instance: i, solution: BinPackingSolution(bins: [[0, 3], [1, 2], [4, 5, 6]]))
        let fourEven = BinPackingSearchState(instance: i, solution: BinPackingSolution(bins: [[0], [1, 2], [3, 4], [5, 6]]))
        let fourSkewed = BinPackingSearchState(instance: i, solution: BinPackingSolution(bins: [[0, 3], [1, 2], [4, 5], [6]]))
        XCTAssertLessThan(three.objective, fourEven.objective)
        XCTAssertLessThan(three.objective, fourSkewed.objective)
        // Same bin count: concentrating items (loads 10,10,7,3 vs 6,10,8,6) is better.
        XCTAssertLessThan(fourSkewed.objective, fourEven.objective)
    }

    func testSaveAndRestoreBest() throws {
        let (instance, _) = try BundledBPP.load("N1C1W1_A")
        var rng = SeededGenerator(seed: 5)
        let state = BinPackingSearchState(instance: instance, solution: BinPackingPrior.ffd.construct(instance, rng: &rng))
        let saved = state.solution.normalized(instance)
        state.saveBest()
        for a in 0..<8 { state.beginTrial(); _ = state.apply(action: a % 4, rng: &rng, stop: StopCondition()); state.commitTrial() }
        state.restoreBest()
        XCTAssertEqual(state.solution.normalized(instance), saved)
        XCTAssertEqual(state.objective, state.recomputedObjective(), accuracy: 1e-12)
    }
}
