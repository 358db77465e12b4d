import XCTest
import HunchCore
@testable import HunchPacking3D

final class Packing3DPriorTests: XCTestCase {
    func testEveryPriorGivesAValidSupportedPlan() throws {
        for (file, k) in [("BR1.txt", 1), ("BR7.txt", 1), ("BR7.txt", 2)] {
            let instance = try TestData.br(file, k)
            for prior in Packing3DPrior.allCases {
                for support in [true, false] {
                    var rng = SeededGenerator(seed: 7)
                    let plan = prior.construct(instance, fullSupport: support, rng: &rng)
                    XCTAssertNoThrow(try PlacementValidation.check(plan, instance: instance, requireFullSupport: support),
                                     "\(prior) on \(instance.name)")
                    let u = plan.utilisation(instance)
                    XCTAssertGreaterThan(u, 60, "\(prior) on \(instance.name)")
                    XCTAssertLessThanOrEqual(u, Packing3DBound.utilisationUpperBound(instance) + 1e-9)
                }
            }
        }
    }

    func testEverythingFitsWhenThereIsRoom() throws {
        // 8 cubes of side 5 fill a 10-cube exactly: the engine must find it.
        let instance = ContainerInstance(name: "cubes", container: [10, 10, 10], boxTypes: [
            BoxType(dimensions: [5, 5, 5], mayBeVertical: [true, true, true], quantity: 8),
        ])
        var rng = SeededGenerator(seed: 1)
        let plan = Packing3DPrior.default.construct(instance, fullSupport: true, rng: &rng)
        try PlacementValidation.check(plan, instance: instance, requireFullSupport: true)
        XCTAssertEqual(plan.utilisation(instance), 100, accuracy: 1e-12)
    }

    func testBoxOrderDecoderRepairsAnyOrder() throws {
        let instance = try TestData.br("BR7.txt", 5)
        for order in [[], [19, 19, -3, 400, 0], Array((0..<20).reversed())] {
            let plan = BoxOrderDecoder.plan(instance, boxTypeOrder: order, fullSupport: true)
            try PlacementValidation.check(plan, instance: instance, requireFullSupport: true)
            XCTAssertGreaterThan(plan.utilisation(instance), 60)
        }
        let genome = BoxOrderDecoder.genome(instance, boxTypeOrder: [19, 19, -3, 400, 0])
        XCTAssertEqual(genome.order.prefix(3), [19, 0, 1])
        XCTAssertEqual(Set(genome.order), Set(0..<20))
    }
}
