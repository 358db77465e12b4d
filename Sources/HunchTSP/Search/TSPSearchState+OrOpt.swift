/// The Or-3opt move of the descent: the best sequential 3-opt move from one node t1 (LKH's
/// 3-opt basis move, Helsgaun 2000 §5 and `Best3OptMove.c`; Or 1976 for the segment insertions
/// it contains, which it finds for segments of any length).
///
/// From t1 in both tour directions, with t2 its neighbour that way: add {t2, t3} for a candidate
/// t3 of t2, remove {t3, t4} for either tour neighbour t4 of t3, add {t4, t5} for a candidate t5
/// of t4, remove {t5, t6}, and close with {t6, t1}. Each choice is kept only while the partial
/// gain stays positive (Lin & Kernighan's gain criterion), and only when the result is one tour:
/// - t4 = the t1 side of t3 (“X4 = 1”): {t6, t1} closes a 2-opt move already, and t6 is the
///   one neighbour of t5 that keeps a tour (the sequential 3-opt moves made of two 2-opt moves);
/// - t4 = the far side (“X4 = 2”): t5 must lie on the path t2 … t3 and both neighbours of t5 work:
///   the path's two pieces swap places (or-opt of a whole segment) or are both reversed.
/// Every move is evaluated in O(1) from positions (which side of the tour a node is on) before
/// the tour is touched; the best improving one is applied as two or three reversals.
/// When no move from t1 gains, the best open one (largest gain before {t6, t1} is added) is made
/// tentatively and the search goes on from t1 and t6 with the gain so far, as Lin–Kernighan does
/// with its basis move (Helsgaun 2000 §5; LKH's `LinKernighan.c` with MOVE_TYPE = 3), up to
/// `orChainDepth` moves. Edges the chain added are never removed again; a chain that ends without
/// a gain is undone from the trial log.
extension TSPSearchState {
    /// Or-3opt moves chained per search from one node (depth 1: the plain move).
    static let orChainDepth = 5

    /// The best closing and the best open move of one scan.
    struct OrOptScan {
        var closeGain = 0, closeKind = 0
        var c2 = 0, c3 = 0, c4 = 0, c5 = 0, c6 = 0
        var openGain = 0, openKind = 0
        var o3 = 0, o4 = 0, o5 = 0, o6 = 0
    }

    /// Applies an improving Or-3opt move (or chain of them) from t1; false when there is none.
    func orOpt(from t1: Int) -> Bool {
        if n < 8 { return false }
        var scan = OrOptScan()
        chainAdded.removeAll(keepingCapacity: true)
        let s1 = succ(t1), p1 = pred(t1)
        scanOrOpt(t1: t1, t2: s1, forward: true, g0: d(t1, s1), chain: false, &scan)
        var open2 = scan.openKind > 0 ? s1 : -1
        let firstOpen = scan.openGain
        scanOrOpt(t1: t1, t2: p1, forward: false, g0: d(t1, p1), chain: false, &scan)
        if scan.openGain > firstOpen { open2 = p1 }
        if scan.closeKind > 0 {
            applyOrOpt(kind: scan.closeKind, t1: t1, t2: scan.c2, t3: scan.c3, t4: scan.c4, t5: scan.c5, t6: scan.c6)
            length -= scan.closeGain
            push(t1); push(scan.c2); push(scan.c3); push(scan.c4)
            if scan.closeKind > 1 { push(scan.c5); push(scan.c6) }
            return true
        }
        guard TSPSearchState.orChainDepth > 1, scan.openKind > 0, open2 >= 0 else { return false }
        return orOptChain(t1: t1, t2: open2, first: scan)
    }

    /// Makes the open move of `first`, then scans on from t1 and the chain's open end.
    private func orOptChain(t1: Int, t2 firstT2: Int, first: OrOptScan) -> Bool {
        withMoveLog { base in orOptChainLogged(t1: t1, t2: firstT2, first: first, base: base) }
    }

    /// `base`: the log's length before the chain, where a failed chain rolls back to.
    private func orOptChainLogged(t1: Int, t2 firstT2: Int, first: OrOptScan, base: Int) -> Bool {
        chainNodes.removeAll(keepingCapacity: true)
        var scan = first
        var t2 = firstT2
        for depth in 1...TSPSearchState.orChainDepth {
            if depth > 1 {
                // The closing edge {t1, t2} is broken again: its cost was never counted.
                let gain = scan.openGain
                scan = OrOptScan()
                scanOrOpt(t1: t1, t2: t2, forward: succ(t1) == t2, g0: gain, chain: true, &scan)
                if scan.closeKind > 0 {
                    applyOrOpt(kind: scan.closeKind, t1: t1, t2: t2, t3: scan.c3, t4: scan.c4, t5: scan.c5, t6: scan.c6)
                    length -= scan.closeGain
                    push(t1)
                    for v in chainNodes { push(v) }
                    push(scan.c3); push(scan.c4)
                    if scan.closeKind > 1 { push(scan.c5); push(scan.c6) }
                    return true
                }
                if scan.openKind == 0 || depth == TSPSearchState.orChainDepth { break }
            }
            applyOrOpt(kind: scan.openKind, t1: t1, t2: t2, t3: scan.o3, t4: scan.o4, t5: scan.o5, t6: scan.o6)
            chainAdded.append(t2); chainAdded.append(scan.o3)
            chainAdded.append(scan.o4); chainAdded.append(scan.o5)
            chainNodes.append(t2); chainNodes.append(scan.o3); chainNodes.append(scan.o4); chainNodes.append(scan.o5)
            t2 = scan.o6
        }
        undoReversals(downTo: base)
        return false
    }

    /// Scans the Or-3opt moves that break {t1, t2} (t2 after t1 when `forward`), given the gain
    /// `g0` of breaking it; records the best closing move (gain > `scan.closeGain`) and the best
    /// open one (of kinds 2–4, by the gain before {t6, t1} is added). In a chain, edges the chain
    /// added are not removed.
    func scanOrOpt(t1: Int, t2: Int, forward: Bool, g0: Int, chain: Bool, _ scan: inout OrOptScan) {
        let k = candidates.k
        let t2next = forward ? succ(t2) : pred(t2)
        for r in 0..<k {
            let t3 = Int(candidates.neighbours[t2 * k + r])
            let g1 = g0 - Int(candidates.distances[t2 * k + r])
            if g1 <= 0 { if nearestFirst { break } else { continue } }
            if t3 == t1 || t3 == t2next { continue }
            let t3prev = forward ? pred(t3) : succ(t3)
            let t3next = forward ? succ(t3) : pred(t3)
            // X4 = 1: t4 before t3, so that {t4, t1} closes a 2-opt move.
            if !(chain && wasAdded(t3, t3prev)) {
                let t4 = t3prev
                let g2 = g1 + d(t3, t4)
                evaluations += 1
                let close = g2 - d(t4, t1)
                if close > scan.closeGain {
                    scan.closeGain = close; scan.closeKind = 1; scan.c2 = t2; scan.c3 = t3; scan.c4 = t4
                }
                let t4prev = forward ? pred(t4) : succ(t4)
                for r2 in 0..<k {
                    let t5 = Int(candidates.neighbours[t4 * k + r2])
                    let g3 = g2 - Int(candidates.distances[t4 * k + r2])
                    if g3 <= 0 { if nearestFirst { break } else { continue } }
                    if t5 == t3 || t5 == t4prev || t5 == t1 { continue }
                    // t5 on the path t2 … t4 (reversed by the first link): t6 after it; else before it.
                    let t6: Int
                    if between(t2, t5, t4, forward: forward) {
                        t6 = forward ? succ(t5) : pred(t5)
                    } else {
                        t6 = forward ? pred(t5) : succ(t5)
                    }
                    if t6 == t1 || (chain && wasAdded(t5, t6)) { continue }
                    evaluations += 1
                    let g4 = g3 + d(t5, t6)
                    record(&scan, kind: 2, g4: g4, t1: t1, t2: t2, t3: t3, t4: t4, t5: t5, t6: t6)
                }
            }
            // X4 = 2: t4 after t3; t5 on the path t2 … t3 closes it again.
            do {
                let t4 = t3next
                if t4 == t1 || (chain && wasAdded(t3, t4)) { continue }
                let g2 = g1 + d(t3, t4)
                for r2 in 0..<k {
                    let t5 = Int(candidates.neighbours[t4 * k + r2])
                    let g3 = g2 - Int(candidates.distances[t4 * k + r2])
                    if g3 <= 0 { if nearestFirst { break } else { continue } }
                    if t5 == t3 || !between(t2, t5, t3, forward: forward) { continue }
                    // t6 after t5: the pieces t2…t5 and t6…t3 swap places.
                    let after = forward ? succ(t5) : pred(t5)
                    if !(chain && wasAdded(t5, after)) {
                        evaluations += 1
                        record(&scan, kind: 3, g4: g3 + d(t5, after), t1: t1, t2: t2, t3: t3, t4: t4, t5: t5, t6: after)
                    }
                    // t6 before t5 (t5 ≠ t2): both pieces reversed in place.
                    if t5 == t2 { continue }
                    let before = forward ? pred(t5) : succ(t5)
                    if chain && wasAdded(t5, before) { continue }
                    evaluations += 1
                    record(&scan, kind: 4, g4: g3 + d(t5, before), t1: t1, t2: t2, t3: t3, t4: t4, t5: t5, t6: before)
                }
            }
        }
    }

    @inline(__always)
    private func record(_ scan: inout OrOptScan, kind: Int, g4: Int, t1: Int, t2: Int, t3: Int, t4: Int, t5: Int, t6: Int) {
        let close = g4 - d(t6, t1)
        if close > scan.closeGain {
            scan.closeGain = close; scan.closeKind = kind
            scan.c2 = t2; scan.c3 = t3; scan.c4 = t4; scan.c5 = t5; scan.c6 = t6
        }
        if g4 > scan.openGain {
            scan.openGain = g4; scan.openKind = kind
            scan.o3 = t3; scan.o4 = t4; scan.o5 = t5; scan.o6 = t6
        }
    }

    /// Makes an Or-3opt move as 2-opt exchanges (each a reversal of the shorter side), with the
    /// tour read from t1 towards t2.
    func applyOrOpt(kind: Int, t1: Int, t2: Int, t3: Int, t4: Int, t5: Int, t6: Int) {
        switch kind {
        case 1:
            exchange(t1, t2, t4, t3)                 // t1 t4 … t2 t3
        case 2:
            exchange(t1, t2, t4, t3)                 // t1 t4 … t2 t3, t6 now before t5
            exchange(t1, t4, t6, t5)
        case 3:
            // t1 [t2 … t5] [t6 … t3] t4  →  t1 [t6 … t3] [t2 … t5] t4
            exchange(t1, t2, t5, t6)                 // t1 [t5 … t2] [t6 … t3] t4
            exchange(t1, t5, t3, t4)                 // t1 [t3 … t6] [t2 … t5] t4
            exchange(t1, t3, t6, t2)                 // t1 [t6 … t3] [t2 … t5] t4
        default:
            // t1 [t2 … t6] [t5 … t3] t4  →  t1 [t6 … t2] [t3 … t5] t4
            exchange(t1, t2, t6, t5)                 // t1 [t6 … t2] [t5 … t3] t4
            exchange(t2, t5, t3, t4)                 // t1 [t6 … t2] [t3 … t5] t4
        }
    }
}
