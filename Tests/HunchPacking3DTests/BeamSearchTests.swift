import XCTest
import HunchCore
@testable import HunchPacking3D

final class BeamSearchTests: XCTestCase {
    /// Without a deadline the beam runs its rounds up to width 4: its plan validates under the
    /// support setting it ran with, is at least the greedy decode's, and the genome it returns
    /// replays it exactly.
    func testPlansValidateUnderBothSupportModesAndReplay() throws {
        for (file, k) in [("BR1.txt", 1), ("BR7.txt", 2)] {
            let instance = try TestData.br(file, k)
            for support in [true, false] {
                let start = BeamReplayChecks.rankings(instance, support: support, seed: 1)
                let result = BeamSearch().run(instance, fullSupport: support, genomes: start, stop: StopCondition())
                try PlacementValidation.check(result.plan, instance: instance, requireFullSupport: support)
                XCTAssertEqual(result.plan.packedVolume(), result.volume)
                let packer = MaximalSpacePacker(instance: instance, fullSupport: support)
                for g in start { XCTAssertGreaterThanOrEqual(result.volume, packer.decode(g), "\(instance.name)") }
                XCTAssertEqual(packer.decode(result.genome), result.volume, "the genome replays the plan")
                XCTAssertEqual(result.statistics.rounds, 6, "widths 1, 2, 4, each with and without general blocks")
                XCTAssertGreaterThan(result.statistics.completions, result.statistics.nodes)
            }
        }
    }

    /// The stages of rounds: the plain rounds stop at `plainMaxWidth` when a later stage follows
    /// (the square rounds start next, then the grid rounds, each from `squareFirstWidth` by √2
    /// steps), and run to `maxWidth` when none does; the square rounds stop at `squareMaxWidth`,
    /// the last stage's at `lastStageMaxWidth`, or sooner when its snapshots would not fit
    /// `snapshotBudget`.
    func testStagesOfRounds() throws {
        let instance = try TestData.br("BR7.txt", 1)
        let start = BeamReplayChecks.rankings(instance, support: true, seed: 1)
        var beam = BeamSearch()
        beam.maxWidth = 8
        beam.plainMaxWidth = 2
        beam.squareFirstWidth = 2
        beam.squareMaxWidth = 6
        beam.lastStageMaxWidth = 6
        beam.maxWidthWithoutDeadline = 16
        let staged = beam.run(instance, fullSupport: true, genomes: start, stop: StopCondition())
        // Plain widths 1, 2 (rounds 1–4); square 2, 3, 4, 6 (rounds 5–12; 2√2 ≈ 2.8, 4√2 ≈ 5.7);
        // grids 2, 3, 4, 6 (rounds 13–20).
        XCTAssertEqual(staged.statistics.squareFrom, 5)
        XCTAssertEqual(staged.statistics.gridBlocksFrom, 13)
        XCTAssertEqual(staged.statistics.rounds, 20)
        XCTAssertEqual(staged.statistics.width, 6)
        // The last stage widens past the square rounds' widest: grids 2, 3, 4, 6, 8, 11 (8√2 ≈ 11.3).
        beam.lastStageMaxWidth = 12
        let wider = beam.run(instance, fullSupport: true, genomes: start, stop: StopCondition())
        XCTAssertEqual(wider.statistics.gridBlocksFrom, 13, "the square rounds still stop at squareMaxWidth")
        XCTAssertEqual(wider.statistics.rounds, 24)
        XCTAssertEqual(wider.statistics.width, 11)
        XCTAssertGreaterThanOrEqual(wider.volume, staged.volume, "the same rounds and more")
        // It widens only while a full level's snapshots fit `snapshotBudget`: with none, it stops
        // where the square rounds stop.
        beam.snapshotBudget = 0
        let capped = beam.run(instance, fullSupport: true, genomes: start, stop: StopCondition())
        XCTAssertEqual(capped.statistics.width, 6, "no last-stage round past squareMaxWidth")
        XCTAssertEqual(capped.statistics.rounds, wider.statistics.rounds - 4)
        beam.snapshotBudget = BeamSearch().snapshotBudget
        beam.lastStageMaxWidth = 6
        beam.squareRounds = false
        let gridsOnly = beam.run(instance, fullSupport: true, genomes: start, stop: StopCondition())
        XCTAssertEqual(gridsOnly.statistics.squareFrom, 0)
        XCTAssertEqual(gridsOnly.statistics.gridBlocksFrom, 5)
        XCTAssertEqual(gridsOnly.statistics.rounds, 12)
        beam.gridRounds = false
        let plain = beam.run(instance, fullSupport: true, genomes: start, stop: StopCondition())
        XCTAssertEqual(plain.statistics.squareFrom, 0)
        XCTAssertEqual(plain.statistics.gridBlocksFrom, 0)
        XCTAssertEqual(plain.statistics.rounds, 8, "widths 1, 2, 4, 8 with both rankings")
        XCTAssertEqual(plain.statistics.width, 8)
        let packer = MaximalSpacePacker(instance: instance, fullSupport: true)
        for result in [staged, wider, capped, gridsOnly, plain] {
            XCTAssertEqual(packer.decode(result.genome), result.volume, "the beam's genome replays its plan")
        }
    }

    /// A square round's level makes about width² children: the root all of them (up to the
    /// ranks a gene can name), a full level `width` per node, a level that dedup left narrow more.
    func testSquareChildrenPerNode() {
        let beam = BeamSearch()
        XCTAssertEqual(beam.squareChildren(width: 8, nodes: 1), 64)
        XCTAssertEqual(beam.squareChildren(width: 16, nodes: 1), BeamSearch.maxSquareChildren)
        XCTAssertEqual(BeamSearch.maxSquareChildren, Int(PlacementGenome.rankMask) + 1)
        XCTAssertEqual(beam.squareChildren(width: 8, nodes: 8), 8)
        XCTAssertEqual(beam.squareChildren(width: 8, nodes: 3), 21)
        XCTAssertEqual(beam.squareChildren(width: 2, nodes: 4), beam.minChildren)
    }

    /// The seed draws the beam's first width: a seed gives the same plan every time, seeds that
    /// draw different widths search different beams, and every plan validates.
    func testSeedVariesTheBeamReproducibly() throws {
        let instance = try TestData.br("BR1.txt", 2)
        let volume = Packing3DProblem.Context(objective: .volume, fullSupport: true)
        var firstWidths = Set<Int>()
        for seed in 1...4 as ClosedRange<UInt64> {
            var rng = SeededGenerator(seed: seed), again = SeededGenerator(seed: seed)
            let found = Packing3DProblem.construct(prior: "beam", instance, volume, rng: &rng, stop: StopCondition())
            let repeated = Packing3DProblem.construct(prior: "beam", instance, volume, rng: &again, stop: StopCondition())
            try Packing3DProblem.validate(found.solution, instance, volume)
            XCTAssertEqual(found.solution.containers, repeated.solution.containers, "seed \(seed)")
            let stats = try XCTUnwrap(found.solution.beamStatistics)
            XCTAssertTrue(BeamSearch.variedInitialWidths.contains(stats.firstWidth))
            XCTAssertEqual(stats.width, 4 * stats.firstWidth, "without a deadline: up to 4 times the first width")
            firstWidths.insert(stats.firstWidth)
        }
        XCTAssertGreaterThan(firstWidths.count, 1, "seeds 1–4 draw more than one first width")
    }

    /// A round the deadline would cut is replaced by the widest that fits the time left. On a
    /// clock that ticks once per reading (so a run's time is its count of clock readings, the same
    /// every run), rounds of widths 1–8 take `used`; given 1.6 times that, the round of width 16
    /// is forecast not to finish (without the rule it starts and is cut), and a round between 8
    /// and 16 wide runs instead. The rounds before it are the same, so the plan is no smaller,
    /// and it replays.
    func testRoundTheDeadlineWouldCutIsFittedToTheTimeLeft() throws {
        var (instance, start, beam, toEight, used) = try plainRoundsToEight()
        XCTAssertEqual(toEight.statistics.width, 8)
        XCTAssertEqual(toEight.statistics.fittedWidth, 0, "every round finished")
        beam.maxWidth = 16
        for fits in [true, false] {
            beam.fitsLastRound = fits
            let again = TickingClock()
            let result = beam.run(instance, fullSupport: false, genomes: start, stop: StopCondition(deadline: 1.6 * used, clock: again))
            XCTAssertGreaterThanOrEqual(result.volume, toEight.volume, "the same rounds to width 8, then more")
            XCTAssertEqual(MaximalSpacePacker(instance: instance, fullSupport: false).decode(result.genome), result.volume)
            if fits {
                XCTAssertGreaterThan(result.statistics.fittedWidth, 8)
                XCTAssertLessThan(result.statistics.fittedWidth, 16)
            } else {
                XCTAssertEqual(result.statistics.fittedWidth, 0)
            }
        }
    }

    /// Once the stages are done with time left, focused rounds rebuild the end of the best plan:
    /// the rounds before are the same, so the plan is no smaller, and it replays (its path runs
    /// down the earlier best plan's, then off it).
    func testFocusedRoundsFollowTheStagesUntilTheDeadline() throws {
        var (instance, start, beam, toEight, used) = try plainRoundsToEight()
        XCTAssertEqual(toEight.statistics.focusedRounds, 0)
        beam.focusedRounds = true
        // Not before the stages are done: the rounds up to width 8 are the same.
        beam.focusFrom = 1
        let result = beam.run(instance, fullSupport: false, genomes: start, stop: StopCondition(deadline: 2 * used, clock: TickingClock()))
        XCTAssertEqual(result.statistics.focusedFrom, toEight.statistics.rounds + 1)
        XCTAssertGreaterThan(result.statistics.focusedRounds, 1)
        XCTAssertGreaterThanOrEqual(result.volume, toEight.volume)
        XCTAssertEqual(MaximalSpacePacker(instance: instance, fullSupport: false).decode(result.genome), result.volume)
        let context = Packing3DProblem.Context(objective: .volume, fullSupport: false)
        try Packing3DProblem.validate(Packing3DSolution(containers: [result.plan]), instance, context)
    }

    /// BR7-1 without support, plain rounds only, up to width 8 and without focused rounds (which
    /// would follow the last stage until the far deadline), on a `TickingClock`: the search, its
    /// result and the clock readings it took (`used`).
    func plainRoundsToEight() throws -> (ContainerInstance, [PlacementGenome], BeamSearch, (plan: PackingPlan, volume: Int, genome: PlacementGenome, statistics: BeamSearch.Statistics), Double) {
        let instance = try TestData.br("BR7.txt", 1)
        let start = BeamReplayChecks.rankings(instance, support: false, seed: 1)
        var beam = BeamSearch()
        beam.squareRounds = false
        beam.gridRounds = false
        beam.maxWidth = 8
        beam.focusedRounds = false
        let clock = TickingClock()
        let toEight = beam.run(instance, fullSupport: false, genomes: start, stop: StopCondition(deadline: 1e12, clock: clock))
        return (instance, start, beam, toEight, clock.now())
    }

    /// A clock that moves one second each time it is read.
    final class TickingClock: SearchClock, @unchecked Sendable {
        private var value = 0.0
        func now() -> Double {
            value += 1
            return value
        }
    }

    /// A tiny instance the beam fills completely: it stops at once.
    func testStopsWhenEverythingIsPacked() {
        let instance = ContainerInstance(name: "cubes", container: [10, 10, 10], boxTypes: [
            BoxType(dimensions: [5, 5, 5], mayBeVertical: [true, true, true], quantity: 8),
        ])
        let result = BeamSearch().run(instance, fullSupport: true, genomes: BeamReplayChecks.rankings(instance, support: true, seed: 1), stop: StopCondition())
        XCTAssertEqual(result.volume, 1000)
        XCTAssertEqual(result.statistics.rounds, 0)
    }

    /// The default prior runs the beam for the volume objective (with statistics in the
    /// solution) and a genome decode for the containers objective.
    func testDefaultPriorIsTheBeamForVolumeOnly() throws {
        let instance = try TestData.br("BR7.txt", 1)
        XCTAssertEqual(Packing3DProblem.defaultPrior, "beam")
        var rng = SeededGenerator(seed: 1)
        let volume = Packing3DProblem.Context(objective: .volume, fullSupport: true)
        let found = Packing3DProblem.construct(prior: "beam", instance, volume, rng: &rng, stop: StopCondition())
        XCTAssertNotNil(found.solution.beamStatistics)
        try Packing3DProblem.validate(found.solution, instance, volume)
        let containers = Packing3DProblem.Context(objective: .containers, fullSupport: true)
        let loaded = Packing3DProblem.construct(prior: "beam", instance, containers, rng: &rng, stop: StopCondition())
        XCTAssertNil(loaded.solution.beamStatistics)
        try Packing3DProblem.validate(loaded.solution, instance, containers)
    }
}
