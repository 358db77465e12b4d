/// The Lin–Kernighan move of the `double-bridge-lk` operator: a chain of 2-opt moves from one
/// node t1 (Lin & Kernighan 1973, in the array form of Johnson & McGeoch 1997).
///
/// Each link removes the edge {t1, last} the previous link closed, adds {last, next} for a
/// candidate neighbour `next`, and removes the edge {next, partner} that lets {partner, t1} close
/// the tour again. The first two links are evaluated without touching the tour (every pair of
/// the 5 × 5 candidates: the sequential 3-opt moves made of two 2-opt links — not the pure
/// segment insertions, which Or-opt covers for segments of up to 3 nodes); the best improving
/// one is applied. Only if none improves does the most promising pair become a real chain, extended
/// greedily while the running gain stays positive; its best closed prefix is kept if it
/// shortens the tour and everything else is undone from the log. Edges the chain added are
/// never removed again.
extension TSPSearchState {
    /// Links per chain, and candidate neighbours tried per link.
    static let chainDepth = 6
    static let chainBreadth = 5

    /// Tries chains from t1 in both tour directions; true if one shortened the tour.
    func linKernighan(from t1: Int) -> Bool {
        withMoveLog { base in linKernighanLogged(from: t1, base: base) }
    }

    /// Runs `body` with its reversals logged from `base` (the log's length before it), so that a
    /// chain can undo what it tried; outside a trial the log is dropped again afterwards.
    @inline(__always)
    func withMoveLog<T>(_ body: (_ base: Int) -> T) -> T {
        let outerLogging = logging
        logging = true
        let base = log.count
        defer {
            logging = outerLogging
            if !outerLogging { log.removeLast(log.count - base) }
        }
        return body(base)
    }

    /// `base`: the log's length before the chains, where a failed one rolls back to.
    private func linKernighanLogged(from t1: Int, base: Int) -> Bool {
        let k = candidates.k
        let breadth = min(k, TSPSearchState.chainBreadth)
        for direction in 0..<2 {
            let t2 = direction == 0 ? succ(t1) : pred(t1)
            let forward = direction == 0
            let removed = d(t1, t2)
            // Best closing found so far (t5 < 0: after one link) and the best open pair of links.
            var bestClose = 0, c3 = -1, c4 = -1, c5 = -1, c6 = -1
            var bestOpen = 0, o3 = -1, o4 = -1, o5 = -1, o6 = -1
            for r in 0..<breadth {
                let t3 = Int(candidates.neighbours[t2 * k + r])
                let g1 = removed - Int(candidates.distances[t2 * k + r])
                if g1 <= 0 { if nearestFirst { break } else { continue } }
                evaluations += 1
                guard let t4 = closingPartner(t1: t1, last: t2, next: t3) else { continue }
                let open1 = g1 + d(t3, t4)
                let close1 = open1 - d(t4, t1)
                if close1 > bestClose { bestClose = close1; c3 = t3; c4 = t4; c5 = -1 }
                let row = t4 * k
                for r2 in 0..<breadth {
                    let t5 = Int(candidates.neighbours[row + r2])
                    let added = Int(candidates.distances[row + r2])
                    if open1 - added <= 0 { if nearestFirst { break } else { continue } }
                    if t5 == t1 { continue }
                    evaluations += 1
                    let t6 = predecessorAfterLink(t5, t1: t1, t2: t2, t3: t3, t4: t4, forward: forward)
                    // t6 == t4: {t4, t5} is already a tour edge; t5 == t3 gives t6 == t2, the edge just added.
                    if t6 == t4 || (t5 == t3 && t6 == t2) { continue }
                    let open2 = open1 - added + d(t5, t6)
                    let close2 = open2 - d(t6, t1)
                    if close2 > bestClose { bestClose = close2; c3 = t3; c4 = t4; c5 = t5; c6 = t6 }
                    if open2 > bestOpen { bestOpen = open2; o3 = t3; o4 = t4; o5 = t5; o6 = t6 }
                }
            }
            if bestClose > 0 {
                exchange(t1, t2, c4, c3)
                push(t1); push(t2); push(c3); push(c4)
                if c5 >= 0 {
                    exchange(t1, c4, c6, c5)
                    push(c5); push(c6)
                }
                length -= bestClose
                return true
            }
            if o3 >= 0 {
                let gain = extendChain(t1: t1, t2: t2, t3: o3, t4: o4, t5: o5, t6: o6, gain: bestOpen, base: base)
                if gain > 0 {
                    length -= gain
                    return true
                }
            }
        }
        return false
    }

    /// The node before x, in the direction where t1 is followed by t4, once the first link
    /// (remove {t1,t2},{t4,t3}; add {t2,t3},{t4,t1}) is made: that link reverses the path t2…t4.
    @inline(__always)
    private func predecessorAfterLink(_ x: Int, t1: Int, t2: Int, t3: Int, t4: Int, forward: Bool) -> Int {
        if x == t4 { return t1 }
        if x == t3 { return t2 }
        // Is x on the path t2 … t4 (read in the direction where t2 follows t1)?
        return between(t2, x, t4, forward: forward) == forward ? succ(x) : pred(x)
    }

    /// Makes the two links, extends the chain greedily and keeps its best closed prefix when it
    /// gains (pushing its nodes for the descent); returns that gain, or undoes everything and
    /// returns 0.
    private func extendChain(t1: Int, t2: Int, t3: Int, t4: Int, t5: Int, t6: Int, gain open: Int, base: Int) -> Int {
        let k = candidates.k
        let breadth = min(k, TSPSearchState.chainBreadth)
        chainAdded.removeAll(keepingCapacity: true)
        chainNodes.removeAll(keepingCapacity: true)
        exchange(t1, t2, t4, t3)
        exchange(t1, t4, t6, t5)
        chainAdded.append(t2); chainAdded.append(t3)
        chainAdded.append(t4); chainAdded.append(t5)
        chainNodes.append(t2); chainNodes.append(t3); chainNodes.append(t4)
        chainNodes.append(t5); chainNodes.append(t6)
        var gain = open
        var last = t6
        var bestClose = 0
        var bestLog = base
        var bestNodes = 0

        for _ in 2..<TSPSearchState.chainDepth {
            var next = -1, partner = -1, bestValue = Int.min
            let row = last * k
            for r in 0..<breadth {
                let t7 = Int(candidates.neighbours[row + r])
                let added = Int(candidates.distances[row + r])
                if gain - added <= 0 { if nearestFirst { break } else { continue } }
                evaluations += 1
                guard let t8 = closingPartner(t1: t1, last: last, next: t7), !wasAdded(t7, t8) else { continue }
                let value = d(t7, t8) - added
                if value > bestValue { bestValue = value; next = t7; partner = t8 }
            }
            if next < 0 { break }
            gain += bestValue
            exchange(t1, last, partner, next)
            chainAdded.append(last); chainAdded.append(next)
            chainNodes.append(next); chainNodes.append(partner)
            last = partner
            let close = gain - d(last, t1)
            if close > bestClose {
                bestClose = close
                bestLog = log.count
                bestNodes = chainNodes.count
            }
        }

        undoReversals(downTo: bestLog)
        if bestClose > 0 {
            push(t1)
            for i in 0..<bestNodes { push(chainNodes[i]) }
        }
        return bestClose
    }

    /// The partner for which removing {next, partner} and adding {partner, t1} is a valid 2-opt
    /// move once {last, next} is added, with last adjacent to t1; nil when the link is degenerate.
    @inline(__always)
    private func closingPartner(t1: Int, last: Int, next: Int) -> Int? {
        if next == t1 || next == last { return nil }
        let partner = succ(t1) == last ? pred(next) : succ(next)
        return partner == last ? nil : partner
    }

    /// Whether {a, b} is an edge this chain added (such edges are never removed again).
    @inline(__always)
    func wasAdded(_ a: Int, _ b: Int) -> Bool {
        var i = 0
        while i < chainAdded.count {
            let x = chainAdded[i], y = chainAdded[i + 1]
            if (x == a && y == b) || (x == b && y == a) { return true }
            i += 2
        }
        return false
    }
}
