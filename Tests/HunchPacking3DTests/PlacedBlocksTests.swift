import XCTest
import HunchCore
@testable import HunchPacking3D

final class PlacedBlocksTests: XCTestCase {
    /// A 10-cube holding one slab A = [0,4)×[0,10)×[0,10) and one wall B = [4,10)×[6,10)×[0,10);
    /// the box Q = [4,10)×[0,5)×[0,3) lies against A (−x: 5·3), the far wall (+x: 5·3), the
    /// front wall (−y: 6·3) and the floor (−z: 6·5), 78 in all. B is 1 away from Q's +y face:
    /// out of reach with p = 4 % (0.2 of Q's side 5, truncated to 0), within it with p = 25 %
    /// (1.25, so 1): then Q's +y face touches B over 6·3 more.
    func testContactByHand() {
        var placed = PlacedBlocks()
        placed.append(0, 0, 0, 4, 10, 10)
        placed.append(4, 6, 0, 10, 10, 10)
        XCTAssertEqual(placed.contact(4, 0, 0, 10, 5, 3, container: 10, 10, 10, tolerance: 0.04), 78)
        XCTAssertEqual(placed.contact(4, 0, 0, 10, 5, 3, container: 10, 10, 10, tolerance: 0.25), 96)
        // Lifted 1 off the floor: the floor is out of reach at 4 % and within it at 50 % (1.5).
        XCTAssertEqual(placed.contact(4, 0, 1, 10, 5, 4, container: 10, 10, 10, tolerance: 0.04), 78 - 30)
        XCTAssertEqual(placed.contact(4, 0, 1, 10, 5, 4, container: 10, 10, 10, tolerance: 0.5), 78 + 18)
    }

    /// A face counts at most its area: a wall and a thin block both within reach of Q's −x face
    /// count once.
    func testAFaceCountsOnce() {
        var placed = PlacedBlocks()
        placed.append(0, 0, 0, 1, 10, 10)
        // Q = [1,9)×[0,10)×[0,10) fills the rest: every face touches, 2·(80 + 80 + 100).
        let q = placed.contact(1, 0, 0, 9, 10, 10, container: 10, 10, 10, tolerance: 0.25)
        XCTAssertEqual(q, 2 * (100 + 80 + 80))
    }

    /// Along real decodes (BR1-1 and BR7-1, both support settings, contact measured against the
    /// placed blocks), at every step and for each of the 64 best-ranked blocks: the contact measured against
    /// the space's neighbours (what the engine ranks with) equals the contact against every placed
    /// block, and never exceeds the space's estimate, the bound the ranking skips blocks by.
    func testNeighboursAndTheBoundAlongRealDecodes() throws {
        var checked = 0, below = 0
        for (file, k) in [("BR1.txt", 1), ("BR7.txt", 1)] {
            let instance = try TestData.br(file, k)
            for support in [true, false] {
                let packer = MaximalSpacePacker(instance: instance, fullSupport: support)
                var genome = PlacementGenome(typeCount: instance.boxTypes.count, stepCapacity: 1).normalized(for: instance)
                genome.contactScore = true
                genome.contactFromBlocks = true
                genome.generalBlocks = true
                packer.beginDecode(genome)
                packer.rankingCapacity = MaximalSpacePacker.maxCandidates
                while let s = packer.nextSpace(genome) {
                    let b = 6 * s, sp = packer.free.spaces
                    let sx = sp[b + 3] - sp[b], sy = sp[b + 4] - sp[b + 1], sz = sp[b + 5] - sp[b + 2]
                    for c in 0..<packer.candCount {
                        let (bx, by, bz) = size(of: packer.candidate(c), packer)
                        let measured = packer.contactArea(bx, by, bz)
                        let r = packer.rankedSpace, near = packer.rankedNear
                        let px = near.x ? r.x1 : r.x2 - bx, py = near.y ? r.y1 : r.y2 - by, pz = near.floor ? r.z1 : r.z2 - bz
                        let all = packer.placed.contact(px, py, pz, px + bx, py + by, pz + bz, container: packer.length, packer.width,
                                                        packer.height, tolerance: packer.contactScore.tolerance)
                        XCTAssertEqual(measured, all, "\(file)#\(k) step \(packer.steps) block \(c)")
                        let estimate = packer.contactScore.spaceContact(sx, sy, sz, bx, by, bz)
                        XCTAssertLessThanOrEqual(measured, estimate, "\(file)#\(k) step \(packer.steps) block \(c)")
                        checked += 1
                        if measured < estimate { below += 1 }
                    }
                    packer.place(packer.candidate(0), inSpace: s)
                }
                XCTAssertEqual(packer.placed.count, packer.steps, "one box per block placed")
            }
        }
        XCTAssertGreaterThan(checked, 2000)
        XCTAssertGreaterThan(below, 50, "the measure differs from the estimate somewhere, or this test checks nothing")
    }

    /// The beam with the contact measured against the placed blocks: its plans validate under
    /// both support settings, and the genome it returns (flag kept) replays them.
    func testBeamWithContactFromBlocksValidatesAndReplays() throws {
        for (file, k) in [("BR1.txt", 1), ("BR7.txt", 2)] {
            try BeamReplayChecks.assertReplays(file, k, seed: 1, rule: \.contactFromBlocks, also: \.contactScore)
        }
    }

    /// `hunch solve` measures contact against the blocks only without support and with more than
    /// 20 box types (BR8–BR15's kind; BR7 has 20).
    func testSolveMeasuresContactWithoutSupportOnManyTypes() throws {
        let br7 = try TestData.br("BR7.txt", 1)
        XCTAssertEqual(br7.boxTypes.count, 20)
        XCTAssertFalse(Packing3DProblem.measuresContact(br7, fullSupport: false))
        var many = br7
        many.boxTypes.append(BoxType(dimensions: [30, 40, 50], mayBeVertical: [true, true, true], quantity: 1))
        XCTAssertTrue(Packing3DProblem.measuresContact(many, fullSupport: false))
        XCTAssertFalse(Packing3DProblem.measuresContact(many, fullSupport: true))
    }

    private func size(of choice: MaximalSpacePacker.Choice, _ packer: MaximalSpacePacker) -> (Int, Int, Int) {
        if choice.block >= 0, let list = packer.blockList {
            return (list.sizeX[choice.block], list.sizeY[choice.block], list.sizeZ[choice.block])
        }
        let o = 6 * choice.type + choice.orient
        return (choice.nx * packer.orientX[o], choice.ny * packer.orientY[o], choice.nz * packer.orientZ[o])
    }
}
