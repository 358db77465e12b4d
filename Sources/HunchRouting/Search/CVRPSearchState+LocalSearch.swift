import HunchCore

/// The granular local descent (Toth & Vigo 2003's granular neighbourhoods): for a customer `u`
/// taken from the queue, every move that puts `u` next to one of its `k` nearest customers `v`
/// — relocate `u` before or after `v`, relocate the pair (`u`, its successor) after `v`, swap
/// `u` and `v` and the strings of one or two customers that start at them (1-1, 2-1, 1-2, 2-2),
/// 2-opt inside a route, 2-opt* between routes in both orientations — is evaluated
/// in O(1) from the bookkeeping; the best improving one is applied and the customers it touched
/// are queued again (don't-look bits, Bentley 1992). Costs are fixed point (distance ×
/// `costScale`) plus the capacity price of the loads they change (`charge`), still O(1).
/// When the queue is empty, SWAP* runs on the route pairs changed since its last pass, and the
/// descent goes on from what it moved, until neither finds an improvement.
extension CVRPSearchState {
    enum Move {
        case none
        case relocateAfter(u: Int, v: Int)       // v = 0 with `route`: at the start of that route
        case relocatePairAfter(u: Int, v: Int)
        case swap(u: Int, v: Int)
        /// Strings of `a` customers from u and `b` from v exchanged between two routes (2-1, 1-2, 2-2).
        case swapStrings(u: Int, a: Int, v: Int, b: Int)
        case twoOpt(u: Int, v: Int)              // same route, u before v: reverse after u up to v
        case twoOptStarTails(u: Int, v: Int)     // A[..u] + B[after v..], B[..v] + A[after u..]
        case twoOptStarHeads(u: Int, v: Int)     // A[..u] + rev(B[..v]), rev(A[after u..]) + B[after v..]
    }

    func localSearch(stop: StopCondition) {
        granularDescent(stop: stop)
        guard options.swapStar, !angle.isEmpty else { return }
        while !dirtyList.isEmpty && !stop.timeIsUp() {
            guard swapStarPass() else { break }
            granularDescent(stop: stop)
        }
    }

    func granularDescent(stop: StopCondition) {
        var pops = 0
        while let u = queue.popLast() {
            queued[u] = false
            pops += 1
            if pops & 255 == 0 && stop.timeIsUp() { break }
            guard routeOf[u] >= 0 else { continue }
            let (move, delta) = bestMove(for: u)
            if delta < 0 { apply(move) }
        }
        for c in queue { queued[c] = false }
        queue.removeAll(keepingCapacity: true)
    }

    /// The best improving move that brings `u` next to one of its neighbours (delta < 0), or none.
    func bestMove(for u: Int) -> (Move, Int) {
        var best = Move.none
        var bestDelta = 0
        let ru = routeOf[u]
        let pu = before(u), nu = after(u)
        let qu = demand[u]
        let scale = Self.costScale
        let removeGain = d(pu, u) + d(u, nu) - d(pu, nu)
        let nnu = nu == 0 ? 0 : after(nu)
        let pairDemand = nu == 0 ? 0 : qu + demand[nu]
        let pairGain = nu == 0 ? 0 : d(pu, u) + d(nu, nnu) - d(pu, nnu)
        let loadU = load[ru], chargeU = charge(loadU)
        // The price change of route u's load when u (or u and nu) leave it.
        let outU = charge(loadU - qu) - chargeU
        let outPair = charge(loadU - pairDemand) - chargeU
        let base = u &* k
        for r in 0..<k {
            let v = Int(near[base &+ r])
            let rv = routeOf[v]
            guard rv >= 0 else { continue }
            work &+= 1
            let pv = before(v), nv = after(v)
            let sameRoute = rv == ru
            let loadV = load[rv], chargeV = charge(loadV)

            // Relocate u after v, and before v (after pv).
            let moveCharge = sameRoute ? 0 : outU + charge(loadV + qu) - chargeV
            if moveCharge - removeGain &* scale < bestDelta {
                for side in 0..<2 {
                    let left = side == 0 ? v : pv, right = side == 0 ? nv : v
                    if left == u || right == u { continue }
                    let added = d(left, u) + d(u, right) - d(left, right)
                    let cost = (added - removeGain) &* scale + moveCharge
                    if cost < bestDelta && fitsDuration(relocating: u, into: rv, delta: added, gain: removeGain) {
                        bestDelta = cost
                        best = .relocateAfter(u: u, v: left == 0 ? -rv - 1 : left)
                    }
                }
            }

            // Relocate the pair (u, nu) after v.
            if nu != 0 && v != nu && v != u && !(sameRoute && v == pu) {
                let pairCharge = sameRoute ? 0 : outPair + charge(loadV + pairDemand) - chargeV
                let delta = (d(v, u) + d(nu, nv) - d(v, nv) - pairGain) &* scale + pairCharge
                if delta < bestDelta && (!sameRoute || nv != u) {
                    let added = d(v, u) + d(u, nu) + d(nu, nv) - d(v, nv)
                    let removed = pairGain + d(u, nu)
                    if sameRoute || (duration(length[rv] + added, customers: routes[rv].count + 2) <= durationLimit
                                     && duration(length[ru] - removed, customers: routes[ru].count - 2) <= durationLimit) {
                        bestDelta = delta
                        best = .relocatePairAfter(u: u, v: v)
                    }
                }
            }

            if !sameRoute {
                // Swap u and v.
                let qv = demand[v]
                let both = chargeU + chargeV
                let swapCharge = charge(loadU - qu + qv) + charge(loadV - qv + qu) - both
                let inU = d(pu, v) + d(v, nu) - d(pu, u) - d(u, nu)
                let inV = d(pv, u) + d(u, nv) - d(pv, v) - d(v, nv)
                let swapCost = (inU + inV) &* scale + swapCharge
                if swapCost < bestDelta
                    && duration(length[ru] + inU, customers: routes[ru].count) <= durationLimit
                    && duration(length[rv] + inV, customers: routes[rv].count) <= durationLimit {
                    bestDelta = swapCost
                    best = .swap(u: u, v: v)
                }
                // Swap the strings (u, nu) and v, u and (v, nv), (u, nu) and (v, nv).
                for (a, b) in Self.stringSwaps where options.stringSwaps && (a == 1 || nu != 0) && (b == 1 || nv != 0) {
                    let (newU, newV) = stringSwapLengths(u: u, a: a, v: v, b: b)
                    let qa = a == 1 ? qu : pairDemand, qb = b == 1 ? qv : qv + demand[nv]
                    let stringCharge = charge(loadU - qa + qb) + charge(loadV - qb + qa) - both
                    let stringCost = (newU + newV) &* scale + stringCharge
                    if stringCost < bestDelta
                        && duration(length[ru] + newU, customers: routes[ru].count - a + b) <= durationLimit
                        && duration(length[rv] + newV, customers: routes[rv].count - b + a) <= durationLimit {
                        bestDelta = stringCost
                        best = .swapStrings(u: u, a: a, v: v, b: b)
                    }
                }
                // 2-opt*: tails exchanged after u and after v.
                let headU = loadBefore[u], headV = loadBefore[v]
                let tailsCharge = charge(headU + (loadV - headV)) + charge(headV + (loadU - headU)) - both
                let tailsCost = (d(u, nv) + d(v, nu) - d(u, nu) - d(v, nv)) &* scale + tailsCharge
                if tailsCost < bestDelta && starTailsFit(u: u, v: v) {
                    bestDelta = tailsCost
                    best = .twoOptStarTails(u: u, v: v)
                }
                // 2-opt*: u joined to v, the heads reversed into one route, the tails into the other.
                let headsCharge = charge(headU + headV) + charge((loadU - headU) + (loadV - headV)) - both
                let headsCost = (d(u, v) + d(nu, nv) - d(u, nu) - d(v, nv)) &* scale + headsCharge
                if headsCost < bestDelta && starHeadsFit(u: u, v: v) {
                    bestDelta = headsCost
                    best = .twoOptStarHeads(u: u, v: v)
                }
            } else if v != nu && v != pu {
                // 2-opt inside the route: the segment between them reversed.
                let (a, b) = position[u] < position[v] ? (u, v) : (v, u)
                let na = after(a), nb = after(b)
                let delta = (d(a, b) + d(na, nb) - d(a, na) - d(b, nb)) &* scale
                if delta < bestDelta {
                    bestDelta = delta
                    best = .twoOpt(u: a, v: b)
                }
            }
        }
        return (best, bestDelta)
    }

    /// The string swaps besides 1-1: (customers from u, customers from v).
    static let stringSwaps = [(2, 1), (1, 2), (2, 2)]

    /// How the lengths of u's and v's routes (two different ones) change when the `a` customers
    /// from u and the `b` from v trade places.
    @inline(__always)
    func stringSwapLengths(u: Int, a: Int, v: Int, b: Int) -> (Int, Int) {
        let pu = before(u), pv = before(v), nu = after(u), nv = after(v)
        let lastU = a == 1 ? u : nu, lastV = b == 1 ? v : nv
        let afterU = after(lastU), afterV = after(lastV)
        let inside = a == 1 ? 0 : d(u, nu), insideV = b == 1 ? 0 : d(v, nv)
        return (d(pu, v) + insideV + d(lastV, afterU) - d(pu, u) - inside - d(lastU, afterU),
                d(pv, u) + inside + d(lastU, afterV) - d(pv, v) - insideV - d(lastV, afterV))
    }

    @inline(__always)
    func fitsDuration(relocating u: Int, into rv: Int, delta added: Int, gain: Int) -> Bool {
        guard durationLimit < Int.max / 4 else { return true }
        let ru = routeOf[u]
        if ru == rv { return duration(length[ru] + added - gain, customers: routes[ru].count) <= durationLimit }
        return duration(length[rv] + added, customers: routes[rv].count + 1) <= durationLimit
    }

    func starTailsFit(u: Int, v: Int) -> Bool {
        guard durationLimit < Int.max / 4 else { return true }
        let ru = routeOf[u], rv = routeOf[v]
        let nu = after(u), nv = after(v)
        let tailU = length[ru] - lengthBefore[u] - d(u, nu), tailV = length[rv] - lengthBefore[v] - d(v, nv)
        let newU = lengthBefore[u] + d(u, nv) + tailV, newV = lengthBefore[v] + d(v, nu) + tailU
        let countU = position[u] + 1 + routes[rv].count - position[v] - 1
        let countV = position[v] + 1 + routes[ru].count - position[u] - 1
        return duration(newU, customers: countU) <= durationLimit && duration(newV, customers: countV) <= durationLimit
    }

    func starHeadsFit(u: Int, v: Int) -> Bool {
        guard durationLimit < Int.max / 4 else { return true }
        let ru = routeOf[u], rv = routeOf[v]
        let nu = after(u), nv = after(v)
        let tailU = length[ru] - lengthBefore[u] - d(u, nu), tailV = length[rv] - lengthBefore[v] - d(v, nv)
        let heads = lengthBefore[u] + d(u, v) + lengthBefore[v]
        let tails = tailU + d(nu, nv) + tailV
        let headCount = position[u] + position[v] + 2
        let tailCount = routes[ru].count + routes[rv].count - headCount
        return duration(heads, customers: headCount) <= durationLimit && duration(tails, customers: tailCount) <= durationLimit
    }

    func apply(_ move: Move) {
        switch move {
        case .none:
            return
        case .relocateAfter(let u, let v):
            let target = v < 0 ? -v - 1 : routeOf[v]
            let neighbourhood = [u, before(u), after(u)]
            remove(u)
            if v < 0 { insert(u, into: target, at: 0) } else { insert(u, into: routeOf[v], at: position[v] + 1) }
            for c in neighbourhood { touch(c) }
            touch(u)
        case .relocatePairAfter(let u, let v):
            let nu = after(u)
            let neighbourhood = [before(u), after(nu)]
            remove(nu)
            remove(u)
            insert(u, into: routeOf[v], at: position[v] + 1)
            insert(nu, into: routeOf[u], at: position[u] + 1)
            for c in neighbourhood + [u, nu, v] { touch(c) }
        case .swap(let u, let v):
            let ru = routeOf[u], rv = routeOf[v], pu = position[u], pv = position[v]
            save(ru); save(rv)
            routes[ru][pu] = v
            routes[rv][pv] = u
            changed(ru, wasEmpty: false)
            changed(rv, wasEmpty: false)
            touch(u); touch(v)
        case .swapStrings(let u, let a, let v, let b):
            let ru = routeOf[u], rv = routeOf[v], pu = position[u], pv = position[v]
            save(ru); save(rv)
            let fromU = Array(routes[ru][pu..<(pu + a)]), fromV = Array(routes[rv][pv..<(pv + b)])
            routes[ru].replaceSubrange(pu..<(pu + a), with: fromV)
            routes[rv].replaceSubrange(pv..<(pv + b), with: fromU)
            changed(ru, wasEmpty: false)
            changed(rv, wasEmpty: false)
            for c in fromU + fromV { touch(c) }
        case .twoOpt(let a, let b):
            let r = routeOf[a]
            save(r)
            routes[r][(position[a] + 1)...position[b]].reverse()
            changed(r, wasEmpty: false)
            touch(a); touch(b)
        case .twoOptStarTails(let u, let v):
            let ru = routeOf[u], rv = routeOf[v]
            save(ru); save(rv)
            let tailU = Array(routes[ru][(position[u] + 1)...]), tailV = Array(routes[rv][(position[v] + 1)...])
            routes[ru].removeSubrange((position[u] + 1)...)
            routes[rv].removeSubrange((position[v] + 1)...)
            routes[ru].append(contentsOf: tailV)
            routes[rv].append(contentsOf: tailU)
            changed(ru, wasEmpty: false)
            changed(rv, wasEmpty: false)
            touch(u); touch(v); touch(after(u)); touch(after(v))
        case .twoOptStarHeads(let u, let v):
            let ru = routeOf[u], rv = routeOf[v]
            save(ru); save(rv)
            let headU = routes[ru][...position[u]], headV = routes[rv][...position[v]]
            let tailU = routes[ru][(position[u] + 1)...], tailV = routes[rv][(position[v] + 1)...]
            let first = Array(headU) + headV.reversed()
            let second = Array(tailU.reversed()) + tailV
            routes[ru].removeAll(keepingCapacity: true)
            routes[ru].append(contentsOf: first)
            routes[rv].removeAll(keepingCapacity: true)
            routes[rv].append(contentsOf: second)
            changed(ru, wasEmpty: false)
            changed(rv, wasEmpty: false)
            touch(u); touch(v)
        }
    }

    /// Takes customer `c` out of its route (the route is logged first).
    func remove(_ c: Int) {
        let r = routeOf[c]
        save(r)
        routes[r].remove(at: position[c])
        routeOf[c] = -1
        changed(r, wasEmpty: false)
    }

    /// Puts customer `c` into route `r` at index `p` (the route is logged first).
    func insert(_ c: Int, into r: Int, at p: Int) {
        save(r)
        let wasEmpty = routes[r].isEmpty
        routes[r].insert(c, at: p)
        changed(r, wasEmpty: wasEmpty)
    }
}
