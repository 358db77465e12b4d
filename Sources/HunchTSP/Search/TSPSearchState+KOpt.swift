/// The sequential 5-opt basis move of LKH (Helsgaun 2000 §5, `Best5OptMove.c`), found by a
/// general depth-first search as in LKH-2's k-opt submoves (Helsgaun 2009, "General k-opt
/// submoves for the Lin–Kernighan TSP heuristic").
///
/// From t1, with t2 a tour neighbour: for i = 1 … 5, add {t(2i), t(2i+1)} for a candidate
/// t(2i+1) of t(2i) and remove {t(2i+1), t(2i+2)} for either tour neighbour t(2i+2), as long as
/// the partial gain G = removed − added stays positive (Lin & Kernighan's gain criterion).
/// At every level, closing with {t(2i+2), t1} is a 2i-opt move; it is taken, first improvement
/// as in LKH, when it gains and the result is one tour. Intermediate states need not be tours —
/// that is what lets a 5-opt move reach what chains of 2- and 3-opt moves cannot.
///
/// Feasibility is decided in O(k log k) without touching the tour (Helsgaun 2009 §5.2): the
/// removed edges, sorted by tour position, cut the tour into k paths; following the paths and the
/// added edges from one of them must visit all k before it returns. A feasible move is made as
/// at most 2(k−1) reversals, sorting the paths into their new order and orientation; each
/// reversal is a logged 2-opt exchange, so trials and chains undo it.
///
/// When no move from t1 gains, the best feasible 5-opt move that does not gain yet (largest G
/// before {t10, t1} is added) is made tentatively and the search goes on from t1 and t10 with the
/// gain so far (LKH's `LinKernighan.c`), up to `kOptChainDepth` moves; edges the chain added are
/// never removed again, and a chain that ends without a gain is undone from the log.
extension TSPSearchState {
    /// The k of the basis move.
    static let kOptDepth = 5
    /// Basis moves chained per search from one node.
    static let kOptChainDepth = 3

    /// The search's state: `t[0 ..< 2k]` the move being built (t1 = t[0]), `close` the improving
    /// move found (`closeCount` nodes), `open` the best non-improving feasible k-opt move.
    struct KOptScan {
        var t: UnsafeMutablePointer<Int>
        var close: UnsafeMutablePointer<Int>
        var open: UnsafeMutablePointer<Int>
        /// Scratch of the feasibility test and of the move's application (`kOptScratchSize`).
        var scratch: UnsafeMutablePointer<Int>
        var closeGain = 0, closeCount = 0
        var openGain = 0, openCount = 0
        var chain = false
        /// Moves evaluated, added to `evaluations` once per search: a write to the class's
        /// property in the innermost loop costs a dynamic exclusivity check every time.
        var evaluated = 0
    }

    /// Scratch for k = `kOptDepth`: 2k other ends, then k path starts, k path ends and two k-long
    /// orders (`cutIntoPaths`, `makeKOpt`).
    static let kOptScratchSize = 6 * kOptDepth

    /// Applies an improving k-opt move (or chain of them) from t1; false when there is none.
    func kOpt(from t1: Int) -> Bool {
        if n < 8 { return false }
        let size = 2 * TSPSearchState.kOptDepth + 2
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 3 * size + TSPSearchState.kOptScratchSize) { buffer in
            let base = buffer.baseAddress!
            var scan = KOptScan(t: base, close: base + size, open: base + 2 * size, scratch: base + 3 * size)
            let moved = kOpt(from: t1, &scan)
            evaluations += scan.evaluated
            return moved
        }
    }

    private func kOpt(from t1: Int, _ scan: inout KOptScan) -> Bool {
        chainAdded.removeAll(keepingCapacity: true)
        scan.t[0] = t1
        withTourView { view in
            for direction in 0..<2 {
                scan.t[1] = direction == 0 ? view.succ(t1) : view.pred(t1)
                if restricted && inBestTour(t1, scan.t[1]) { continue }
                kOptLevel(1, gain: d(t1, scan.t[1]), view, &scan)
                if scan.closeCount > 0 { return }
            }
        }
        if scan.closeCount > 0 {
            makeKOpt(scan.close, count: scan.closeCount, scratch: scan.scratch)
            length -= scan.closeGain
            for i in 0..<scan.closeCount { push(scan.close[i]) }
            return true
        }
        guard TSPSearchState.kOptChainDepth > 1, scan.openCount > 0 else { return false }
        return withMoveLog { base in kOptChain(&scan, base: base) }
    }

    /// Makes the open move of `scan`, then searches on from t1 and the chain's open end.
    private func kOptChain(_ scan: inout KOptScan, base: Int) -> Bool {
        chainNodes.removeAll(keepingCapacity: true)
        let t1 = scan.t[0]
        for depth in 1...TSPSearchState.kOptChainDepth {
            if depth > 1 {
                // The closing edge {t1, t2} is broken again: its cost was never counted.
                let gain = scan.openGain
                scan.openGain = 0; scan.openCount = 0
                scan.chain = true
                withTourView { view in kOptLevel(1, gain: gain, view, &scan) }
                scan.chain = false
                if scan.closeCount > 0 {
                    makeKOpt(scan.close, count: scan.closeCount, scratch: scan.scratch)
                    length -= scan.closeGain
                    for i in 0..<scan.closeCount { push(scan.close[i]) }
                    for v in chainNodes { push(v) }
                    return true
                }
                if scan.openCount == 0 || depth == TSPSearchState.kOptChainDepth { break }
            }
            let m = scan.openCount
            makeKOpt(scan.open, count: m, scratch: scan.scratch)
            var i = 1
            while i + 1 < m {
                chainAdded.append(scan.open[i]); chainAdded.append(scan.open[i + 1])
                i += 2
            }
            for j in 1..<m { chainNodes.append(scan.open[j]) }
            scan.t[1] = scan.open[m - 1]
        }
        undoReversals(downTo: base)
        return false
    }

    /// Extends the move `t[0 ..< 2i]` (gain `gain` before closing) by one exchange: adds
    /// {t(2i), t(2i+1)} and removes {t(2i+1), t(2i+2)}, tries to close, and goes deeper.
    private func kOptLevel(_ i: Int, gain: Int, _ view: TourView, _ scan: inout KOptScan) {
        let k = candidates.k
        let t = scan.t
        let t1 = t[0]
        let last = t[2 * i - 1]
        let lastSucc = view.succ(last), lastPred = view.pred(last)
        let row = last * k
        for r in 0..<k {
            let t3 = Int(candidates.neighbours[row + r])
            let g1 = gain - Int(candidates.distances[row + r])
            if g1 <= 0 { if nearestFirst { break } else { continue } }
            if t3 == t1 || t3 == lastSucc || t3 == lastPred || addedInMove(t, i, last, t3) { continue }
            t[2 * i] = t3
            for side in 0..<2 {
                let t4 = side == 0 ? view.succ(t3) : view.pred(t3)
                if t4 == t1 || removedInMove(t, i, t3, t4) || (scan.chain && wasAdded(t3, t4)) { continue }
                t[2 * i + 1] = t4
                scan.evaluated += 1
                let g2 = g1 + d(t3, t4)
                let m = 2 * i + 2
                let closeGain = g2 - d(t4, t1)
                if closeGain > 0, !addedInMove(t, i + 1, t4, t1), isTour(t, count: m, scratch: scan.scratch, view) {
                    scan.closeGain = closeGain
                    scan.closeCount = m
                    for j in 0..<m { scan.close[j] = t[j] }
                    return
                }
                if i + 1 < TSPSearchState.kOptDepth {
                    kOptLevel(i + 1, gain: g2, view, &scan)
                    if scan.closeCount > 0 { return }
                } else if g2 > scan.openGain, !addedInMove(t, i + 1, t4, t1), isTour(t, count: m, scratch: scan.scratch, view) {
                    scan.openGain = g2
                    scan.openCount = m
                    for j in 0..<m { scan.open[j] = t[j] }
                }
            }
        }
    }

    /// Whether {a, b} is one of the edges removed by `t[0 ..< 2i]`.
    @inline(__always)
    private func removedInMove(_ t: UnsafeMutablePointer<Int>, _ i: Int, _ a: Int, _ b: Int) -> Bool {
        for j in 0..<i {
            let x = t[2 * j], y = t[2 * j + 1]
            if (x == a && y == b) || (x == b && y == a) { return true }
        }
        return false
    }

    /// Whether {a, b} is one of the edges {t2, t3}, {t4, t5}, … added by `t[0 ..< 2i]`.
    @inline(__always)
    private func addedInMove(_ t: UnsafeMutablePointer<Int>, _ i: Int, _ a: Int, _ b: Int) -> Bool {
        var j = 1
        while j + 1 < 2 * i {
            let x = t[j], y = t[j + 1]
            if (x == a && y == b) || (x == b && y == a) { return true }
            j += 2
        }
        return false
    }

    /// Sorts the removed edges of the move `t[0 ..< m]` by tour position and records, per index of
    /// `t`, the index at the other end of its path (`otherEnd`), and per path its two ends.
    /// Layout of `scratch`: [0, m) other end; [m, m + k) path starts; [m + k, m + 2k) path ends;
    /// [m + 2k, m + 3k) the edges in position order.
    @inline(__always)
    private func cutIntoPaths(_ t: UnsafeMutablePointer<Int>, count m: Int, scratch: UnsafeMutablePointer<Int>, _ view: TourView) {
        let k = m / 2
        let starts = scratch + m, ends = scratch + m + k, order = scratch + m + 2 * k
        // Per removed edge j, the index of its end that comes first going forward (its tail; the
        // head is the other index of the pair, tail ^ 1) and that end's position, kept in
        // scratch[0 ..< 2k] until the other ends are written there.
        let tails = scratch, keys = scratch + k
        for j in 0..<k {
            let tail = view.succ(t[2 * j]) == t[2 * j + 1] ? 2 * j : 2 * j + 1
            tails[j] = tail
            keys[j] = view.key(t[tail])
        }
        for j in 0..<k {
            var x = j
            let key = keys[j]
            while x > 0 && keys[order[x - 1]] > key {
                order[x] = order[x - 1]
                x -= 1
            }
            order[x] = j
        }
        // Path s runs from the head of sorted edge s to the tail of sorted edge s + 1.
        for s in 0..<k {
            starts[s] = tails[order[s]] ^ 1
            ends[s] = tails[order[s + 1 == k ? 0 : s + 1]]
        }
        for s in 0..<k {
            scratch[starts[s]] = ends[s]
            scratch[ends[s]] = starts[s]
        }
    }

    /// The index joined to index x of the move by an added edge: {t(2i), t(2i+1)} and {t(2k), t1}.
    @inline(__always)
    private func addedPartner(_ x: Int, count m: Int) -> Int {
        x & 1 == 1 ? (x + 1 == m ? 0 : x + 1) : (x == 0 ? m - 1 : x - 1)
    }

    /// Whether the move `t[0 ..< m]` leaves one tour (Helsgaun 2009, §5.2).
    func isTour(_ t: UnsafeMutablePointer<Int>, count m: Int, scratch: UnsafeMutablePointer<Int>, _ view: TourView) -> Bool {
        cutIntoPaths(t, count: m, scratch: scratch, view)
        let k = m / 2
        let start = scratch[m]
        var x = start
        var paths = 0
        repeat {
            x = addedPartner(scratch[x], count: m)
            paths += 1
        } while x != start && paths <= k
        return paths == k && x == start
    }

    /// Makes the feasible move `t[0 ..< m]`: reads the paths' new order and orientations from
    /// the added edges, then sorts the paths into it by reversals (each a logged 2-opt exchange),
    /// at most two per path: one brings the path to its place, one turns it round.
    func makeKOpt(_ t: UnsafeMutablePointer<Int>, count m: Int, scratch: UnsafeMutablePointer<Int>) {
        withTourView { cutIntoPaths(t, count: m, scratch: scratch, $0) }
        let k = m / 2
        let starts = scratch + m, ends = scratch + m + k
        // Target: path indices in their new order, first index of each as entered (its first node).
        // Current arrangement: path per slot and the index at which it is entered.
        let targetFirst = scratch + m + 2 * k          // k entries: t-index the slot is entered at
        let slotFirst = scratch + m + 3 * k            // current arrangement, same encoding
        var x = starts[0]
        for s in 0..<k {
            targetFirst[s] = x
            x = addedPartner(scratch[x], count: m)
        }
        for s in 0..<k { slotFirst[s] = starts[s] }
        // Which path an index belongs to is read from `starts`/`ends`.
        func path(of index: Int) -> Int {
            for s in 0..<k where starts[s] == index || ends[s] == index { return s }
            return -1
        }
        @inline(__always) func firstNode(_ slot: Int) -> Int { t[slotFirst[slot]] }
        @inline(__always) func lastNode(_ slot: Int) -> Int { t[scratch[slotFirst[slot]]] }
        /// Reverses the slots a…b: their order and each one's orientation.
        func reverseSlots(_ a: Int, _ b: Int) {
            let p = lastNode(a - 1), first = firstNode(a), lastOfB = lastNode(b)
            let q = firstNode(b + 1 == k ? 0 : b + 1)
            if first != lastOfB { exchange(p, first, lastOfB, q) }
            var l = a, r = b
            while l < r {
                let tmp = slotFirst[l]; slotFirst[l] = slotFirst[r]; slotFirst[r] = tmp
                l += 1; r -= 1
            }
            for s in a...b { slotFirst[s] = scratch[slotFirst[s]] }
        }
        for s in 1..<k {
            let wanted = path(of: targetFirst[s])
            var j = s
            while path(of: slotFirst[j]) != wanted { j += 1 }
            if j != s { reverseSlots(s, j) }
            if slotFirst[s] != targetFirst[s] { reverseSlots(s, s) }
        }
    }

    /// Runs `body` with read-only pointers to the tour: the search reads positions in its innermost
    /// loop, where each read of the class's arrays would cost a dynamic exclusivity check.
    @inline(__always)
    func withTourView<T>(_ body: (TourView) -> T) -> T {
        tour.withUnsafeBufferPointer { tourBuffer in
            position.withUnsafeBufferPointer { positionBuffer in
                body(TourView(tour: tourBuffer.baseAddress!, position: positionBuffer.baseAddress!, links: links, n: n))
            }
        }
    }
}

/// A read-only view of the tour for the move search (valid inside `withTourView` only).
struct TourView {
    let tour: UnsafePointer<Int32>
    let position: UnsafePointer<Int32>
    /// The two-level list when it holds the tour (the arrays are then placeholders).
    let links: TwoLevelLinks?
    let n: Int

    @inline(__always) func succ(_ v: Int) -> Int {
        if let links { return links.succ(v) }
        let p = Int(position[v]) + 1
        return Int(tour[p == n ? 0 : p])
    }

    @inline(__always) func pred(_ v: Int) -> Int {
        if let links { return links.pred(v) }
        let p = Int(position[v])
        return Int(tour[p == 0 ? n - 1 : p - 1])
    }

    /// Increases along the tour (wrapping once).
    @inline(__always) func key(_ v: Int) -> Int {
        if let links { return links.key(v) }
        return Int(position[v])
    }
}
