import XCTest
import HunchTSPLIB

/// Property: the bundled CVRPLIB files (instances/cvrp: A-n32-k5, E-n13-k4 with its EXPLICIT
/// LOWER_ROW matrix, P-n16-k8) read into documents with the published dimension, capacity,
/// demands and depot, and their CVRPLIB `.sol` routes cost exactly the stated optimum under
/// `TSPLIBDistance` while respecting the capacity.
final class CVRPLIBFileTests: XCTestCase {
    struct Expected {
        let file: String
        let dimension: Int
        let capacity: Int
        let demandSum: Int
        let edgeWeightType: TSPLIBEdgeWeightType
        /// The `Cost` of the `.sol` file, the CVRPLIB optimum.
        let optimum: Int
    }

    static let expected: [Expected] = [
        Expected(file: "A-n32-k5", dimension: 32, capacity: 100, demandSum: 410, edgeWeightType: .euc2D, optimum: 784),
        Expected(file: "E-n13-k4", dimension: 13, capacity: 6000, demandSum: 18200, edgeWeightType: .explicit, optimum: 247),
        Expected(file: "P-n16-k8", dimension: 16, capacity: 35, demandSum: 246, edgeWeightType: .euc2D, optimum: 450),
    ]

    func testBundledInstancesReadWithTheirHeaderAndSections() throws {
        for expected in Self.expected {
            let document = try TSPLIBDocument.read(path: TestData.cvrp(expected.file + ".vrp"))
            XCTAssertEqual(document.name, expected.file)
            XCTAssertEqual(document.type, .cvrp, expected.file)
            XCTAssertEqual(document.dimension, expected.dimension, expected.file)
            XCTAssertEqual(document.capacity, expected.capacity, expected.file)
            XCTAssertEqual(document.edgeWeightType, expected.edgeWeightType, expected.file)
            XCTAssertEqual(document.demands?.count, expected.dimension, expected.file)
            XCTAssertEqual(document.demands?.reduce(0, +), expected.demandSum, expected.file)
            XCTAssertEqual(document.demands?.first, 0, "\(expected.file): the depot has no demand")
            XCTAssertEqual(document.depots, [0], "\(expected.file): depot is node 1")
            XCTAssertTrue(document.comment.contains("Optimal value: \(expected.optimum)"), document.comment)
            XCTAssertNil(document.vehicles)
            XCTAssertNil(document.timeWindows)
            XCTAssertEqual(document.line(of: .type), 3, expected.file)
            if expected.edgeWeightType == .explicit {
                XCTAssertEqual(document.edgeWeightFormat, .lowerRow)
                XCTAssertNil(document.nodeCoordinates)
                XCTAssertEqual(document.explicitWeights?.count, expected.dimension * expected.dimension)
            } else {
                XCTAssertEqual(document.nodeCoordinates?.x.count, expected.dimension)
                XCTAssertNil(document.explicitWeights)
            }
        }
    }

    /// E-n13-k4's LOWER_ROW matrix starts "9 14 21 …": d(2,1) = 9, d(3,1) = 14, d(3,2) = 21.
    func testLowerRowMatrixIsReadRowByRowBelowTheDiagonal() throws {
        let distance = TSPLIBDistance(document: try TSPLIBDocument.read(path: TestData.cvrp("E-n13-k4.vrp")))
        XCTAssertEqual(distance.distance(1, 0), 9)
        XCTAssertEqual(distance.distance(0, 1), 9)
        XCTAssertEqual(distance.distance(2, 0), 14)
        XCTAssertEqual(distance.distance(2, 1), 21)
        XCTAssertEqual(distance.distance(12, 11), 10) // the last number of the section
        XCTAssertEqual(distance.distance(5, 5), 0)
    }

    func testSolutionsCostTheOptimumAndRespectTheCapacity() throws {
        for expected in Self.expected {
            let document = try TSPLIBDocument.read(path: TestData.cvrp(expected.file + ".vrp"))
            let distance = TSPLIBDistance(document: document)
            let solution = try CVRPSolution(path: TestData.cvrp(expected.file + ".sol"))
            XCTAssertEqual(solution.cost, expected.optimum, expected.file)
            let depot = document.depots![0]
            let demands = document.demands!
            var total = 0
            var served: [Int] = []
            for route in solution.routes {
                XCTAssertLessThanOrEqual(route.map { demands[$0] }.reduce(0, +), document.capacity!, expected.file)
                var previous = depot
                for customer in route {
                    total += distance.distance(previous, customer)
                    previous = customer
                }
                total += distance.distance(previous, depot)
                served += route
            }
            XCTAssertEqual(total, expected.optimum, expected.file)
            XCTAssertEqual(served.sorted(), Array(1..<expected.dimension), "\(expected.file): every customer once")
        }
    }

    /// The TSP reader's dialect refuses the same file at its TYPE line, as it always has.
    func testTSPDialectRefusesACVRPFileAtItsType() {
        assertTSPLIBError(try TSPLIBDocument.read(path: TestData.cvrp("A-n32-k5.vrp"), dialect: .tsp), line: 3,
                          mentions: "TYPE CVRP is not supported; expected TYPE : TSP (symmetric TSP)")
    }
}
