import XCTest
import HunchTSPLIB

/// Property: each kind of bad CVRPLIB / VRPLIB data is refused with a `TSPLIBError` at the line
/// to blame, saying what was expected; good routing data reads into the document's fields.
final class RoutingSectionErrorTests: XCTestCase {
    /// A valid 4-node CVRP; `replacing` swaps whole lines (1-based) for other text.
    private func cvrp(replacing changes: [Int: String] = [:], type: String = "CVRP") -> String {
        var lines = [
            "NAME : tiny",              // 1
            "TYPE : \(type)",           // 2
            "DIMENSION : 4",            // 3
            "EDGE_WEIGHT_TYPE : EUC_2D", // 4
            "CAPACITY : 10",            // 5
            "NODE_COORD_SECTION",       // 6
            "1 0 0",                    // 7
            "2 3 4",                    // 8
            "3 6 8",                    // 9
            "4 0 5",                    // 10
            "DEMAND_SECTION",           // 11
            "1 0",                      // 12
            "2 3",                      // 13
            "3 4",                      // 14
            "4 5",                      // 15
            "DEPOT_SECTION",            // 16
            "1",                        // 17
            "-1",                       // 18
            "EOF",                      // 19
        ]
        for (line, text) in changes { lines[line - 1] = text }
        return lines.joined(separator: "\n") + "\n"
    }

    private func parse(_ text: String, dialect: TSPLIBDialect = .vrplib) throws -> TSPLIBDocument {
        try TSPLIBDocument.parse(text, file: "tiny.vrp", dialect: dialect)
    }

    func testValidFileReadsEveryRoutingField() throws {
        let document = try parse(cvrp())
        XCTAssertEqual(document.type, .cvrp)
        XCTAssertEqual(document.capacity, 10)
        XCTAssertEqual(document.demands, [0, 3, 4, 5])
        XCTAssertEqual(document.depots, [0])
        XCTAssertEqual(document.line(of: .depotSection), 16)
        XCTAssertEqual(TSPLIBDistance(document: document).distance(0, 1), 5)
    }

    // MARK: DEPOT_SECTION

    func testDepotSectionWithoutTerminatorIsRefusedAtItsLastId() {
        assertTSPLIBError(try parse(cvrp(replacing: [18: ""])), line: 17,
                          mentions: "DEPOT_SECTION does not end with -1", "expected -1 after the depot ids")
        // Also at the very end of the file, without EOF.
        assertTSPLIBError(try parse(cvrp(replacing: [18: "", 19: ""])), line: 17, mentions: "does not end with -1")
    }

    func testDepotSectionWithoutDepotsIsRefused() {
        assertTSPLIBError(try parse(cvrp(replacing: [17: "", 18: ""])), line: 16, mentions: "DEPOT_SECTION is empty")
        assertTSPLIBError(try parse(cvrp(replacing: [17: "-1", 18: ""])), line: 17,
                          mentions: "lists no depot before its -1")
    }

    func testBadDepotIdsAreRefusedAtTheirLine() {
        assertTSPLIBError(try parse(cvrp(replacing: [17: "5"])), line: 17,
                          mentions: "node id 5 is out of range; expected 1...4 (DIMENSION at line 3)")
        assertTSPLIBError(try parse(cvrp(replacing: [17: "0"])), line: 17, mentions: "node id 0 is out of range")
        assertTSPLIBError(try parse(cvrp(replacing: [17: "1 1"])), line: 17,
                          mentions: "depot 1 appears twice in DEPOT_SECTION (first at line 17)")
        assertTSPLIBError(try parse(cvrp(replacing: [17: "1.5"])), line: 17,
                          mentions: "expected a depot node id (an integer 1...4) or -1 in DEPOT_SECTION, found \"1.5\"")
        assertTSPLIBError(try parse(cvrp(replacing: [17: "depot 1"])), line: 17,
                          mentions: "expected a depot node id (1...4) or -1 in DEPOT_SECTION")
        assertTSPLIBError(try parse(cvrp(replacing: [18: "-1 2"])), line: 18,
                          mentions: "expected nothing after the -1 that ends DEPOT_SECTION, found \"2\"")
        assertTSPLIBError(try parse(cvrp(replacing: [19: "2"])), line: 19,
                          mentions: "expected a keyword after the -1 that ends DEPOT_SECTION (line 18)")
    }

    func testSeveralDepotsOnOneLineAreRead() throws {
        XCTAssertEqual(try parse(cvrp(replacing: [17: "1 4", 18: "-1"])).depots, [0, 3])
        XCTAssertEqual(try parse(cvrp(replacing: [17: "2 -1", 18: ""])).depots, [1])
    }

    // MARK: DEMAND_SECTION

    func testDemandSectionShorterThanDimensionIsRefused() {
        assertTSPLIBError(try parse(cvrp(replacing: [15: ""])), line: 16,
                          mentions: "DEMAND_SECTION ended after 3 of 4 nodes (DIMENSION at line 3); node 4 is missing")
    }

    func testDemandSectionLongerThanDimensionIsRefused() {
        assertTSPLIBError(try parse(cvrp(replacing: [15: "4 5\n5 1"])), line: 16,
                          mentions: "node id 5 is out of range; expected 1...4 (DIMENSION at line 3)")
        assertTSPLIBError(try parse(cvrp(replacing: [15: "2 5"])), line: 15,
                          mentions: "node id 2 appears twice in DEMAND_SECTION (first at line 13)")
    }

    func testBadDemandValuesAreRefusedAtTheirLine() {
        assertTSPLIBError(try parse(cvrp(replacing: [13: "2 -3"])), line: 13,
                          mentions: "expected a non-negative integer as the demand of node id 2, found \"-3\"")
        assertTSPLIBError(try parse(cvrp(replacing: [13: "2 1.5"])), line: 13, mentions: "found \"1.5\"")
        assertTSPLIBError(try parse(cvrp(replacing: [13: "2"])), line: 13,
                          mentions: "expected 1 value (demand) after node id 2, found \"\"")
        assertTSPLIBError(try parse(cvrp(replacing: [13: "2 3 4"])), line: 13,
                          mentions: "expected 1 value (demand) after node id 2, found \"3 4\"")
        assertTSPLIBError(try parse(cvrp(replacing: [13: "two 3"])), line: 13,
                          mentions: "expected a node line \"id demand\" in DEMAND_SECTION (1 of 4 nodes read)")
    }

    func testSectionBeforeDimensionIsRefused() {
        let text = "NAME : x\nTYPE : CVRP\nDEMAND_SECTION\n1 0\nDIMENSION : 1\n"
        assertTSPLIBError(try parse(text), line: 3, mentions: "DEMAND_SECTION comes before DIMENSION")
    }

    func testHugeDimensionIsRefusedBeforeAllocating() {
        // Long enough that DIMENSION is not absurd for the file, far too short for its demands.
        let text = "NAME : x\nTYPE : CVRP\nCOMMENT : " + String(repeating: "x", count: 200_000)
            + "\nDIMENSION : 100000\nDEMAND_SECTION\n1 0\n"
        assertTSPLIBError(try parse(text), line: 5, mentions: "DEMAND_SECTION cannot hold DIMENSION = 100000 nodes (line 4)")
    }

    // MARK: What TYPE CVRP needs

    func testCVRPWithoutItsDataIsRefusedAtTheEnd() {
        assertTSPLIBError(try parse(cvrp(replacing: [5: ""])), line: 19,
                          mentions: "missing CAPACITY; TYPE CVRP (line 2) needs a CAPACITY")
        assertTSPLIBError(try parse(cvrp(replacing: [11: "", 12: "", 13: "", 14: "", 15: ""])), line: 19,
                          mentions: "missing DEMAND_SECTION; TYPE CVRP (line 2) needs the demand of all 4 nodes")
        assertTSPLIBError(try parse(cvrp(replacing: [16: "", 17: "", 18: ""])), line: 19,
                          mentions: "missing DEPOT_SECTION; TYPE CVRP (line 2) needs the depot node ids, ended by -1")
    }

    func testTSPWithRoutingDataNeedsNone() throws {
        // The document is family-neutral: TYPE TSP may carry demands without a capacity.
        let document = try parse(cvrp(replacing: [5: ""], type: "TSP"))
        XCTAssertEqual(document.type, .tsp)
        XCTAssertNil(document.capacity)
        XCTAssertEqual(document.demands, [0, 3, 4, 5])
    }

    // MARK: Specification values

    func testCapacityMustBeAPositiveInteger() {
        assertTSPLIBError(try parse(cvrp(replacing: [5: "CAPACITY : 0"])), line: 5, mentions: "expected a positive CAPACITY, found 0")
        assertTSPLIBError(try parse(cvrp(replacing: [5: "CAPACITY : ten"])), line: 5,
                          mentions: "expected an integer CAPACITY (the capacity of a vehicle), found \"ten\"")
        assertTSPLIBError(try parse(cvrp(replacing: [5: "CAPACITY : 1 2"])), line: 5,
                          mentions: "expected one value after CAPACITY, found \"1 2\"")
        assertTSPLIBError(try parse(cvrp(replacing: [5: "CAPACITY :"])), line: 5, mentions: "expected a value after CAPACITY")
        assertTSPLIBError(try parse(cvrp(replacing: [5: "CAPACITY : 99999999999999999999"])), line: 5,
                          mentions: "CAPACITY 99999999999999999999 is out of range")
        assertTSPLIBError(try parse(cvrp(replacing: [1: "CAPACITY : 5"])), line: 5,
                          mentions: "CAPACITY appears twice (first at line 1)")
    }

    func testVehiclesDistanceAndServiceTimeAreRead() throws {
        let document = try parse(cvrp(replacing: [1: "VEHICLES : 3\nDISTANCE : 50.5\nSERVICE_TIME : 10"]))
        XCTAssertEqual(document.vehicles, 3)
        XCTAssertEqual(document.maximumRouteLength, 50.5)
        XCTAssertEqual(document.serviceTime, 10)
        XCTAssertEqual(document.name, "tiny") // NAME missing: the file's stem
    }

    func testBadVehiclesDistanceAndServiceTimeAreRefused() {
        assertTSPLIBError(try parse(cvrp(replacing: [1: "VEHICLES : -2"])), line: 1, mentions: "expected a positive VEHICLES, found -2")
        assertTSPLIBError(try parse(cvrp(replacing: [1: "DISTANCE : 0"])), line: 1, mentions: "expected a positive DISTANCE, found 0")
        assertTSPLIBError(try parse(cvrp(replacing: [1: "DISTANCE : inf"])), line: 1,
                          mentions: "expected a number for DISTANCE (the maximum length of a route), found \"inf\"")
        assertTSPLIBError(try parse(cvrp(replacing: [1: "SERVICE_TIME : -1"])), line: 1,
                          mentions: "expected a non-negative SERVICE_TIME, found -1")
    }

    // MARK: Time windows and service times (VRPLIB)

    private func vrptw(_ windows: [String], serviceTimes: [String]? = nil) -> String {
        var extra = "TIME_WINDOW_SECTION\n" + windows.joined(separator: "\n")
        if let serviceTimes { extra += "\nSERVICE_TIME_SECTION\n" + serviceTimes.joined(separator: "\n") }
        return cvrp(replacing: [19: extra + "\nEOF"], type: "VRPTW")
    }

    func testTimeWindowsAndServiceTimesAreRead() throws {
        let document = try parse(vrptw(["1 0 100", "2 10 20.5", "3 0 50", "4 30 30"], serviceTimes: ["1 0", "2 5", "3 5", "4 2.5"]))
        XCTAssertEqual(document.type, .vrptw)
        XCTAssertEqual(document.timeWindows?[1], TSPLIBTimeWindow(earliest: 10, latest: 20.5))
        XCTAssertEqual(document.timeWindows?.count, 4)
        XCTAssertEqual(document.serviceTimes, [0, 5, 5, 2.5])
    }

    func testBadTimeWindowsAreRefusedAtTheirLine() {
        // TIME_WINDOW_SECTION is line 19; its node lines 20…23.
        assertTSPLIBError(try parse(vrptw(["1 0 100", "2 30 20", "3 0 50", "4 0 50"])), line: 21,
                          mentions: "time window of node id 2 opens at 30.0 after it closes at 20.0")
        assertTSPLIBError(try parse(vrptw(["1 0 100", "2 10", "3 0 50", "4 0 50"])), line: 21,
                          mentions: "expected 2 values (earliest latest) after node id 2, found \"10\"")
        assertTSPLIBError(try parse(vrptw(["1 0 100", "2 -1 5", "3 0 50", "4 0 50"])), line: 21,
                          mentions: "expected a non-negative number as the earliest of node id 2, found \"-1\"")
        assertTSPLIBError(try parse(vrptw(["1 0 100", "2 0 5", "3 0 50"])), line: 23,
                          mentions: "TIME_WINDOW_SECTION ended after 3 of 4 nodes (DIMENSION at line 3); node 4 is missing")
    }

    func testVRPTWNeedsTimeWindows() {
        assertTSPLIBError(try parse(cvrp(type: "VRPTW")), line: 19,
                          mentions: "missing TIME_WINDOW_SECTION; TYPE VRPTW (line 2) needs the time window of all 4 nodes")
        assertTSPLIBError(try parse(cvrp(type: "CVRPTW")), line: 19, mentions: "missing TIME_WINDOW_SECTION; TYPE CVRPTW")
    }

    func testUniformAndPerNodeServiceTimesContradict() {
        let text = vrptw(["1 0 100", "2 0 20", "3 0 50", "4 0 50"], serviceTimes: ["1 0", "2 5", "3 5", "4 5"])
            .replacingOccurrences(of: "NAME : tiny", with: "SERVICE_TIME : 3")
        assertTSPLIBError(try parse(text), line: 24,
                          mentions: "SERVICE_TIME (line 1) and SERVICE_TIME_SECTION (line 24) both give service times")
    }

    // MARK: TYPE and keywords by dialect

    func testRoutingDialectAcceptsTheRoutingTypes() throws {
        XCTAssertEqual(TSPLIBDialect.vrplib.acceptedTypes, [.tsp, .cvrp, .vrptw, .cvrptw])
        let tsp = try String(contentsOfFile: TestData.bundledTSP + "/berlin52.tsp", encoding: .utf8)
        XCTAssertEqual(try parse(tsp).type, .tsp)
        assertTSPLIBError(try parse(cvrp(type: "HCP")), line: 2,
                          mentions: "TYPE HCP is not supported; expected TYPE : TSP, CVRP, VRPTW or CVRPTW")
        assertTSPLIBError(try parse(cvrp(type: "ATSP")), line: 2, mentions: "TYPE ATSP (asymmetric TSP) is not supported")
        assertTSPLIBError(try parse(cvrp(type: "TOUR")), line: 2, mentions: "TYPE TOUR is a tour file")
        assertTSPLIBError(try parse(cvrp(type: "VRP")), line: 2, mentions: "unknown TYPE \"VRP\"; expected TYPE : TSP, CVRP")
        assertTSPLIBError(try parse(cvrp(replacing: [2: "TYPE :"])), line: 2,
                          mentions: "expected a value after TYPE (TSP, CVRP, VRPTW or CVRPTW)")
    }

    func testRoutingDialectRefusesEdgeDataAndTours() {
        assertTSPLIBError(try parse(cvrp(replacing: [16: "EDGE_DATA_SECTION"])), line: 16,
                          mentions: "EDGE_DATA_SECTION belongs to other TSPLIB problem types (HCP, sparse graphs)")
        assertTSPLIBError(try parse(cvrp(replacing: [16: "TOUR_SECTION"])), line: 16,
                          mentions: "TOUR_SECTION belongs to tour files; expected an instance")
        assertTSPLIBError(try parse(cvrp(replacing: [1: "PRIZE : 3"])), line: 1,
                          mentions: "unknown keyword \"PRIZE\"", "CAPACITY", "DEMAND_SECTION", "DEPOT_SECTION")
    }

    /// The `.tsp` dialect reads as HunchTSP's reader always did: routing keywords belong to
    /// other problem types, the VRPLIB additions are unknown keywords.
    func testTSPDialectKeepsItsMessages() {
        let tsp = cvrp(replacing: [2: "TYPE : TSP"])
        assertTSPLIBError(try parse(tsp, dialect: .tsp), line: 5,
                          mentions: "CAPACITY belongs to other TSPLIB problem types (CVRP, HCP…); expected a TYPE : TSP file")
        assertTSPLIBError(try parse(cvrp(replacing: [2: "TYPE : TSP", 5: "VEHICLES : 2"]), dialect: .tsp), line: 5,
                          mentions: "unknown keyword \"VEHICLES\"; expected a TSPLIB keyword such as NAME")
        assertTSPLIBError(try parse(cvrp(), dialect: .tsp), line: 2,
                          mentions: "TYPE CVRP is not supported; expected TYPE : TSP (symmetric TSP)")
        assertTSPLIBError(try parse(cvrp(type: "VRPTW"), dialect: .tsp), line: 2,
                          mentions: "unknown TYPE \"VRPTW\"; expected TYPE : TSP")
    }
}
