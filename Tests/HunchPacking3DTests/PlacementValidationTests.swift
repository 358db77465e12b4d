import XCTest
import HunchCore
@testable import HunchPacking3D

final class PlacementValidationTests: XCTestCase {
    /// A 10×10×10 container; type 0 is a 5×5×5 cube (2 available), type 1 a 10×5×2 plank that may
    /// stand only on its 2 side (h vertical), 1 available.
    let instance = ContainerInstance(name: "tiny", container: [10, 10, 10], boxTypes: [
        BoxType(dimensions: [5, 5, 5], mayBeVertical: [true, true, true], quantity: 2),
        BoxType(dimensions: [10, 5, 2], mayBeVertical: [false, false, true], quantity: 1),
    ])

    func cube(_ x: Int, _ y: Int, _ z: Int) -> Placement { Placement(type: 0, x: x, y: y, z: z, lx: 5, ly: 5, lz: 5) }

    func check(_ boxes: [Placement], support: Bool = true) throws {
        try PlacementValidation.check(PackingPlan(placements: boxes), instance: instance, requireFullSupport: support)
    }

    func testValidPlanPasses() throws {
        let plank = Placement(type: 1, x: 0, y: 0, z: 0, lx: 10, ly: 5, lz: 2)
        try check([plank, cube(0, 0, 2), cube(5, 0, 2)])
        XCTAssertEqual(PackingPlan(placements: [plank, cube(0, 0, 2)]).packedVolume(), 100 + 125)
        XCTAssertEqual(PackingPlan(placements: [plank]).utilisation(instance), 10, accuracy: 1e-12)
    }

    func testEachViolationIsCaught() {
        XCTAssertThrowsError(try check([cube(0, 0, 0), cube(4, 0, 0)])) {
            XCTAssertEqual($0 as? PlacementViolation, .overlap(box: 0, other: 1))
        }
        XCTAssertThrowsError(try check([cube(6, 0, 0)])) {
            XCTAssertEqual($0 as? PlacementViolation, .outsideContainer(box: 0))
        }
        XCTAssertThrowsError(try check([Placement(type: 1, x: 0, y: 0, z: 0, lx: 2, ly: 5, lz: 10)])) {
            XCTAssertEqual($0 as? PlacementViolation, .wrongOrientation(box: 0, type: 1, extents: [2, 5, 10]))
        }
        XCTAssertThrowsError(try check([cube(0, 0, 0), cube(5, 0, 0), cube(0, 5, 0)])) {
            XCTAssertEqual($0 as? PlacementViolation, .tooManyOfType(type: 0, placed: 3, available: 2))
        }
        XCTAssertThrowsError(try check([cube(0, 0, 0), cube(2, 0, 5)])) {
            XCTAssertEqual($0 as? PlacementViolation, .unsupported(box: 1, supportedArea: 15, baseArea: 25))
        }
        XCTAssertThrowsError(try check([Placement(type: 2, x: 0, y: 0, z: 0, lx: 5, ly: 5, lz: 5)])) {
            XCTAssertEqual($0 as? PlacementViolation, .unknownType(box: 0, type: 2))
        }
    }

    func testSupportIsOptionalAndTouchingIsNotOverlap() throws {
        try check([cube(0, 0, 0), cube(2, 0, 5)], support: false)
        try check([cube(0, 0, 0), cube(5, 0, 0)])
        // A box resting on two boxes at the same height is fully supported.
        let plank = Placement(type: 1, x: 0, y: 0, z: 5, lx: 10, ly: 5, lz: 2)
        try check([cube(0, 0, 0), cube(5, 0, 0), plank])
    }
}

/// `violations` lists every defect at once (what `hunch check` prints), each overlapping pair
/// once however many grid cells it shares, and its first is what `check` throws.
final class PlacementViolationsTests: XCTestCase {
    let instance = ContainerInstance(name: "tiny", container: [10, 10, 10], boxTypes: [
        BoxType(dimensions: [5, 5, 5], mayBeVertical: [true, true, true], quantity: 2),
        BoxType(dimensions: [10, 5, 2], mayBeVertical: [false, false, true], quantity: 1),
    ])

    func cube(_ x: Int, _ y: Int, _ z: Int) -> Placement { Placement(type: 0, x: x, y: y, z: z, lx: 5, ly: 5, lz: 5) }

    func testEveryViolationIsListedOnce() throws {
        // Box 0 outside, boxes 1 and 2 overlap, box 2 floats.
        let plan = PackingPlan(placements: [cube(6, 0, 0), cube(0, 0, 0), cube(1, 1, 1)])
        let found = PlacementValidation.violations(plan, instance: instance, requireFullSupport: true)
        XCTAssertEqual(found, [.outsideContainer(box: 0), .overlap(box: 1, other: 2), .unsupported(box: 2, supportedArea: 0, baseArea: 25)])
        XCTAssertThrowsError(try PlacementValidation.check(plan, instance: instance, requireFullSupport: true)) {
            XCTAssertEqual($0 as? PlacementViolation, found.first)
        }
        // Many small blocks make a fine grid; a large overlap shares many cells, yet is one pair.
        let plank = Placement(type: 1, x: 0, y: 0, z: 0, lx: 10, ly: 5, lz: 2)
        let pairs = PlacementValidation.violations(PackingPlan(placements: [plank, cube(0, 0, 0)]), instance: instance,
                                                   requireFullSupport: false)
        XCTAssertEqual(pairs, [.overlap(box: 0, other: 1)])
    }

    func testContainersObjectiveListsBoxesMissingAndLoadedTwice() throws {
        let context = try Packing3DProblem.context(instance, options: FamilyOptions(objective: "containers"))
        let plank = Placement(type: 1, x: 0, y: 0, z: 0, lx: 10, ly: 5, lz: 2)
        let solution = Packing3DSolution(containers: [PackingPlan(placements: [plank, cube(0, 0, 2)]),
                                                      PackingPlan(placements: [plank])])
        XCTAssertEqual(Packing3DProblem.violations(solution, instance, context),
                       ["type 0: 1 of its 2 boxes are in no container", "type 1: 2 boxes loaded, the instance has 1"])
        XCTAssertThrowsError(try Packing3DProblem.validate(solution, instance, context))
    }
}
