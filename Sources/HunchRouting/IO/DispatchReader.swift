import Foundation
import HunchCore

/// Reads the dispatch JSON format, version 1 (docs/formats.md, "Dispatch JSON"; the schema is
/// docs/dispatch.schema.json): a planner's day of depots, vehicle types and jobs, with locations
/// as coordinates or a distance/duration matrix.
///
/// Every error names the file and the JSON path of the bad value, and says what was expected
/// there: `day.json: jobs[12].time_windows[0]: the window closes (3600) before it opens (7200)`.
/// Unknown keys are errors too, so a misspelt optional key (`"max_duraton"`) is not silently
/// ignored. A well-formed day that cannot be fully served (a skill no vehicle has, a window no
/// vehicle reaches) is not an error: the plan reports those jobs with reasons.
public enum DispatchReader {
    /// The `format` value of an instance file.
    public static let formatName = "hunch-dispatch"
    public static let version = 1
    /// Capacity and delivery vectors have 1…4 dimensions (parcels, pallets, kilograms, litres).
    public static let maxDimensions = 4
    /// Largest integer accepted for a time, distance, demand or count: 10¹², so sums over a
    /// route of thousands of stops stay far inside 64 bits.
    public static let largestValue = 1_000_000_000_000
    /// A vehicle type without `shift` works [0, largestValue]: any time.
    public static let defaultShift = [0, largestValue]
    /// Coordinates are at most 10⁹ in magnitude, so derived distances stay below `largestValue`.
    public static let largestCoordinate = 1e9
    /// Locations, listed and inline: the two matrices hold n² integers each.
    public static let maxLocations = 10_000
    /// Jobs and depots together: the search's matrices hold one row and column for each.
    public static let maxStops = 10_000
    /// Vehicles of all types together: the search keeps a route slot for each (a day never
    /// uses more vehicles than it has jobs, so a larger fleet only costs memory).
    public static let maxVehicles = 100_000
    /// Largest cost (`fixed_cost`, `cost_per_distance`, `cost_per_time`) or prize: a prize
    /// above `DispatchValidation.missedJobCharge` would make an optional job weigh more than a
    /// mandatory one, and the search counts costs in thousandths in 64-bit integers.
    public static let largestCost = 1e9
    /// The most a plan's routes may cost in the worst case (every vehicle that can be used,
    /// each on the longest, slowest route the day allows): the search counts costs in
    /// thousandths in 64-bit integers, so 10¹⁵ leaves it room to add penalties.
    public static let largestPlanCost = 1e15
    /// Haversine's Earth radius, the IUGG mean radius in metres.
    public static let earthRadius = 6_371_008.8

    /// A `.json` file whose head holds `"format": "hunch-dispatch"` (any blanks around the colon).
    public static func recognises(fileExtension: String, head: String) -> Bool {
        guard fileExtension.lowercased() == "json" else { return false }
        return head.range(of: #""format"\s*:\s*"hunch-dispatch""#, options: .regularExpression) != nil
    }

    public static func read(path: String) throws -> DispatchInstance {
        let data = try InstanceTokens.load(path, expected: "a dispatch JSON file")
        return try parse(data, file: path)
    }

    public static func parse(_ text: String, file: String = "<input>") throws -> DispatchInstance {
        try parse(Data(text.utf8), file: file)
    }

    public static func parse(_ data: Data, file: String = "<input>") throws -> DispatchInstance {
        // Our own parser, not Foundation's decoder: it places every error by line and column,
        // refuses a member name given twice, and is many times faster on a large matrix.
        let root: JSONValue
        do {
            root = try DispatchJSONSyntax.parse(data)
        } catch let problem as DispatchJSONSyntax.Problem {
            throw InstanceFileError(file: file, line: problem.line, message: "not valid JSON: \(problem.message)")
        }
        do {
            var builder = DispatchBuilder(defaultName: defaultName(file))
            return try builder.build(DispatchJSONField(root))
        } catch let failure as DispatchJSONField.Failure {
            throw InstanceFileError(file: file, line: nil, message: failure.description)
        }
    }

    /// The file name up to its first dot, as the other families name instances without `NAME`.
    static func defaultName(_ file: String) -> String {
        guard file != "<input>" else { return "dispatch" }
        let base = (file as NSString).lastPathComponent
        return base.split(separator: ".").first.map(String.init) ?? base
    }

    /// Euclidean distance rounded to the nearest integer (halves away from zero).
    public static func euclidean(_ a: (x: Double, y: Double), _ b: (x: Double, y: Double)) -> Int {
        let dx = a.x - b.x, dy = a.y - b.y
        return Int((dx * dx + dy * dy).squareRoot().rounded())
    }

    /// Great-circle distance in metres (haversine, radius `earthRadius`), rounded.
    public static func haversine(lat1: Double, lon1: Double, lat2: Double, lon2: Double) -> Int {
        let radians = Double.pi / 180
        let dLat = (lat2 - lat1) * radians, dLon = (lon2 - lon1) * radians
        let h = sin(dLat / 2) * sin(dLat / 2) + cos(lat1 * radians) * cos(lat2 * radians) * sin(dLon / 2) * sin(dLon / 2)
        return Int((2 * earthRadius * asin(min(1, h.squareRoot()))).rounded())
    }

    /// round(distance / speed): the travel time when the file gives no duration matrix.
    public static func duration(distance: Int, speed: Double) -> Int {
        Int((Double(distance) / speed).rounded())
    }
}

/// Walks one parsed file, keeping the locations, skills and ids met so far.
struct DispatchBuilder {
    enum Kind: String { case planar = "[x, y]", geographic = "{\"lat\", \"lon\"}" }

    static let topKeys = ["format", "version", "name", "locations", "distance", "speed", "matrix", "depots",
                          "vehicle_types", "jobs", "options", "$schema", "comment"]
    static let vehicleKeys = ["id", "count", "capacity", "shift", "start_depot", "end_depot", "fixed_cost",
                              "cost_per_distance", "cost_per_time", "max_distance", "max_duration", "skills"]
    static let jobKeys = ["id", "location", "delivery", "service", "time_windows", "skills", "prize"]

    let defaultName: String
    /// Coordinates by location: listed ones first, then those given inline by depots and jobs.
    var points: [(Double, Double)] = []
    var kind: Kind?
    /// Where the kind was set, for the error when another location disagrees.
    var kindSource = ""
    /// Locations that an index may name: `locations` or, without it, the matrix's size.
    var indexable = 0
    var hasMatrix = false
    var skills: [String] = []
    var skillIndex: [String: Int] = [:]

    init(defaultName: String) { self.defaultName = defaultName }

    mutating func build(_ root: DispatchJSONField) throws -> DispatchInstance {
        guard case .object(let members) = root.value else {
            throw root.fail("expected a JSON object {\"format\": \"\(DispatchReader.formatName)\", …}, found \(root.found)")
        }
        // Format and version first: a file of another kind should say so, not list its keys.
        if let format = root.child("format") {
            let text = try format.string()
            guard text == DispatchReader.formatName else {
                throw format.fail("expected \"\(DispatchReader.formatName)\", found \(format.found)"
                                  + (text == DispatchPlanJSON.formatName ? " (a plan, not an instance)" : ""))
            }
        }
        if let version = root.child("version") {
            guard case .int(let v) = version.value, v == DispatchReader.version else {
                throw version.fail("expected \(DispatchReader.version), found \(version.found) (this hunch reads dispatch format version \(DispatchReader.version))")
            }
        }
        try root.checkKeys(Self.topKeys, required: ["format", "version", "depots", "vehicle_types", "jobs"], in: members)
        let name = try root.child("name").map { try $0.string() } ?? defaultName

        if let list = root.child("locations") {
            for entry in try list.array() { points.append(try point(entry)) }
            indexable = points.count
        }
        let (distanceMatrix, durationMatrix) = try matrices(root.child("matrix"))
        let metric = try self.metric(root.child("distance"), givenDistances: distanceMatrix != nil)
        var speed = 1.0
        if let field = root.child("speed") {
            if durationMatrix != nil { throw field.fail("not used: \"matrix\".\"duration\" gives the travel times") }
            speed = try field.number(minimum: 0, what: "a positive number (distance units per time unit)")
            guard speed > 0 else { throw field.fail("expected a positive number (distance units per time unit), found 0") }
        }

        let depots = try self.depots(root.require("depots"))
        let types = try vehicleTypes(root.require("vehicle_types"), depots: depots)
        let dimensions = types[0].capacity.count
        let jobs = try self.jobs(root.require("jobs"), dimensions: dimensions, depots: depots.count)
        var minimiseVehicles = false
        if let options = root.child("options") {
            guard case .object(let members) = options.value else { throw options.fail("expected an object, found \(options.found)") }
            try options.checkKeys(["minimise_vehicles"], required: [], in: members)
            if let flag = options.child("minimise_vehicles") { minimiseVehicles = try flag.bool() }
        }

        let n = hasMatrix ? indexable : points.count
        guard n > 0 else { throw root.fail("no locations: give \"locations\", a \"matrix\", or coordinates for the depots and jobs") }
        guard n <= DispatchReader.maxLocations else {
            throw root.fail("\(n) locations; at most \(DispatchReader.maxLocations) are supported (the matrices hold n² entries)")
        }
        let distance: [Int]
        if let distanceMatrix {
            distance = distanceMatrix
        } else {
            guard points.count == n else {
                throw root.fail("\"matrix\" gives durations only: give \"locations\" or \"matrix\".\"distance\" too")
            }
            distance = derivedDistances(metric: metric)
        }
        if durationMatrix == nil, let longest = distance.max(), Double(longest) / speed > Double(DispatchReader.largestValue) {
            throw (root.child("speed") ?? root).fail("a travel time of \(longest) / \(speed) exceeds \(DispatchReader.largestValue); expected a larger speed")
        }
        let duration = durationMatrix ?? distance.map { DispatchReader.duration(distance: $0, speed: speed) }
        try checkCosts(root.require("vehicle_types"), types: types, jobs: jobs, distance: distance, duration: duration)
        return DispatchInstance(name: name, locationCount: n, distance: distance, duration: duration,
                                coordinates: points.count == n ? pictureCoordinates() : nil,
                                depots: depots, vehicleTypes: types, jobs: jobs, skills: skills,
                                dimensions: dimensions, minimiseVehicles: minimiseVehicles)
    }

    /// Refuses costs so large that the worst plan the day allows could cost more than
    /// `largestPlanCost`: every vehicle that can be used (no more per type than there are
    /// jobs), each on a route of every job over the longest arcs, waiting up to the latest
    /// window opening before each job. Beyond that the search's 64-bit sums would overflow.
    func checkCosts(_ field: DispatchJSONField, types: [DispatchInstance.VehicleType], jobs: [DispatchInstance.Job],
                    distance: [Int], duration: [Int]) throws {
        guard !jobs.isEmpty else { return }
        let legs = Double(jobs.count + 1)
        let longestDistance = Double(distance.max() ?? 0), longestDuration = Double(duration.max() ?? 0)
        let latestOpen = Double(max(jobs.flatMap { $0.timeWindows.map { $0[0] } }.max() ?? 0, types.map(\.shiftStart).max() ?? 0))
        let service = Double(jobs.reduce(0) { $0 + $1.service })
        let routeDistance = legs * longestDistance
        let routeDuration = legs * (longestDuration + latestOpen) + service
        var total = 0.0
        var largest: (cost: Double, index: Int, route: Double) = (-1, 0, 0)
        for (t, type) in types.enumerated() {
            let route = type.fixedCost + type.costPerDistance * routeDistance + type.costPerTime * routeDuration
            let cost = Double(min(type.count, jobs.count)) * route
            total += cost
            if cost > largest.cost { largest = (cost, t, route) }
        }
        guard total <= DispatchReader.largestPlanCost else {
            throw field.index(largest.index, .null).fail(
                "costs too large to count: a route could cost up to \(String(format: "%.3g", largest.route)) (fixed_cost + "
                + "cost_per_distance × distance + cost_per_time × duration, over \(jobs.count) jobs on the longest arcs), and all "
                + "the routes together at most 10¹⁵; expected smaller costs or coarser units")
        }
    }

    // MARK: Locations and matrices

    /// `[x, y]` or `{"lat": …, "lon": …}`; every location of a file is of one kind.
    mutating func point(_ field: DispatchJSONField) throws -> (Double, Double) {
        let found: Kind
        let value: (Double, Double)
        switch field.value {
        case .array(let items):
            guard items.count == 2 else {
                throw field.fail("expected coordinates [x, y], found an array of \(items.count)")
            }
            value = (try field.index(0, items[0]).coordinate(), try field.index(1, items[1]).coordinate())
            found = .planar
        case .object(let members):
            try field.checkKeys(["lat", "lon"], required: ["lat", "lon"], in: members)
            let lat = try field.require("lat").number(what: "a latitude in degrees, −90…90")
            let lon = try field.require("lon").number(what: "a longitude in degrees, −180…180")
            guard abs(lat) <= 90 else { throw try field.require("lat").fail("expected a latitude in degrees, −90…90, found \(lat)") }
            guard abs(lon) <= 180 else { throw try field.require("lon").fail("expected a longitude in degrees, −180…180, found \(lon)") }
            value = (lat, lon)
            found = .geographic
        default:
            throw field.fail("expected coordinates [x, y] or {\"lat\": …, \"lon\": …}, found \(field.found)")
        }
        if let kind, kind != found {
            throw field.fail("expected \(kind.rawValue) like \(kindSource): every location of a file is of one kind")
        }
        if kind == nil { kind = found; kindSource = field.path }
        return value
    }

    /// A location index, or coordinates appended to the locations (not with a matrix, which
    /// could not give their distances).
    mutating func location(_ field: DispatchJSONField) throws -> Int {
        if case .int(let index) = field.value {
            guard index >= 0 && index < indexable else {
                let source = hasMatrix ? "\"matrix\" has \(indexable) rows" : "\"locations\" has \(indexable) entries"
                throw field.fail(indexable == 0 ? "\(index) is out of range: there is no \"locations\" list"
                                                : "\(index) is out of range: \(source) (0…\(indexable - 1))")
            }
            return index
        }
        switch field.value {
        case .array, .object:
            if hasMatrix {
                throw field.fail("expected a location index: with a \"matrix\", locations are its row numbers")
            }
            points.append(try point(field))
            return points.count - 1
        default:
            throw field.fail("expected a location index or coordinates [x, y] / {\"lat\": …, \"lon\": …}, found \(field.found)")
        }
    }

    /// `matrix.distance` and `matrix.duration`, each square and as large as `locations`.
    mutating func matrices(_ field: DispatchJSONField?) throws -> ([Int]?, [Int]?) {
        guard let field else { return (nil, nil) }
        guard case .object(let members) = field.value else {
            throw field.fail("expected {\"distance\": [[…]], \"duration\": [[…]]}, found \(field.found)")
        }
        try field.checkKeys(["distance", "duration"], required: [], in: members)
        guard !members.isEmpty else { throw field.fail("expected \"distance\", \"duration\" or both") }
        hasMatrix = true
        var size: Int? = points.isEmpty ? nil : points.count
        var sizeSource = "\"locations\""
        func square(_ key: String) throws -> [Int]? {
            guard let table = field.child(key) else { return nil }
            let rows = try table.array()
            let n = size ?? rows.count
            guard rows.count == n else {
                throw table.fail("expected \(n) rows (one per location, as \(sizeSource)), found \(rows.count)")
            }
            guard n > 0 else { throw table.fail("expected at least one row") }
            if size == nil { size = n; sizeSource = table.path }
            var flat: [Int] = []
            flat.reserveCapacity(n * n)
            for row in rows {
                guard case .array(let cells) = row.value else { throw row.fail("expected an array, found \(row.found)") }
                guard cells.count == n else { throw row.fail("expected \(n) entries (a square matrix), found \(cells.count)") }
                guard case .array(let items) = row.value else { continue }
                for (k, item) in items.enumerated() {
                    // The common case without building a path per cell (a 10,000² matrix has 10⁸).
                    if case .int(let value) = item, value >= 0, value <= DispatchReader.largestValue {
                        flat.append(value)
                        continue
                    }
                    let cell = row.index(k, item)
                    let value = try cell.number(minimum: 0, what: "a non-negative number")
                    guard value <= Double(DispatchReader.largestValue) else {
                        throw cell.fail("expected at most \(DispatchReader.largestValue), found \(cell.found)")
                    }
                    flat.append(Int(value.rounded()))
                }
            }
            return flat
        }
        let distance = try square("distance")
        let duration = try square("duration")
        indexable = size ?? 0
        return (distance, duration)
    }

    /// The `distance` key: how to derive distances from coordinates; it must suit them.
    func metric(_ field: DispatchJSONField?, givenDistances: Bool) throws -> Kind? {
        guard let field else { return nil }
        if givenDistances { throw field.fail("not used: \"matrix\".\"distance\" gives the distances") }
        let name = try field.string()
        let wanted: Kind
        switch name {
        case "euclidean": wanted = .planar
        case "haversine": wanted = .geographic
        default: throw field.fail("expected \"euclidean\" or \"haversine\", found \(field.found)")
        }
        if let kind, kind != wanted {
            throw field.fail("\"\(name)\" needs \(wanted.rawValue) locations, and \(kindSource) is \(kind.rawValue)")
        }
        return wanted
    }

    /// Distances between the coordinates by their kind (Euclidean for [x, y], haversine metres
    /// for lat/lon; `metric` already agrees with it).
    func derivedDistances(metric: Kind?) -> [Int] {
        let n = points.count
        var out = [Int](repeating: 0, count: n * n)
        for a in 0..<n {
            for b in 0..<n where a != b {
                let (p, q) = (points[a], points[b])
                out[a * n + b] = (metric ?? kind) == .geographic
                    ? DispatchReader.haversine(lat1: p.0, lon1: p.1, lat2: q.0, lon2: q.1)
                    : DispatchReader.euclidean((x: p.0, y: p.1), (x: q.0, y: q.1))
            }
        }
        return out
    }

    /// Coordinates to draw: [x, y] as given; lat/lon projected to local metres (equirectangular
    /// around the mean latitude), so a city's picture is not stretched.
    func pictureCoordinates() -> [(x: Double, y: Double)] {
        guard kind == .geographic else { return points.map { (x: $0.0, y: $0.1) } }
        let meanLat = points.reduce(0) { $0 + $1.0 } / Double(max(1, points.count))
        let metres = DispatchReader.earthRadius * Double.pi / 180
        return points.map { (x: $0.1 * metres * cos(meanLat * Double.pi / 180), y: $0.0 * metres) }
    }

    // MARK: Depots, vehicle types, jobs

    mutating func depots(_ field: DispatchJSONField) throws -> [DispatchInstance.Depot] {
        let entries = try field.array()
        guard !entries.isEmpty else { throw field.fail("expected at least one depot") }
        var seen: [String: String] = [:]
        var out: [DispatchInstance.Depot] = []
        for entry in entries {
            let members = try entry.object()
            try entry.checkKeys(["id", "location"], required: ["id", "location"], in: members)
            let id = try identifier(entry.require("id"), seen: &seen)
            out.append(DispatchInstance.Depot(id: id, location: try location(entry.require("location"))))
        }
        return out
    }

    mutating func vehicleTypes(_ field: DispatchJSONField, depots: [DispatchInstance.Depot]) throws -> [DispatchInstance.VehicleType] {
        let entries = try field.array()
        guard !entries.isEmpty else { throw field.fail("expected at least one vehicle type") }
        var seen: [String: String] = [:]
        var dimensionSource: (count: Int, path: String)?
        var out: [DispatchInstance.VehicleType] = []
        func depot(_ value: DispatchJSONField) throws -> Int {
            let id = try value.string()
            guard let index = depots.firstIndex(where: { $0.id == id }) else {
                let known = depots.prefix(8).map { "\"\($0.id)\"" }.joined(separator: ", ") + (depots.count > 8 ? ", …" : "")
                throw value.fail("\(value.found) is not a depot id (depots: \(known))")
            }
            return index
        }
        var fleet = 0
        for entry in entries {
            let members = try entry.object()
            try entry.checkKeys(Self.vehicleKeys, required: ["id", "count", "capacity"], in: members)
            let id = try identifier(entry.require("id"), seen: &seen)
            let countField = try entry.require("count")
            let count = try countField.integer(what: "a non-negative number of vehicles")
            fleet += count
            guard fleet <= DispatchReader.maxVehicles else {
                throw countField.fail("\(fleet) vehicles\(out.isEmpty ? "" : " with the types above"); at most \(DispatchReader.maxVehicles) "
                                      + "are supported in all (a day never uses more vehicles than it has jobs)")
            }
            let capacityField = try entry.require("capacity")
            let capacity = try capacityField.demand(what: "capacity", dimensions: dimensionSource?.count)
            if let dimensionSource, capacity.count != dimensionSource.count {
                throw capacityField.fail("expected \(dimensionSource.count) numbers like \(dimensionSource.path), found \(capacity.count)")
            }
            if dimensionSource == nil { dimensionSource = (capacity.count, capacityField.path) }
            var shift = DispatchReader.defaultShift
            if let shiftField = entry.child("shift") { shift = try shiftField.window(what: "the shift") }
            let start: Int
            if let startField = entry.child("start_depot") {
                start = try depot(startField)
            } else if depots.count == 1 {
                start = 0
            } else {
                throw entry.fail("missing \"start_depot\" (required when there are several depots)")
            }
            var end: Int? = start
            if let endField = entry.child("end_depot") {
                end = endField.value == .null ? nil : try depot(endField)
            }
            func cost(_ key: String, default value: Double) throws -> Double {
                guard let field = entry.child(key) else { return value }
                let amount = try field.number(minimum: 0, what: "a non-negative cost")
                guard amount <= DispatchReader.largestCost else {
                    throw field.fail("expected a cost of at most 10⁹, found \(field.found)")
                }
                return amount
            }
            func limit(_ key: String) throws -> Int? {
                guard let field = entry.child(key), field.value != .null else { return nil }
                return try field.integer(what: "a non-negative integer")
            }
            out.append(DispatchInstance.VehicleType(
                id: id, count: count, capacity: capacity, shiftStart: shift[0], shiftEnd: shift[1],
                startDepot: start, endDepot: end,
                fixedCost: try cost("fixed_cost", default: 0), costPerDistance: try cost("cost_per_distance", default: 1),
                costPerTime: try cost("cost_per_time", default: 0),
                maxDistance: try limit("max_distance"), maxDuration: try limit("max_duration"),
                skills: try skillList(entry.child("skills"))))
        }
        return out
    }

    mutating func jobs(_ field: DispatchJSONField, dimensions: Int, depots: Int) throws -> [DispatchInstance.Job] {
        var seen: [String: String] = [:]
        var out: [DispatchInstance.Job] = []
        let entries = try field.array()
        guard entries.count + depots <= DispatchReader.maxStops else {
            throw field.fail("\(entries.count) jobs and \(depots) depot\(depots == 1 ? "" : "s"); at most \(DispatchReader.maxStops) "
                             + "jobs and depots together are supported")
        }
        for entry in entries {
            let members = try entry.object()
            try entry.checkKeys(Self.jobKeys, required: ["id", "location"], in: members)
            let id = try identifier(entry.require("id"), seen: &seen)
            let location = try self.location(entry.require("location"))
            var delivery = [Int](repeating: 0, count: dimensions)
            if let deliveryField = entry.child("delivery") {
                delivery = try deliveryField.demand(what: "delivery", dimensions: dimensions)
                guard delivery.count == dimensions else {
                    throw deliveryField.fail("expected \(dimensions) number\(dimensions == 1 ? "" : "s") (one per capacity dimension, as vehicle_types[0].capacity), found \(delivery.count)")
                }
            }
            let service = try entry.child("service")?.integer(what: "a non-negative service time") ?? 0
            var windows: [[Int]] = []
            if let windowsField = entry.child("time_windows") {
                if case .array(let items) = windowsField.value, let first = items.first, DispatchJSONField.isNumber(first) {
                    throw windowsField.fail("expected a list of [open, close] pairs, found numbers; write [[open, close]] for one window")
                }
                for window in try windowsField.array() {
                    let pair = try window.window(what: "the window")
                    if let previous = windows.last {
                        if pair[0] < previous[0] {
                            throw window.fail("opens at \(pair[0]), before the previous window [\(previous[0]), \(previous[1])]: list the windows in time order")
                        }
                        if pair[0] <= previous[1] {
                            throw window.fail("[\(pair[0]), \(pair[1])] overlaps the previous window [\(previous[0]), \(previous[1])]: windows must be disjoint (merge them)")
                        }
                    }
                    windows.append(pair)
                }
            }
            var prize: Double?
            if let prizeField = entry.child("prize"), prizeField.value != .null {
                prize = try prizeField.number(minimum: 0, what: "a non-negative prize")
                guard prize! <= DispatchReader.largestCost else {
                    throw prizeField.fail("expected a prize of at most 10⁹ (the charge for leaving out a mandatory job; "
                                          + "leave \"prize\" out to make the job mandatory), found \(prizeField.found)")
                }
            }
            out.append(DispatchInstance.Job(id: id, location: location, delivery: delivery, service: service,
                                            timeWindows: windows, skills: try skillList(entry.child("skills")), prize: prize))
        }
        return out
    }

    /// A string id (an integer is taken as its decimal text), unique among its siblings.
    func identifier(_ field: DispatchJSONField, seen: inout [String: String]) throws -> String {
        let id: String
        switch field.value {
        case .string(let text): id = text
        case .int(let number): id = String(number)
        default: throw field.fail("expected a string id, found \(field.found)")
        }
        guard !id.isEmpty else { throw field.fail("expected a non-empty id") }
        // The owner's path: `jobs[2]` for `jobs[2].id`.
        let owner = String(field.path.dropLast(3))
        if let first = seen[id] { throw field.fail("\(field.found) is already the id of \(first)") }
        seen[id] = owner
        return id
    }

    /// Skill names, registered in the instance's skill table on first use.
    mutating func skillList(_ field: DispatchJSONField?) throws -> [Int] {
        guard let field, field.value != .null else { return [] }
        var out: [Int] = []
        for entry in try field.array() {
            let name = try entry.string()
            guard !name.isEmpty else { throw entry.fail("expected a non-empty skill name") }
            let index: Int
            if let known = skillIndex[name] {
                index = known
            } else {
                index = skills.count
                skills.append(name)
                skillIndex[name] = index
            }
            if !out.contains(index) { out.append(index) }
        }
        return out.sorted()
    }
}
