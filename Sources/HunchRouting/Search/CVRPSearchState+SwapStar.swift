import Foundation
import HunchCore

/// SWAP* (Vidal 2022, "Hybrid genetic search for the CVRP: open-source implementation and SWAP*
/// neighborhood", section 4): for two routes whose polar sectors around the depot overlap,
/// exchange a customer `u` of one with a customer `v` of the other, each inserted at its best
/// position in the other route — not necessarily where the other was. For each customer and
/// the other route, the three cheapest insertion positions are computed first (O(|U|·|V|));
/// the best position of `u` in `V` without `v` is then either one of those three that is not
/// next to `v`, or `v`'s place, so every pair is evaluated in O(1). Capacity is priced as in
/// the granular descent (`charge`), the DISTANCE limit is kept.
extension CVRPSearchState {
    /// A polar angle in 0..<65536 (HGS-CVRP's integer circle).
    static func polarAngle(_ dx: Double, _ dy: Double) -> Int {
        let a = Int((32768.0 * atan2(dy, dx) / Double.pi).rounded(.down))
        return ((a % 65536) + 65536) % 65536
    }

    func clearDirty() {
        for r in dirtyList { dirty[r] = false }
        dirtyList.removeAll(keepingCapacity: true)
    }

    @inline(__always) func markDirty(_ r: Int) {
        guard !dirty[r] else { return }
        dirty[r] = true
        dirtyList.append(r)
    }

    /// Whether the polar sectors of routes `a` and `b` overlap (HGS-CVRP's CircleSector::overlap).
    @inline(__always) func sectorsOverlap(_ a: Int, _ b: Int) -> Bool {
        (sectorStart[b] &- sectorStart[a]) & 0xFFFF <= (sectorEnd[a] &- sectorStart[a]) & 0xFFFF
            || (sectorStart[a] &- sectorStart[b]) & 0xFFFF <= (sectorEnd[b] &- sectorStart[b]) & 0xFFFF
    }

    /// SWAP* on every pair of overlapping routes of which one changed since the last pass; the
    /// best move of each pair is applied when it improves. Returns whether any did.
    func swapStarPass() -> Bool {
        swap(&dirtyScratch, &dirtyList)
        passStamp &+= 1
        for r in dirtyScratch {
            dirty[r] = false
            passMark[r] = passStamp
        }
        var improved = false
        for ru in dirtyScratch where !routes[ru].isEmpty {
            for rv in routes.indices where rv != ru && !routes[rv].isEmpty {
                // A pair of two changed routes is tested once, from the smaller index.
                if passMark[rv] == passStamp && rv < ru { continue }
                work &+= 1
                guard sectorsOverlap(ru, rv) else { continue }
                if swapStarPair(ru, rv) { improved = true }
                if routes[ru].isEmpty { break }
            }
        }
        dirtyScratch.removeAll(keepingCapacity: true)
        return improved
    }

    /// The three cheapest positions to insert each customer of route `from` into route `into`
    /// (`insertCost`, `insertAfter`: the node after which, 0 for the depot, -1 for none), and
    /// each one's removal gain from its own route.
    func preprocessInsertions(from: Int, into: Int) {
        let target = routes[into]
        let count = target.count
        for c in routes[from] {
            var c0 = Int.max, c1 = Int.max, c2 = Int.max
            var a0 = -1, a1 = -1, a2 = -1
            var prev = 0
            for p in 0...count {
                let next = p == count ? 0 : target[p]
                let cost = d(prev, c) &+ d(c, next) &- d(prev, next)
                if cost < c2 {
                    if cost < c1 {
                        c2 = c1; a2 = a1
                        if cost < c0 {
                            c1 = c0; a1 = a0
                            c0 = cost; a0 = prev
                        } else {
                            c1 = cost; a1 = prev
                        }
                    } else {
                        c2 = cost; a2 = prev
                    }
                }
                prev = next
            }
            work &+= count + 1
            let b = 3 &* c
            insertCost[b] = c0; insertCost[b + 1] = c1; insertCost[b + 2] = c2
            insertAfter[b] = a0; insertAfter[b + 1] = a1; insertAfter[b + 2] = a2
            let pc = before(c), nc = after(c)
            removalGain[c] = d(pc, c) &+ d(c, nc) &- d(pc, nc)
        }
    }

    /// The node after `p` in route `r` (`p` = 0: the route's first customer).
    @inline(__always) func next(after p: Int, in r: Int) -> Int {
        p == 0 ? routes[r][0] : after(p)
    }

    /// The cheapest insertion of `u` into `v`'s route once `v` has left it: the cost and the
    /// node after which (0: the depot).
    @inline(__always) func cheapestInsertion(_ u: Int, replacing v: Int) -> (cost: Int, after: Int) {
        let rv = routeOf[v]
        let b = 3 &* u
        var cost = Int.max, at = 0
        for i in 0..<3 {
            let p = insertAfter[b &+ i]
            if p < 0 { break }
            if p == v || next(after: p, in: rv) == v { continue }
            cost = insertCost[b &+ i]
            at = p
            break
        }
        let pv = before(v), nv = after(v)
        let place = d(pv, u) &+ d(u, nv) &- d(pv, nv)
        if place < cost { return (place, pv) }
        return (cost, at)
    }

    /// The best SWAP* move between routes `ru` and `rv`, applied if it improves.
    @discardableResult
    func swapStarPair(_ ru: Int, _ rv: Int) -> Bool {
        preprocessInsertions(from: ru, into: rv)
        preprocessInsertions(from: rv, into: ru)
        let scale = Self.costScale
        let loadU = load[ru], loadV = load[rv]
        let both = charge(loadU) &+ charge(loadV)
        let limited = durationLimit < Int.max / 4
        let countU = routes[ru].count, countV = routes[rv].count
        var bestCost = 0, bestU = -1, bestV = -1, bestAfterU = 0, bestAfterV = 0
        let first = routes[ru], second = routes[rv]
        for u in first {
            let qu = demand[u], gainU = removalGain[u]
            for v in second {
                work &+= 1
                let qv = demand[v]
                let chargeDelta = charge(loadU &- qu &+ qv) &+ charge(loadV &- qv &+ qu) &- both
                // Insertion costs are rarely negative: prune on removal gains alone (HGS).
                if chargeDelta &- (gainU &+ removalGain[v]) &* scale >= bestCost { continue }
                let intoV = cheapestInsertion(u, replacing: v)
                let intoU = cheapestInsertion(v, replacing: u)
                let cost = (intoU.cost &+ intoV.cost &- gainU &- removalGain[v]) &* scale &+ chargeDelta
                guard cost < bestCost else { continue }
                if limited {
                    let lengthU = length[ru] - gainU + intoU.cost, lengthV = length[rv] - removalGain[v] + intoV.cost
                    if duration(lengthU, customers: countU) > durationLimit
                        || duration(lengthV, customers: countV) > durationLimit { continue }
                }
                bestCost = cost
                bestU = u; bestV = v
                bestAfterU = intoU.after   // where v goes in route ru
                bestAfterV = intoV.after   // where u goes in route rv
            }
        }
        guard bestU >= 0 else { return false }
        lastSwapStarCost = bestCost
        let u = bestU, v = bestV
        touch(u); touch(v)
        remove(u)
        remove(v)
        insert(u, into: rv, at: bestAfterV == 0 ? 0 : position[bestAfterV] + 1)
        insert(v, into: ru, at: bestAfterU == 0 ? 0 : position[bestAfterU] + 1)
        touch(u); touch(v)
        return true
    }
}
