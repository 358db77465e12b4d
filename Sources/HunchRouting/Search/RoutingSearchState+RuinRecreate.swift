import HunchCore

/// The recreate: each removed job goes where its penalised cost (vehicle costs, time warp,
/// excess load) rises least — over every position of every route whose vehicle can serve it,
/// each of its windows, and a spare vehicle of each type — priced in O(1) from the route
/// segments, positions skipped with SISR's blink rate; an optional job stays out when that
/// costs less than its prize. Orders as SISR: random, by demand, far first, close first, and —
/// for windows — by due time.
extension RoutingSearchState: RouteRuin {
    static let blinkRate = 0.01

    func take(_ c: Int) {
        isRemoved[c] = true
        removed.append(c)
        if routeOf[c] >= 0 { remove(c) } else { takeFromOutside(c) }
    }

    /// Up to `retriedJobs` jobs left out (that some vehicle could serve) join the ruin.
    func retryOutside(rng: inout SeededGenerator) {
        guard !outside.isEmpty else { return }
        var tries = 0
        while tries < Self.retriedJobs && !outside.isEmpty {
            tries += 1
            let c = outside[rng.below(outside.count)]
            guard !isRemoved[c], assignable(c) else { continue }
            take(c)
        }
    }

    /// Some vehicle type can serve `c` at all.
    func assignable(_ c: Int) -> Bool {
        for type in 0..<typeCount where servable[type &* nodeCount &+ c] { return true }
        return false
    }

    func reinsert(rng: inout SeededGenerator) {
        let draw = rng.below(13)
        if draw < 4 {
            for i in stride(from: removed.count - 1, to: 0, by: -1) { removed.swapAt(i, rng.below(i + 1)) }
        } else if draw < 7 {
            removed.sort { (model.demand[$0].wrappedSum(), $1) > (model.demand[$1].wrappedSum(), $0) }
        } else if draw < 9 {
            removed.sort { (d(vehicle[0].startNode, $0), $1) > (d(vehicle[0].startNode, $1), $0) }
        } else if draw < 10 {
            removed.sort { (d(vehicle[0].startNode, $0), $0) < (d(vehicle[0].startNode, $1), $1) }
        } else {
            removed.sort { (nodeSegment[$0].latest, $0) < (nodeSegment[$1].latest, $1) }
        }
        refreshSpares()
        for c in removed {
            isRemoved[c] = false
            insertCheapest(c, rng: &rng)
            touch(c)
        }
    }

    func insertCheapest(_ c: Int, rng: inout SeededGenerator, blinks: Bool = true) {
        guard assignable(c) else { leaveOutside(c); return }
        var bestRoute = -1, bestPosition = 0, bestWindow = windowChoice[c]
        var bestCost = model.prize[c]
        let windows = model.windows[c]
        var sc = nodeSegment[c]
        for w in windows.indices {
            sc.earliest = windows[w].open
            sc.latest = windows[w].close
            for type in 0..<typeCount {
                let r = spare[type]
                guard r >= 0, canServe(r, c) else { continue }
                let opened = cost(join(join(startSegment[r], sc), endSegment[r]), r)
                    &+ Int(min(model.vehicleWeight, Double(model.mandatory)))
                if opened < bestCost { (bestCost, bestRoute, bestPosition, bestWindow) = (opened, r, 0, w) }
            }
            for r in routes.indices where !routes[r].isEmpty && canServe(r, c) {
                let route = routes[r]
                let current = cost(whole[r], r)
                var prev = 0
                for p in 0...route.count {
                    let next = p == route.count ? 0 : route[p]
                    work &+= 1
                    let added = cost(join(join(prefix(prev, r), sc), suffix(next, r)), r) &- current
                    if added < bestCost && (!blinks || rng.unit() >= Self.blinkRate) {
                        (bestCost, bestRoute, bestPosition, bestWindow) = (added, r, p, w)
                    }
                    prev = next
                }
            }
        }
        guard bestRoute >= 0 else { leaveOutside(c); return }
        if bestWindow != windowChoice[c] {
            savedWindows.append((c, windowChoice[c]))
            choose(window: bestWindow, for: c)
        }
        let wasSpare = routes[bestRoute].isEmpty
        insert(c, into: bestRoute, at: bestPosition)
        if wasSpare { refreshSpares() }
    }
}

extension RoutingSearchState {
    /// Routes by vehicle built from nothing by the recreate, `order` first to last, lateness
    /// and overload priced far above any cost so that a spare vehicle is used rather than a
    /// window missed.
    static func insertionRoutes(_ model: RoutingModel, order: [Int], rng: inout SeededGenerator) -> [[Int]] {
        let state = RoutingSearchState(model: model, routes: [])
        let heavy = model.mandatory / 16
        state.warpWeight = heavy
        state.loadWeight = heavy
        state.refreshSpares()
        for c in order {
            state.takeFromOutside(c)
            state.insertCheapest(c, rng: &rng, blinks: false)
        }
        return state.routes
    }
}
