import HunchCore
import HunchTSPLIB

/// Reads VRPLIB files with time windows (TYPE VRPTW or CVRPTW, or any routing file with a
/// TIME_WINDOW_SECTION) through the shared TSPLIB reader into a `VRPTWInstance` on the file's
/// own integer distances (EUC_2D `nint`, EXPLICIT matrices…) at scale 1: VRPLIB instances are
/// published already scaled and rounded, so no convention of ours is laid over them. They count
/// as `dimacs` (least total distance, the file's arcs exactly).
///
/// Windows and service times must be whole numbers there, in the matrix's unit. The routing
/// checks of `SolomonReader` are made here too: one depot, a demand within the capacity, and
/// every customer reachable and able to return in time.
public enum VRPLIBTimeWindowReader {
    /// Largest capacity or time accepted, so sums stay far inside 64 bits.
    public static let maximumValue = 1_000_000_000_000

    public static func read(path: String) throws -> VRPTWInstance {
        try make(TSPLIBDocument.read(path: path, dialect: .vrplib))
    }

    public static func parse(_ text: String, file: String = "<input>") throws -> VRPTWInstance {
        try make(TSPLIBDocument.parse(text, file: file, dialect: .vrplib))
    }

    /// A VRPLIB head that promises time windows: `TYPE : VRPTW` / `CVRPTW`, or a
    /// `TIME_WINDOW_SECTION` line among the first lines.
    public static func recognises(fileExtension: String, head: String) -> Bool {
        let parsed = InstanceHead(head)
        for (key, value) in parsed.keywords where key == "TYPE" {
            let type = value.uppercased()
            if type.hasPrefix("VRPTW") || type.hasPrefix("CVRPTW") { return true }
        }
        return parsed.lines.contains { $0.uppercased().hasPrefix("TIME_WINDOW_SECTION") }
    }

    static func make(_ document: TSPLIBDocument) throws -> VRPTWInstance {
        let n = document.dimension
        guard n >= 2 else {
            throw document.error(document.line(of: .dimension), "a VRPTW needs a depot and at least one customer (DIMENSION ≥ 2), found \(n)")
        }
        guard let capacity = document.capacity else { throw document.error(nil, "expected CAPACITY for a VRPTW file") }
        guard capacity > 0, capacity <= maximumValue else {
            throw document.error(document.line(of: .capacity), "expected CAPACITY from 1 to \(maximumValue), found \(capacity)")
        }
        guard let fileDemands = document.demands else { throw document.error(nil, "expected a DEMAND_SECTION for a VRPTW file") }
        guard let windows = document.timeWindows else {
            throw document.error(nil, "expected a TIME_WINDOW_SECTION (`id earliest latest` per node) for a VRPTW file")
        }
        let depots = document.depots ?? [0]
        guard depots.count == 1, let depot = depots.first else {
            throw document.error(document.line(of: .depotSection), "expected one depot in DEPOT_SECTION, found \(depots.count) (several depots are not supported)")
        }
        let windowLine = document.line(of: .timeWindowSection)
        let serviceLine = document.line(of: .serviceTimeSection) ?? document.line(of: .serviceTime)
        // Node 0 is the depot: the file's order otherwise (VRPLIB's depot is node 1 already).
        let order = [depot] + (0..<n).filter { $0 != depot }

        guard fileDemands[depot] == 0 else {
            throw document.error(document.demandLines?[depot] ?? document.line(of: .demandSection),
                                 "the depot (node \(depot + 1)) must have demand 0, found \(fileDemands[depot])")
        }
        var ready: [Int] = [], due: [Int] = [], service: [Int] = []
        for node in order {
            let window = windows[node]
            guard let open = whole(window.earliest), let close = whole(window.latest) else {
                throw document.error(windowLine, "time window of node \(node + 1) is [\(window.earliest), \(window.latest)]; "
                                     + "expected whole numbers up to \(maximumValue) (times are in the matrix's integer unit)")
            }
            let time = node == depot ? 0 : (document.serviceTimes?[node] ?? document.serviceTime ?? 0)
            guard let duration = whole(time) else {
                throw document.error(serviceLine, "service time of node \(node + 1) is \(time); expected a whole number up to \(maximumValue)")
            }
            if node == depot, let given = document.serviceTimes?[node], given != 0 {
                throw document.error(serviceLine, "the depot (node \(depot + 1)) must have service time 0, found \(given)")
            }
            ready.append(open)
            due.append(close)
            service.append(duration)
        }
        let demands = order.map { fileDemands[$0] }
        for (k, node) in order.enumerated().dropFirst() where demands[k] > capacity {
            throw document.error(document.demandLines?[node] ?? document.line(of: .demandSection),
                                 "customer \(node + 1) demands \(demands[k]), above the CAPACITY \(capacity): no vehicle can serve it")
        }
        let distance = TSPLIBDistance(document: document, matrixLimit: Int.max)
        var matrix = [Int32](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0..<n where i != j {
                let d = distance.distance(order[i], order[j])
                guard d >= 0, d <= Int(Int32.max) / 4 else {
                    throw document.error(nil, "distance \(d) between nodes \(order[i] + 1) and \(order[j] + 1) is out of range")
                }
                matrix[i * n + j] = Int32(d)
            }
        }
        if let v = document.vehicles, v < 1 {
            throw document.error(document.line(of: .vehicles), "VEHICLES must be ≥ 1, found \(v)")
        }
        // The fleet must carry the demand (without VEHICLES one vehicle per customer always can).
        if let v = document.vehicles {
            let totalDemand = demands.reduce(0) { $0 + $1 }
            let (fleet, overflow) = v.multipliedReportingOverflow(by: capacity)
            if !overflow && totalDemand > fleet {
                throw document.error(document.line(of: .vehicles), "the customers demand \(totalDemand) in all, more than \(v) vehicle\(v == 1 ? "" : "s") "
                                     + "of CAPACITY \(capacity) can carry (\(fleet)); the instance is infeasible")
            }
        }
        let coordinates = document.nodeCoordinates ?? document.displayData
        let instance = VRPTWInstance(
            name: document.name, convention: .dimacs, scale: 1, capacity: capacity,
            // Without VEHICLES the fleet does not bind: one vehicle per customer is never short.
            vehicleCount: document.vehicles ?? (n - 1), demands: demands,
            x: coordinates.map { c in order.map { c.x[$0] } } ?? [], y: coordinates.map { c in order.map { c.y[$0] } } ?? [],
            ready: ready, due: due, service: service, matrix: matrix,
            // The `.sol` numbering of VRPLIB: node id − 1, so customers are 1…n−1 and the depot 0.
            fileIDs: order)
        // No per-node lines for the windows are kept by the shared reader: blame the section.
        let lines = [Int](repeating: windowLine ?? 1, count: n)
        try SolomonReader.checkReachable(instance, ids: order.map { $0 + 1 }, lines: lines, file: document.file)
        return instance
    }

    /// `value` as an integer when it is a whole number within range.
    private static func whole(_ value: Double) -> Int? {
        guard value.isFinite, value >= 0, value <= Double(maximumValue), value.rounded() == value else { return nil }
        return Int(value)
    }
}
