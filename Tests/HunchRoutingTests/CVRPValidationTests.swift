import HunchCore
@testable import HunchRouting
import XCTest

/// `violations` lists every defect of a CVRP solution at once (what `hunch check` prints), with
/// nodes numbered as in the instance file; its first is what `check` throws. `decode` reads an
/// infeasible plan but refuses a node id the instance does not have.
final class CVRPValidationTests: XCTestCase {
    func testOverCapacityAndMissingCustomerAreBothListed() throws {
        let instance = try CVRPReader.read(path: Bundled.path("P-n16-k8"))
        let customers = Array(1..<instance.dimension)
        // Everything in one route but the last customer, and that one visited twice.
        let routes = [Array(customers.dropLast()), [customers[0]]]
        XCTAssertNil(instance.maximumRoutes, "P-n16-k8 states no VEHICLES")
        let found = CVRPValidation.violations(CVRPSolution(routes: routes), instance: instance).map(\.description)
        XCTAssertEqual(found, ["route 1 carries \(instance.totalDemand - instance.demands[15]), above the capacity 35",
                               "node 2 is visited twice (in routes 1 and 2)", "node 16 is not visited"])
        XCTAssertThrowsError(try CVRPValidation.check(CVRPSolution(routes: routes), instance: instance)) {
            XCTAssertEqual("\($0)", found.first)
        }
        let context = try CVRPProblem.context(instance, options: FamilyOptions())
        XCTAssertEqual(CVRPProblem.violations(CVRPSolution(routes: customers.map { [$0] }), instance, context), [])
    }

    func testDecodeReadsTheDepotAsAViolationButRefusesUnknownIds() throws {
        let instance = try CVRPReader.read(path: Bundled.path("P-n16-k8"))
        let context = try CVRPProblem.context(instance, options: FamilyOptions())
        let withDepot = try CVRPProblem.decode(.object(["routes": .array([.array([.int(2), .int(1), .int(3)])])]), instance, context)
        XCTAssertTrue(CVRPProblem.violations(withDepot, instance, context).contains("route 1: node 1 is the depot, not a customer"))
        XCTAssertThrowsError(try CVRPProblem.decode(.object(["routes": .array([.array([.int(2)]), .array([.int(3), .int(99)])])]),
                                                    instance, context)) {
            XCTAssertTrue("\($0)".contains("routes[1][1]: 99 is not a node id"), "\($0)")
        }
    }
}
