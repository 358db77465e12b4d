/// Routes of customers (node indices 1…n−1, the depot left out at both ends). Empty routes are
/// dropped by the search and ignored by the validator.
public struct CVRPSolution: Sendable, Equatable {
    public var routes: [[Int]]

    public init(routes: [[Int]]) { self.routes = routes.filter { !$0.isEmpty } }

    public var routeCount: Int { routes.count }
}
