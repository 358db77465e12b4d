import XCTest
import HunchCore
@testable import HunchPacking3D

final class Packing3DSearchStateTests: XCTestCase {
    func makeState(_ instance: ContainerInstance) -> Packing3DSearchState {
        var rng = SeededGenerator(seed: 3)
        return Packing3DSearchState(instance: instance, genome: Packing3DPrior.default.genome(instance, rng: &rng), fullSupport: true)
    }

    /// For every operator: the plan stays valid, the objective equals 100 − the plan's
    /// utilisation, and a rollback restores both exactly.
    func testEveryOperatorKeepsStateValidAndRollbackRestores() throws {
        let instance = try TestData.br("BR7.txt", 4)
        let state = makeState(instance)
        var rng = SeededGenerator(seed: 11)
        let stop = StopCondition(interruption: Interruption())
        for round in 0..<4 {
            for action in 0..<Packing3DSearchState.operators.count {
                let before = state.objective, beforePlan = state.plan
                state.beginTrial()
                _ = state.apply(action: action, rng: &rng, stop: stop)
                let plan = state.plan
                try PlacementValidation.check(plan, instance: instance, requireFullSupport: true)
                XCTAssertEqual(state.objective, 100 - plan.utilisation(instance), accuracy: 1e-9)
                if round % 2 == 0 {
                    state.rollbackTrial()
                    XCTAssertEqual(state.objective, before)
                    XCTAssertEqual(state.plan, beforePlan)
                } else {
                    state.commitTrial()
                }
            }
        }
    }

    func testSaveAndRestoreBest() throws {
        let instance = try TestData.br("BR1.txt", 2)
        let state = makeState(instance)
        var rng = SeededGenerator(seed: 5)
        let stop = StopCondition(interruption: Interruption())
        state.saveBest()
        let saved = state.plan, objective = state.objective
        for _ in 0..<10 {
            state.beginTrial()
            _ = state.apply(action: 5, rng: &rng, stop: stop)
            state.commitTrial()
        }
        state.restoreBest()
        XCTAssertEqual(state.plan, saved)
        XCTAssertEqual(state.objective, objective)
    }

    func testSolverNeverWorsensAndIsDeterministic() throws {
        let instance = try TestData.br("BR7.txt", 6)
        func run(seed: UInt64) -> Packing3DSolveOutcome {
            var options = Packing3DSolveOptions()
            options.seed = seed
            var policy = NamedPolicy.roulette(RoulettePolicy())
            return Packing3DSolver.solve(instance, options: options, policy: &policy,
                                         stop: StopCondition(maxSteps: 150, interruption: Interruption()))
        }
        let a = run(seed: 9), b = run(seed: 9)
        XCTAssertEqual(a.plan, b.plan)
        XCTAssertEqual(a.statistics.steps, 150)
        XCTAssertGreaterThanOrEqual(a.utilisation, a.priorUtilisation)
        XCTAssertEqual(a.utilisation, a.plan.utilisation(instance), accuracy: 1e-12)
        XCTAssertLessThanOrEqual(a.utilisation, Packing3DBound.utilisationUpperBound(instance))
        try PlacementValidation.check(a.plan, instance: instance, requireFullSupport: true)
    }

    func testInitialPlanIsNeverLost() throws {
        let instance = try TestData.br("BR1.txt", 3)
        // A plan better than anything the search will reach in 3 steps: hand it in, get it back.
        var options = Packing3DSolveOptions()
        var policy = NamedPolicy.uniform(UniformPolicy())
        let long = Packing3DSolver.solve(instance, options: options, policy: &policy,
                                         stop: StopCondition(maxSteps: 400, interruption: Interruption()))
        options.initialPlan = long.plan
        options.prior = .random
        let short = Packing3DSolver.solve(instance, options: options, policy: &policy,
                                          stop: StopCondition(maxSteps: 3, interruption: Interruption()))
        XCTAssertGreaterThanOrEqual(short.utilisation, long.utilisation)
    }

    func testSearchStopsWhenEverythingIsPacked() {
        let instance = ContainerInstance(name: "room", container: [20, 20, 20], boxTypes: [
            BoxType(dimensions: [5, 4, 3], mayBeVertical: [true, true, true], quantity: 6),
            BoxType(dimensions: [7, 2, 2], mayBeVertical: [false, false, true], quantity: 5),
        ])
        var policy = NamedPolicy.uniform(UniformPolicy())
        let outcome = Packing3DSolver.solve(instance, options: Packing3DSolveOptions(), policy: &policy,
                                            stop: StopCondition(maxSteps: 1_000_000, interruption: Interruption()))
        XCTAssertTrue(outcome.everythingPacked)
        XCTAssertEqual(outcome.plan.boxCount, 11)
        XCTAssertLessThan(outcome.statistics.steps, 1_000_000)
    }

    func testMalformedStartingGenomeIsRepairedNotFatal() throws {
        let instance = try TestData.br("BR7.txt", 8)
        var genome = PlacementGenome(typeCount: 2, stepCapacity: 0, orderStrength: .nan)
        genome.order = [7, 7, 99, -1]
        genome.deviations = []
        genome.orientationPreference = [50]
        var options = Packing3DSolveOptions()
        options.initialGenome = genome
        var policy = NamedPolicy.uniform(UniformPolicy())
        let outcome = Packing3DSolver.solve(instance, options: options, policy: &policy,
                                            stop: StopCondition(maxSteps: 50, interruption: Interruption()))
        try PlacementValidation.check(outcome.plan, instance: instance, requireFullSupport: true)
        XCTAssertEqual(outcome.priorName, "initial-order")
        XCTAssertGreaterThan(outcome.utilisation, 60)
    }
}
