/// What is wrong with a VRPTW solution, in words a user can check against the files: customers
/// by their file ids, routes numbered from 1, times in the file's unit.
public struct VRPTWViolation: Error, CustomStringConvertible, Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case notACustomer, visitedTwice, notVisited, overCapacity, lateService, lateReturn, tooManyRoutes
    }

    public let kind: Kind
    /// 1-based route number, when one route is to blame.
    public let route: Int?
    /// The customer's file id (CUST NO.), when one customer is to blame.
    public let customer: Int?
    public let description: String

    init(_ kind: Kind, route: Int? = nil, customer: Int? = nil, _ description: String) {
        self.kind = kind
        self.route = route
        self.customer = customer
        self.description = description
    }
}

/// Checks a solution against the instance through `VRPTWSchedule`, sharing no code with the
/// search: every customer exactly once, no depot or unknown node inside a route, each route's
/// load within the capacity, every service starting by its customer's due date (waiting for
/// the ready time is allowed), every vehicle back by the depot's due date, and no more routes
/// than vehicles.
///
/// Times follow the instance's convention: exact one-decimal arithmetic under `dimacs`; under
/// `hierarchical` arcs rounded up to 10⁻⁴, which can only make a route later, so a route set
/// late with exact double distances is reported late here too.
public enum VRPTWValidation {
    /// Every violation, in route order, then the customers never visited, then the fleet.
    public static func violations(_ solution: VRPTWSolution, instance: VRPTWInstance) -> [VRPTWViolation] {
        let n = instance.dimension
        let scale = instance.scale
        func time(_ value: Int) -> String { VRPTWTime.format(value, scale: scale) }
        var found: [VRPTWViolation] = []
        var seen = [Bool](repeating: false, count: n)
        for (r, route) in solution.routes.enumerated() {
            let number = r + 1
            var customers: [Int] = []
            for node in route {
                guard node >= 1 && node < n else {
                    let what = node == 0 ? "the depot (node 0)" : "node \(node)"
                    found.append(VRPTWViolation(.notACustomer, route: number,
                                                "route \(number): \(what) is not a customer (1…\(n - 1))"))
                    continue
                }
                if seen[node] {
                    found.append(VRPTWViolation(.visitedTwice, route: number, customer: instance.fileIDs[node],
                                                "route \(number): customer \(instance.fileIDs[node]) is visited twice"))
                }
                seen[node] = true
                customers.append(node)
            }
            let schedule = VRPTWSchedule(route: customers, instance: instance)
            if schedule.initialLoad > instance.capacity {
                found.append(VRPTWViolation(.overCapacity, route: number,
                                            "route \(number) carries \(schedule.initialLoad), above the capacity \(instance.capacity)"))
            }
            for stop in schedule.stops where stop.isLate {
                let id = instance.fileIDs[stop.node]
                found.append(VRPTWViolation(.lateService, route: number, customer: id,
                                            "route \(number): customer \(id) is reached at \(time(stop.arrival)), "
                                            + "after its due time \(time(instance.due[stop.node]))"))
            }
            if schedule.returnsLate(instance) {
                found.append(VRPTWViolation(.lateReturn, route: number,
                                            "route \(number) returns to the depot at \(time(schedule.returnTime)), "
                                            + "after its due time \(time(instance.due[0]))"))
            }
        }
        for node in 1..<max(1, n) where !seen[node] {
            found.append(VRPTWViolation(.notVisited, customer: instance.fileIDs[node],
                                        "customer \(instance.fileIDs[node]) is not visited"))
        }
        if solution.routeCount > instance.vehicleCount {
            found.append(VRPTWViolation(.tooManyRoutes, "\(solution.routeCount) routes, above the \(instance.vehicleCount) vehicles available"))
        }
        return found
    }

    /// Throws the first violation.
    public static func check(_ solution: VRPTWSolution, instance: VRPTWInstance) throws {
        if let first = violations(solution, instance: instance).first { throw first }
    }

    public static func isValid(_ solution: VRPTWSolution, instance: VRPTWInstance) -> Bool {
        violations(solution, instance: instance).isEmpty
    }
}
