import Foundation
import HunchCore
@testable import HunchRouting
import XCTest

/// Hostile inputs for the VRPTW and dispatch readers: each was a crash (a trap, a failed
/// allocation), a silent misreading or an error without a place before it was refused here
/// with the file, the line or JSON path, and what was expected.
final class RoutingHostileInputTests: XCTestCase {
    // MARK: Dispatch JSON

    /// A day with one depot, one vehicle type and two jobs; `vehicle` and `job` are spliced in.
    static func day(vehicle: String = #""count": 2, "capacity": 10"#, jobs: String? = nil, extra: String = "") -> String {
        let list = jobs ?? #"{"id": "a", "location": 1, "delivery": 1}, {"id": "b", "location": 2, "delivery": 1, "prize": 5}"#
        return #"{"format": "hunch-dispatch", "version": 1, "locations": [[0, 0], [3, 4], [6, 8]], "#
            + #""depots": [{"id": "d", "location": 0}], "vehicle_types": [{"id": "v", "# + vehicle + "}], "
            + #""jobs": ["# + list + "]" + extra + "}"
    }

    func refusal(_ text: String, file: String = "day.json") -> String {
        do {
            _ = try DispatchReader.parse(text, file: file)
            return "accepted"
        } catch {
            return "\(error)"
        }
    }

    func testTheTemplateDayIsValid() throws {
        let instance = try DispatchReader.parse(Self.day(), file: "day.json")
        XCTAssertEqual(instance.jobs.count, 2)
        XCTAssertEqual(instance.vehicleCount, 2)
    }

    /// `count: 1e9` made the search allocate a route slot per vehicle: 128 GB, a fatal
    /// allocation failure; `1e7` took 16 s and 2.5 GB before the time limit was even checked.
    func testHugeVehicleCountIsRefusedWithItsPath() {
        for count in ["1000000000", "1e9", "1000000000000", "100001"] {
            let message = refusal(Self.day(vehicle: #""count": "# + count + #", "capacity": 10"#))
            XCTAssertTrue(message.hasPrefix("day.json: vehicle_types[0].count: "), message)
            XCTAssertTrue(message.contains("at most 100000"), message)
        }
        XCTAssertEqual(refusal(Self.day(vehicle: #""count": 100000, "capacity": 10"#)), "accepted")
    }

    /// The limit is on the fleet as a whole: two types of 60,000 each are refused at the second.
    func testFleetOverTheLimitAcrossTypesIsRefused() {
        let text = Self.day(vehicle: #""count": 60000, "capacity": 10}, {"id": "w", "count": 60000, "capacity": 10"#)
        let message = refusal(text)
        XCTAssertTrue(message.hasPrefix("day.json: vehicle_types[1].count: 120000 vehicles with the types above"), message)
    }

    /// Costs and prizes were converted to the search's integer thousandths with `Int(…)`,
    /// which traps above 9.2·10¹⁸ (fixed_cost 1e16, prize 1e20) and on infinity (1e308 × 1000).
    func testHugeCostsAndPrizesAreRefusedWithTheirPaths() {
        for key in ["fixed_cost", "cost_per_distance", "cost_per_time"] {
            for value in ["1e308", "1e16", "1000000001"] {
                let message = refusal(Self.day(vehicle: #""count": 2, "capacity": 10, ""# + key + #"": "# + value))
                XCTAssertTrue(message.hasPrefix("day.json: vehicle_types[0].\(key): expected a cost of at most 10⁹"), message)
            }
        }
        for value in ["1e308", "1e20", "1000000001"] {
            let message = refusal(Self.day(jobs: #"{"id": "a", "location": 1, "prize": "# + value + "}"))
            XCTAssertTrue(message.hasPrefix("day.json: jobs[0].prize: expected a prize of at most 10⁹"), message)
        }
        XCTAssertEqual(refusal(Self.day(jobs: #"{"id": "a", "location": 1, "prize": 1e9}"#)), "accepted")
    }

    /// Each cost within 10⁹, but `cost_per_time` 10⁹ on services of 10¹² made a route cost
    /// 10²¹ thousandths: the search's running total overflowed and trapped.
    func testCostsThatCouldOverflowThePlanTotalAreRefused() {
        let text = Self.day(vehicle: #""count": 2, "capacity": 10, "cost_per_time": 1e9"#,
                            jobs: #"{"id": "a", "location": 1, "service": 1000000000000}"#)
        let message = refusal(text)
        XCTAssertTrue(message.hasPrefix("day.json: vehicle_types[0]: costs too large to count"), message)
        // Realistic costs on the same day are fine.
        XCTAssertEqual(refusal(Self.day(vehicle: #""count": 2, "capacity": 10, "cost_per_time": 0.005, "fixed_cost": 1e6"#)), "accepted")
    }

    /// More jobs than the search's matrices hold (jobs at one location need no `locations`
    /// entry each, so the location limit did not catch them): 10⁵ jobs meant two 10¹⁰-cell
    /// matrices.
    func testTooManyJobsAreRefused() {
        let jobs = (0..<10_000).map { #"{"id": "j\#($0)", "location": 1}"# }.joined(separator: ", ")
        let message = refusal(Self.day(jobs: jobs))
        XCTAssertTrue(message.hasPrefix("day.json: jobs: 10000 jobs and 1 depot; at most 10000"), message)
    }

    /// JSON's member names should be unique; Foundation's decoder kept one of the two silently,
    /// so `"count": 2, "count": 1000000000` read as 2 (and `"format"` twice went unnoticed).
    func testDuplicateKeysAreRefusedWithTheirLine() {
        let message = refusal(Self.day(vehicle: "\"count\": 2,\n \"capacity\": 10, \"count\": 1000000000"))
        XCTAssertTrue(message.hasPrefix("day.json:2: not valid JSON: expected each member name once in an object, but \"count\" is already a member (line 1)"), message)
        let format = refusal(#"{"format": "hunch-dispatch", "format": "x"}"#)
        XCTAssertTrue(format.contains("\"format\" is already a member"), format)
        // Escapes are decoded before the comparison.
        let escaped = refusal(#"{"format": "hunch-dispatch", "form\u0061t": "x"}"#)
        XCTAssertTrue(escaped.contains("\"format\" is already a member"), escaped)
    }

    /// `1e400` and bytes that are not UTF-8 passed the syntax scan, so the decoder's refusal
    /// came out as "not valid JSON (expected a "hunch-dispatch" object)", with no line.
    func testOutOfRangeNumbersAndBadUTF8AreRefusedWithTheirLine() {
        let big = refusal(Self.day(extra: ",\n\"speed\": 1e400"))
        XCTAssertTrue(big.hasPrefix("day.json:2: not valid JSON: expected a number within ±1.8e308"), big)
        var bytes = Array(Self.day(extra: #", "name": "zq""#).utf8)
        let at = bytes.firstIndex(of: UInt8(ascii: "q"))!
        bytes[at] = 0xFF
        do {
            _ = try DispatchReader.parse(Data(bytes), file: "day.json")
            XCTFail("bad UTF-8 accepted")
        } catch {
            XCTAssertTrue("\(error)".hasPrefix("day.json:1: not valid JSON: expected UTF-8 text in the string"), "\(error)")
        }
    }

    /// 100,000 nested brackets must be refused, not followed down the stack.
    func testDeepNestingIsRefused() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        XCTAssertTrue(refusal(deep).contains("nesting deeper than 512 levels"))
        let inComment = Self.day(extra: #", "comment": "# + String(repeating: #"{"a": "#, count: 50_000) + "1" + String(repeating: "}", count: 50_000))
        XCTAssertTrue(refusal(inComment).contains("nesting deeper than 512 levels"))
    }

    /// The parser reads what Foundation's decoder read: integral decimals as integers (`2.0`
    /// as a location index, `300.0` as a service), escapes, surrogate pairs, a BOM, UTF-16.
    func testTheParserKeepsTheDecodersReadings() throws {
        let text = Self.day(jobs: #"{"id": "caf\u00e9 \ud83d\ude9a", "location": 2.0, "service": 300.0, "delivery": 1e0}"#)
        let instance = try DispatchReader.parse(text, file: "day.json")
        XCTAssertEqual(instance.jobs[0].id, "café 🚚")
        XCTAssertEqual(instance.jobs[0].location, 2)
        XCTAssertEqual(instance.jobs[0].service, 300)
        XCTAssertEqual(instance.jobs[0].delivery, [1])
        XCTAssertEqual(try DispatchJSONSyntax.parse(Array("[-0, 1.5, 123456789012345678901234567890]".utf8)),
                       .array([.int(0), .double(1.5), .double(1.2345678901234568e29)]))
        let bom = try DispatchReader.parse(Data([0xEF, 0xBB, 0xBF] + Array(text.utf8)), file: "day.json")
        XCTAssertEqual(bom.jobs[0].id, "café 🚚")
        let utf16 = try XCTUnwrap(text.data(using: .utf16))  // with a byte-order mark
        XCTAssertEqual(try DispatchReader.parse(utf16, file: "day.json").jobs[0].id, "café 🚚")
        let lone = refusal(Self.day(jobs: #"{"id": "\ud83d", "location": 1}"#))
        XCTAssertTrue(lone.contains("expected a low surrogate"), lone)
    }

    /// The wrong type, null, or nothing, where each key expects something: an error with the
    /// path, never a crash (a sample of the brief's list; all were already refused).
    func testWrongTypesNullsAndEmptiesNameTheirPath() {
        let cases: [(String, String)] = [
            (Self.day(vehicle: #""count": "2", "capacity": 10"#), "vehicle_types[0].count: expected a non-negative number of vehicles, found \"2\""),
            (Self.day(vehicle: #""count": null, "capacity": 10"#), "vehicle_types[0].count: expected a non-negative number of vehicles, found null"),
            (Self.day(vehicle: #""count": 2.5, "capacity": 10"#), "vehicle_types[0].count: expected a non-negative number of vehicles, found 2.5"),
            (Self.day(vehicle: #""count": 2, "capacity": [1, 1, 1, 1, 1]"#), "vehicle_types[0].capacity: 5 dimensions; at most 4 are supported"),
            (Self.day(vehicle: #""count": 2, "capacity": 10, "start_depot": "nowhere""#), "vehicle_types[0].start_depot: \"nowhere\" is not a depot id (depots: \"d\")"),
            (Self.day(jobs: #"{"id": "a", "location": 1, "service": 10.5}"#), "jobs[0].service: expected a non-negative service time, found 10.5"),
            (Self.day(jobs: #"{"id": "a", "location": {"lat": 1, "lon": 2}}"#), "jobs[0].location: expected [x, y] like locations[0]: every location of a file is of one kind"),
            (Self.day(extra: #", "speed": 0"#), "speed: expected a positive number (distance units per time unit), found 0"),
            (Self.day(extra: #", "speed": -1"#), "speed: expected a positive number (distance units per time unit), found -1"),
            (Self.day(extra: #", "options": null"#), "options: expected an object, found null"),
            ("null", "expected a JSON object {\"format\": \"hunch-dispatch\", …}, found null"),
        ]
        for (text, expected) in cases {
            XCTAssertEqual(refusal(text), "day.json: \(expected)")
        }
        let geographic = #"{"format": "hunch-dispatch", "version": 1, "locations": [{"lat": 91, "lon": 0}], "#
            + #""depots": [{"id": "d", "location": 0}], "vehicle_types": [{"id": "v", "count": 1, "capacity": 1}], "jobs": []}"#
        XCTAssertEqual(refusal(geographic), "day.json: locations[0].lat: expected a latitude in degrees, −90…90, found 91.0")
        XCTAssertEqual(refusal(geographic.replacingOccurrences(of: #""lat": 91, "lon": 0"#, with: #""lat": 0, "lon": 400"#)),
                       "day.json: locations[0].lon: expected a longitude in degrees, −180…180, found 400.0")
    }

    /// Days the format allows that the search must survive (it is the search's job: these
    /// parse, and RoutingHostileCommandTests solves them).
    func testEmptyDayAndEmptyFleetParse() throws {
        XCTAssertEqual(try DispatchReader.parse(Self.day(jobs: ""), file: "day.json").jobs.count, 0)
        XCTAssertEqual(try DispatchReader.parse(Self.day(vehicle: #""count": 0, "capacity": 10"#), file: "day.json").vehicleCount, 0)
    }

    // MARK: Solomon and VRPLIB

    static let solomonHead = "T\nVEHICLE\nNUMBER CAPACITY\n"

    func solomonRefusal(_ text: String) -> String {
        do {
            _ = try SolomonReader.parse(text, file: "t.txt", convention: .dimacs)
            return "accepted"
        } catch {
            return "\(error)"
        }
    }

    /// NUMBER × CAPACITY below the total demand: the search put every customer on the one
    /// vehicle and the solve ended in "internal error: the solution does not validate: route
    /// 1 carries 20, above the capacity 10".
    func testFleetTooSmallForTheDemandIsRefusedAtTheVehicleLine() {
        let text = Self.solomonHead + " 1 10\nCUSTOMER\nCUST NO.\n 0 0 0 0 0 100 0\n 1 1 0 10 0 50 0\n 2 3 0 10 0 50 0\n"
        XCTAssertEqual(solomonRefusal(text), "t.txt:4: the customers demand 20 in all, more than 1 vehicle of capacity 10 can carry (10); the instance is infeasible")
        XCTAssertEqual(solomonRefusal(text.replacingOccurrences(of: " 1 10\n", with: " 2 10\n")), "accepted")
    }

    func testVRPLIBFleetTooSmallForTheDemandIsRefused() {
        let text = """
        NAME : t
        TYPE : VRPTW
        DIMENSION : 3
        CAPACITY : 100
        VEHICLES : 1
        EDGE_WEIGHT_TYPE : EUC_2D
        NODE_COORD_SECTION
        1 0 0
        2 10 0
        3 0 10
        DEMAND_SECTION
        1 0
        2 96
        3 5
        TIME_WINDOW_SECTION
        1 0 1000
        2 0 100
        3 0 100
        DEPOT_SECTION
        1
        -1
        """
        XCTAssertThrowsError(try VRPLIBTimeWindowReader.parse(text, file: "t.vrp")) { error in
            XCTAssertEqual("\(error)", "t.vrp:5: the customers demand 101 in all, more than 1 vehicle of CAPACITY 100 can carry (100); the instance is infeasible")
        }
        XCTAssertNoThrow(try VRPLIBTimeWindowReader.parse(text.replacingOccurrences(of: "VEHICLES : 1", with: "VEHICLES : 2"), file: "t.vrp"))
    }

    /// A Solomon file readable under DIMACS (span 10⁶ × 10 fits 32 bits) whose hierarchical
    /// distances (× 10⁴) do not: `converted(to: .hierarchical)` trapped converting to Int32
    /// (`solve --objective vehicles`). It is now nil, and `conversionProblem` says why.
    func testConversionOfAWideInstanceDoesNotTrap() throws {
        let text = Self.solomonHead + " 5 100\nCUSTOMER\nCUST NO.\n 0 0 0 0 0 100000000 0\n 1 1000000 0 1 0 100000000 0\n"
        let instance = try SolomonReader.parse(text, file: "t.txt", convention: .dimacs)
        XCTAssertNil(instance.converted(to: .hierarchical))
        XCTAssertEqual(instance.conversionProblem(to: .hierarchical),
                       "coordinates span 1000000.0, too far apart for hierarchical distances (×10000) to fit in 32 bits; expected a span below 53687")
        XCTAssertNil(instance.conversionProblem(to: .dimacs))
    }

    /// Customer 1 at distance 1.05 with due date 1: reachable with DIMACS' truncated 1.0, not
    /// with the exact 1.05, so `--objective vehicles` left it out and failed with "internal
    /// error: the solution does not validate". `conversionProblem` names it.
    func testCustomerUnreachableOnlyWithExactDistancesIsNamed() throws {
        let text = Self.solomonHead + " 5 100\nCUSTOMER\nCUST NO.\n 0 0 0 0 0 10 0\n 1 1.05 0 1 0 1 0\n 2 3 0 1 0 8 0\n"
        let instance = try SolomonReader.parse(text, file: "t.txt", convention: .dimacs)
        let problem = try XCTUnwrap(instance.conversionProblem(to: .hierarchical))
        XCTAssertTrue(problem.hasPrefix("customer 1 cannot be reached in time"), problem)
        XCTAssertTrue(problem.contains("(hierarchical distances)"), problem)
        XCTAssertNotNil(SolomonReader.reachabilityProblem(try XCTUnwrap(instance.converted(to: .hierarchical))))
        XCTAssertNil(SolomonReader.reachabilityProblem(instance))
    }

    /// The matrix is filled once per pair and mirrored: the same values as measuring both ways.
    func testMirroredMatrixMatchesBothWays() throws {
        var rng = SeededGenerator(seed: 11)
        var rows = " 0 50 50 0 0 100000 0\n"
        for i in 1...40 {
            rows += " \(i) \(Double(rng.below(10_000)) / 100) \(Double(rng.below(10_000)) / 100) 1 0 100000 0\n"
        }
        for convention in VRPTWConvention.allCases {
            let instance = try SolomonReader.parse(Self.solomonHead + " 50 100\nCUSTOMER\nCUST NO.\n" + rows, file: "t.txt", convention: convention)
            let scale = Double(instance.scale)
            for i in 0..<instance.dimension {
                for j in 0..<instance.dimension where i != j {
                    let dx = instance.x[i] - instance.x[j], dy = instance.y[i] - instance.y[j]
                    let d = (dx * dx + dy * dy).squareRoot() * scale
                    let expected = Int(convention == .dimacs ? (d + 1e-7).rounded(.down) : (d - 1e-7).rounded(.up))
                    XCTAssertEqual(instance.distance(i, j), expected, "\(convention) \(i)→\(j)")
                }
            }
        }
    }

    /// The brief's Solomon list, each refused with its line (these were already right; the
    /// test keeps them so).
    func testMalformedSolomonFilesNameTheirLine() {
        let tail = "CUSTOMER\nCUST NO.\n 0 0 0 0 0 1000 0\n"
        let cases: [(String, String)] = [
            (" 5 100\n" + tail + " 1 10 10 5 0 500 10\n 2 20 2", "t.txt:9: expected 7 numbers"),
            (" 1e18 100\n" + tail + " 1 10 10 5 0 500 10\n", "t.txt:4: expected the number of vehicles as an integer, found '1e18'"),
            (" 5 100\n" + tail + " 1 10 10 -1 0 500 10\n", "t.txt:8: expected the demand of customer 1 ≥ 0, found -1"),
            (" 5 100\n" + tail, "t.txt:5: expected a row for the depot (node 0) and at least one customer"),
            (" 0 100\n" + tail + " 1 10 10 1 0 500 10\n", "t.txt:4: expected the number of vehicles ≥ 1, found 0"),
            (" 5 0\n" + tail + " 1 10 10 0 0 500 10\n", "t.txt:4: expected the vehicle capacity ≥ 1, found 0"),
            (" 5 100\n" + tail + " 1 10 10 1 0 500 10\n 1 10 10 1 0 500 10\n", "t.txt:9: customer 1 is listed twice (first on line 8)"),
            (" 5 100\n" + tail + " 1 10 10 1 2000 3000 10\n", "t.txt:8: customer 1 cannot be served in time to return"),
            (" 5 100\n" + tail + " 1 1\u{FFFD}0 10 1 0 500 10\n", "t.txt:8: expected XCOORD. as a number within ±1000000000"),
            (" 5 100\n" + tail + " 1 nan 10 1 0 500 10\n", "t.txt:8: expected XCOORD. as a number within ±1000000000, found 'nan'"),
        ]
        for (body, expected) in cases {
            let message = solomonRefusal(Self.solomonHead + body)
            XCTAssertTrue(message.hasPrefix(expected), "\(message) — expected \(expected)")
        }
        // Zero-width windows, every customer on the depot, service 0 everywhere: valid.
        XCTAssertEqual(solomonRefusal(Self.solomonHead + " 5 100\nCUSTOMER\nCUST NO.\n 0 5 5 0 0 1000 0\n 1 5 5 1 0 500 0\n 2 5 5 1 0 0 0\n 3 6 5 1 300 300 0\n"), "accepted")
    }

    /// Malformed `.sol` files: refused with their line.
    func testMalformedSolutionFilesNameTheirLine() throws {
        let instance = try SolomonReader.parse(Self.solomonHead + " 5 100\nCUSTOMER\nCUST NO.\n 0 0 0 0 0 1000 0\n 1 1 0 1 0 500 0\n 2 2 0 1 0 500 0\n",
                                               file: "t.txt", convention: .dimacs)
        let cases: [(String, String)] = [
            ("Route #1: 1 x\n", "s.sol:1: expected customer numbers, found 'x'"),
            ("Route #1 1 2\n", "s.sol:1: expected `Route #k: customers…`, found no ':'"),
            ("Route #1: 1 999\n", "s.sol:1: unknown customer 999"),
            ("Route #1: 99999999999999999999999\n", "s.sol:1: expected customer numbers"),
            ("Route #1: 1 2\nCost 1e400\n", "s.sol:2: expected `Cost X` with a number, found '1e400'"),
            ("Route #1: 1 2\nCost nan\n", "s.sol:2: expected `Cost X` with a number, found 'nan'"),
            ("", "s.sol: no `Route` line"),
            ("garbage\n", "s.sol:1: expected `Route #k: …`"),
        ]
        for (text, expected) in cases {
            XCTAssertThrowsError(try VRPTWSolutionFile.parse(text, file: "s.sol", instance: instance)) { error in
                XCTAssertTrue("\(error)".hasPrefix(expected), "\(error) — expected \(expected)")
            }
        }
    }
}
