import HunchCore

/// The construction heuristics of the CVRP, by name.
public enum CVRPPrior: String, CaseIterable, Sendable {
    /// Clarke & Wright (1964) parallel savings: merge the pair of route ends with the largest
    /// saving d(0,i) + d(0,j) − d(i,j) while capacity (and DISTANCE) allow.
    case savings
    /// Sweep (Gillett & Miller 1974): customers by polar angle around the depot, cut into routes
    /// when the next one does not fit.
    case sweep
    /// Nearest neighbour: each route grows from the depot to the nearest customer that fits.
    case nearestNeighbour = "nearest-neighbour"
    /// A nearest-neighbour giant tour cut optimally into routes by Split (Prins 2004).
    case giantTourSplit = "giant-tour-split"
    /// A random giant tour cut by Split: a baseline.
    case random

    public static let `default` = CVRPPrior.savings

    public var description: String {
        switch self {
        case .savings: return "Clarke–Wright savings: merges routes where the saving is largest; usually 3–8 % above the best known, the strongest classic start."
        case .sweep: return "sweep: customers by angle around the depot, cut into routes; good for a central depot, weaker otherwise (10–20 %)."
        case .nearestNeighbour: return "nearest neighbour: each route grows to the nearest customer that fits; 15–30 % above the best known."
        case .giantTourSplit: return "a nearest-neighbour tour through all customers, cut optimally into routes by Split; 10–20 % above the best known."
        case .random: return "a random order cut into routes by Split: a baseline."
        }
    }

    public func construct(_ instance: CVRPInstance, rng: inout SeededGenerator) -> CVRPSolution {
        guard instance.dimension > 1 else { return CVRPSolution(routes: []) }
        switch self {
        case .savings: return ClarkeWrightSavings.solve(instance)
        case .sweep: return SweepPrior.solve(instance)
        case .nearestNeighbour: return NearestNeighbourRoutes.solve(instance)
        case .giantTourSplit: return Split.routes(instance, order: NearestNeighbourRoutes.giantTour(instance))
        case .random:
            var order = Array(1..<instance.dimension)
            for i in stride(from: order.count - 1, to: 0, by: -1) { order.swapAt(i, rng.below(i + 1)) }
            return Split.routes(instance, order: order)
        }
    }
}
