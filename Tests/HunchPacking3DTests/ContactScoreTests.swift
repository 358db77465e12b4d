import XCTest
import HunchCore
@testable import HunchPacking3D

final class ContactScoreTests: XCTestCase {
    /// The table `fillable` of a 10-cube with boxes of sides 3, 4 and 10 (sums reach 0, 3, 4, 6,
    /// 7, 8, 9, 10 but not 1, 2, 5), as `WasteScoreTests` checks it. The packer owns the table:
    /// callers keep it alive while they read it.
    func fillTable() -> (UnsafeBufferPointer<Int>, (Int, Int, Int), owner: MaximalSpacePacker) {
        let instance = ContainerInstance(name: "vcs", container: [10, 10, 10], boxTypes: [
            BoxType(dimensions: [3, 4, 10], mayBeVertical: [true, true, true], quantity: 5),
        ])
        let packer = MaximalSpacePacker(instance: instance, fullSupport: false)
        var genome = PlacementGenome(typeCount: 1, stepCapacity: 4)
        genome.contactScore = true
        packer.beginDecode(genome)
        return (packer.fillable, packer.fillStart, packer)
    }

    /// Each factor, computed by hand.
    func testFactorsByHand() {
        let (fill, start, owner) = fillTable()
        defer { withExtendedLifetime(owner) {} }
        let vcs = ContactScore()
        // A block that fills the space: every face touches, nothing is lost; one box.
        XCTAssertEqual(vcs.score(1000, 10, 10, 10, 10, 10, 10, boxes: 1, fill, start), 1000, accuracy: 1e-9)
        // The same with 32 boxes: 32^−0.2 = 1/2.
        XCTAssertEqual(vcs.score(1000, 10, 10, 10, 10, 10, 10, boxes: 32, fill, start), 500, accuracy: 1e-9)
        // A 3×4×10 box in the corner: the far x and y faces are free (gaps 7 and 6, both
        // fillable: nothing lost), the top reaches the ceiling. Surface 2·(40 + 30 + 12) = 164,
        // contact 40 + 30 + 12 + 12 = 94.
        let cs = 94.0 / 164.0
        XCTAssertEqual(vcs.score(120, 10, 10, 10, 3, 4, 10, boxes: 1, fill, start), 120 * pow(cs, 4), accuracy: 1e-9)
        // A 5×10×10 block leaves a 5-wide gap that fills only to 4: one tenth of the usable
        // volume lost; its far x face is free (surface 2·(100 + 50 + 50) = 400, contact 300).
        XCTAssertEqual(vcs.score(500, 10, 10, 10, 5, 10, 10, boxes: 1, fill, start), 500 * 0.9 * pow(0.75, 4), accuracy: 1e-9)
    }

    /// A far face within 4 % of the block's side from the space's far side counts as touching.
    func testContactTolerance() {
        let instance = ContainerInstance(name: "tolerance", container: [100, 10, 10], boxTypes: [
            BoxType(dimensions: [49, 10, 10], mayBeVertical: [true, true, true], quantity: 2),
        ])
        let packer = MaximalSpacePacker(instance: instance, fullSupport: false)
        var genome = PlacementGenome(typeCount: 1, stepCapacity: 4)
        genome.contactScore = true
        packer.beginDecode(genome)
        let (fill, start) = (packer.fillable, packer.fillStart)
        defer { withExtendedLifetime(packer) {} }
        let vcs = ContactScore()
        // Only the 49 side lies along x (the 10 sides would put 49 across a 10-wide container):
        // 100 fills to 98, 51 to 49.
        XCTAssertEqual(fill[start.0 + 100], 98)
        XCTAssertEqual(fill[start.0 + 51], 49)
        // Two boxes, 98 long, 2 short of the far wall (≤ 0.04 · 98): every face touches, and the
        // usable 98 is used.
        XCTAssertEqual(vcs.score(9800, 100, 10, 10, 98, 10, 10, boxes: 2, fill, start), 9800 * pow(2, -0.2), accuracy: 1e-6)
        // One box, 51 short (> 0.04 · 49): its far x face is free. Surface 2·(100 + 490 + 490),
        // contact 2,160 − 100; the gap still takes the second box, so nothing is lost.
        XCTAssertEqual(vcs.score(4900, 100, 10, 10, 49, 10, 10, boxes: 1, fill, start), 4900 * pow(2060.0 / 2160.0, 4), accuracy: 1e-6)
    }

    /// The score never exceeds volume × n^−γ, the bound the engine's skips rely on.
    func testScoreStaysUnderTheSkipBound() {
        let (fill, start, owner) = fillTable()
        defer { withExtendedLifetime(owner) {} }
        let vcs = ContactScore()
        var rng = SeededGenerator(seed: 5)
        for _ in 0..<2000 {
            let sx = 1 + rng.below(10), sy = 1 + rng.below(10), sz = 1 + rng.below(10)
            let bx = 1 + rng.below(sx), by = 1 + rng.below(sy), bz = 1 + rng.below(sz)
            let n = 1 + rng.below(200)
            let volume = Double(bx * by * bz)
            let score = vcs.score(volume, sx, sy, sz, bx, by, bz, boxes: n, fill, start)
            XCTAssertGreaterThan(score, 0)
            XCTAssertLessThanOrEqual(score, volume * vcs.countFactor(n) + 1e-9)
            // The bound per unit score grows with the box count (so the most boxes bound all).
            XCTAssertLessThanOrEqual(vcs.boxesBound(n), vcs.boxesBound(n + 1))
        }
    }

    /// No grid of a×b×h boxes, at most mx, my, mz along the axes, scores above its volume ×
    /// n^−γ × `reachCap`; and the cap is 1/16 for some of them (else it would bound nothing).
    func testReachCapBoundsEveryGrid() {
        let (fill, start, owner) = fillTable()
        defer { withExtendedLifetime(owner) {} }
        let vcs = ContactScore()
        var rng = SeededGenerator(seed: 9)
        var capped = 0
        for _ in 0..<3000 {
            let sx = 1 + rng.below(10), sy = 1 + rng.below(10), sz = 1 + rng.below(10)
            let a = 1 + rng.below(sx), b = 1 + rng.below(sy), h = 1 + rng.below(sz)
            let q = 1 + rng.below(20)
            let mx = min(sx / a, q), my = min(sy / b, q), mz = min(sz / h, q)
            let cap = vcs.reachCap(sx, sy, sz, a, b, h, mx, my, mz)
            if cap < 1 { capped += 1 }
            for nx in 1...mx { for ny in 1...my { for nz in 1...mz where nx * ny * nz <= q {
                let n = nx * ny * nz
                let volume = Double(n * a * b * h)
                let score = vcs.score(volume, sx, sy, sz, nx * a, ny * b, nz * h, boxes: n, fill, start)
                XCTAssertLessThanOrEqual(score, volume * vcs.countFactor(n) * cap + 1e-9)
            } } }
        }
        XCTAssertGreaterThan(capped, 100)
    }

    /// The beam with VCS-scored rankings, as `hunch solve` runs it: its plans validate under both
    /// support settings, and the genome it returns replays them.
    func testBeamWithContactScoreValidatesAndReplays() throws {
        for (file, k) in [("BR1.txt", 1), ("BR7.txt", 2)] {
            try BeamReplayChecks.assertReplays(file, k, seed: 1, rule: \.contactScore)
        }
    }

    /// Square rounds after the widest plain round: the root gets 64 children, so the paths hold
    /// ranks past the engine's seven and past four bits, and the genome still replays the plan (the
    /// decode widens a step's ranking to the rank its gene names; the corner flags sit above the
    /// six rank bits).
    func testSquareRoundsReplay() throws {
        var beam = BeamSearch()
        beam.plainMaxWidth = 1
        beam.squareFirstWidth = 8
        beam.squareMaxWidth = 8
        beam.gridRounds = false
        beam.maxWidthWithoutDeadline = 8
        var deepest = 0
        for (file, k) in [("BR1.txt", 2), ("BR7.txt", 2)] {
            try BeamReplayChecks.assertReplays(file, k, seed: 2, rule: \.contactScore, beam: beam) { result, replay in
                XCTAssertEqual(result.statistics.squareFrom, 3, "the square rounds ran after the plain ones of width 1")
                XCTAssertEqual(replay.placements.count, result.plan.placements.count)
                XCTAssertGreaterThanOrEqual(result.statistics.bestRound, 3, "a square round found the plan")
                deepest = max(deepest, result.genome.deviations.map { Int($0 & PlacementGenome.rankMask) }.max() ?? 0)
            }
        }
        XCTAssertGreaterThan(deepest, 15, "a path ranked past four bits (BR7-2: 26 with support, 59 without)")
    }

    /// The genome search keeps the flag and its plans valid.
    func testSearchStateWithContactScoreStaysValid() throws {
        let instance = try TestData.br("BR7.txt", 3)
        var rng = SeededGenerator(seed: 4)
        var genome = Packing3DPrior.bestOf.genome(instance, rng: &rng)
        genome.contactScore = true
        genome.generalBlocks = true
        try BlockListTests.applyEveryOperator(instance, genome, rng: &rng) { XCTAssertTrue($0.genome.contactScore) }
    }
}
