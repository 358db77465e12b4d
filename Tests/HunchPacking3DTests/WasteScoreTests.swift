import XCTest
import HunchCore
@testable import HunchPacking3D

final class WasteScoreTests: XCTestCase {
    /// A 10-long row with boxes of 7, 5 and 5: by volume the 7 goes first and leaves a gap of 3
    /// that nothing fills; with `wasteScore` it loses 3 (7 − 3 < 5) and the two 5s fill the row.
    func testWasteScoreAvoidsAnUnfillableGap() throws {
        try RowPackingChecks.assertRuleImproves(RowPackingChecks.row("row", length: 10, boxLengths: [7, 5, 5]),
                                                from: 7, to: 10, types: [1, 2], rule: \.wasteScore)
    }

    /// The loss: the space less the box spanned by the block and the fillable part of each gap.
    func testWasteLossCountsOnlyUnfillableGaps() {
        let instance = ContainerInstance(name: "loss", container: [10, 10, 10], boxTypes: [
            BoxType(dimensions: [3, 4, 10], mayBeVertical: [true, true, true], quantity: 5),
        ])
        let packer = MaximalSpacePacker(instance: instance, fullSupport: false)
        var genome = PlacementGenome(typeCount: 1, stepCapacity: 4)
        genome.wasteScore = true
        packer.beginDecode(genome)
        // Sides 3, 4, 10 along every axis: sums reach 0, 3, 4, 6, 7, 8, 9, 10 but not 1, 2, 5.
        let fill = packer.fillable, start = packer.fillStart
        defer { withExtendedLifetime(packer) {} }
        XCTAssertEqual((0...10).map { fill[start.0 + $0] }, [0, 0, 0, 3, 4, 4, 6, 7, 8, 9, 10])
        XCTAssertEqual(MaximalSpacePacker.wasteLoss(10, 10, 10, 10, 10, 10, fill, start), 0)
        XCTAssertEqual(MaximalSpacePacker.wasteLoss(10, 10, 10, 3, 4, 10, fill, start), 0, "gaps 7 and 6 fill")
        // A 5-wide gap along x fills to 4: one unit of 10×10 lost.
        XCTAssertEqual(MaximalSpacePacker.wasteLoss(10, 10, 10, 5, 10, 10, fill, start), 100)
        // Gaps 1 (x) and 2 (y) fill to 0: the space less 9×8×10.
        XCTAssertEqual(MaximalSpacePacker.wasteLoss(10, 10, 10, 9, 8, 10, fill, start), 1000 - 720)
    }

    /// The beam with waste-scored rankings (general and simple blocks): its plans validate under
    /// both support settings, and the genome it returns replays them.
    func testBeamWithWasteScoreValidatesAndReplays() throws {
        for (file, k) in [("BR1.txt", 1), ("BR7.txt", 3)] {
            try BeamReplayChecks.assertReplays(file, k, seed: 1, rule: \.wasteScore)
        }
    }

    /// The genome search keeps the flag and its plans valid.
    func testSearchStateWithWasteScoreStaysValid() throws {
        let instance = try TestData.br("BR7.txt", 2)
        var rng = SeededGenerator(seed: 3)
        var genome = Packing3DPrior.bestOf.genome(instance, rng: &rng)
        genome.wasteScore = true
        genome.generalBlocks = true
        try BlockListTests.applyEveryOperator(instance, genome, rng: &rng) { XCTAssertTrue($0.genome.wasteScore) }
    }
}
