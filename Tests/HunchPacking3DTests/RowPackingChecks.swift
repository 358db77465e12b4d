import XCTest
import HunchCore
@testable import HunchPacking3D

/// One-dimensional cases for the block rules: a `length` × 1 × 1 container and one box of each
/// of `boxLengths` (never upright), where what a rule packs can be worked out by hand.
enum RowPackingChecks {
    static func row(_ name: String, length: Int, boxLengths: [Int]) -> ContainerInstance {
        let flat = [false, false, true]
        return ContainerInstance(name: name, container: [length, 1, 1], boxTypes: boxLengths.map {
            BoxType(dimensions: [$0, 1, 1], mayBeVertical: flat, quantity: 1)
        })
    }

    /// Under both support rules: the default genome packs `before`, the genome with `rule`
    /// switched on packs `after` with the box types `types`, in a valid plan.
    static func assertRuleImproves(_ instance: ContainerInstance, from before: Int, to after: Int, types: Set<Int>,
                                   rule: WritableKeyPath<PlacementGenome, Bool>,
                                   file: StaticString = #filePath, line: UInt = #line) throws {
        for support in [true, false] {
            var genome = PlacementGenome(typeCount: instance.boxTypes.count, stepCapacity: 4)
            let packer = MaximalSpacePacker(instance: instance, fullSupport: support)
            XCTAssertEqual(packer.decode(genome), before, file: file, line: line)
            genome[keyPath: rule] = true
            XCTAssertEqual(packer.decode(genome), after, file: file, line: line)
            try PlacementValidation.check(packer.plan, instance: instance, requireFullSupport: support)
            XCTAssertEqual(Set(packer.plan.placements.map(\.type)), types, file: file, line: line)
        }
    }
}
