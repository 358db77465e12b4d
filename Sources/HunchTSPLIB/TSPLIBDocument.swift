/// One TSPLIB95 / CVRPLIB / VRPLIB instance file as parsed, before any family makes a problem
/// of it: the specification part and every data section, checked for consistency, with ids
/// turned 0-based.
///
/// Reading checks what a file promises about itself — DIMENSION against every section,
/// EDGE_WEIGHT_TYPE against the coordinates or the matrix, TYPE against the sections it needs
/// (CVRP: CAPACITY, DEMAND_SECTION and DEPOT_SECTION; VRPTW and CVRPTW also
/// TIME_WINDOW_SECTION) — and throws a `TSPLIBError` naming the file, the line and what was
/// expected. What a family does with the data (is a demand above the capacity an error? may a
/// TSP file carry demands?) is left to the family.
///
/// Quantities are integers (demands, capacity, vehicles, matrix weights); times and lengths
/// are `Double` (DISTANCE, SERVICE_TIME, time windows, service times), as VRPLIB files write
/// them either way.
public struct TSPLIBDocument: Sendable {
    /// The path, or `"<input>"` for text parsed from memory.
    public let file: String
    /// NAME, else the file name without folders and extension (empty for `"<input>"`).
    public let name: String
    /// TYPE, or nil when the file has no TYPE line.
    public let type: TSPLIBProblemType?
    /// COMMENT lines joined with line breaks; empty when there are none.
    public let comment: String
    /// DIMENSION: the number of nodes, depots included.
    public let dimension: Int
    public let edgeWeightType: TSPLIBEdgeWeightType
    /// EDGE_WEIGHT_FORMAT as given (FUNCTION next to a coordinate type is kept), or nil.
    public let edgeWeightFormat: TSPLIBEdgeWeightFormat?
    /// NODE_COORD_SECTION by 0-based node; present for every type but EXPLICIT, where it is
    /// optional.
    public let nodeCoordinates: TSPLIBCoordinates?
    /// DISPLAY_DATA_SECTION (coordinates for pictures only), or nil.
    public let displayData: TSPLIBCoordinates?
    /// EXPLICIT: the full symmetric n×n matrix, row-major, zero diagonal, whatever the
    /// EDGE_WEIGHT_FORMAT; nil for the coordinate types.
    public let explicitWeights: [Int]?
    /// FIXED_EDGES_SECTION as 0-based node pairs; empty when absent.
    public let fixedEdges: [(Int, Int)]

    // Routing (CVRPLIB / VRPLIB).

    /// CAPACITY: the capacity of every vehicle.
    public let capacity: Int?
    /// VEHICLES: the number of vehicles.
    public let vehicles: Int?
    /// DISTANCE: the maximum length of a route.
    public let maximumRouteLength: Double?
    /// SERVICE_TIME: one service time for every customer.
    public let serviceTime: Double?
    /// DEMAND_SECTION by 0-based node (depots included, usually 0 there).
    public let demands: [Int]?
    /// The line of each node's DEMAND_SECTION entry, so a family's checks can point at it.
    public let demandLines: [Int]?
    /// DEPOT_SECTION: the 0-based depot nodes in file order (CVRPLIB: `[0]`).
    public let depots: [Int]?
    /// TIME_WINDOW_SECTION by 0-based node.
    public let timeWindows: [TSPLIBTimeWindow]?
    /// SERVICE_TIME_SECTION by 0-based node.
    public let serviceTimes: [Double]?

    /// The line of each keyword given (for COMMENT, the last one), so a family can point its
    /// own messages at the file.
    public let keywordLines: [TSPLIBKeyword: Int]

    /// The line where `keyword` was given, or nil.
    public func line(of keyword: TSPLIBKeyword) -> Int? { keywordLines[keyword] }

    /// A `TSPLIBError` about this file, for a family's checks on the parsed data.
    public func error(_ line: Int?, _ message: String) -> TSPLIBError {
        TSPLIBError(file: file, line: line, message: message)
    }

    /// Reads the file at `path`. Directories, devices and unreadable files are errors.
    ///
    /// Complexity: O(file size), plus O(n²) for an EXPLICIT matrix.
    public static func read(path: String, dialect: TSPLIBDialect = .vrplib) throws -> TSPLIBDocument {
        let bytes = try TSPLIBFile.contents(of: path)
        return try bytes.withUnsafeBufferPointer { try parse(bytes: $0, file: path, dialect: dialect) }
    }

    /// Parses instance text; `file` names it in errors.
    public static func parse(_ text: String, file: String = "<input>", dialect: TSPLIBDialect = .vrplib) throws -> TSPLIBDocument {
        var text = text
        return try text.withUTF8 { try parse(bytes: $0, file: file, dialect: dialect) }
    }

    /// Parses raw bytes, which need not be valid UTF-8.
    package static func parse(bytes: UnsafeBufferPointer<UInt8>, file: String, dialect: TSPLIBDialect) throws -> TSPLIBDocument {
        var parser = TSPLIBDocumentParser(text: TSPLIBText(bytes: bytes, file: file, dialect: dialect))
        return try parser.parse()
    }
}

/// Planar coordinates by 0-based node (NODE_COORD_SECTION or DISPLAY_DATA_SECTION).
public struct TSPLIBCoordinates: Sendable, Equatable {
    public let x: [Double]
    public let y: [Double]

    public init(x: [Double], y: [Double]) {
        precondition(x.count == y.count)
        self.x = x
        self.y = y
    }
}

/// A time window of TIME_WINDOW_SECTION: service may start no earlier than `earliest` and no
/// later than `latest`.
public struct TSPLIBTimeWindow: Sendable, Equatable {
    public let earliest: Double
    public let latest: Double

    public init(earliest: Double, latest: Double) {
        self.earliest = earliest
        self.latest = latest
    }
}
