import HunchCore

/// Why the TSP LLM prior could not turn an answer into a tour.
public enum TSPLLMError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The instance cannot be put to a model (see `TSPLLMPrior.unavailableReason`).
    case unavailable(String)

    public var description: String {
        switch self {
        case .unavailable(let reason): return "no LLM prompt for this instance: \(reason)"
        }
    }
}

/// The TSP side of the LLM prior: the question (`prompt`), turning an answer into a valid tour
/// (`complete(order:)`), and the tour to use when the answer is unusable (`fallbackTour()`).
///
/// It knows nothing of HTTP: HunchLLM's `LLMPrior` asks the model, extracts and generically
/// repairs the integer list, and calls back here. Glue (in the CLI):
///
///     let tsp = TSPLLMPrior(instance: instance, candidates: candidates, options: options)
///     guard let prompt = tsp.prompt else { /* warn tsp.unavailableReason */ return tsp.fallbackTour() }
///     let task = LLMPermutationTask(mode: prompt.mode.rawValue,
///         messages: [.system(prompt.system), .user(prompt.user)], schema: prompt.schema,
///         schemaName: prompt.schemaName, count: prompt.count, firstID: prompt.firstID, maxTokens: prompt.maxTokens)
///     let (tour, report) = try llmPrior.permutation(for: task, fallbackName: options.fallbackPrior.rawValue,
///         complete: { try tsp.complete(order: $0.kept) }, fallback: { tsp.fallbackTour() })
public struct TSPLLMPrior: Sendable {
    public let instance: TSPInstance
    public let candidates: CandidateLists
    public let options: TSPLLMOptions
    /// The question, or nil when this instance cannot be asked about.
    public let prompt: TSPLLMPrompt?
    /// Why `prompt` is nil.
    public let unavailableReason: String?

    public init(instance: TSPInstance, candidates: CandidateLists, options: TSPLLMOptions = TSPLLMOptions()) {
        self.instance = instance
        self.candidates = candidates
        self.options = options
        (prompt, unavailableReason) = TSPLLMPrompt.make(instance, candidates: candidates, options: options)
    }

    /// The tour for an answer given as 0-based positions (cities, or clusters in cluster mode),
    /// in the model's order. Repeats and out-of-range values are skipped; what is missing is
    /// inserted at its cheapest place; clusters are toured by nearest neighbour. The tour is
    /// validated before it is returned.
    ///
    /// Complexity: O(m·n) for m missing cities in city mode; near-linear in cluster mode.
    public func complete(order: [Int]) throws -> [Int] {
        guard let prompt else { throw TSPLLMError.unavailable(unavailableReason ?? "unknown") }
        let tour: [Int]
        switch prompt.mode {
        case .order:
            tour = TSPLLMPrior.cheapestInsertion(order, count: instance.dimension) { Double(instance.distance($0, $1)) }
        case .clusterOrder:
            let clusters = prompt.clusters!
            let cx = clusters.centreX, cy = clusters.centreY
            let clusterOrder = TSPLLMPrior.cheapestInsertion(order, count: clusters.count) {
                TSPClusters.squared(cx[$0] - cx[$1], cy[$0] - cy[$1]).squareRoot()
            }
            tour = expand(clusterOrder, clusters)
        }
        try TourValidation.check(tour: tour, dimension: instance.dimension)
        return tour
    }

    /// The fallback prior's tour (seeded by `options.seed`).
    public func fallbackTour() -> [Int] {
        var rng = SeededGenerator(seed: options.seed)
        return options.fallbackPrior.construct(instance, candidates: candidates, rng: &rng)
    }

    // MARK: Repair and expansion

    /// `order` (first occurrences of values in 0..<count) with every absent value inserted, in
    /// ascending order, where it lengthens the cycle least.
    static func cheapestInsertion(_ order: [Int], count: Int, distance: (Int, Int) -> Double) -> [Int] {
        var seen = [Bool](repeating: false, count: count)
        var cycle: [Int] = []
        cycle.reserveCapacity(count)
        for v in order where v >= 0 && v < count && !seen[v] {
            seen[v] = true
            cycle.append(v)
        }
        for v in 0..<count where !seen[v] {
            if cycle.count < 2 {
                cycle.append(v)
                continue
            }
            var bestAfter = 0, bestCost = Double.infinity
            for p in 0..<cycle.count {
                let a = cycle[p], b = cycle[p + 1 == cycle.count ? 0 : p + 1]
                let cost = distance(a, v) + distance(v, b) - distance(a, b)
                if cost < bestCost { bestCost = cost; bestAfter = p }
            }
            cycle.insert(v, at: bestAfter + 1)
        }
        return cycle
    }

    /// Visits the clusters in `clusterOrder`; inside each, nearest neighbour from the member
    /// closest to where the tour arrives from (the first cluster: closest to the last cluster's
    /// centre, so the closing edge is short).
    func expand(_ clusterOrder: [Int], _ clusters: TSPClusters) -> [Int] {
        let n = instance.dimension
        let coordinates = instance.drawingCoordinates!
        var tour: [Int] = []
        tour.reserveCapacity(n)
        var slot = [Int](repeating: -1, count: n)   // position in `pool` while in the current cluster
        for c in clusterOrder {
            var pool = clusters.members[c]
            for (s, v) in pool.enumerated() { slot[v] = s }
            var remaining = pool.count
            func take(_ v: Int) {
                let s = slot[v], last = pool[remaining - 1]
                pool[s] = last
                slot[last] = s
                remaining -= 1
                slot[v] = -1
                tour.append(v)
            }
            // Entry city.
            var entry = pool[0]
            if let end = tour.last {
                var best = Int.max
                for v in pool { let d = instance.distance(end, v); if d < best { best = d; entry = v } }
            } else {
                let previous = clusterOrder[clusterOrder.count - 1]
                let px = clusters.centreX[previous], py = clusters.centreY[previous]
                var best = Double.infinity
                for v in pool {
                    let d = TSPClusters.squared(coordinates.x[v] - px, coordinates.y[v] - py)
                    if d < best { best = d; entry = v }
                }
            }
            take(entry)
            var current = entry
            while remaining > 0 {
                var next = -1
                for r in 0..<candidates.k {
                    let v = candidates.neighbour(current, r)
                    if slot[v] >= 0 { next = v; break }
                }
                if next < 0 {
                    var best = Int.max
                    for s in 0..<remaining {
                        let v = pool[s], d = instance.distance(current, v)
                        if d < best || (d == best && v < next) { best = d; next = v }
                    }
                }
                take(next)
                current = next
            }
        }
        return tour
    }
}
