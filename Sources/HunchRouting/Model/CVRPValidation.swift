/// What is wrong with a CVRP solution, in words a user can check against the file.
public struct CVRPViolation: Error, CustomStringConvertible, Sendable, Equatable {
    public var description: String
    init(_ description: String) { self.description = description }
}

/// Checks a solution against the instance, sharing no code with the search: every customer
/// exactly once, the depot never inside a route, each route's load within the capacity, each
/// route's duration (distance plus service times) within DISTANCE, and no more routes than
/// VEHICLES.
public enum CVRPValidation {
    public static func check(_ solution: CVRPSolution, instance: CVRPInstance) throws {
        let n = instance.dimension
        var seen = [Bool](repeating: false, count: n)
        for (r, route) in solution.routes.enumerated() {
            var load = 0
            for c in route {
                guard c >= 1 && c < n else {
                    throw CVRPViolation("route \(r + 1): node \(c) is not a customer (1…\(n - 1))")
                }
                guard !seen[c] else { throw CVRPViolation("customer \(instance.fileIDs[c]) is visited twice") }
                seen[c] = true
                load += instance.demands[c]
            }
            guard load <= instance.capacity else {
                throw CVRPViolation("route \(r + 1) carries \(load), above the capacity \(instance.capacity)")
            }
            if let limit = instance.maximumDuration {
                let duration = instance.routeLength(route) + instance.serviceTime * route.count
                guard duration <= limit else {
                    throw CVRPViolation("route \(r + 1) takes \(duration), above the DISTANCE limit \(limit)")
                }
            }
        }
        if let missing = (1..<max(1, n)).first(where: { !seen[$0] }) {
            throw CVRPViolation("customer \(instance.fileIDs[missing]) is not visited")
        }
        if let limit = instance.maximumRoutes, solution.routeCount > limit {
            throw CVRPViolation("\(solution.routeCount) routes, above the VEHICLES limit \(limit)")
        }
    }

    public static func isValid(_ solution: CVRPSolution, instance: CVRPInstance) -> Bool {
        (try? check(solution, instance: instance)) != nil
    }
}
