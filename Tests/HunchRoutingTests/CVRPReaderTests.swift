import HunchCore
@testable import HunchRouting
import HunchTSPLIB
import XCTest

final class CVRPReaderTests: XCTestCase {
    func testBundledInstancesReadAsPublished() throws {
        let a = try CVRPReader.read(path: Bundled.path("A-n32-k5"))
        XCTAssertEqual(a.dimension, 32)
        XCTAssertEqual(a.capacity, 100)
        XCTAssertEqual(a.demands[0], 0)
        XCTAssertEqual(a.totalDemand, 410)
        XCTAssertEqual(a.minimumRoutes, 5)
        // EXPLICIT LOWER_ROW with a depot.
        let e = try CVRPReader.read(path: Bundled.path("E-n13-k4"))
        XCTAssertEqual(e.dimension, 13)
        XCTAssertEqual(e.capacity, 6000)
        XCTAssertNil(e.x)
    }

    /// Every bundled `.sol` re-evaluates to its stated cost and validates.
    func testBundledSolutionsReproduceTheirCost() throws {
        for name in Bundled.names {
            let instance = try CVRPReader.read(path: Bundled.path(name))
            let (solution, cost) = try CVRPSolutionFile.read(path: Bundled.path(name, "sol"), instance: instance)
            XCTAssertNoThrow(try CVRPValidation.check(solution, instance: instance), name)
            XCTAssertEqual(instance.cost(solution.routes), cost, name)
            XCTAssertEqual(instance.cost(solution.routes), Bundled.optima[name], name)
        }
    }

    /// Every usable `.sol` of the shared CVRPLIB copy reproduces its cost (its README names the
    /// three that do not: B-n50-k8, B-n57-k7, E-n30-k3).
    func testSharedSolutionsReproduceTheirCost() throws {
        guard let files = try? FileManager.default.contentsOfDirectory(atPath: Bundled.shared) else {
            throw XCTSkip("no shared CVRPLIB copy at \(Bundled.shared)")
        }
        let known = ["B-n50-k8", "B-n57-k7", "E-n30-k3"]
        var checked = 0
        for file in files.sorted() where file.hasSuffix(".sol") {
            let name = String(file.dropLast(4))
            guard !known.contains(name), !name.hasPrefix("X-n") || name < "X-n2" else { continue }
            let instance = try CVRPReader.read(path: Bundled.shared + "/\(name).vrp")
            let (solution, cost) = try CVRPSolutionFile.read(path: Bundled.shared + "/" + file, instance: instance)
            XCTAssertNoThrow(try CVRPValidation.check(solution, instance: instance), name)
            XCTAssertEqual(instance.cost(solution.routes), cost, name)
            checked += 1
        }
        XCTAssertGreaterThan(checked, 90)
    }

    func testBadInputNamesFileAndLine() {
        let header = "NAME : bad\nTYPE : CVRP\nDIMENSION : 3\nEDGE_WEIGHT_TYPE : EUC_2D\nCAPACITY : 10\nNODE_COORD_SECTION\n1 0 0\n2 1 1\n3 2 2\n"
        XCTAssertThrowsError(try CVRPReader.parse(header + "DEMAND_SECTION\n1 0\n2 11\n3 1\nDEPOT_SECTION\n1\n-1\nEOF\n", file: "bad.vrp")) {
            XCTAssertTrue("\($0)".hasPrefix("bad.vrp:12:"), "the demand's own line: \($0)")
            XCTAssertTrue("\($0)".contains("above the CAPACITY"), "\($0)")
        }
        XCTAssertThrowsError(try CVRPReader.parse(header.replacingOccurrences(of: "CAPACITY : 10\n", with: "") + "DEMAND_SECTION\n1 0\n2 1\n3 1\nDEPOT_SECTION\n1\n-1\nEOF\n", file: "bad.vrp")) {
            XCTAssertTrue("\($0)".contains("CAPACITY"), "\($0)")
        }
        XCTAssertThrowsError(try CVRPReader.parse(header + "DEMAND_SECTION\n1 0\n2 1\nDEPOT_SECTION\n1\n-1\nEOF\n", file: "bad.vrp")) {
            XCTAssertTrue("\($0)".hasPrefix("bad.vrp:"), "\($0)")
        }
    }

    func testSolutionFileErrorsNameTheLine() throws {
        let instance = try CVRPReader.read(path: Bundled.path("P-n16-k8"))
        XCTAssertThrowsError(try CVRPSolutionFile.parse("Route #1: 1 2 99\nCost 10\n", file: "x.sol", instance: instance)) {
            XCTAssertTrue("\($0)".hasPrefix("x.sol:1:"), "\($0)")
        }
        let text = CVRPSolutionFile.format(CVRPSolution(routes: [[1, 2], [3]]), instance: instance, cost: 5)
        XCTAssertEqual(try CVRPSolutionFile.parse(text, instance: instance).0, CVRPSolution(routes: [[1, 2], [3]]))
    }
}
