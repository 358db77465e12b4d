/// What is wrong with a CVRP solution, in words a user can check against the file.
public struct CVRPViolation: Error, CustomStringConvertible, Sendable, Equatable {
    public var description: String
    init(_ description: String) { self.description = description }
}

/// Checks a solution against the instance, sharing no code with the search: every customer
/// exactly once, the depot never inside a route, each route's load within the capacity, each
/// route's duration (distance plus service times) within DISTANCE, and no more routes than
/// VEHICLES. Nodes are named by their id in the instance file (a `.sol` file numbers customers
/// from 1: node id − 1 when the depot is node 1), routes from 1 as in a `.sol` file.
public enum CVRPValidation {
    /// Throws the first of `violations`.
    public static func check(_ solution: CVRPSolution, instance: CVRPInstance) throws {
        if let first = violations(solution, instance: instance, limit: 1).first { throw first }
    }

    public static func isValid(_ solution: CVRPSolution, instance: CVRPInstance) -> Bool {
        violations(solution, instance: instance, limit: 1).isEmpty
    }

    /// Every violation, at most `limit`, route by route (a node that is not a customer, a
    /// customer seen before, the load, the duration), then the customers never visited, then the
    /// number of routes. `hunch check` lists them all; `check` stops at the first.
    public static func violations(_ solution: CVRPSolution, instance: CVRPInstance, limit: Int = .max) -> [CVRPViolation] {
        let n = instance.dimension
        var found: [CVRPViolation] = []
        func add(_ message: String) -> Bool {
            found.append(CVRPViolation(message))
            return found.count >= limit
        }
        var routeOf = [Int](repeating: -1, count: max(n, 0))
        for (r, route) in solution.routes.enumerated() {
            var load = 0
            // Only nodes of the instance enter distances; the others are reported and skipped.
            var nodes: [Int] = []
            for c in route {
                guard c >= 1 && c < n else {
                    let message = c == 0 && n > 0
                        ? "route \(r + 1): node \(instance.fileIDs[0]) is the depot, not a customer"
                        : "route \(r + 1): node \(c) is not a customer (1…\(n - 1))"
                    if add(message) { return found }
                    if c == 0 { nodes.append(c) }
                    continue
                }
                nodes.append(c)
                guard routeOf[c] < 0 else {
                    let routes = routeOf[c] == r ? "twice in route \(r + 1)" : "in routes \(routeOf[c] + 1) and \(r + 1)"
                    if add("node \(instance.fileIDs[c]) is visited twice (\(routes))") { return found }
                    continue
                }
                routeOf[c] = r
                load += instance.demands[c]
            }
            if load > instance.capacity {
                if add("route \(r + 1) carries \(load), above the capacity \(instance.capacity)") { return found }
            }
            if let limit = instance.maximumDuration {
                let duration = instance.routeLength(nodes) + instance.serviceTime * nodes.count
                if duration > limit, add("route \(r + 1) takes \(duration), above the DISTANCE limit \(limit)") { return found }
            }
        }
        for c in 1..<max(1, n) where routeOf[c] < 0 {
            if add("node \(instance.fileIDs[c]) is not visited") { return found }
        }
        if let maximum = instance.maximumRoutes, solution.routeCount > maximum {
            _ = add("\(solution.routeCount) routes, above the VEHICLES limit \(maximum)")
        }
        return found
    }
}
