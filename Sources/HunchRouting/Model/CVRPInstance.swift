import HunchTSPLIB

/// A capacitated vehicle routing instance: node 0 is the depot, nodes 1…n−1 the customers, each
/// with a demand; vehicles of one capacity leave and return to the depot. Optional limits
/// (CVRPLIB / CMT): a maximum route duration (distance plus service times) and a maximum number
/// of routes. Distances follow TSPLIB95 exactly (EUC_2D: nint, integer totals, as the
/// literature reports them) and are kept as a flat Int32 matrix: X's largest instance has
/// 1,001 nodes (4 MB).
public struct CVRPInstance: Sendable {
    public let name: String
    public let comment: String
    /// Nodes, depot included.
    public let dimension: Int
    public let capacity: Int
    /// By node; 0 at the depot.
    public let demands: [Int]
    /// Service time at every customer (0 at the depot); counts against `maximumDuration` only.
    public let serviceTime: Int
    /// DISTANCE: the longest a route may take (distance plus service times), or nil.
    public let maximumDuration: Int?
    /// VEHICLES: the most routes a solution may use, or nil.
    public let maximumRoutes: Int?
    /// Coordinates for pictures and sweeps (nil for EXPLICIT files without them).
    public let x: [Double]?
    public let y: [Double]?
    /// The node ids of the file, by node (the depot's first): `.sol` and JSON speak in them.
    public let fileIDs: [Int]
    /// Row-major n×n distances.
    public let matrix: [Int32]

    public init(name: String, comment: String = "", capacity: Int, demands: [Int], matrix: [Int32],
                x: [Double]? = nil, y: [Double]? = nil, serviceTime: Int = 0, maximumDuration: Int? = nil,
                maximumRoutes: Int? = nil, fileIDs: [Int]? = nil) {
        self.name = name
        self.comment = comment
        self.dimension = demands.count
        self.capacity = capacity
        self.demands = demands
        self.matrix = matrix
        self.x = x
        self.y = y
        self.serviceTime = serviceTime
        self.maximumDuration = maximumDuration
        self.maximumRoutes = maximumRoutes
        self.fileIDs = fileIDs ?? Array(1...max(1, demands.count))
    }

    @inline(__always)
    public func distance(_ i: Int, _ j: Int) -> Int { Int(matrix[i &* dimension &+ j]) }

    public var customerCount: Int { dimension - 1 }
    public var totalDemand: Int { demands.reduce(0, +) }
    /// The fewest routes the demand allows: ⌈Σq / Q⌉.
    public var minimumRoutes: Int { max(1, (totalDemand + capacity - 1) / capacity) }

    /// Length of one route (customers in order, depot at both ends implied).
    public func routeLength(_ route: [Int]) -> Int {
        guard let first = route.first, let last = route.last else { return 0 }
        var length = distance(0, first) + distance(last, 0)
        for k in 1..<route.count { length += distance(route[k - 1], route[k]) }
        return length
    }

    /// Total distance of `routes` (the objective).
    public func cost(_ routes: [[Int]]) -> Int { routes.reduce(0) { $0 + routeLength($1) } }
}
