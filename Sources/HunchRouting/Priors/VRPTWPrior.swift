import HunchCore

/// The construction heuristics of the VRPTW, by name.
public enum VRPTWPrior: String, CaseIterable, Sendable {
    /// Cheapest insertion in order of due time, each customer where the route cost (distance,
    /// and a heavy charge for any lateness or overload) rises least, a new route when none can
    /// take it: Solomon's (1987) insertion idea, priced with time-warp segments.
    case insertion
    /// Solomon's (1987) time-oriented nearest neighbour: each route grows to the customer that
    /// is closest in a blend of distance, waiting and urgency, among those it can reach in time.
    case nearestNeighbour = "nearest-neighbour"
    /// Cheapest insertion in a random order: a baseline.
    case random

    public static let `default` = VRPTWPrior.insertion

    public var description: String {
        switch self {
        case .insertion: return "cheapest insertion by due time (Solomon 1987): the strongest start, a few per cent above the best known."
        case .nearestNeighbour: return "time-oriented nearest neighbour (Solomon 1987): routes grow to the closest reachable customer; 10–30 % above the best known."
        case .random: return "cheapest insertion in a random order: a baseline."
        }
    }

    /// `stop`: when it says stop, the insertions left are made quickly (see `insertionRoutes`).
    public func construct(_ instance: VRPTWInstance, rng: inout SeededGenerator, stop: StopCondition = StopCondition()) -> VRPTWSolution {
        guard instance.dimension > 1 else { return VRPTWSolution(routes: []) }
        switch self {
        case .insertion:
            let order = (1..<instance.dimension).sorted { (instance.due[$0], $0) < (instance.due[$1], $1) }
            return VRPTWSolution(routes: RoutingSearchState.insertionRoutes(RoutingModel(instance), order: order, rng: &rng, stop: stop))
        case .nearestNeighbour:
            return TimeOrientedNearestNeighbour.solve(instance)
        case .random:
            var order = Array(1..<instance.dimension)
            for i in stride(from: order.count - 1, to: 0, by: -1) { order.swapAt(i, rng.below(i + 1)) }
            return VRPTWSolution(routes: RoutingSearchState.insertionRoutes(RoutingModel(instance), order: order, rng: &rng, stop: stop))
        }
    }
}
