import XCTest
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
