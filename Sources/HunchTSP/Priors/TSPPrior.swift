import HunchCore

/// Construction heuristics that give the search its first tour, each selectable by name.
public enum TSPPrior: String, CaseIterable, Sendable {
    case nearestNeighbour = "nearest-neighbour"
    case greedy = "greedy"
    case spaceFillingCurve = "space-filling-curve"
    case farthestInsertion = "farthest-insertion"
    case cheapestInsertion = "cheapest-insertion"
    case random = "random"

    /// Greedy edge: among the best cheap constructions (about 15–20% above optimal on TSPLIB,
    /// O(n log n) with candidate lists) and a good start for 2-opt/Or-opt (Johnson & McGeoch 1997).
    public static let `default` = TSPPrior.greedy

    /// Also accepts a few common spellings (`nn`, `greedy-edge`, `hilbert`, …).
    public init?(name: String) {
        switch name.lowercased() {
        case "nearest-neighbour", "nearest-neighbor", "nn": self = .nearestNeighbour
        case "greedy", "greedy-edge": self = .greedy
        case "space-filling-curve", "hilbert", "sfc": self = .spaceFillingCurve
        case "farthest-insertion", "farthest": self = .farthestInsertion
        case "cheapest-insertion", "cheapest": self = .cheapestInsertion
        case "random": self = .random
        default: return nil
        }
    }

    /// The prior that `construct` really uses: the space-filling curve needs coordinates and
    /// falls back to greedy without them.
    public func effective(for instance: TSPInstance) -> TSPPrior {
        self == .spaceFillingCurve && !instance.hasCoordinates ? .greedy : self
    }

    /// Builds a tour (a permutation of 0..<dimension). The O(n²) insertion heuristics watch
    /// `stop` and, when time runs out, hand over to greedy so the command keeps its time limit.
    public func construct(_ instance: TSPInstance, candidates: CandidateLists,
                          rng: inout SeededGenerator, stop: StopCondition? = nil) -> [Int] {
        let n = instance.dimension
        if n <= 3 { return Array(0..<n) }
        switch self {
        case .nearestNeighbour:
            return NearestNeighbourTour.build(instance, candidates: candidates, start: rng.below(n))
        case .greedy:
            return GreedyEdgeTour.build(instance, candidates: candidates, stop: stop)
        case .spaceFillingCurve:
            if instance.hasCoordinates { return SpaceFillingCurveTour.build(instance) }
            return GreedyEdgeTour.build(instance, candidates: candidates, stop: stop)
        case .farthestInsertion:
            return InsertionTour.build(instance, rule: .farthest, stop: stop)
                ?? GreedyEdgeTour.build(instance, candidates: candidates, stop: stop)
        case .cheapestInsertion:
            return InsertionTour.build(instance, rule: .cheapest, stop: stop)
                ?? GreedyEdgeTour.build(instance, candidates: candidates, stop: stop)
        case .random:
            var tour = Array(0..<n)
            for i in stride(from: n - 1, to: 0, by: -1) { tour.swapAt(i, rng.below(i + 1)) }
            return tour
        }
    }
}
