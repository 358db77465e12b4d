import HunchCore

/// The crossover operator: selective route exchange (SREX, Nagata & Kobayashi 2010, as PyVRP
/// uses it) between the current solution and an elite of `elitePool`.
///
/// A run of m consecutive routes of the elite (by polar angle) is copied whole into the current
/// solution; the m current routes that share most customers with them are dissolved, their
/// other customers put back by the cheapest insertion with blinks, and the copied customers are
/// taken out of wherever else they were. The granular descent then repairs the seams. It brings
/// whole routes of another local optimum into this one, which no ruin of a few customers does.
/// Off by default (`HUNCH_CVRP_CROSSOVER=1` turns it on): paired on the A–P instances at 10 s it
/// found fewer optima than the four ruins alone (docs/benchmarks.md).
extension CVRPSearchState {
    /// Routes copied at most: one or two. Up to a third of the routes measured worse on the
    /// A–P instances it misses (docs/benchmarks.md).
    static let mostExchangedRoutes = 2
    /// Feeds the pool after an accepted step: only feasible solutions, only when they could enter.
    func offerToElitePool() {
        guard options.crossover, excessTotal == 0, usedRoutes <= routeLimit,
              elitePool.mayAdmit(cost: total) else { return }
        var neighbours = [Int32](repeating: 0, count: 2 * n)
        for route in routes where !route.isEmpty {
            var previous = 0
            for c in route {
                neighbours[2 * c] = Int32(previous)
                if previous > 0 { neighbours[2 * previous + 1] = Int32(c) }
                previous = c
            }
            neighbours[2 * previous + 1] = 0
        }
        let angles = angle
        elitePool.offer(cost: total, routes: routes, neighbours: neighbours) { c in
            angles.isEmpty ? Double(c) : Double(angles[c]) * (2 * Double.pi / 65536)
        }
    }

    /// SREX's removal and copy; returns false (and changes nothing) when the pool is empty.
    func exchangeRoutes(rng: inout SeededGenerator) -> Bool {
        guard elitePool.count > 0 else { return false }
        let parent = elitePool.elites[rng.below(elitePool.count)]
        let parentRoutes = parent.routes.count
        guard parentRoutes > 0 else { return false }
        let m = 1 + rng.below(max(1, min(Self.mostExchangedRoutes, parentRoutes / 3)))
        let first = rng.below(parentRoutes)
        for i in 0..<m { for c in parent.routes[(first + i) % parentRoutes] { inExchange[c] = true } }

        // The m current routes sharing most customers with the copied ones.
        overlap.removeAll(keepingCapacity: true)
        for r in routes.indices where !routes[r].isEmpty {
            var shared = 0
            for c in routes[r] where inExchange[c] { shared += 1 }
            if shared > 0 { overlap.append((shared * 1024 + rng.below(1024), r)) }
        }
        overlap.sort { $0.0 > $1.0 }
        for (_, r) in overlap.prefix(m) {
            for c in routes[r] where !inExchange[c] { isRemoved[c] = true; removed.append(c) }
        }
        for (_, r) in overlap.prefix(m) {
            save(r)
            for c in routes[r] { routeOf[c] = -1 }
            routes[r].removeAll(keepingCapacity: true)
            changed(r, wasEmpty: false)
        }
        for i in 0..<m {
            for c in parent.routes[(first + i) % parentRoutes] where routeOf[c] >= 0 { remove(c) }
        }
        for i in 0..<m {
            let route = parent.routes[(first + i) % parentRoutes]
            let r = emptyRoute()
            for (p, c) in route.enumerated() { insert(c, into: r, at: p) }
            for c in route { inExchange[c] = false; touch(c) }
        }
        return true
    }
}
