import HunchCore

/// The TSP construction heuristics described in words, with the instance's shape, for a model
/// that is too weak to order cities but can still pick a named prior (HunchLLM's `LLMChoice`).
///
/// Glue (in the CLI):
///
///     let menu = TSPLLMChoiceMenu(instance: instance, fallback: .default)
///     let choice = LLMChoice(context: menu.context,
///         options: menu.entries.map { LLMChoice.Option(name: $0.name, description: $0.description) },
///         defaultOption: menu.defaultName)
///     let (name, report) = try llmPrior.choose(choice)
///     let prior = TSPPrior(name: name) ?? .default
public struct TSPLLMChoiceMenu: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var name: String
        public var description: String
    }

    /// Size, distance type, spread and how clustered the cities look.
    public let context: String
    public let entries: [Entry]
    public let defaultName: String

    /// Above this many cities the O(n²) insertion heuristics are not offered.
    public static let quadraticLimit = 5000

    public init(instance: TSPInstance, fallback: TSPPrior = .default) {
        let n = instance.dimension
        var context = "A symmetric travelling salesman instance: \(n) cities, distances of type \(instance.edgeWeightType.rawValue)."
        if let c = instance.drawingCoordinates, n >= 2 {
            let w = (c.x.max()! - c.x.min()!), h = (c.y.max()! - c.y.min()!)
            context += " The cities lie in a \(Int(w.rounded())) × \(Int(h.rounded())) box"
            if let ratio = TSPLLMChoiceMenu.clusteringRatio(c.x, c.y) {
                context += ratio < 0.6 ? ", strongly clustered." : ratio < 0.85 ? ", somewhat clustered." : ", spread fairly evenly."
            } else {
                context += "."
            }
        } else {
            context += " Only the distances are known (no coordinates)."
        }
        var entries: [Entry] = [
            Entry(name: TSPPrior.greedy.rawValue,
                  description: "greedy edge: repeatedly adds the shortest edge that keeps a single path; "
                    + "usually 15–20% above the optimum and a strong start for local search; fast at any size."),
            Entry(name: TSPPrior.nearestNeighbour.rawValue,
                  description: "nearest neighbour: always moves to the closest unvisited city; about 25% above the "
                    + "optimum, with a few long edges at the end; fast at any size."),
        ]
        if instance.hasCoordinates {
            entries.append(Entry(name: TSPPrior.spaceFillingCurve.rawValue,
                                 description: "space-filling curve: visits cities along a Hilbert curve; the fastest, "
                                    + "25–40% above the optimum; fine for evenly spread cities, poor for clustered ones."))
        }
        if n <= TSPLLMChoiceMenu.quadraticLimit {
            entries.append(Entry(name: TSPPrior.farthestInsertion.rawValue,
                                 description: "farthest insertion: grows the tour by inserting the farthest city at its "
                                    + "cheapest place; often 10–15% above the optimum; time grows with the square of the size."))
            entries.append(Entry(name: TSPPrior.cheapestInsertion.rawValue,
                                 description: "cheapest insertion: inserts the city that lengthens the tour least; "
                                    + "15–25% above the optimum; time grows with the square of the size."))
        }
        self.context = context
        self.entries = entries
        self.defaultName = entries.contains { $0.name == fallback.rawValue } ? fallback.rawValue : TSPPrior.default.rawValue
    }

    /// Mean nearest-neighbour distance over what uniform points in the bounding box would give
    /// (Clark & Evans 1954): well below 1 means clustered. Measured on at most 300 cities (O(300·n));
    /// nil when undefined.
    static func clusteringRatio(_ x: [Double], _ y: [Double]) -> Double? {
        let n = x.count
        guard n >= 4 else { return nil }
        let area = (x.max()! - x.min()!) * (y.max()! - y.min()!)
        guard area > 0 else { return nil }
        let step = max(1, (n + 299) / 300)
        var total = 0.0, counted = 0
        for i in stride(from: 0, to: n, by: step) {
            var best = Double.infinity
            for j in 0..<n where j != i { best = min(best, TSPClusters.squared(x[i] - x[j], y[i] - y[j])) }
            total += best.squareRoot()
            counted += 1
        }
        let expected = 0.5 * (area / Double(n)).squareRoot()
        return (total / Double(counted)) / expected
    }
}
