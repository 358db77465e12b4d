import Foundation

/// How a VRPTW instance's distances and objective are counted. The literature has two, and a
/// route set optimal under one can be infeasible under the other (instances/README.md).
public enum VRPTWConvention: String, Sendable, CaseIterable {
    /// DIMACS 2021 / CVRPLIB: Euclidean distances truncated to one decimal, travel time equal to
    /// distance, least total distance whatever the number of vehicles.
    case dimacs
    /// SINTEF TOP tables: exact Euclidean distances (double precision), fewest vehicles first,
    /// then least distance.
    case hierarchical
}

/// A vehicle routing instance with time windows (Solomon 1987; Gehring & Homberger 1999): node 0
/// is the depot, nodes 1…n−1 customers, each with a demand, a window [ready, due] in which its
/// service must start, and a service time. Vehicles of one capacity leave the depot at its
/// ready time and must be back by its due time; waiting is free.
///
/// Times and distances are integers in `1/scale` of the file's unit, so the search adds and
/// compares exactly: under `dimacs` the scale is 10 and a distance is ⌊10·d⌋ (the convention's
/// one-decimal truncation, exactly); under `hierarchical` the scale is 10⁴ and a distance is
/// ⌈10⁴·d⌉, so a route the search finds on time is on time with exact distances too (the
/// reported distance is recomputed in double precision).
public struct VRPTWInstance: Sendable {
    public let name: String
    public let convention: VRPTWConvention
    /// Nodes, depot included.
    public let dimension: Int
    public let capacity: Int
    /// Vehicles available (Solomon's NUMBER): the most routes a solution may use.
    public let vehicleCount: Int
    /// By node; 0 at the depot.
    public let demands: [Int]
    public let x: [Double]
    public let y: [Double]
    /// Units of `matrix`, `ready`, `due` and `service` per unit of the file.
    public let scale: Int
    /// By node, scaled. The depot's window is the planning horizon.
    public let ready: [Int]
    public let due: [Int]
    public let service: [Int]
    /// The node ids of the file, by node (the depot's first): `.sol` and JSON speak in them.
    public let fileIDs: [Int]
    /// Row-major n×n scaled distances, which are also the travel times.
    public let matrix: [Int32]

    /// An instance from scaled data: `matrix` (row-major, n×n) and the windows and service
    /// times already in `1/scale` units.
    public init(name: String, convention: VRPTWConvention, scale: Int, capacity: Int, vehicleCount: Int,
                demands: [Int], x: [Double], y: [Double], ready: [Int], due: [Int], service: [Int],
                matrix: [Int32], fileIDs: [Int]? = nil) {
        self.name = name
        self.convention = convention
        self.scale = scale
        self.capacity = capacity
        self.vehicleCount = vehicleCount
        self.demands = demands
        self.x = x
        self.y = y
        dimension = demands.count
        self.ready = ready
        self.due = due
        self.service = service
        self.matrix = matrix
        self.fileIDs = fileIDs ?? Array(0..<demands.count)
    }

    /// An instance from Euclidean coordinates and windows in the file's unit (Solomon's text
    /// format), scaled and measured as `convention` says.
    public init(name: String, convention: VRPTWConvention, capacity: Int, vehicleCount: Int, demands: [Int],
                x: [Double], y: [Double], ready: [Int], due: [Int], service: [Int], fileIDs: [Int]? = nil) {
        let n = demands.count
        let scale = convention == .dimacs ? 10 : 10_000
        var matrix = [Int32](repeating: 0, count: n * n)
        // Each arc once, mirrored: (x_i − x_j)² is exactly (x_j − x_i)², so the matrix is
        // symmetric anyway, and a 20,000-customer file is read in half the time.
        matrix.withUnsafeMutableBufferPointer { cells in
            for i in 0..<n {
                for j in (i + 1)..<max(i + 1, n) {
                    let d = ((x[i] - x[j]) * (x[i] - x[j]) + (y[i] - y[j]) * (y[i] - y[j])).squareRoot() * Double(scale)
                    // A hair of tolerance so that 10·d landing a rounding error short of an integer
                    // truncates (or rounds up) to the integer, as exact arithmetic would.
                    let value = Int32(convention == .dimacs ? (d + 1e-7).rounded(.down) : (d - 1e-7).rounded(.up))
                    cells[i * n + j] = value
                    cells[j * n + i] = value
                }
            }
        }
        self.init(name: name, convention: convention, scale: scale, capacity: capacity, vehicleCount: vehicleCount,
                  demands: demands, x: x, y: y, ready: ready.map { $0 * scale }, due: due.map { $0 * scale },
                  service: service.map { $0 * scale }, matrix: matrix, fileIDs: fileIDs)
    }

    @inline(__always)
    public func distance(_ i: Int, _ j: Int) -> Int { Int(matrix[i &* dimension &+ j]) }

    public var customerCount: Int { dimension - 1 }
    public var totalDemand: Int { demands.reduce(0, +) }
    /// The fewest routes the demand allows: ⌈Σq / Q⌉.
    public var minimumRoutes: Int { max(1, (totalDemand + capacity - 1) / capacity) }

    /// The exact length of a route in the file's unit: one-decimal truncated arcs under
    /// `dimacs`, double-precision Euclidean arcs under `hierarchical`.
    public func routeDistance(_ route: [Int]) -> Double {
        guard !route.isEmpty else { return 0 }
        if convention == .dimacs {
            var total = distance(0, route[0]) + distance(route[route.count - 1], 0)
            for k in 1..<route.count { total += distance(route[k - 1], route[k]) }
            return Double(total) / Double(scale)
        }
        var total = arc(0, route[0]) + arc(route[route.count - 1], 0)
        for k in 1..<route.count { total += arc(route[k - 1], route[k]) }
        return total
    }

    /// One arc in the file's unit, as the convention counts it.
    public func arc(_ i: Int, _ j: Int) -> Double {
        switch convention {
        case .dimacs: return Double(distance(i, j)) / Double(scale)
        case .hierarchical: return ((x[i] - x[j]) * (x[i] - x[j]) + (y[i] - y[j]) * (y[i] - y[j])).squareRoot()
        }
    }

    /// Total distance of `routes`, in the file's unit.
    public func totalDistance(_ routes: [[Int]]) -> Double {
        guard convention == .dimacs else { return routes.reduce(0) { $0 + routeDistance($1) } }
        // Exact: the scaled integer arcs summed, divided once.
        var total = 0
        for route in routes where !route.isEmpty {
            total += distance(0, route[0]) + distance(route[route.count - 1], 0)
            for k in 1..<route.count { total += distance(route[k - 1], route[k]) }
        }
        return Double(total) / Double(scale)
    }
}

extension VRPTWInstance {
    /// The same instance measured under `convention` (Solomon-format instances only: the
    /// conversion needs coordinates and windows in the file's unit).
    /// Nil when the instance has no coordinates and windows in the file's unit (a VRPLIB file),
    /// or when its coordinates span too far for `convention`'s scaled distances to fit in 32
    /// bits (`conversionProblem` says which).
    public func converted(to convention: VRPTWConvention) -> VRPTWInstance? {
        if convention == self.convention { return self }
        guard scale == (self.convention == .dimacs ? 10 : 10_000), Self.spanProblem(x: x, y: y, convention: convention) == nil else { return nil }
        return VRPTWInstance(name: name, convention: convention, capacity: capacity, vehicleCount: vehicleCount,
                             demands: demands, x: x, y: y, ready: ready.map { $0 / scale }, due: due.map { $0 / scale },
                             service: service.map { $0 / scale }, fileIDs: fileIDs)
    }
}

extension VRPTWInstance {
    /// Why this instance cannot be solved under `convention`, in a sentence; nil when it can:
    /// no coordinates in the file's unit to convert (a VRPLIB file), coordinates too far apart
    /// for the convention's scaled distances (×10 for `dimacs`, ×10⁴ for `hierarchical`) to
    /// fit in 32 bits, or a customer that no vehicle reaches in time even alone under the
    /// convention's distances (exact distances are up to 0.1 longer than DIMACS' truncated
    /// ones, so a file readable under one may be infeasible under the other).
    public func conversionProblem(to convention: VRPTWConvention) -> String? {
        if convention == self.convention { return nil }
        guard scale == (self.convention == .dimacs ? 10 : 10_000) else {
            return "the instance has no coordinates and windows in the file's unit to measure under \(convention.rawValue) "
                + "(a VRPLIB file is solved on its own integer distances)"
        }
        if let problem = Self.spanProblem(x: x, y: y, convention: convention) { return problem }
        guard let instance = converted(to: convention) else { return "the instance cannot be converted to \(convention.rawValue)" }
        return SolomonReader.reachabilityProblem(instance)
    }

    /// Why coordinates this far apart do not fit `convention`'s 32-bit scaled distances.
    static func spanProblem(x: [Double], y: [Double], convention: VRPTWConvention) -> String? {
        guard let minX = x.min(), let maxX = x.max(), let minY = y.min(), let maxY = y.max() else { return nil }
        let span = ((maxX - minX) * (maxX - minX) + (maxY - minY) * (maxY - minY)).squareRoot()
        let scale = convention == .dimacs ? 10.0 : 10_000.0
        guard span * scale > Double(Int32.max / 4) else { return nil }
        return "coordinates span \(span), too far apart for \(convention.rawValue) distances (×\(Int(scale))) to fit in 32 bits; "
            + "expected a span below \(Int(Double(Int32.max / 4) / scale))"
    }
}
