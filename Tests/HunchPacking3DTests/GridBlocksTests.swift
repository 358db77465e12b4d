import XCTest
import HunchCore
@testable import HunchPacking3D

/// The one-type grids (`PlacementGenome.gridBlocks`, BSG's nx×ny×nz blocks) and the beam rounds
/// that offer them after the widest (`BeamSearch.gridRounds`).
final class GridBlocksTests: XCTestCase {
    /// A grids-only list holds exactly the nx×ny×nz grids of two boxes or more within the
    /// container and the quantities, each one type and orientation filling its box; with general
    /// blocks, the list is the general list plus those grids.
    func testGridListHoldsEveryOneTypeGrid() throws {
        let instance = try TestData.br("BR1.txt", 10)
        let c = instance.container
        for support in [true, false] {
            let grids = BlockList.make(instance, fullSupport: support, general: false, grids: true)
            var expected = Set<[Int]>()
            for (t, box) in instance.boxTypes.enumerated() {
                for (a, b, h) in box.orientations where a <= c[0] && b <= c[1] && h <= c[2] {
                    for nx in 1...(c[0] / a) { for ny in 1...(c[1] / b) { for nz in 1...(c[2] / h) {
                        let n = nx * ny * nz
                        if n >= 2 && n <= box.quantity { expected.insert([t, nx * a, ny * b, nz * h, n]) }
                    } } }
                }
            }
            var found = Set<[Int]>()
            for g in 0..<grids.count {
                let parts = grids.partsOf(g)
                XCTAssertEqual(parts.count, 1, "a grid is one part")
                let p = parts.first!
                XCTAssertEqual([p.lx * p.nx, p.ly * p.ny, p.lz * p.nz], [grids.sizeX[g], grids.sizeY[g], grids.sizeZ[g]])
                XCTAssertEqual(grids.volume[g], grids.sizeX[g] * grids.sizeY[g] * grids.sizeZ[g], "a grid fills its box")
                XCTAssertEqual([grids.topX[g], grids.topY[g]], [grids.sizeX[g], grids.sizeY[g]], "its whole top is a floor")
                found.insert([p.type, grids.sizeX[g], grids.sizeY[g], grids.sizeZ[g], grids.boxCount[g]])
            }
            XCTAssertEqual(found, expected)
            let general = BlockList.make(instance, fullSupport: support)
            let both = BlockList.make(instance, fullSupport: support, general: true, grids: true)
            XCTAssertEqual(both.count, general.count + grids.count)
            XCTAssertGreaterThan(grids.count, 100)
        }
    }

    /// Decodes with the grids offered are valid plans under both support settings, and the genome
    /// search keeps the flag.
    func testGridGenomesDecodeValidPlansAndSearchKeepsTheFlag() throws {
        let instance = try TestData.br("BR7.txt", 3)
        for support in [true, false] {
            var rng = SeededGenerator(seed: 3)
            for general in [true, false] {
                var genome = Packing3DPrior.beam.genome(instance, fullSupport: support, rng: &rng)
                genome.contactScore = true
                genome.generalBlocks = general
                genome.gridBlocks = true
                let packer = MaximalSpacePacker(instance: instance, fullSupport: support)
                let volume = packer.decode(genome)
                try PlacementValidation.check(packer.plan, instance: instance, requireFullSupport: support)
                XCTAssertEqual(packer.plan.packedVolume(), volume)
                XCTAssertEqual(packer.blockList?.count, BlockList.make(instance, fullSupport: support, general: general, grids: true).count)
            }
        }
        var rng = SeededGenerator(seed: 6)
        var genome = Packing3DPrior.bestOf.genome(instance, rng: &rng)
        genome.contactScore = true
        genome.gridBlocks = true
        try BlockListTests.applyEveryOperator(instance, genome, rng: &rng) { XCTAssertTrue($0.genome.gridBlocks) }
    }

    /// One engine switching lists between decodes (as the beam's rounds do) decodes each genome
    /// as a fresh engine does.
    func testSwitchingListsDecodesAsAFreshEngine() throws {
        let instance = try TestData.br("BR7.txt", 5)
        var rng = SeededGenerator(seed: 1)
        let base = Packing3DPrior.beam.genome(instance, fullSupport: true, rng: &rng)
        var genomes: [PlacementGenome] = []
        for (general, grids) in [(true, false), (true, true), (false, true), (false, false), (true, false), (false, true)] {
            var g = base
            g.contactScore = true
            g.generalBlocks = general
            g.gridBlocks = grids
            genomes.append(g)
        }
        let shared = MaximalSpacePacker(instance: instance, fullSupport: true)
        for g in genomes {
            let fresh = MaximalSpacePacker(instance: instance, fullSupport: true)
            XCTAssertEqual(shared.decode(g), fresh.decode(g))
            XCTAssertEqual(shared.placements, fresh.placements)
        }
    }

    /// The beam's grid rounds run after the square ones, their plans validate and replay from the
    /// returned genome (which keeps `gridBlocks` when a grid round found the plan); on BR1-10 they
    /// pack more than the rounds before them.
    func testGridRoundsReplayAndImproveBR1Problem10() throws {
        var beam = BeamSearch()
        beam.maxWidth = 8
        beam.squareFirstWidth = 2
        beam.squareMaxWidth = 8
        beam.maxWidthWithoutDeadline = 16
        var without = beam
        without.gridRounds = false
        let instance = try TestData.br("BR1.txt", 10)
        let genomes = BeamReplayChecks.rankings(instance, support: true, seed: 1, rule: \.contactScore)
        let plain = without.run(instance, fullSupport: true, genomes: genomes, stop: StopCondition())
        XCTAssertEqual(plain.statistics.gridBlocksFrom, 0)
        try BeamReplayChecks.assertReplays("BR1.txt", 10, seed: 1, rule: \.contactScore, beam: beam) { result, _ in
            XCTAssertGreaterThan(result.statistics.gridBlocksFrom, result.statistics.squareFrom)
            XCTAssertGreaterThan(result.statistics.gridBlocks, result.statistics.generalBlocks)
            if result.statistics.bestRound >= result.statistics.gridBlocksFrom {
                XCTAssertTrue(result.genome.gridBlocks, "a grid round's plan replays with the grids")
            }
        }
        let grid = beam.run(instance, fullSupport: true, genomes: genomes, stop: StopCondition())
        XCTAssertGreaterThan(grid.volume, plain.volume, "the grids give BR1-10 a plan the layers lack")
        XCTAssertTrue(grid.genome.gridBlocks)
    }
}
