import XCTest
import HunchCore
@testable import HunchPacking3D

final class Packing3DSupportTests: XCTestCase {
    func testTheFamilyOptionsCarryObjectiveAndSupport() throws {
        let instance = try TestData.br("BR7.txt", 1)
        func context(_ objective: String?, _ support: String?) throws -> Packing3DProblem.Context {
            try Packing3DProblem.context(instance, options: FamilyOptions(objective: objective, support: support))
        }
        XCTAssertTrue(try context(nil, nil).fullSupport)
        XCTAssertFalse(try context(nil, "none").fullSupport)
        XCTAssertEqual(try context(nil, "none").objective, .volume)
        XCTAssertTrue(try context("containers", "full").fullSupport)
        XCTAssertEqual(try context("containers", "none").objective, .containers)
        XCTAssertFalse(try context("containers", "none").fullSupport)
        XCTAssertThrowsError(try context("volume", "some"))
        XCTAssertThrowsError(try context("weight", nil))
        XCTAssertEqual(Packing3DProblem.supportVariants, ["full", "none"])
    }

    /// Without support the engine lets blocks rest at any height: over a few BR problems some
    /// block has no full support, yet no plan has an overlap or a box outside the container, and
    /// the result says which mode it ran in.
    func testUnsupportedPlansMayFloatButNeverOverlap() throws {
        var floating = 0
        for (file, k) in [("BR7.txt", 1), ("BR7.txt", 2), ("BR1.txt", 1), ("BR1.txt", 4)] {
            let instance = try TestData.br(file, k)
            let context = try Packing3DProblem.context(instance, options: FamilyOptions(support: "none"))
            var rng = SeededGenerator(seed: 1)
            let solution = Packing3DProblem.construct(prior: "beam", instance, context, rng: &rng, stop: StopCondition()).solution
            try Packing3DProblem.validate(solution, instance, context)
            let withSupport = PlacementValidation.violations(solution.plan, instance: instance, requireFullSupport: true)
            XCTAssertTrue(withSupport.allSatisfy { if case .unsupported = $0 { return true } else { return false } }, "\(withSupport)")
            floating += withSupport.count
            XCTAssertEqual(Packing3DProblem.details(solution, instance, context)["support"], .string("none"))
        }
        XCTAssertGreaterThan(floating, 0, "the unsupported mode uses its freedom somewhere")
    }

    /// Without support the engine fills from the ceiling too, as BSG does: once a slab lies on the
    /// floor of a 10×10×10 container, the space above it is nearer the ceiling, and the next slab
    /// hangs from the ceiling with a gap below it; with support it stands on the first.
    func testWithoutSupportTheNextBlockHangsFromTheCeiling() throws {
        let flat = [false, false, true]
        let instance = ContainerInstance(name: "two slabs", container: [10, 10, 10], boxTypes: [
            BoxType(dimensions: [10, 10, 4], mayBeVertical: flat, quantity: 1),
            BoxType(dimensions: [10, 10, 5], mayBeVertical: flat, quantity: 1)])
        for support in [true, false] {
            let packer = MaximalSpacePacker(instance: instance, fullSupport: support)
            XCTAssertEqual(packer.decode(PlacementGenome(typeCount: 2, stepCapacity: 4)), 900)
            let placed = packer.placements
            XCTAssertEqual(placed.count, 2)
            XCTAssertEqual(placed[0].z, 0)
            XCTAssertEqual(placed[1].z, support ? placed[0].lz : 10 - placed[1].lz, "support \(support)")
            try PlacementValidation.check(packer.plan, instance: instance, requireFullSupport: support)
        }
    }
}
