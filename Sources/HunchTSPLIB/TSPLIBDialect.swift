/// Which TSPLIB files a parser reads: the problem TYPEs it accepts and the keywords it knows.
///
/// The dialect only widens or narrows what is accepted; a file both dialects accept is read
/// the same way by both.
public enum TSPLIBDialect: Sendable {
    /// TSPLIB95 symmetric TSP files only (TYPE TSP), as `HunchTSP`'s reader has always read
    /// them: the routing keywords (CAPACITY, DEMAND_SECTION, …) are refused as belonging to
    /// other problem types, and the CVRPLIB / VRPLIB additions (VEHICLES, DISTANCE, …) are
    /// unknown keywords.
    case tsp
    /// TSPLIB95 plus the routing extensions of CVRPLIB and VRPLIB: TYPE TSP, CVRP, VRPTW or
    /// CVRPTW, with CAPACITY, DEMAND_SECTION, DEPOT_SECTION, DISTANCE, SERVICE_TIME, VEHICLES,
    /// TIME_WINDOW_SECTION and SERVICE_TIME_SECTION.
    case vrplib

    /// The TYPE values accepted.
    public var acceptedTypes: [TSPLIBProblemType] {
        switch self {
        case .tsp: return [.tsp]
        case .vrplib: return TSPLIBProblemType.allCases
        }
    }

    /// "TSP" or "TSP, CVRP, VRPTW or CVRPTW", for messages.
    var acceptedTypeList: String {
        let names = acceptedTypes.map(\.rawValue)
        guard names.count > 1 else { return names.joined() }
        return names.dropLast().joined(separator: ", ") + " or " + names.last!
    }
}

/// The `TYPE` of a TSPLIB file that describes an instance.
public enum TSPLIBProblemType: String, Sendable, Codable, CaseIterable {
    /// Symmetric travelling salesman.
    case tsp = "TSP"
    /// Capacitated vehicle routing (TSPLIB95, CVRPLIB).
    case cvrp = "CVRP"
    /// Vehicle routing with time windows (VRPLIB).
    case vrptw = "VRPTW"
    /// Capacitated vehicle routing with time windows (VRPLIB).
    case cvrptw = "CVRPTW"

    /// Routing types: a fleet of capacitated vehicles leaves one or more depots.
    public var isRouting: Bool { self != .tsp }

    /// Types whose nodes carry time windows.
    public var hasTimeWindows: Bool { self == .vrptw || self == .cvrptw }
}
