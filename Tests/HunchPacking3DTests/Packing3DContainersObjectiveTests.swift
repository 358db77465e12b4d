import XCTest
import HunchCore
@testable import HunchPacking3D

final class Packing3DContainersObjectiveTests: XCTestCase {
    /// Every box loaded, each container a valid supported plan, no more containers than boxes
    /// and no fewer than the volume allows; the search never uses more containers than its start.
    func testAllBoxesGoIntoValidContainers() throws {
        let instance = try TestData.br("BR7.txt", 2)
        var options = Packing3DSolveOptions()
        options.objective = .containers
        var policy = NamedPolicy.roulette(RoulettePolicy())
        let outcome = Packing3DSolver.solve(instance, options: options, policy: &policy,
                                            stop: StopCondition(maxSteps: 60, interruption: Interruption()))
        var counts = [Int](repeating: 0, count: instance.boxTypes.count)
        for plan in outcome.containerPlans {
            try PlacementValidation.check(plan, instance: instance, requireFullSupport: true)
            for p in plan.placements { counts[p.type] += p.boxCount }
        }
        XCTAssertEqual(counts, instance.boxTypes.map(\.quantity))
        XCTAssertGreaterThanOrEqual(outcome.containerPlans.count, outcome.containerLowerBound)
        // BR boxes fill 97–99.9% of one container: one container by volume, two in practice.
        XCTAssertEqual(outcome.containerLowerBound, 1)
        XCTAssertLessThan(instance.totalBoxVolume, instance.containerVolume)
        XCTAssertEqual(outcome.containerPlans.count, 2)
        XCTAssertEqual(outcome.plan, outcome.containerPlans[0])
        XCTAssertLessThanOrEqual(outcome.statistics.bestObjective, outcome.statistics.initialObjective)
        XCTAssertLessThan(outcome.statistics.bestObjective, Double(outcome.containerPlans.count))
    }

    func testRollbackRestoresContainers() throws {
        let instance = try TestData.br("BR1.txt", 5)
        var rng = SeededGenerator(seed: 1)
        let state = Packing3DSearchState(instance: instance, genome: Packing3DPrior.default.genome(instance, rng: &rng),
                                         fullSupport: true, objective: .containers)
        let before = state.containerPlans, objective = state.objective
        let stop = StopCondition(interruption: Interruption())
        for action in 0..<Packing3DSearchState.operators.count {
            state.beginTrial()
            _ = state.apply(action: action, rng: &rng, stop: stop)
            XCTAssertEqual(state.containerPlans.reduce(0) { $0 + $1.boxCount }, instance.boxCount)
            state.rollbackTrial()
            XCTAssertEqual(state.containerPlans, before)
            XCTAssertEqual(state.objective, objective)
        }
    }
}
