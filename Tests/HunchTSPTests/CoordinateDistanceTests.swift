import Foundation
import XCTest
@testable import HunchTSP

/// Property: each coordinate EDGE_WEIGHT_TYPE read from a file gives the distance worked out by
/// hand from TSPLIB95's definition, including its rounding corner cases.
final class CoordinateDistanceTests: XCTestCase {
    /// A two-node instance of `type` with nodes at (0, 0) and (dx, dy).
    private func distance(_ type: String, _ dx: String, _ dy: String) throws -> Int {
        let instance = try TSPLIBReader.parse("""
            NAME: pair
            TYPE: TSP
            DIMENSION: 2
            EDGE_WEIGHT_TYPE: \(type)
            NODE_COORD_SECTION
            1 0 0
            2 \(dx) \(dy)
            EOF
            """)
        XCTAssertEqual(instance.distance(0, 1), instance.distance(1, 0))
        XCTAssertEqual(instance.distance(0, 0), 0)
        return instance.distance(0, 1)
    }

    func testEuclideanRoundsToNearest() throws {
        XCTAssertEqual(try distance("EUC_2D", "3", "4"), 5)
        XCTAssertEqual(try distance("EUC_2D", "1", "1"), 1)      // √2 = 1.414 → 1
        XCTAssertEqual(try distance("EUC_2D", "1.5", "2"), 3)    // 2.5 → nint = (int)(3.0) = 3
        XCTAssertEqual(try distance("EUC_2D", "1.2", "1.6"), 2)  // 2.0
    }

    func testCeilingRoundsUp() throws {
        XCTAssertEqual(try distance("CEIL_2D", "1", "1"), 2)     // √2 → 2
        XCTAssertEqual(try distance("CEIL_2D", "3", "4"), 5)     // exact stays
        XCTAssertEqual(try distance("CEIL_2D", "0.1", "0"), 1)
    }

    /// ATT: r = √((dx²+dy²)/10), t = nint(r), d = t < r ? t + 1 : t.
    func testPseudoEuclideanRoundsUpWhenNearestIsBelow() throws {
        XCTAssertEqual(try distance("ATT", "10", "0"), 4)   // r = √10 = 3.162, t = 3 < r → 4
        XCTAssertEqual(try distance("ATT", "10", "30"), 10) // r = 10 exactly → 10
        XCTAssertEqual(try distance("ATT", "0", "11"), 4)   // r = √12.1 = 3.479, t = 3 < r → 4
        XCTAssertEqual(try distance("ATT", "0", "12"), 4)   // r = √14.4 = 3.795, t = 4 ≥ r → 4
    }

    func testManhattanRoundsTheSum() throws {
        XCTAssertEqual(try distance("MAN_2D", "1.2", "2.4"), 4)  // nint(3.6)
        XCTAssertEqual(try distance("MAN_2D", "-3", "4"), 7)
    }

    func testMaximumRoundsEachAxis() throws {
        XCTAssertEqual(try distance("MAX_2D", "1.4", "2.6"), 3)  // max(nint 1.4, nint 2.6) = max(1, 3)
        XCTAssertEqual(try distance("MAX_2D", "-5.4", "2"), 5)
    }

    /// burma14 nodes 1 (16°47' N, 96°10' E) and 2 (16°47' N, 94°44' E), worked out with the
    /// TSPLIB95 GEO formula (PI = 3.141592, radius 6378.388 km): 1° 26' of longitude at
    /// 16° 47' latitude is about 152.8 km, truncated after adding 1 → 153.
    func testGeographicOnBurma14Nodes() throws {
        let burma = try TSPLIBReader.parse(try TestData.text("burma14.tsp"))
        XCTAssertEqual(burma.edgeWeightType, .geo)
        XCTAssertEqual(burma.distance(0, 1), 153)
        XCTAssertEqual(burma.distance(1, 0), 153)
    }

    /// GEO nodes on the same spot, at the poles or antipodal stay within acos's domain (a NaN
    /// there would trap in `Int`).
    func testGeographicDegenerateCoordinatesDoNotTrap() throws {
        for (dx, dy) in [("0", "0"), ("90", "0"), ("-90", "180"), ("89.59", "179.59")] {
            XCTAssertGreaterThanOrEqual(try distance("GEO", dx, dy), 0)
        }
    }

    /// Ids may come in any order; node k of the instance is the line with id k+1.
    func testNodeIdsInAnyOrder() throws {
        let instance = try TSPLIBReader.parse("""
            TYPE : TSP
            DIMENSION : 3
            EDGE_WEIGHT_TYPE : EUC_2D
            NODE_COORD_SECTION
            3 0 4
            1 0 0
            2 3 0
            """)
        XCTAssertEqual(instance.x, [0, 3, 0])
        XCTAssertEqual(instance.y, [0, 0, 4])
        XCTAssertEqual(instance.distance(1, 2), 5)
        XCTAssertEqual(instance.tourLength([0, 1, 2]), 12)
    }

    /// `EDGE_WEIGHT_FORMAT: FUNCTION` next to a coordinate type changes nothing.
    func testFunctionFormatIsHarmless() throws {
        let withFunction = try TSPLIBReader.parse(
            "DIMENSION: 2\nEDGE_WEIGHT_TYPE: EUC_2D\nEDGE_WEIGHT_FORMAT: FUNCTION\nNODE_COORD_SECTION\n1 0 0\n2 3 4\n")
        XCTAssertEqual(withFunction.distance(0, 1), 5)
    }

    /// Above `TSPInstance.matrixLimit` distances are computed on the fly; they must agree with
    /// the same instance small enough to keep a matrix.
    func testLargeInstanceComputesTheSameDistances() throws {
        var generator = SplitMix64(seed: 7)
        let n = TSPInstance.matrixLimit + 1
        var text = "DIMENSION: \(n)\nEDGE_WEIGHT_TYPE: ATT\nNODE_COORD_SECTION\n"
        for id in 1...n {
            text += "\(id) \(Int.random(in: 0...5000, using: &generator)) \(Int.random(in: 0...5000, using: &generator))\n"
        }
        let large = try TSPLIBReader.parse(text)
        let small = TSPInstance(name: "first", edgeWeightType: .att,
                                x: Array(large.x.prefix(50)), y: Array(large.y.prefix(50)))
        for i in 0..<50 {
            for j in 0..<50 { XCTAssertEqual(large.distance(i, j), small.distance(i, j)) }
        }
    }
}
