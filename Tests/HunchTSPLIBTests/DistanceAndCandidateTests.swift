import HunchCore
import XCTest
import HunchTSPLIB

/// Properties of the shared distance and candidate lists: the matrix and the formula agree,
/// both dialects read a TSP file to the same distance, and candidate lists are sorted by
/// distance with ties broken by node id, whether found by the exact scan or the grid.
final class DistanceAndCandidateTests: XCTestCase {
    /// Nodes on a line at the given positions; |p_i − p_j| rounded as EUC_2D would.
    struct LineDistance: SymmetricDistance {
        let positions: [Double]
        let useGrid: Bool
        var dimension: Int { positions.count }
        func distance(_ i: Int, _ j: Int) -> Int { Int(abs(positions[i] - positions[j]) + 0.5) }
        var gridCoordinates: (x: [Double], y: [Double])? {
            useGrid ? (positions, [Double](repeating: 0, count: positions.count)) : nil
        }
    }

    func testTiesAreBrokenByNodeIdInBothSearches() {
        let positions: [Double] = [0, 1, 2, 3, 1, 5]
        for useGrid in [false, true] {
            let lists = CandidateLists(distance: LineDistance(positions: positions, useGrid: useGrid), k: 3)
            XCTAssertEqual(lists.k, 3)
            XCTAssertEqual(lists.count, 6)
            // Node 1 (at 1): node 4 at 0, then nodes 0 and 2 at 1 (ids ascending).
            XCTAssertEqual((0..<3).map { lists.neighbour(1, $0) }, [4, 0, 2], "grid: \(useGrid)")
            XCTAssertEqual(Array(lists.distances[3..<6]), [0, 1, 1], "grid: \(useGrid)")
            // Node 5 (at 5): node 3 at 2, then node 2 at 3, then nodes 1 and 4 at 4: id 1 first.
            XCTAssertEqual((0..<3).map { lists.neighbour(5, $0) }, [3, 2, 1], "grid: \(useGrid)")
        }
        XCTAssertEqual(CandidateLists(distance: LineDistance(positions: [7], useGrid: false), k: 5).k, 0)
    }

    func testMatrixAgreesWithTheFormulaForEveryCoordinateType() {
        var generator = SeededGenerator(seed: 7)
        for type in TSPLIBEdgeWeightType.allCases where type != .explicit {
            let n = 40
            let scale = type == .geo ? 90.0 : 10_000.0
            let x = (0..<n).map { _ in Double.random(in: -scale...scale, using: &generator) }
            let y = (0..<n).map { _ in Double.random(in: -scale...scale, using: &generator) }
            let withMatrix = TSPLIBDistance(edgeWeightType: type, x: x, y: y)
            let withoutMatrix = TSPLIBDistance(edgeWeightType: type, x: x, y: y, matrixLimit: 0)
            XCTAssertTrue(withMatrix.hasMatrix)
            XCTAssertFalse(withoutMatrix.hasMatrix)
            for i in 0..<n {
                for j in 0..<n {
                    let expected = i == j ? 0 : withoutMatrix.computeDistance(i, j)
                    XCTAssertEqual(withMatrix.distance(i, j), expected, "\(type) d(\(i),\(j))")
                    XCTAssertEqual(withoutMatrix.distance(i, j), withoutMatrix.distance(j, i), "\(type) symmetric")
                }
            }
        }
    }

    /// TSPLIB95's worked values: EUC_2D rounds, CEIL_2D rounds up, ATT rounds up past nint.
    func testHandCheckedDistances() {
        let x: [Double] = [0, 3, 1], y: [Double] = [0, 4, 1]
        XCTAssertEqual(TSPLIBDistance(edgeWeightType: .euc2D, x: x, y: y).distance(0, 2), 1) // √2 → 1
        XCTAssertEqual(TSPLIBDistance(edgeWeightType: .ceil2D, x: x, y: y).distance(0, 2), 2)
        XCTAssertEqual(TSPLIBDistance(edgeWeightType: .euc2D, x: x, y: y).distance(0, 1), 5)
        XCTAssertEqual(TSPLIBDistance(edgeWeightType: .man2D, x: x, y: y).distance(0, 1), 7)
        XCTAssertEqual(TSPLIBDistance(edgeWeightType: .max2D, x: x, y: y).distance(0, 1), 4)
        // ATT: r = √(25/10) = 1.58, nint 2 ≥ r → 2.
        XCTAssertEqual(TSPLIBDistance(edgeWeightType: .att, x: x, y: y).distance(0, 1), 2)
        XCTAssertEqual(TSPLIBDistance(matrix: [0, 7, 7, 0], dimension: 2).distance(1, 0), 7)
    }

    func testBothDialectsReadATSPFileToTheSameDistance() throws {
        for file in ["berlin52.tsp", "gr17.tsp", "ulysses16.tsp"] {
            let path = TestData.bundledTSP + "/" + file
            guard FileManager.default.fileExists(atPath: path) else { continue }
            let strict = TSPLIBDistance(document: try TSPLIBDocument.read(path: path, dialect: .tsp))
            let wide = TSPLIBDistance(document: try TSPLIBDocument.read(path: path, dialect: .vrplib))
            XCTAssertEqual(strict.matrix, wide.matrix, file)
            XCTAssertEqual(strict.edgeWeightType, wide.edgeWeightType, file)
        }
    }
}
