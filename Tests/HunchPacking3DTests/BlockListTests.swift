import XCTest
import HunchCore
@testable import HunchPacking3D

final class BlockListTests: XCTestCase {
    /// Every general block, placed alone in a container of its own size, is a valid plan: its
    /// parts stay in its box and do not overlap, and under full support every box rests on the
    /// floor or on the block. Its volume is its parts', fills ≥ 98 % of its box, and its box
    /// counts are its parts'.
    func testGeneratedBlocksAreValid() throws {
        for (file, k) in [("BR7.txt", 1), ("BR7.txt", 3), ("BR1.txt", 2)] {
            let instance = try TestData.br(file, k)
            for support in [true, false] {
                let list = BlockList.make(instance, fullSupport: support, limit: 400)
                XCTAssertGreaterThan(list.count, 0, "\(instance.name): some types combine")
                for b in 0..<list.count {
                    let box = ContainerInstance(name: "block", container: [list.sizeX[b], list.sizeY[b], list.sizeZ[b]],
                                                boxTypes: instance.boxTypes)
                    let plan = PackingPlan(placements: Array(list.partsOf(b)))
                    try PlacementValidation.check(plan, instance: box, requireFullSupport: support)
                    XCTAssertEqual(plan.packedVolume(), list.volume[b])
                    XCTAssertGreaterThanOrEqual(Double(list.volume[b]),
                                                BlockList.minimumFill * Double(list.sizeX[b] * list.sizeY[b] * list.sizeZ[b]))
                    var counts = [Int](repeating: 0, count: instance.boxTypes.count)
                    for p in plan.placements { counts[p.type] += p.boxCount }
                    var needs = [Int](repeating: 0, count: instance.boxTypes.count)
                    for i in list.needStart[b]..<list.needStart[b + 1] { needs[list.needType[i]] += list.needCount[i] }
                    XCTAssertEqual(counts, needs)
                    XCTAssertGreaterThan(list.partStart[b + 1] - list.partStart[b], 1, "a general block has several parts")
                }
            }
        }
    }

    /// A space's scan starts at `firstFitting`: the lists (general blocks, and with the grids) are
    /// sorted by volume, largest first, and the block it names is the first no larger than the
    /// space, for every volume in the list and between.
    func testScanStartsAtTheFirstBlockThatCanFit() throws {
        let instance = try TestData.br("BR7.txt", 5)
        for grids in [false, true] {
            let list = BlockList.make(instance, fullSupport: false, limit: 500, grids: grids)
            XCTAssertGreaterThan(list.count, 100)
            XCTAssertTrue(zip(list.volume, list.volume.dropFirst()).allSatisfy { $0 >= $1 })
            var volumes = Set(list.volume.flatMap { [$0 - 1, $0, $0 + 1] })
            volumes.formUnion([0, Int.max])
            for v in volumes {
                XCTAssertEqual(list.firstFitting(volume: v), list.volume.firstIndex { $0 <= v } ?? list.count, "volume \(v)")
            }
        }
    }

    /// Under full support a block's top rectangle is covered at its full height: a slab of that
    /// size laid on top is fully supported.
    func testTopRectangleIsCoveredUnderFullSupport() throws {
        let instance = try TestData.br("BR7.txt", 2)
        let list = BlockList.make(instance, fullSupport: true, limit: 300)
        for b in 0..<list.count {
            let slab = BoxType(dimensions: [list.topX[b], list.topY[b], 1], mayBeVertical: [false, false, true], quantity: 1)
            let box = ContainerInstance(name: "block+slab", container: [list.sizeX[b], list.sizeY[b], list.sizeZ[b] + 1],
                                        boxTypes: instance.boxTypes + [slab])
            var placements = Array(list.partsOf(b))
            placements.append(Placement(type: instance.boxTypes.count, x: 0, y: 0, z: list.sizeZ[b],
                                        lx: list.topX[b], ly: list.topY[b], lz: 1))
            try PlacementValidation.check(PackingPlan(placements: placements), instance: box, requireFullSupport: true)
        }
    }

    /// A 5×1×1 container and boxes of lengths 4, 3 and 2 (one each): the greedy engine with
    /// one-type blocks takes the largest box (4) and has no room left (80 %); the general block
    /// 3 + 2 fills the container (100 %).
    func testMixingTypesFillsWhatOneTypeBlocksCannot() throws {
        try RowPackingChecks.assertRuleImproves(RowPackingChecks.row("mix", length: 5, boxLengths: [4, 3, 2]),
                                                from: 4, to: 5, types: [1, 2], rule: \.generalBlocks)
    }

    func testSearchStateWithGeneralBlocksStaysValid() throws {
        let instance = try TestData.br("BR7.txt", 4)
        var rng = SeededGenerator(seed: 5)
        var genome = Packing3DPrior.bestOf.genome(instance, rng: &rng)
        genome.generalBlocks = true
        try Self.applyEveryOperator(instance, genome, rng: &rng) { state in
            XCTAssertEqual(state.objective, 100 - state.plan.utilisation(instance), accuracy: 1e-9)
        }
    }

    /// Applies each operator once from `genome` (full support), checking every plan with the
    /// validator and then `check`.
    static func applyEveryOperator(_ instance: ContainerInstance, _ genome: PlacementGenome, rng: inout SeededGenerator,
                                   check: (Packing3DSearchState) -> Void) throws {
        let state = Packing3DSearchState(instance: instance, genome: genome, fullSupport: true)
        let stop = StopCondition(interruption: Interruption())
        for action in 0..<Packing3DSearchState.operators.count {
            state.beginTrial()
            _ = state.apply(action: action, rng: &rng, stop: stop)
            try PlacementValidation.check(state.plan, instance: instance, requireFullSupport: true)
            check(state)
            state.commitTrial()
        }
    }
}
