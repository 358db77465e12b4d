import XCTest
import HunchCore
@testable import HunchPacking3D

final class CandidateRankingTests: XCTestCase {
    /// Score descending, then larger foot; equal entries keep the order offered; exact
    /// duplicates are dropped; only `capacity` entries stay; every offer is counted.
    func testRanksDeduplicatesAndKeepsTheBest() {
        var ranking = CandidateRanking(capacity: 3)
        ranking.consider(0, 0, 1, 1, 1, 10, 4)   // 10, foot 4
        ranking.consider(1, 0, 2, 1, 1, 10, 4)   // 20, foot 8
        ranking.consider(1, 0, 2, 1, 1, 10, 4)   // duplicate
        ranking.consider(2, 0, 1, 1, 1, 10, 5)   // 10, foot 5: before type 0
        ranking.consider(3, 0, 1, 1, 1, 5, 4)    // 5: ranked fourth, dropped
        XCTAssertEqual(ranking.count, 3)
        XCTAssertEqual(ranking.entries.prefix(3).map(\.type), [1, 2, 0])
        XCTAssertEqual(ranking.evaluations, 5)
    }

    /// An offer that repeats an earlier one (same block, same score and foot) leaves the ranking
    /// as it was, wherever the earlier one went (kept, pushed out, or never let in), so the engine
    /// may count a repeated layer without scoring it (`rankSimpleBlocks`). Random offers with
    /// repeats, against the same offers with the repeats counted only, at capacities 1–7.
    func testRepeatedOfferChangesNothing() {
        var rng = SeededGenerator(seed: 7)
        for trial in 0..<300 {
            let capacity = 1 + trial % 7
            var withRepeats = CandidateRanking(capacity: capacity), skipping = CandidateRanking(capacity: capacity)
            var offered: [(t: Int, nx: Int, score: Double, foot: Int)] = []
            for _ in 0..<40 {
                if !offered.isEmpty && rng.below(3) == 0 {
                    let o = offered[rng.below(offered.count)]
                    withRepeats.consider(o.t, 0, o.nx, 1, 1, o.score, o.foot)
                    skipping.evaluations += 1
                    continue
                }
                // A block's score and foot are its own (as in one space); few distinct values, so
                // that ties are common.
                let t = rng.below(5), nx = 1 + rng.below(3)
                let o = (t: t, nx: nx, score: Double(1 + (3 * t + nx) % 4), foot: 1 + (t + nx) % 2)
                offered.append(o)
                withRepeats.consider(o.t, 0, o.nx, 1, 1, o.score, o.foot)
                skipping.consider(o.t, 0, o.nx, 1, 1, o.score, o.foot)
            }
            XCTAssertEqual(withRepeats.count, skipping.count)
            XCTAssertEqual(withRepeats.evaluations, skipping.evaluations)
            for e in 0..<withRepeats.count {
                let a = withRepeats.entries[e], b = skipping.entries[e]
                XCTAssertTrue(a.type == b.type && a.nx == b.nx && a.score == b.score && a.foot == b.foot, "trial \(trial), rank \(e)")
            }
        }
    }

    /// `rejects(below:)` holds only when a block scoring under the bound could not enter: the
    /// ranking is full and its last entry scores more.
    func testRejectsOnlyWhatInsertWouldDrop() {
        var ranking = CandidateRanking(capacity: 2)
        XCTAssertFalse(ranking.rejects(below: 0))
        ranking.consider(0, 0, 1, 1, 1, 10, 1)
        XCTAssertFalse(ranking.rejects(below: 0), "not full")
        ranking.consider(1, 0, 1, 1, 1, 8, 1)
        XCTAssertTrue(ranking.rejects(below: 7.9))
        XCTAssertFalse(ranking.rejects(below: 8), "an equal score may still enter on its foot")
        let before = ranking.entries.prefix(2).map(\.type)
        ranking.consider(2, 0, 1, 1, 1, 7.9, 9)
        XCTAssertEqual(ranking.entries.prefix(2).map(\.type), before)
        ranking.consider(3, 0, 1, 1, 1, 8, 2)
        XCTAssertEqual(ranking.entries.prefix(2).map(\.type), [0, 3])
    }

    /// Along real decodes (VCS rankings with and without general blocks, with and without the
    /// grids, full support and none), a step ranked 64 wide begins with the same blocks as the
    /// step ranked 1, 7, 8, 10, 16 or 32 wide. A beam's child ranked 64 wide and completed 1
    /// wide then replays with the decode's `rank + 1`: before the skip bound's margin
    /// (`rejects(below:)`), ties between orientations came out in another order.
    func testWiderRankingBeginsWithTheNarrowerOne() throws {
        for (file, k) in [("BR1.txt", 3), ("BR1.txt", 6), ("BR7.txt", 1), ("BR7.txt", 2)] {
            let instance = try TestData.br(file, k)
            for support in [true, false] {
                for ranking in BeamReplayChecks.rankings(instance, support: support, seed: 1, rule: \.contactScore) {
                    for grids in [false, true] {
                        var genome = ranking
                        genome.gridBlocks = grids
                        try assertPrefixes(instance, support: support, genome: genome, "\(file)#\(k) support \(support) grids \(grids)")
                    }
                }
            }
        }
    }

    private func assertPrefixes(_ instance: ContainerInstance, support: Bool, genome: PlacementGenome, _ label: String) throws {
        let packer = MaximalSpacePacker(instance: instance, fullSupport: support)
        packer.beginDecode(genome)
        var snapshot = MaximalSpacePacker.Snapshot()
        var steps = 0, wideSteps = 0
        while steps < 200 {
            packer.save(into: &snapshot)
            packer.rankingCapacity = MaximalSpacePacker.maxCandidates
            guard let s = packer.nextSpace(genome) else { break }
            let wide = (0..<packer.candCount).map { packer.candidate($0) }
            if wide.count > 16 { wideSteps += 1 }
            for narrow in [1, 7, 8, 10, 16, 32] {
                packer.restore(snapshot)
                packer.rankingCapacity = narrow
                XCTAssertEqual(packer.nextSpace(genome), s)
                let ranked = (0..<packer.candCount).map { packer.candidate($0) }
                XCTAssertEqual(ranked, Array(wide.prefix(narrow)), "\(label) step \(steps), \(narrow) wide")
            }
            // Every third step takes a block past the narrow rankings, when there is one.
            packer.place(wide[min(steps % 3 == 0 ? 9 : 0, wide.count - 1)], inSpace: s)
            steps += 1
        }
        XCTAssertGreaterThan(wideSteps, 1, "\(label): steps with more than 16 candidates")
    }
}
