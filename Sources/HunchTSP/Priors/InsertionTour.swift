import HunchCore

/// Insertion heuristics (Rosenkrantz, Stearns & Lewis 1977), O(n²) time, O(n) memory.
/// - farthest: insert the node farthest from the tour, at its cheapest place (about 10–15%
///   above optimal on TSPLIB);
/// - cheapest: insert the node whose cheapest insertion costs least.
enum InsertionTour {
    enum Rule { case farthest, cheapest }

    /// Nil when `stop` says time is up before the tour is complete.
    static func build(_ instance: TSPInstance, rule: Rule, stop: StopCondition? = nil) -> [Int]? {
        let n = instance.dimension
        // Successor array of the partial tour.
        var next = [Int](repeating: -1, count: n)
        var inTour = [Bool](repeating: false, count: n)
        // Start from the two mutually farthest-ish nodes: 0 and the node farthest from it.
        var first = 0, second = 1, far = -1
        for j in 1..<n { let dj = instance.distance(0, j); if dj > far { far = dj; second = j } }
        first = 0
        next[first] = second; next[second] = first
        inTour[first] = true; inTour[second] = true
        var size = 2

        // Distance from each outside node to the tour (farthest) and its best insertion edge.
        var toTour = [Int](repeating: 0, count: n)
        var bestCost = [Int](repeating: Int.max, count: n)
        var bestAfter = [Int](repeating: -1, count: n)
        for v in 0..<n where !inTour[v] {
            toTour[v] = min(instance.distance(v, first), instance.distance(v, second))
        }
        func insertionCost(_ v: Int, after a: Int) -> Int {
            let b = next[a]
            return instance.distance(a, v) + instance.distance(v, b) - instance.distance(a, b)
        }
        func recomputeBest(_ v: Int) {
            var best = Int.max, after = -1
            var a = first
            repeat {
                let c = insertionCost(v, after: a)
                if c < best { best = c; after = a }
                a = next[a]
            } while a != first
            bestCost[v] = best; bestAfter[v] = after
        }
        if rule == .cheapest { for v in 0..<n where !inTour[v] { recomputeBest(v) } }

        while size < n {
            if size & 63 == 0, let stop, stop.timeIsUp() { return nil }
            var chosen = -1
            switch rule {
            case .farthest:
                var far = -1
                for v in 0..<n where !inTour[v] && toTour[v] > far { far = toTour[v]; chosen = v }
                recomputeBest(chosen)
            case .cheapest:
                var best = Int.max
                for v in 0..<n where !inTour[v] && bestCost[v] < best { best = bestCost[v]; chosen = v }
            }
            let a = bestAfter[chosen], b = next[a]
            next[a] = chosen; next[chosen] = b
            inTour[chosen] = true
            size += 1
            for v in 0..<n where !inTour[v] {
                switch rule {
                case .farthest:
                    toTour[v] = min(toTour[v], instance.distance(v, chosen))
                case .cheapest:
                    if bestAfter[v] == a {
                        recomputeBest(v)   // its best edge was split
                    } else {
                        let c1 = insertionCost(v, after: a), c2 = insertionCost(v, after: chosen)
                        if c1 < bestCost[v] { bestCost[v] = c1; bestAfter[v] = a }
                        if c2 < bestCost[v] { bestCost[v] = c2; bestAfter[v] = chosen }
                    }
                }
            }
        }
        var tour = [Int]()
        tour.reserveCapacity(n)
        var v = first
        repeat { tour.append(v); v = next[v] } while v != first
        return tour
    }
}
