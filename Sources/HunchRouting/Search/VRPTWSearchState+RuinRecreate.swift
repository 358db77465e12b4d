import HunchCore

/// The recreate under time windows: each removed customer goes where its penalised cost
/// (distance, time warp, excess load) rises least, positions priced in O(1) from the route
/// segments and skipped with SISR's blink rate; a new route when that is cheaper and the fleet
/// has one. Orders as SISR: random, by demand, far first, close first, and — for windows — by
/// due time.
extension VRPTWSearchState: RouteRuin {
    static let blinkRate = 0.01

    func take(_ c: Int) {
        isRemoved[c] = true
        removed.append(c)
        remove(c)
    }

    func reinsert(rng: inout SeededGenerator) {
        let draw = rng.below(13)
        if draw < 4 {
            for i in stride(from: removed.count - 1, to: 0, by: -1) { removed.swapAt(i, rng.below(i + 1)) }
        } else if draw < 7 {
            removed.sort { (instance.demands[$0], $1) > (instance.demands[$1], $0) }
        } else if draw < 9 {
            removed.sort { (d(0, $0), $1) > (d(0, $1), $0) }
        } else if draw < 10 {
            removed.sort { (d(0, $0), $0) < (d(0, $1), $1) }
        } else {
            removed.sort { (instance.due[$0], $0) < (instance.due[$1], $1) }
        }
        for c in removed {
            isRemoved[c] = false
            insertCheapest(c, rng: &rng)
            touch(c)
        }
    }

    func insertCheapest(_ c: Int, rng: inout SeededGenerator, blinks: Bool = true) {
        let sc = nodeSegment[c]
        var bestRoute = -1, bestPosition = 0
        var bestCost = Int.max
        if usedRoutes < vehicleLimit {
            bestCost = cost(join(join(depotSegment, sc), depotSegment)) &+ Int(min(routeWeight, Double(Int.max / 4)))
        }
        for r in routes.indices where !routes[r].isEmpty {
            let route = routes[r]
            let current = cost(whole[r])
            var prev = 0
            for p in 0...route.count {
                let next = p == route.count ? 0 : route[p]
                work &+= 1
                let added = cost(join(join(prefix(prev), sc), suffix(next))) &- current
                if added < bestCost && (!blinks || rng.unit() >= Self.blinkRate) {
                    bestCost = added
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

extension VRPTWSearchState {
    /// Routes built from nothing by the recreate, `order` first to last, lateness and overload
    /// priced far above distance so that a new route is opened rather than a window missed.
    static func insertionRoutes(_ instance: VRPTWInstance, order: [Int], rng: inout SeededGenerator) -> VRPTWSolution {
        let state = VRPTWSearchState(instance: instance, solution: VRPTWSolution(routes: []))
        let heavy = Int(min(state.routeCharge, Double(Int.max / 1_000_000)))
        state.warpWeight = heavy
        state.loadWeight = heavy
        for c in order { state.insertCheapest(c, rng: &rng, blinks: false) }
        return state.solution
    }
}

extension VRPTWSearchState {
    /// `solution` brought within the fleet: while it has more routes than vehicles, the
    /// shortest route's customers are taken out, then all are put back by cheapest insertion
    /// with lateness and overload priced far above distance (Solomon's fleets are never
    /// binding, but a greedy cut of a random order can use twice the fleet).
    static func withinFleet(_ instance: VRPTWInstance, _ solution: VRPTWSolution, rng: inout SeededGenerator) -> VRPTWSolution {
        guard solution.routeCount > instance.vehicleCount else { return solution }
        let state = VRPTWSearchState(instance: instance, solution: solution)
        let heavy = Int(min(state.routeCharge, Double(Int.max / 1_000_000)))
        state.warpWeight = heavy
        state.loadWeight = heavy
        while state.usedRoutes > state.vehicleLimit {
            guard let shortest = state.routes.indices.filter({ !state.routes[$0].isEmpty })
                .min(by: { state.routes[$0].count < state.routes[$1].count }) else { break }
            for c in Array(state.routes[shortest]) { state.take(c) }
        }
        for c in state.removed {
            state.isRemoved[c] = false
            state.insertCheapest(c, rng: &rng, blinks: false)
        }
        return state.solution
    }
}
