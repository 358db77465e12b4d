import XCTest
@testable import HunchTSP

/// Property: `TSPLIBWriter.format` then `TSPLIBReader.parse` gives an instance with the same
/// type, name, comment, coordinates and every distance.
final class WriterRoundTripTests: XCTestCase {
    private func roundTrip(_ instance: TSPInstance, file: StaticString = #filePath, line: UInt = #line) throws -> TSPInstance {
        let back = try TSPLIBReader.parse(TSPLIBWriter.format(instance))
        XCTAssertEqual(back.name, instance.name, file: file, line: line)
        XCTAssertEqual(back.comment, instance.comment, file: file, line: line)
        XCTAssertEqual(back.edgeWeightType, instance.edgeWeightType, file: file, line: line)
        XCTAssertEqual(back.x, instance.x, file: file, line: line)
        XCTAssertEqual(back.y, instance.y, file: file, line: line)
        XCTAssertEqual(back.displayX, instance.displayX, file: file, line: line)
        XCTAssertEqual(back.displayY, instance.displayY, file: file, line: line)
        assertSameDistances(back, instance, file: file, line: line)
        return back
    }

    /// One bundled instance of each distance type and matrix layout.
    func testBundledInstancesRoundTrip() throws {
        for name in ["berlin52", "att48", "burma14", "dsj1000", "gr17", "bayg29", "bays29", "si175", "pa561", "fri26"] {
            _ = try roundTrip(try TSPLIBReader.read(path: "\(TestData.bundledTSP)/\(name).tsp"))
        }
    }

    /// Arbitrary doubles (many digits, tiny and huge exponents) come back bit for bit.
    func testRandomCoordinatesRoundTripExactly() throws {
        var generator = SplitMix64(seed: 2024)
        for type in [TSPEdgeWeightType.euc2D, .ceil2D, .att, .geo, .man2D, .max2D] {
            let n = 40
            let coordinate = { (g: inout SplitMix64) -> Double in
                switch Int.random(in: 0..<4, using: &g) {
                case 0: return Double(Int.random(in: -1000...1000, using: &g))
                case 1: return Double.random(in: -1e-6...1e-6, using: &g)
                default: return Double.random(in: -90...90, using: &g)
                }
            }
            var x: [Double] = [], y: [Double] = []
            for _ in 0..<n {
                x.append(coordinate(&generator))
                y.append(coordinate(&generator))
            }
            let instance = TSPInstance(name: "random-\(type.rawValue)", comment: "seed 2024\nsecond line",
                                       edgeWeightType: type, x: x, y: y, displayX: x, displayY: y)
            _ = try roundTrip(instance)
        }
    }

    func testExplicitInstanceIsWrittenAsFullMatrix() throws {
        let instance = TSPInstance(name: "m", matrix: [0, 7, 9, 7, 0, 4, 9, 4, 0], dimension: 3)
        let text = TSPLIBWriter.format(instance)
        XCTAssertTrue(text.contains("EDGE_WEIGHT_FORMAT : FULL_MATRIX\nEDGE_WEIGHT_SECTION\n0 7 9\n7 0 4\n9 4 0\nEOF\n"))
        _ = try roundTrip(instance)
    }

    func testWriteToDisk() throws {
        let path = try TestData.temporaryDirectory() + "/gen.tsp"
        let instance = TSPInstance(name: "gen", edgeWeightType: .euc2D, x: [0, 3, 0], y: [0, 0, 4])
        try TSPLIBWriter.write(instance, to: path)
        assertSameDistances(try TSPLIBReader.read(path: path), instance)
    }
}
