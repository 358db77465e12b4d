import HunchCore

/// The perturbations: the ruins shared with the time-window search (`RouteRuin`: SISR's strings,
/// random, related, a route), then the recreate: each customer back where it costs least, as in
/// SISR (Christiaens & Vanden Berghe 2020), in a random, demand, far or close order with blinks
/// (each position skipped with probability 1 %), a new route only when no route can take it.
extension CVRPSearchState: RouteRuin {
    static let blinkRate = 0.01

    func take(_ c: Int) {
        isRemoved[c] = true
        removed.append(c)
        remove(c)
    }

    /// Puts the removed customers back, each at its cheapest feasible position.
    func reinsert(rng: inout SeededGenerator) {
        // SISR's orders: random 4, demand 4, far 2, close 1 (out of 11).
        let draw = rng.below(11)
        if draw < 4 {
            for i in stride(from: removed.count - 1, to: 0, by: -1) { removed.swapAt(i, rng.below(i + 1)) }
        } else if draw < 8 {
            removed.sort { (demand[$0], $1) > (demand[$1], $0) }
        } else if draw < 10 {
            removed.sort { (d(0, $0), $1) > (d(0, $1), $0) }
        } else {
            removed.sort { (d(0, $0), $0) < (d(0, $1), $1) }
        }
        for c in removed {
            isRemoved[c] = false
            insertCheapest(c, rng: &rng)
            touch(c)
        }
    }

    /// The cheapest feasible position over every route (positions skipped with the blink
    /// rate), or a new route.
    func insertCheapest(_ c: Int, rng: inout SeededGenerator) {
        let q = demand[c]
        var bestRoute = -1, bestPosition = 0
        var bestCost = d(0, c) + d(c, 0) + (usedRoutes >= routeLimit ? Int(routeCharge) : 0)
        for r in routes.indices where !routes[r].isEmpty && load[r] + q <= capacity {
            let route = routes[r]
            var prev = 0
            let limited = durationLimit < Int.max / 4
            for p in 0...route.count {
                let next = p == route.count ? 0 : route[p]
                work &+= 1
                let cost = d(prev, c) + d(c, next) - d(prev, next)
                if cost < bestCost && rng.unit() >= Self.blinkRate
                    && (!limited || duration(length[r] + cost, customers: route.count + 1) <= durationLimit) {
                    bestCost = cost
                    bestRoute = r
                    bestPosition = p
                }
                prev = next
            }
        }
        if bestRoute < 0 {
            insert(c, into: emptyRoute(), at: 0)
        } else {
            insert(c, into: bestRoute, at: bestPosition)
        }
    }
}
