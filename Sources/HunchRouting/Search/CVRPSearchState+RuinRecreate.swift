import HunchCore

/// The perturbations: remove some customers (the ruin), then put each back where it costs
/// least (the recreate), as in SISR (Christiaens & Vanden Berghe 2020): removal by adjacent
/// strings in nearby routes, insertion in a random, demand, far or close order with blinks
/// (each position skipped with probability 1 %), a new route only when no route can take it.
extension CVRPSearchState {
    /// Average number of customers removed per ruin (SISR's c̄).
    static let averageRemoved = 10.0
    /// Longest string removed from one route (SISR's L^max).
    static let longestString = 10.0
    static let blinkRate = 0.01

    /// SISR: strings of customers around a random seed, in up to k_s routes.
    func removeStrings(rng: inout SeededGenerator) {
        guard n > 1, usedRoutes > 0 else { return }
        let averageRoute = Double(n - 1) / Double(usedRoutes)
        let maxString = min(Self.longestString, averageRoute)
        let maxStrings = 4 * Self.averageRemoved / (1 + maxString) - 1
        let stringCount = Int(rng.unit() * maxStrings) + 1
        let seed = 1 + rng.below(n - 1)
        var ruinedRoutes: [Int] = []
        var candidates = [seed]
        for r in 0..<k { candidates.append(Int(near[seed &* k &+ r])) }
        for c in candidates where ruinedRoutes.count < stringCount {
            guard !isRemoved[c], routeOf[c] >= 0 else { continue }
            let r = routeOf[c]
            guard !ruined[r] else { continue }
            ruined[r] = true
            ruinedRoutes.append(r)
            let size = routes[r].count
            let longest = min(Double(size), maxString)
            let l = min(size, Int(rng.unit() * longest) + 1)
            // The string: l consecutive customers of the route that contain c.
            let p = position[c]
            let start = max(0, min(p - rng.below(l), size - l))
            let string = Array(routes[r][start..<(start + l)])
            for customer in string { take(customer) }
        }
        for r in ruinedRoutes { ruined[r] = false }
    }

    /// `c̄` customers drawn uniformly.
    func removeRandom(rng: inout SeededGenerator) {
        let count = min(n - 1, Int(Self.averageRemoved))
        var attempts = 0
        while removed.count < count && attempts < 4 * count {
            attempts += 1
            let c = 1 + rng.below(n - 1)
            if !isRemoved[c] { take(c) }
        }
    }

    /// A random seed and its nearest customers (Shaw's relatedness, by distance).
    func removeRelated(rng: inout SeededGenerator) {
        let count = min(n - 1, Int(Self.averageRemoved))
        let seed = 1 + rng.below(n - 1)
        take(seed)
        for r in 0..<k where removed.count < count {
            let c = Int(near[seed &* k &+ r])
            if !isRemoved[c] { take(c) }
        }
    }

    /// One of the shortest routes (by customers), so the fleet can shrink.
    func removeRoute(rng: inout SeededGenerator) {
        var chosen = -1, fewest = Int.max
        for _ in 0..<3 {
            guard let r = randomUsedRoute(rng: &rng) else { return }
            if routes[r].count < fewest { (chosen, fewest) = (r, routes[r].count) }
        }
        guard chosen >= 0 else { return }
        for c in Array(routes[chosen]) { take(c) }
    }

    func randomUsedRoute(rng: inout SeededGenerator) -> Int? {
        guard usedRoutes > 0 else { return nil }
        let c = 1 + rng.below(n - 1)
        return routeOf[c] >= 0 ? routeOf[c] : nil
    }

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
