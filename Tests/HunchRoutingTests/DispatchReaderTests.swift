import Foundation
import HunchCore
@testable import HunchRouting
import HunchTestSupport
import XCTest

/// The bundled dispatch examples (instances/dispatch).
enum DispatchFiles {
    static func path(_ name: String) -> String {
        Bundled.root.appendingPathComponent("instances/dispatch/\(name)").path
    }

    static func small() throws -> DispatchInstance { try DispatchReader.read(path: path("small.json")) }
}

final class DispatchReaderTests: XCTestCase {
    // MARK: The examples

    /// small.json as its README describes it: 11 listed locations plus o10's inline one, the
    /// open truck route, two windows on o2, two optional jobs.
    func testSmallExampleParses() throws {
        let instance = try DispatchFiles.small()
        XCTAssertEqual(instance.name, "small")
        XCTAssertEqual(instance.locationCount, 12)
        XCTAssertEqual(instance.depots.map(\.id), ["west", "east"])
        XCTAssertEqual(instance.vehicleTypes.map(\.id), ["van", "truck"])
        XCTAssertEqual(instance.vehicleCount, 3)
        XCTAssertEqual(instance.jobs.count, 10)
        XCTAssertEqual(instance.dimensions, 2)
        XCTAssertEqual(instance.skills, ["fridge"])
        XCTAssertEqual(instance.vehicleTypes[0].endDepot, 0)
        XCTAssertNil(instance.vehicleTypes[1].endDepot, "end_depot: null is an open route")
        XCTAssertEqual(instance.vehicleTypes[1].startDepot, 1)
        XCTAssertEqual(instance.vehicleTypes[1].maxDistance, 2000)
        XCTAssertEqual(instance.vehicleTypes[1].skills, [0])
        XCTAssertEqual(instance.jobs[1].timeWindows, [[20, 60], [150, 300]])
        XCTAssertEqual(instance.jobs[4].skills, [0])
        XCTAssertEqual(instance.jobs.compactMap(\.prize), [30, 500])
        XCTAssertEqual(instance.jobs[9].location, 11, "inline coordinates are appended to the locations")
        XCTAssertEqual(instance.distance(0, 11), 71, "(0, 0) to (50, −50): 70.71 rounds to 71")
        XCTAssertEqual(instance.duration(0, 11), 71, "speed 1")
        XCTAssertEqual(instance.coordinates?.count, 12)
        XCTAssertEqual(instance.vehicleName(2), "truck#1")
        XCTAssertEqual(instance.vehicle(named: "van#2"), 1)
        XCTAssertNil(instance.vehicle(named: "van#3"))
    }

    /// day-120.json, the generator's output: 120 orders, two depots, 6 vans and 4 trucks.
    func testDayExampleParses() throws {
        let instance = try DispatchReader.read(path: DispatchFiles.path("day-120.json"))
        XCTAssertEqual(instance.name, "day-120")
        XCTAssertEqual(instance.jobs.count, 120)
        XCTAssertEqual(instance.depots.count, 2)
        XCTAssertEqual(instance.vehicleTypes.map(\.count), [6, 4])
        XCTAssertEqual(instance.locationCount, 122)
        XCTAssertEqual(instance.dimensions, 2)
        XCTAssertEqual(instance.skills, ["fridge"])
        XCTAssertTrue(instance.jobs.contains { $0.timeWindows.count == 2 })
        XCTAssertTrue(instance.jobs.contains { $0.prize != nil })
        // Depots at (5000, 15000) and (15000, 4000): √(10000² + 11000²) = 14866.07 m, at 8 m/s 1858 s.
        XCTAssertEqual(instance.distance(0, 1), 14866)
        XCTAssertEqual(instance.duration(0, 1), 1858)
    }

    // MARK: Derived matrices

    func testEuclideanRoundsToNearest() throws {
        let instance = try DispatchReader.parse(Self.day(locations: "[[0, 0], [3, 4], [1.5, 0.5]]", speed: "\"speed\": 2,"))
        XCTAssertEqual(instance.distance(0, 1), 5)
        XCTAssertEqual(instance.distance(0, 2), 2, "√2.5 = 1.58 rounds to 2")
        XCTAssertEqual(instance.distance(1, 2), 4, "√(2.25 + 12.25) = 3.81 rounds to 4")
        XCTAssertEqual(instance.duration(0, 1), 3, "5 / 2 = 2.5 rounds half away from zero")
        XCTAssertEqual(instance.duration(0, 2), 1)
        XCTAssertEqual(instance.distance(1, 1), 0)
    }

    /// One degree of longitude on the equator is R·π/180 = 111195.08 m; Paris–London 343.56 km.
    func testHaversineInMetres() throws {
        XCTAssertEqual(DispatchReader.haversine(lat1: 0, lon1: 0, lat2: 0, lon2: 1), 111_195)
        XCTAssertEqual(DispatchReader.haversine(lat1: 48.8566, lon1: 2.3522, lat2: 51.5074, lon2: -0.1278), 343_557)
        let text = Self.day(locations: #"[{"lat": 0, "lon": 0}, {"lat": 0, "lon": 1}, {"lat": 1, "lon": 0}]"#,
                            speed: #""distance": "haversine", "speed": 10,"#)
        let instance = try DispatchReader.parse(text)
        XCTAssertEqual(instance.distance(0, 1), 111_195)
        XCTAssertEqual(instance.distance(1, 0), 111_195)
        XCTAssertEqual(instance.duration(0, 1), 11_120, "111195 / 10 = 11119.5 rounds up")
        // lat/lon locations default to haversine.
        let byDefault = try DispatchReader.parse(Self.day(locations: #"[{"lat": 0, "lon": 0}, {"lat": 0, "lon": 1}, {"lat": 1, "lon": 0}]"#))
        XCTAssertEqual(byDefault.distance(0, 2), 111_195)
    }

    /// A given matrix: decimals rounded, durations from the distances and the speed when only
    /// distances are given, locations optional.
    func testGivenMatrix() throws {
        let text = Self.day(locations: nil, speed: #""speed": 2, "matrix": {"distance": [[0, 10.4, 7], [10.6, 0, 3], [7, 3, 0]]},"#)
        let instance = try DispatchReader.parse(text)
        XCTAssertEqual(instance.locationCount, 3)
        XCTAssertEqual(instance.distance(0, 1), 10)
        XCTAssertEqual(instance.distance(1, 0), 11, "asymmetric matrices are kept")
        XCTAssertEqual(instance.duration(0, 1), 5)
        XCTAssertEqual(instance.duration(1, 2), 2, "3 / 2 rounds up")
        XCTAssertNil(instance.coordinates)
        let both = try DispatchReader.parse(Self.day(
            locations: "[[0, 0], [3, 4], [6, 8]]",
            speed: #""matrix": {"duration": [[0, 1, 2], [3, 0, 4], [5, 6, 0]]},"#))
        XCTAssertEqual(both.distance(0, 2), 10, "distances from the coordinates")
        XCTAssertEqual(both.duration(2, 1), 6, "durations from the matrix")
    }

    // MARK: Bad input

    /// Every kind of bad input gives its JSON path and what was expected there.
    func testBadInputNamesTheJSONPath() {
        let cases: [(String, String)] = [
            (Self.day().replacingOccurrences(of: #""jobs""#, with: #""jbs""#),
             #"unknown key "jbs" (did you mean "jobs"?)"#),
            (Self.day(extra: #""vehicle_type": [],"#), #"unknown key "vehicle_type" (did you mean "vehicle_types"?)"#),
            (Self.day().replacingOccurrences(of: #""version": 1,"#, with: ""), #"missing "version""#),
            (Self.day().replacingOccurrences(of: #""version": 1"#, with: #""version": 2"#),
             "version: expected 1, found 2 (this hunch reads dispatch format version 1)"),
            (Self.day().replacingOccurrences(of: #""hunch-dispatch""#, with: #""hunch-dispatch-plan""#),
             #"format: expected "hunch-dispatch", found "hunch-dispatch-plan" (a plan, not an instance)"#),
            (Self.day(types: #"{"id": "van", "count": "4", "capacity": [10, 2]}"#),
             #"vehicle_types[0].count: expected a non-negative number of vehicles, found "4""#),
            (Self.day(types: #"{"id": "van", "count": -1, "capacity": [10, 2]}"#),
             "vehicle_types[0].count: expected a non-negative number of vehicles, found -1"),
            (Self.day(types: #"{"id": "van", "count": 1, "capacity": [10, -2]}"#),
             "vehicle_types[0].capacity[1]: expected a non-negative capacity, found -2"),
            (Self.day(types: #"{"id": "van", "count": 1, "capacity": [1, 2, 3, 4, 5]}"#),
             "vehicle_types[0].capacity: 5 dimensions; at most 4 are supported"),
            (Self.day(types: #"{"id": "van", "count": 1, "capacity": [10, 2]}, {"id": "car", "count": 1, "capacity": 3}"#),
             "vehicle_types[1].capacity: expected 2 numbers (one per capacity dimension), found the single number 3"),
            (Self.day(types: ""), "vehicle_types: expected at least one vehicle type"),
            (Self.day(types: #"{"id": "van", "count": 1, "capacity": [10, 2], "start_depot": "south"}"#),
             #"vehicle_types[0].start_depot: "south" is not a depot id (depots: "north")"#),
            (Self.day(types: #"{"id": "van", "count": 1, "capacity": [10, 2], "end_depot": "east"}"#),
             #"vehicle_types[0].end_depot: "east" is not a depot id (depots: "north")"#),
            (Self.day(types: #"{"id": "van", "count": 1, "capacity": [10, 2], "shift": [100, 50]}"#),
             "vehicle_types[0].shift: the shift closes (50) before it opens (100)"),
            (Self.day(types: #"{"id": "van", "count": 1, "capacity": [10, 2], "max_duraton": 5}"#),
             #"vehicle_types[0]: unknown key "max_duraton" (did you mean "max_duration"?)"#),
            (Self.day(jobs: #"{"id": "a", "location": 1, "time_windows": [[7200, 3600]]}"#),
             "jobs[0].time_windows[0]: the window closes (3600) before it opens (7200)"),
            (Self.day(jobs: #"{"id": "a", "location": 1}, {"id": "b", "location": 2, "time_windows": [[0, 100], [50, 200]]}"#),
             "jobs[1].time_windows[1]: [50, 200] overlaps the previous window [0, 100]: windows must be disjoint (merge them)"),
            (Self.day(jobs: #"{"id": "a", "location": 1, "time_windows": [[300, 400], [0, 100]]}"#),
             "jobs[0].time_windows[1]: opens at 0, before the previous window [300, 400]: list the windows in time order"),
            (Self.day(jobs: #"{"id": "a", "location": 1, "time_windows": [3600, 7200]}"#),
             "jobs[0].time_windows: expected a list of [open, close] pairs, found numbers; write [[open, close]] for one window"),
            (Self.day(jobs: #"{"id": "a", "location": 1, "delivery": [-1, 0]}"#),
             "jobs[0].delivery[0]: expected a non-negative delivery, found -1"),
            (Self.day(jobs: #"{"id": "a", "location": 1, "delivery": [1, 2, 3]}"#),
             "jobs[0].delivery: expected 2 numbers (one per capacity dimension, as vehicle_types[0].capacity), found 3"),
            (Self.day(jobs: #"{"id": "a", "location": 1, "service": -5}"#),
             "jobs[0].service: expected a non-negative service time, found -5"),
            (Self.day(jobs: #"{"id": "a", "location": 1, "service": 1.5}"#),
             "jobs[0].service: expected a non-negative service time, found 1.5"),
            (Self.day(jobs: #"{"id": "a", "location": 1, "prize": -3}"#), "jobs[0].prize: expected a non-negative prize, found -3"),
            (Self.day(jobs: #"{"id": "a", "location": 9}"#),
             #"jobs[0].location: 9 is out of range: "locations" has 3 entries (0…2)"#),
            (Self.day(jobs: #"{"id": "a", "location": "depot"}"#),
             #"jobs[0].location: expected a location index or coordinates [x, y] / {"lat": …, "lon": …}, found "depot""#),
            (Self.day(jobs: #"{"id": "a", "location": {"lat": 1, "lon": 2}}"#),
             "jobs[0].location: expected [x, y] like locations[0]: every location of a file is of one kind"),
            (Self.day(jobs: #"{"id": "a", "location": 1}, {"id": "b", "location": 2}, {"id": "a", "location": 2}"#),
             #"jobs[2].id: "a" is already the id of jobs[0]"#),
            (Self.day(jobs: #"{"id": "a"}"#), #"jobs[0]: missing "location""#),
            (Self.day(jobs: #"{"id": "a", "location": 1, "servce": 60}"#), #"jobs[0]: unknown key "servce" (did you mean "service"?)"#),
            (Self.day(depots: #"{"id": "north", "location": 0}, {"id": "north", "location": 1}"#),
             #"depots[1].id: "north" is already the id of depots[0]"#),
            (Self.day(depots: ""), "depots: expected at least one depot"),
            (Self.day(speed: #""matrix": {"distance": [[0, 1], [1, 0]]},"#),
             #"matrix.distance: expected 3 rows (one per location, as "locations"), found 2"#),
            (Self.day(speed: #""matrix": {"distance": [[0, 1, 2], [1, 0], [2, 1, 0]]},"#),
             "matrix.distance[1]: expected 3 entries (a square matrix), found 2"),
            (Self.day(speed: #""matrix": {"duration": [[0, -3, 2], [1, 0, 1], [2, 1, 0]]},"#),
             "matrix.duration[0][1]: expected a non-negative number, found -3"),
            (Self.day(locations: nil, speed: #""matrix": {"distance": [[0, 1], [1, 0]], "duration": [[0, 1, 2], [1, 0, 1], [2, 1, 0]]},"#),
             "matrix.duration: expected 2 rows (one per location, as matrix.distance), found 3"),
            (Self.day(speed: #""distance": "haversine","#),
             #"distance: "haversine" needs {"lat", "lon"} locations, and locations[0] is [x, y]"#),
            (Self.day(speed: #""speed": 0,"#), "speed: expected a positive number (distance units per time unit), found 0"),
            (Self.day(extra: #""options": {"minimize_vehicles": true},"#),
             #"options: unknown key "minimize_vehicles" (did you mean "minimise_vehicles"?)"#),
            ("[1, 2]", #"expected a JSON object {"format": "hunch-dispatch", …}, found an array of 2"#),
        ]
        for (text, message) in cases {
            XCTAssertThrowsError(try DispatchReader.parse(text, file: "day.json"), message) { error in
                XCTAssertEqual((error as? InstanceFileError)?.description, "day.json: \(message)")
            }
        }
    }

    /// Text that is not JSON: the line, the column and what was expected there.
    func testSyntaxErrorsNameTheLine() {
        let cases: [(String, String)] = [
            ("{\"format\": \"hunch-dispatch\", ", "day.json:1: not valid JSON: expected a member name in double quotes, found the end of the text (column 30)"),
            ("{\"format\": \"hunch-dispatch\",\n \"version\": 1\n \"jobs\": []}",
             #"day.json:3: not valid JSON: expected ',' or '}' after a member, found '"jobs": []}' (column 2)"#),
            ("{\"name\": \"a\nb\"}", #"day.json:1: not valid JSON: expected the closing '"' of the string (a line break or control character inside a string must be escaped), found '' (column 12)"#),
            ("{\"speed\": 1.}", "day.json:1: not valid JSON: expected a digit after the decimal point, found '}' (column 13)"),
            ("{} {}", "day.json:1: not valid JSON: expected the end of the text after the top-level value, found '{}' (column 4)"),
            ("", "day.json:1: not valid JSON: expected a value (an object, array, string, number, true, false or null), found the end of the text (column 1)"),
        ]
        for (text, message) in cases {
            XCTAssertThrowsError(try DispatchReader.parse(text, file: "day.json"), message) { error in
                XCTAssertEqual((error as? InstanceFileError)?.description, message)
            }
        }
        XCTAssertNil(DispatchJSONSyntax.firstError(in: Array(#" {"a": [1, -2.5e3, "x\u00e9\n", true, null, {}]} "#.utf8)))
        XCTAssertEqual(DispatchJSONSyntax.firstError(in: Array(String(repeating: "[", count: 600).utf8))?.message.hasPrefix("nesting deeper"), true)
    }

    /// A job needing a skill no vehicle type has is well formed: the plan reports it.
    func testUnknownSkillIsNotAReadError() throws {
        let instance = try DispatchReader.parse(Self.day(jobs: #"{"id": "a", "location": 1, "skills": ["crane"]}"#))
        XCTAssertEqual(instance.skills, ["crane"])
        XCTAssertEqual(instance.jobs[0].skills, [0])
    }

    /// Defaults: one depot is the start and end, delivery zero, no windows, unlimited shift.
    func testDefaults() throws {
        let instance = try DispatchReader.parse(Self.day(), file: "dir/monday.day.json")
        XCTAssertEqual(instance.name, "monday")
        let van = instance.vehicleTypes[0]
        XCTAssertEqual(van.startDepot, 0)
        XCTAssertEqual(van.endDepot, 0)
        XCTAssertEqual([van.shiftStart, van.shiftEnd], DispatchReader.defaultShift)
        XCTAssertEqual(van.costPerDistance, 1)
        XCTAssertEqual(instance.jobs[0].delivery, [0, 0])
        XCTAssertEqual(instance.jobs[0].timeWindows, [])
        XCTAssertNil(instance.jobs[0].prize)
        XCTAssertFalse(instance.minimiseVehicles)
    }

    func testRecognises() {
        XCTAssertTrue(DispatchReader.recognises(fileExtension: "json", head: #"{"format":"hunch-dispatch","version":1"#))
        XCTAssertTrue(DispatchReader.recognises(fileExtension: "JSON", head: "{\n  \"format\" :\n\t\"hunch-dispatch\",\n"))
        XCTAssertFalse(DispatchReader.recognises(fileExtension: "json", head: #"{"format": "hunch-dispatch-plan"}"#))
        XCTAssertFalse(DispatchReader.recognises(fileExtension: "txt", head: #"{"format": "hunch-dispatch"}"#))
        XCTAssertFalse(DispatchReader.recognises(fileExtension: "json", head: #"{"solution": {}}"#))
    }

    // MARK: Fuzz (issue 18)

    /// Mangled files (bytes and JSON values) give an instance or a readable `file: path:
    /// message`, in time proportional to the input, never a trap; what is accepted can be
    /// scheduled, validated, priced, explained and written.
    func testMangledFilesGiveAnInstanceOrAReadableError() throws {
        let small = Array(try Data(contentsOf: URL(fileURLWithPath: DispatchFiles.path("small.json"))))
        let geographic = Array(Self.day(locations: #"[{"lat": 52.5, "lon": 13.4}, {"lat": 52.52, "lon": 13.41}, {"lat": 52.49, "lon": 13.38}]"#,
                                        speed: #""speed": 10,"#, types: #"{"id": "van", "count": 2, "capacity": [10, 2], "shift": [0, 5000], "end_depot": null}"#,
                                        jobs: #"{"id": "a", "location": 1, "time_windows": [[0, 100], [200, 900]], "prize": 4}, {"id": "b", "location": 2, "delivery": [3, 1]}"#).utf8)
        let matrix = Array(Self.day(locations: nil, speed: #""matrix": {"distance": [[0, 10.4, 7], [10.6, 0, 3], [7, 3, 0]], "duration": [[0, 1, 2], [1, 0, 1], [2, 1, 0]]},"#).utf8)
        var generator = FuzzGenerator(seed: ReaderFuzz.seed(0xD15))
        var sources: [(name: String, bytes: [UInt8])] = [("small.json", small), ("geo.json", geographic), ("matrix.json", matrix)]
        let root = try JSONDecoder().decode(JSONValue.self, from: Data(small))
        for k in 0..<ReaderFuzz.iterations(default: 60) {
            sources.append(("json-\(k).json", Array(ReaderFuzz.mangle(json: root, using: &generator).jsonString().utf8)))
        }
        let summary = ReaderFuzz.run(sources: sources, iterations: ReaderFuzz.iterations(default: 60), seed: 0xD16, file: "day.json") { bytes, _ in
            let instance = try DispatchReader.parse(Data(bytes), file: "day.json")
            Self.use(instance)
            return instance.jobs.count + instance.locationCount
        }
        XCTAssertEqual(summary.failures, [], "\(summary)")
        XCTAssertGreaterThan(summary.accepted, 20, "\(summary)")
        XCTAssertGreaterThan(summary.refused, 200, "\(summary)")
    }

    /// Mangled plans decode to a plan the validator and the writer take, or to a readable error.
    func testMangledPlansDecodeOrGiveAReadableError() throws {
        let instance = try DispatchFiles.small()
        let plan = DispatchPlanJSON.encode(DispatchValidationTests.feasible, instance: instance)
        var generator = FuzzGenerator(seed: ReaderFuzz.seed(0xD17))
        var refused = 0
        var failures: [String] = []
        for _ in 0..<ReaderFuzz.iterations(default: 400) {
            do {
                let solution = try DispatchPlanJSON.decode(ReaderFuzz.mangle(json: plan, using: &generator), instance: instance)
                _ = DispatchValidation.violations(solution, instance: instance)
                _ = DispatchPlanJSON.encode(solution, instance: instance)
            } catch {
                refused += 1
                if let problem = ReaderFuzz.unreadable(error, file: nil), failures.count < 20 { failures.append(problem) }
            }
        }
        XCTAssertEqual(failures, [])
        XCTAssertGreaterThan(refused, 50)
    }

    /// Everything that follows reading, on a plan that leaves every job out, then one that
    /// puts them all on the first vehicle.
    static func use(_ instance: DispatchInstance) {
        let all = Array(instance.jobs.indices)
        let empty = DispatchSolution(routes: [], unassigned: all)
        var plans = [empty]
        if instance.vehicleCount > 0 { plans.append(DispatchSolution(routes: [.init(vehicle: 0, jobs: all)], unassigned: [])) }
        for plan in plans {
            _ = DispatchValidation.violations(plan, instance: instance)
            _ = DispatchValidation.objective(plan, instance: instance)
            _ = DispatchPlanJSON.encode(plan, instance: instance).jsonString()
        }
    }

    // MARK: Inputs

    /// A valid day with one depot, three planar locations, one vehicle type and two jobs; each
    /// argument replaces one part.
    static func day(locations: String? = "[[0, 0], [3, 4], [6, 8]]", speed: String = "",
                    depots: String = #"{"id": "north", "location": 0}"#,
                    types: String = #"{"id": "van", "count": 2, "capacity": [10, 2]}"#,
                    jobs: String = #"{"id": "a", "location": 1}, {"id": "b", "location": 2}"#,
                    extra: String = "") -> String {
        """
        {"format": "hunch-dispatch", "version": 1, \(locations.map { "\"locations\": \($0)," } ?? "") \(speed) \(extra)
         "depots": [\(depots)],
         "vehicle_types": [\(types)],
         "jobs": [\(jobs)]}
        """
    }
}
