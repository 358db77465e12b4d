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
            let depot = vehicle.first?.startNode ?? 0
            removed.sort { (d(depot, $0), $1) > (d(depot, $1), $0) }
        } else if draw < 10 {
            let depot = vehicle.first?.startNode ?? 0
            removed.sort { (d(depot, $0), $0) < (d(depot, $1), $1) }
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

    /// `feasibleOnly`: only positions that keep the route feasible (constructions, whose plan
    /// must be a valid start); otherwise lateness and overload are priced with the weights.
    func insertCheapest(_ c: Int, rng: inout SeededGenerator, blinks: Bool = true, feasibleOnly: Bool = false) {
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
                let alone = join(join(startSegment[r], sc), endSegment[r])
                if feasibleOnly && penalty(alone, r) > 0 { continue }
                let opened = cost(alone, r) &+ Int(min(model.vehicleWeight, Double(model.mandatory)))
                if opened < bestCost { (bestCost, bestRoute, bestPosition, bestWindow) = (opened, r, 0, w) }
            }
            for r in routes.indices where !routes[r].isEmpty && canServe(r, c) {
                let route = routes[r]
                let current = cost(whole[r], r)
                var prev = 0
                for p in 0...route.count {
                    let next = p == route.count ? 0 : route[p]
                    work &+= 1
                    let candidate = join(join(prefix(prev, r), sc), suffix(next, r))
                    let added = cost(candidate, r) &- current
                    if added < bestCost && (!blinks || rng.unit() >= Self.blinkRate) && (!feasibleOnly || penalty(candidate, r) == 0) {
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
    /// A route-splitting kick: the longest of three random routes is cut at a random point and
    /// its tail moves, as it is, to a spare vehicle of the same type; the descent then settles
    /// both. Under a distance objective no single move opens a route, yet instances with long
    /// horizons (Solomon's R2) are best served by more, shorter routes than the ruins find.
    func splitRoute(rng: inout SeededGenerator) {
        guard n > 1, usedRoutes > 0 else { return }
        refreshSpares()
        var chosen = -1, longest = 0
        for _ in 0..<3 {
            let r = routeOf[1 + rng.below(n - 1)]
            if r >= 0 && routes[r].count > longest { (chosen, longest) = (r, routes[r].count) }
        }
        guard chosen >= 0, longest >= 4 else { return }
        let target = spare[vehicle[chosen].type]
        guard target >= 0 else { return }
        let cut = 1 + rng.below(longest - 1)
        open(chosen)
        open(target)
        routes[target].append(contentsOf: routes[chosen][cut...])
        routes[chosen].removeSubrange(cut...)
        close(chosen)
        close(target)
        for c in routes[target] { push(c) }
        for c in routes[chosen].suffix(2) { push(c) }
    }

    /// Routes by vehicle built from nothing by the recreate, `order` first to last, each job at
    /// its cheapest feasible position (a spare vehicle rather than a missed window); a job no
    /// position takes stays out.
    ///
    /// When `stop` says stop, the jobs left are put in quickly instead: each at the end of the
    /// route (or on the spare vehicle) where that costs least, O(routes) a job, so a day too
    /// big for its time limit still gets a plan in time.
    static func insertionRoutes(_ model: RoutingModel, order: [Int], rng: inout SeededGenerator,
                                stop: StopCondition = StopCondition()) -> [[Int]] {
        let state = RoutingSearchState(model: model, routes: [])
        state.warpWeight = state.heavyWeight
        state.loadWeight = state.heavyWeight
        state.refreshSpares()
        var hurried = false
        for (i, c) in order.enumerated() {
            if !hurried && i & 15 == 0 && stop.timeIsUp() { hurried = true }
            state.takeFromOutside(c)
            if hurried { state.appendCheapest(c) } else { state.insertCheapest(c, rng: &rng, blinks: false, feasibleOnly: true) }
        }
        return state.routes
    }

    /// `c` at the end of the route, or on the spare vehicle, where that costs least and keeps
    /// the route feasible; else it stays out.
    func appendCheapest(_ c: Int) {
        guard assignable(c) else { leaveOutside(c); return }
        var bestRoute = -1, bestCost = model.prize[c]
        let sc = nodeSegment[c]
        for r in routes.indices where canServe(r, c) && (!routes[r].isEmpty || spare[vehicle[r].type] == r) {
            let head = routes[r].last.map { forward[$0] } ?? startSegment[r]
            let candidate = join(join(head, sc), endSegment[r])
            guard penalty(candidate, r) == 0 else { continue }
            let added = cost(candidate, r) &- routeCost(r)
            if added < bestCost { (bestCost, bestRoute) = (added, r) }
        }
        guard bestRoute >= 0 else { leaveOutside(c); return }
        let wasSpare = routes[bestRoute].isEmpty
        insert(c, into: bestRoute, at: routes[bestRoute].count)
        if wasSpare { refreshSpares() }
    }
}
