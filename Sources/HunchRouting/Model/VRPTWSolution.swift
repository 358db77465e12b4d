/// Routes of customers (node indices 1…n−1, the depot left out at both ends), each route one
/// vehicle leaving the depot at its ready time. Empty routes are dropped.
public struct VRPTWSolution: Sendable, Equatable {
    public var routes: [[Int]]

    public init(routes: [[Int]]) { self.routes = routes.filter { !$0.isEmpty } }

    public var routeCount: Int { routes.count }
}
