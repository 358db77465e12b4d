import XCTest
@testable import HunchPacking3D

final class Packing3DBoundTests: XCTestCase {
    func testRowLengthsTightenTheVolumeBound() {
        // Cubes of side 3 in a 10-cube: rows reach 9 in each direction, so at most 9³ = 729 of
        // 1000 units can be packed, although the boxes' volume (100·27) is far larger.
        let instance = ContainerInstance(name: "c3", container: [10, 10, 10], boxTypes: [
            BoxType(dimensions: [3, 3, 3], mayBeVertical: [true, true, true], quantity: 100),
        ])
        XCTAssertEqual(Packing3DBound.utilisationUpperBound(instance), 72.9, accuracy: 1e-9)
    }

    func testVolumeBoundWhenFewBoxes() {
        let instance = ContainerInstance(name: "few", container: [10, 10, 10], boxTypes: [
            BoxType(dimensions: [5, 5, 5], mayBeVertical: [true, true, true], quantity: 3),
        ])
        XCTAssertEqual(Packing3DBound.utilisationUpperBound(instance), 37.5, accuracy: 1e-9)
    }

    func testBoundOnBRIsAtMostTheVolumeBound() throws {
        let instance = try TestData.br("BR1.txt", 1)
        let byVolume = 100 * Double(instance.totalBoxVolume) / Double(instance.containerVolume)
        XCTAssertLessThanOrEqual(Packing3DBound.utilisationUpperBound(instance), min(100, byVolume) + 1e-9)
    }
}
