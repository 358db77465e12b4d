import HunchCore
import HunchTSPLIB

/// Reads CVRPLIB `.vrp` files through the shared TSPLIB95 reader (HunchTSPLIB): EUC_2D and the
/// other coordinate types, EXPLICIT matrices (LOWER_ROW, FULL_MATRIX…), CAPACITY,
/// DEMAND_SECTION, DEPOT_SECTION, DISTANCE, SERVICE_TIME and VEHICLES. The routing checks are
/// made here with the file's line numbers: one depot, a capacity, no demand above it.
public enum CVRPReader {
    /// Largest vehicle capacity accepted (demands add up to less than 2³¹).
    public static let maximumCapacity = 1_000_000_000_000

    public static func read(path: String) throws -> CVRPInstance {
        try make(TSPLIBDocument.read(path: path, dialect: .vrplib))
    }

    public static func parse(_ text: String, file: String = "<input>") throws -> CVRPInstance {
        try make(TSPLIBDocument.parse(text, file: file, dialect: .vrplib))
    }

    static func make(_ document: TSPLIBDocument) throws -> CVRPInstance {
        let n = document.dimension
        guard n >= 2 else { throw document.error(document.line(of: .dimension), "a CVRP needs a depot and at least one customer (DIMENSION ≥ 2), found \(n)") }
        guard let capacity = document.capacity else { throw document.error(nil, "expected CAPACITY for a CVRP file") }
        guard capacity > 0 else { throw document.error(document.line(of: .capacity), "CAPACITY must be positive, found \(capacity)") }
        // Range-checked before any arithmetic: loads, ⌈Σq / Q⌉ and the penalties add to it.
        guard capacity <= maximumCapacity else {
            throw document.error(document.line(of: .capacity), "CAPACITY must be at most 10¹², found \(capacity)")
        }
        guard let fileDemands = document.demands else { throw document.error(nil, "expected a DEMAND_SECTION for a CVRP file") }
        let depots = document.depots ?? [0]
        guard depots.count == 1, let depot = depots.first else {
            throw document.error(document.line(of: .depotSection), "expected one depot in DEPOT_SECTION, found \(depots.count) (several depots are not supported)")
        }
        // Node 0 is the depot: the file's order otherwise (CVRPLIB's depot is node 1 already).
        let order = [depot] + (0..<n).filter { $0 != depot }
        var demands = order.map { fileDemands[$0] }
        demands[0] = 0
        for (k, node) in order.enumerated().dropFirst() {
            let q = demands[k]
            guard q <= capacity else {
                throw document.error(document.demandLines?[node] ?? document.line(of: .demandSection),
                                     "customer \(node + 1) demands \(q), above the CAPACITY \(capacity): no vehicle can serve it")
            }
        }
        guard demands.reduce(0, { $0.addingReportingOverflow($1).partialValue }) < Int(Int32.max) else {
            throw document.error(document.line(of: .demandSection), "the demands add up to more than 2³¹")
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
        if let time = document.serviceTime, !(time >= 0 && time <= 1e9) {
            throw document.error(document.line(of: .serviceTime), "SERVICE_TIME must be a duration from 0 to 10⁹, found \(time)")
        }
        let service = document.serviceTime.map { Int($0.rounded()) } ?? 0
        let coordinates = document.nodeCoordinates ?? document.displayData
        if let limit = document.maximumRouteLength, !(limit > 0 && limit < 1e15) {
            throw document.error(document.line(of: .distance), "DISTANCE must be a positive length, found \(limit)")
        }
        if let v = document.vehicles, v < 1 {
            throw document.error(document.line(of: .vehicles), "VEHICLES must be ≥ 1, found \(v)")
        }
        return CVRPInstance(name: document.name, comment: document.comment, capacity: capacity, demands: demands, matrix: matrix,
                            x: coordinates.map { c in order.map { c.x[$0] } }, y: coordinates.map { c in order.map { c.y[$0] } },
                            serviceTime: service, maximumDuration: document.maximumRouteLength.map { Int($0.rounded(.down)) },
                            maximumRoutes: document.vehicles, fileIDs: order.map { $0 + 1 })
    }
}
