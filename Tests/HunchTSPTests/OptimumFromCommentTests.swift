import XCTest
@testable import HunchTSP

/// Property: `optimumFromComment` finds a number only where the comment says it is the
/// optimum (or best known), and stays silent otherwise.
final class OptimumFromCommentTests: XCTestCase {
    func testExplicitStatements() {
        XCTAssertEqual(TSPLIBReader.optimumFromComment("52 locations in Berlin, optimum 7542"), 7542)
        XCTAssertEqual(TSPLIBReader.optimumFromComment("Optimal tour length: 1234"), 1234)
        XCTAssertEqual(TSPLIBReader.optimumFromComment("random instance (opt = 1234)"), 1234)
        XCTAssertEqual(TSPLIBReader.optimumFromComment("best known 98765"), 98765)
        XCTAssertEqual(TSPLIBReader.optimumFromComment("Best-known value is 42."), 42)
        XCTAssertEqual(TSPLIBReader.optimumFromComment("OPTIMUM=77"), 77)
    }

    /// The phrasings of TSPLIB's own .opt.tour files.
    func testTSPLIBTourComments() {
        XCTAssertEqual(TSPLIBReader.optimumFromComment("Optimal solution for gr24 (1272)"), 1272)
        XCTAssertEqual(TSPLIBReader.optimumFromComment("Optimum tour for eil101.tsp (Length 629)"), 629)
        XCTAssertEqual(TSPLIBReader.optimumFromComment("Optimal tour for eil51.tsp  (426)"), 426)
        XCTAssertEqual(TSPLIBReader.optimumFromComment("Optimal solution of gr666 (294358)"), 294358)
        XCTAssertEqual(TSPLIBReader.optimumFromComment("optimal tour for pr1002 (259045)"), 259045)
    }

    func testNoClaimNoNumber() {
        for comment in [
            "", "52 locations in Berlin (Groetschel)", "Length 6110", "Optimum solution of bayg29",
            "Optimum solution  for att48", "not optimal: 1234", "a near-optimal tour 1234", "suboptimal 99",
            "optimal for 3 of 5 cases", "optimum unknown, bound 1234", "optimum 12.5", "optimum 1,234",
            "optimum 1234km", "1234 is optimal", "optimization run 7", "Best value 815",
            "optimal tour, length 1234", "optimum 99999999999999999999999",
        ] {
            XCTAssertNil(TSPLIBReader.optimumFromComment(comment), comment)
        }
    }
}
