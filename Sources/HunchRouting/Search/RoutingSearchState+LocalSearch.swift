import HunchCore

/// The granular local descent under time windows: for a job `u` taken from the queue, every
/// move that brings `u` next to one of its `k` correlated jobs `v` — relocate `u` after or
/// before `v`, relocate the pair (`u`, its successor) after `v`, swap `u` and `v`, and 2-opt*
/// (exchange of route tails) in the two orientations that join `u` and `v` — is priced with
/// the penalised cost (vehicle costs, time warp, excess load, missing skills); so are `u` alone
/// on a spare vehicle of each type and, for an optional job, leaving it out. Between two routes
/// a price joins at most four time-warp segments, O(1); inside one route it walks the part that
/// moves. The best improving move is applied and the jobs it touched are queued again
/// (don't-look bits, Bentley 1992).
extension RoutingSearchState {
    enum Move {
        case none
        /// `u` to just after `v` in route `route` (v = 0: first).
        case relocate(u: Int, v: Int, route: Int)
        case relocatePair(u: Int, v: Int)
        case swap(u: Int, v: Int)
        /// A[..u] + B[after v..] and B[..v] + A[after u..].
        case tailsAfter(u: Int, v: Int)
        /// A[..u] + B[v..] and B[..before v] + A[after u..].
        case tailsAt(u: Int, v: Int)
        /// `u` alone in the empty route `route`.
        case alone(u: Int, route: Int)
        /// Optional `u` left out at its prize.
        case drop(u: Int)
    }

    func localSearch(stop: StopCondition) {
        var pops = 0
        refreshSpares()
        while let u = queue.popLast() {
            queued[u] = false
            pops += 1
            if pops & 255 == 0 && stop.timeIsUp() { break }
            guard routeOf[u] >= 0 else { continue }
            let (move, delta) = bestMove(for: u)
            if delta < 0 {
                perform(move)
                refreshSpares()
            }
        }
        for c in queue { queued[c] = false }
        queue.removeAll(keepingCapacity: true)
    }

    /// The best improving move that brings `u` next to one of its neighbours, or none.
    func bestMove(for u: Int) -> (Move, Int) {
        var best = Move.none
        var bestDelta = 0
        let ru = routeOf[u]
        let pu = before(u), nu = after(u)
        let costU = routeCost(ru)
        let su = nodeSegment[u]
        // Route u's cost without u, and without the pair (u, nu).
        let withoutU = routes[ru].count == 1 ? 0 : cost(join(prefix(pu, ru), suffix(nu, ru)), ru)
        let nnu = nu == 0 ? 0 : after(nu)
        let withoutPair = nu == 0 ? 0 : (routes[ru].count == 2 ? 0 : cost(join(prefix(pu, ru), suffix(nnu, ru)), ru))
        let base = u &* k
        for r in 0..<k {
            let v = Int(near[base &+ r])
            let rv = routeOf[v]
            guard rv >= 0 else { continue }
            work &+= 1
            if rv == ru {
                intraRouteMoves(u: u, v: v, route: ru, best: &best, bestDelta: &bestDelta)
                continue
            }
            let pv = before(v), nv = after(v)
            let costV = routeCost(rv)
            let sv = nodeSegment[v]
            let current = costU &+ costV
            let uFits = canServe(rv, u)

            if uFits {
                // Relocate u after v, and before v.
                var delta = withoutU &+ cost(join(join(prefix(v, rv), su), suffix(nv, rv)), rv) &- current
                if delta < bestDelta { bestDelta = delta; best = .relocate(u: u, v: v, route: rv) }
                delta = withoutU &+ cost(join(join(prefix(pv, rv), su), suffix(v, rv)), rv) &- current
                if delta < bestDelta { bestDelta = delta; best = .relocate(u: u, v: pv, route: rv) }

                // Relocate the pair (u, nu) after v.
                if nu != 0 && canServe(rv, nu) {
                    delta = withoutPair &+ cost(join(join(join(prefix(v, rv), su), nodeSegment[nu]), suffix(nv, rv)), rv) &- current
                    if delta < bestDelta { bestDelta = delta; best = .relocatePair(u: u, v: v) }
                }

                // Swap u and v.
                if canServe(ru, v) {
                    delta = cost(join(join(prefix(pu, ru), sv), suffix(nu, ru)), ru)
                        &+ cost(join(join(prefix(pv, rv), su), suffix(nv, rv)), rv) &- current
                    if delta < bestDelta { bestDelta = delta; best = .swap(u: u, v: v) }
                }
            }

            // 2-opt*: tails exchanged after u and after v, or after u and before v.
            var delta = tailsCost(head: u, tail: nv, route: ru) &+ tailsCost(head: v, tail: nu, route: rv) &- current
            if delta < bestDelta { bestDelta = delta; best = .tailsAfter(u: u, v: v) }
            delta = tailsCost(head: u, tail: v, route: ru) &+ tailsCost(head: pv, tail: nu, route: rv) &- current
            if delta < bestDelta { bestDelta = delta; best = .tailsAt(u: u, v: v) }
        }
        // u alone on a spare vehicle of some type.
        if routes[ru].count > 1 {
            for type in 0..<typeCount {
                let r = spare[type]
                guard r >= 0, canServe(r, u) else { continue }
                let delta = withoutU &+ cost(join(join(startSegment[r], su), endSegment[r]), r) &- costU
                if delta < bestDelta { bestDelta = delta; best = .alone(u: u, route: r) }
            }
        }
        // An optional job left out.
        if model.prize[u] < model.mandatory {
            let delta = withoutU &+ model.prize[u] &- costU
            if delta < bestDelta { bestDelta = delta; best = .drop(u: u) }
        }
        return (best, bestDelta)
    }

    /// Route r made of its own jobs up to `head` and, from `tail` on, another route's (0: none
    /// of either); 0 when that leaves it empty.
    @inline(__always) func tailsCost(head: Int, tail: Int, route r: Int) -> Int {
        head == 0 && tail == 0 ? 0 : cost(join(prefix(head, r), suffix(tail, r)), r)
    }

    /// Relocate `u` after or before `v`, and swap them, inside one route: the segment between
    /// them is walked node by node.
    func intraRouteMoves(u: Int, v: Int, route r: Int, best: inout Move, bestDelta: inout Int) {
        let current = cost(whole[r], r)
        let a = position[u], b = position[v]
        for side in 0..<2 {
            let target = b - side
            guard target != a && target != a - 1 else { continue }
            let delta = relocatedCost(route: r, from: a, after: target) &- current
            if delta < bestDelta {
                bestDelta = delta
                best = .relocate(u: u, v: target < 0 ? 0 : routes[r][target], route: r)
            }
        }
        let delta = swappedCost(route: r, a, b) &- current
        if delta < bestDelta { bestDelta = delta; best = .swap(u: u, v: v) }
    }

    /// Cost of route `r` with the job at position `a` moved to just after position `b` (−1: first).
    func relocatedCost(route r: Int, from a: Int, after b: Int) -> Int {
        let route = routes[r]
        let u = route[a]
        var s: TimeWarpSegment
        if a < b {
            s = prefix(a == 0 ? 0 : route[a - 1], r)
            for p in (a + 1)...b { s = join(s, nodeSegment[route[p]]) }
            s = join(s, nodeSegment[u])
            s = join(s, suffix(b + 1 < route.count ? route[b + 1] : 0, r))
        } else {
            s = join(prefix(b < 0 ? 0 : route[b], r), nodeSegment[u])
            if b + 1 <= a - 1 { for p in (b + 1)...(a - 1) { s = join(s, nodeSegment[route[p]]) } }
            s = join(s, suffix(a + 1 < route.count ? route[a + 1] : 0, r))
        }
        work &+= 1
        return cost(s, r)
    }

    /// Cost of route `r` with the jobs at positions `a` and `b` exchanged.
    func swappedCost(route r: Int, _ a0: Int, _ b0: Int) -> Int {
        let route = routes[r]
        let a = min(a0, b0), b = max(a0, b0)
        var s = join(prefix(a == 0 ? 0 : route[a - 1], r), nodeSegment[route[b]])
        if a + 1 <= b - 1 { for p in (a + 1)...(b - 1) { s = join(s, nodeSegment[route[p]]) } }
        s = join(s, nodeSegment[route[a]])
        s = join(s, suffix(b + 1 < route.count ? route[b + 1] : 0, r))
        work &+= 1
        return cost(s, r)
    }

    // MARK: Applying a move

    /// Opens a route for editing: logged, out of the totals.
    @inline(__always) func open(_ r: Int) {
        save(r)
        subtract(r)
    }

    /// Closes an edited route: segments recomputed, back in the totals.
    @inline(__always) func close(_ r: Int) {
        reindex(r)
        add(r)
    }

    func perform(_ move: Move) {
        switch move {
        case .none:
            return
        case let .relocate(u, v, rv):
            let ru = routeOf[u]
            let (pu, nu) = (before(u), after(u))
            open(ru)
            if rv != ru { open(rv) }
            routes[ru].remove(at: position[u])
            if ru == rv { for (p, c) in routes[ru].enumerated() { position[c] = p } }
            routes[rv].insert(u, at: v == 0 ? 0 : position[v] + 1)
            close(ru)
            if rv != ru { close(rv) }
            touch(u); push(pu); push(nu); push(v)
        case let .relocatePair(u, v):
            let ru = routeOf[u], rv = routeOf[v]
            let nu = after(u), pu = before(u)
            open(ru); open(rv)
            routes[ru].removeSubrange(position[u]...(position[u] + 1))
            routes[rv].insert(u, at: position[v] + 1)
            routes[rv].insert(nu, at: position[v] + 2)
            close(ru); close(rv)
            touch(u); touch(nu); push(pu); push(v)
        case let .swap(u, v):
            let ru = routeOf[u], rv = routeOf[v]
            let (pu, pv) = (position[u], position[v])
            open(ru)
            if rv != ru { open(rv) }
            routes[ru][pu] = v
            routes[rv][pv] = u
            close(ru)
            if rv != ru { close(rv) }
            touch(u); touch(v)
        case let .tailsAfter(u, v):
            exchangeTails(ru: routeOf[u], from: position[u] + 1, rv: routeOf[v], from: position[v] + 1)
            touch(u); touch(v)
        case let .tailsAt(u, v):
            let pv = before(v)
            exchangeTails(ru: routeOf[u], from: position[u] + 1, rv: routeOf[v], from: position[v])
            touch(u); touch(v); push(pv)
        case let .alone(u, r):
            let ru = routeOf[u]
            let (pu, nu) = (before(u), after(u))
            open(ru); open(r)
            routes[ru].remove(at: position[u])
            routes[r].append(u)
            close(ru); close(r)
            touch(u); push(pu); push(nu)
        case let .drop(u):
            let (pu, nu) = (before(u), after(u))
            remove(u)
            leaveOutside(u)
            push(pu); push(nu)
        }
    }

    /// Route ru keeps its jobs before `a`, then takes rv's from `b` on, and vice versa.
    func exchangeTails(ru: Int, from a: Int, rv: Int, from b: Int) {
        open(ru); open(rv)
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: routes[ru][a...])
        routes[ru].removeSubrange(a...)
        routes[ru].append(contentsOf: routes[rv][b...])
        routes[rv].removeSubrange(b...)
        routes[rv].append(contentsOf: scratch)
        close(ru); close(rv)
        for c in routes[ru].dropFirst(max(0, a - 1)).prefix(2) { push(c) }
        for c in routes[rv].dropFirst(max(0, b - 1)).prefix(2) { push(c) }
    }
}
