/// A tour as a two-level doubly-linked list (Fredman, Johnson, McGeoch & Ostheimer 1995, "Data
/// structures for traveling salesmen"; the representation LKH uses, Helsgaun 2000 §5.3): the
/// tour is cut into about √n segments, each a doubly-linked list of nodes with consecutive
/// sequence numbers and a reversal bit, and the segments form a doubly-linked ring with ranks.
///
/// `succ`, `pred` and "is b between a and c" are O(1). A reversal (a 2-opt move) is O(√n): a path
/// inside one segment is reversed node by node; otherwise the segments at its two ends are split
/// so that it is a run of whole segments, and the shorter of that run and its complement is
/// reversed by flipping the segments' bits and relinking them. A split moves the smaller part of
/// a segment into its neighbour (as LKH's `SplitSegment`), so segments drift in size; one that
/// grows past four times the nominal size makes the whole list be rebuilt, O(n).
///
/// The storage is manually allocated, and the search reads it through `TwoLevelLinks`, a plain
/// struct of its pointers: no reference counting and no dynamic exclusivity checks in the
/// innermost loops (they had cost 15 % of the 5-opt search's time through the class).
final class TwoLevelList {
    let n: Int
    /// Segments (about √n).
    let segmentCount: Int
    /// Nominal segment size.
    let groupSize: Int
    /// A segment that grows past this many nodes triggers a rebuild (4 · groupSize by default).
    let maxSegmentSize: Int

    /// The pointers the tour is read and changed through (`TwoLevelLinks`), and each segment's
    /// size, which only the reversals need.
    let links: TwoLevelLinks
    let size: UnsafeMutablePointer<Int32>

    /// Scratch for rebuilding (the tour in order).
    private let order: UnsafeMutablePointer<Int32>
    /// Set when a segment outgrew its limit; the next reversal ends with a rebuild.
    private var needsRebuild = false
    /// Nodes written by reversals, splits and rebuilds (the work measure of the search).
    private(set) var touched = 0
    /// Rebuilds after the construction (segments that outgrew their limit).
    private(set) var rebuilds = 0

    /// Builds the list for `tour`, a permutation of 0..<n (n ≥ 8); `maxSegmentFactor` times the
    /// nominal segment size is the most a segment may grow to before a rebuild.
    init<C: Collection>(tour: C, maxSegmentFactor: Int = 4) where C.Element: BinaryInteger {
        n = tour.count
        precondition(n >= 8, "a two-level list needs at least 8 nodes")
        var g = 1
        while g * g < n { g += 1 }
        groupSize = g
        segmentCount = (n + g - 1) / g
        maxSegmentSize = max(2, maxSegmentFactor) * g
        links = TwoLevelLinks(segment: .allocate(capacity: n), sequence: .allocate(capacity: n),
                              next: .allocate(capacity: n), prev: .allocate(capacity: n),
                              reversed: .allocate(capacity: segmentCount), first: .allocate(capacity: segmentCount),
                              last: .allocate(capacity: segmentCount), rank: .allocate(capacity: segmentCount),
                              segmentNext: .allocate(capacity: segmentCount), segmentPrev: .allocate(capacity: segmentCount))
        size = .allocate(capacity: segmentCount)
        order = .allocate(capacity: n)
        var p = 0
        for v in tour { order[p] = Int32(v); p += 1 }
        rebuildFromOrder()
    }

    deinit {
        for pointer in [links.segment, links.sequence, links.next, links.prev, links.first, links.last, links.rank,
                        links.segmentNext, links.segmentPrev, size, order] { pointer.deallocate() }
        links.reversed.deallocate()
    }

    /// Lays `order[0 ..< n]` out in segments of `groupSize` nodes (the last may be shorter).
    private func rebuildFromOrder() {
        for s in 0..<segmentCount {
            let lo = s * groupSize, hi = min(n, lo + groupSize) - 1
            links.reversed[s] = false
            links.first[s] = order[lo]
            links.last[s] = order[hi]
            size[s] = Int32(hi - lo + 1)
            links.rank[s] = Int32(s)
            links.segmentNext[s] = Int32(s + 1 == segmentCount ? 0 : s + 1)
            links.segmentPrev[s] = Int32(s == 0 ? segmentCount - 1 : s - 1)
            for p in lo...hi {
                let v = Int(order[p])
                links.segment[v] = Int32(s)
                links.sequence[v] = Int32(p - lo)
                links.next[v] = p == hi ? -1 : order[p + 1]
                links.prev[v] = p == lo ? -1 : order[p - 1]
            }
        }
        touched &+= n
        needsRebuild = false
    }

    /// Writes the tour, from node 0 forward, into `out` (n entries).
    func write(to out: UnsafeMutablePointer<Int32>) {
        var v = 0
        for p in 0..<n {
            out[p] = Int32(v)
            v = succ(v)
        }
    }

    /// Replaces the tour (a permutation of 0..<n).
    func load(_ tour: UnsafePointer<Int32>) {
        for p in 0..<n { order[p] = tour[p] }
        rebuildFromOrder()
    }

    // MARK: Navigation

    @inline(__always) private func head(_ s: Int) -> Int { links.head(s) }
    @inline(__always) private func tail(_ s: Int) -> Int { links.tail(s) }
    @inline(__always) func succ(_ v: Int) -> Int { links.succ(v) }
    @inline(__always) func pred(_ v: Int) -> Int { links.pred(v) }
    @inline(__always) func key(_ v: Int) -> Int { links.key(v) }

    // MARK: Reversal

    /// Reverses the path from a forward to b (inclusive) — or, when cheaper, the rest of the
    /// tour, which gives the same cycle traversed the other way. False when the cycle does not
    /// change (a = b, the whole tour, or all of it but one node).
    @discardableResult
    func reversePath(from a: Int, to b: Int) -> Bool {
        if a == b { return false }
        let p = pred(a), q = succ(b)
        if q == a || p == q { return false }
        // Make both removed edges, {p, a} and {b, q}, segment boundaries unless the path or its
        // complement lies inside one segment; each split keeps the other edge a boundary.
        while true {
            if withinOneSegment(a, b) { reverseInside(a, b); break }
            if withinOneSegment(q, p) { reverseInside(q, p); break }
            if links.segment[p] == links.segment[a] { split(before: a); continue }
            if links.segment[b] == links.segment[q] { split(before: q); continue }
            reverseSegments(from: Int(links.segment[a]), to: Int(links.segment[b]))
            break
        }
        if needsRebuild {
            write(to: order)
            rebuildFromOrder()
            rebuilds += 1
        }
        return true
    }

    /// Whether the path from x forward to y stays inside one segment.
    @inline(__always) private func withinOneSegment(_ x: Int, _ y: Int) -> Bool {
        let s = links.segment[x]
        guard s == links.segment[y] else { return false }
        return links.reversed[Int(s)] ? links.sequence[x] >= links.sequence[y] : links.sequence[x] <= links.sequence[y]
    }

    /// Reverses the path x … y lying inside one segment, node by node.
    private func reverseInside(_ x: Int, _ y: Int) {
        let s = Int(links.segment[x])
        // In the segment's own order the path runs lo … hi.
        let lo = links.reversed[s] ? y : x, hi = links.reversed[s] ? x : y
        let before = links.prev[lo], after = links.next[hi]
        let sum = links.sequence[lo] + links.sequence[hi]
        var v = lo
        var count = 0
        while true {
            let following = links.next[v]
            links.next[v] = links.prev[v]
            links.prev[v] = following
            links.sequence[v] = sum - links.sequence[v]
            count += 1
            if v == hi { break }
            v = Int(following)
        }
        touched &+= count
        // The path now runs hi … lo in the segment's order.
        links.prev[hi] = before
        links.next[lo] = after
        if before >= 0 { links.next[Int(before)] = Int32(hi) } else { links.first[s] = Int32(hi) }
        if after >= 0 { links.prev[Int(after)] = Int32(lo) } else { links.last[s] = Int32(lo) }
    }

    /// Makes v the first node (in tour order) of a segment, moving the smaller part of its
    /// segment into the neighbouring segment.
    private func split(before v: Int) {
        let s = Int(links.segment[v])
        let h = head(s)
        if v == h { return }
        let before = abs(Int(links.sequence[v]) - Int(links.sequence[h]))
        let after = Int(size[s]) - before
        if before <= after {
            // Move head … pred(v) to the end of the previous segment, in tour order.
            let target = Int(links.segmentPrev[s])
            var x = h
            for _ in 0..<before {
                let following = links.reversed[s] ? Int(links.prev[x]) : Int(links.next[x])
                append(x, to: target)
                x = following
            }
            if links.reversed[s] { links.last[s] = Int32(v); links.next[v] = -1 } else { links.first[s] = Int32(v); links.prev[v] = -1 }
            size[s] -= Int32(before)
            size[target] += Int32(before)
            if Int(size[target]) > maxSegmentSize { needsRebuild = true }
            touched &+= before
        } else {
            // Move v … tail to the front of the next segment, last node first.
            let target = Int(links.segmentNext[s])
            let u = pred(v)
            var x = tail(s)
            for _ in 0..<after {
                let preceding = links.reversed[s] ? Int(links.next[x]) : Int(links.prev[x])
                prepend(x, to: target)
                x = preceding
            }
            if links.reversed[s] { links.first[s] = Int32(u); links.prev[u] = -1 } else { links.last[s] = Int32(u); links.next[u] = -1 }
            size[s] -= Int32(after)
            size[target] += Int32(after)
            if Int(size[target]) > maxSegmentSize { needsRebuild = true }
            touched &+= after
        }
    }

    /// Puts x after the last node (in tour order) of segment t.
    @inline(__always) private func append(_ x: Int, to t: Int) {
        links.segment[x] = Int32(t)
        if links.reversed[t] {
            let end = Int(links.first[t])
            links.prev[end] = Int32(x); links.next[x] = Int32(end); links.prev[x] = -1
            links.sequence[x] = links.sequence[end] - 1
            links.first[t] = Int32(x)
        } else {
            let end = Int(links.last[t])
            links.next[end] = Int32(x); links.prev[x] = Int32(end); links.next[x] = -1
            links.sequence[x] = links.sequence[end] + 1
            links.last[t] = Int32(x)
        }
        if abs(links.sequence[x]) > 1 << 30 { needsRebuild = true }
    }

    /// Puts x before the first node (in tour order) of segment t.
    @inline(__always) private func prepend(_ x: Int, to t: Int) {
        links.segment[x] = Int32(t)
        if links.reversed[t] {
            let end = Int(links.last[t])
            links.next[end] = Int32(x); links.prev[x] = Int32(end); links.next[x] = -1
            links.sequence[x] = links.sequence[end] + 1
            links.last[t] = Int32(x)
        } else {
            let end = Int(links.first[t])
            links.prev[end] = Int32(x); links.next[x] = Int32(end); links.prev[x] = -1
            links.sequence[x] = links.sequence[end] - 1
            links.first[t] = Int32(x)
        }
        if abs(links.sequence[x]) > 1 << 30 { needsRebuild = true }
    }

    /// Reverses the run of whole segments from `from` forward to `to` — or its complement when
    /// that is shorter (never empty here: the path's ends are not adjacent around the ring).
    private func reverseSegments(from: Int, to: Int) {
        var length = Int(links.rank[to]) - Int(links.rank[from])
        if length < 0 { length += segmentCount }
        length += 1
        var s1 = from, sm = to
        if 2 * length > segmentCount {
            s1 = Int(links.segmentNext[to])
            sm = Int(links.segmentPrev[from])
            length = segmentCount - length
        }
        let outerPrev = Int(links.segmentPrev[s1]), outerNext = Int(links.segmentNext[sm])
        let firstRank = Int(links.rank[s1])
        var s = s1
        for _ in 0..<length {
            let following = Int(links.segmentNext[s])
            links.reversed[s].toggle()
            links.segmentNext[s] = links.segmentPrev[s]
            links.segmentPrev[s] = Int32(following)
            s = following
        }
        links.segmentNext[outerPrev] = Int32(sm)
        links.segmentPrev[sm] = Int32(outerPrev)
        links.segmentNext[s1] = Int32(outerNext)
        links.segmentPrev[outerNext] = Int32(s1)
        // The run keeps its ranks, now from sm.
        var r = firstRank
        s = sm
        for _ in 0..<length {
            links.rank[s] = Int32(r)
            r += 1
            if r == segmentCount { r = 0 }
            s = Int(links.segmentNext[s])
        }
        touched &+= length
    }
}

/// The two-level list's pointers (valid while its `TwoLevelList` lives). Per node: its segment,
/// sequence number, and neighbours in the segment's own order (-1 at the segment's ends; crossing
/// into the next segment goes through the segment ring). Per segment: reversal bit, the ends with
/// the lowest and highest sequence number, rank in the ring, and the ring's links in tour order.
struct TwoLevelLinks {
    let segment: UnsafeMutablePointer<Int32>
    let sequence: UnsafeMutablePointer<Int32>
    let next: UnsafeMutablePointer<Int32>
    let prev: UnsafeMutablePointer<Int32>
    let reversed: UnsafeMutablePointer<Bool>
    let first: UnsafeMutablePointer<Int32>
    let last: UnsafeMutablePointer<Int32>
    let rank: UnsafeMutablePointer<Int32>
    let segmentNext: UnsafeMutablePointer<Int32>
    let segmentPrev: UnsafeMutablePointer<Int32>

    /// The segment's first node in tour order.
    @inline(__always) func head(_ s: Int) -> Int {
        Int(reversed[s] ? last[s] : first[s])
    }

    /// The segment's last node in tour order.
    @inline(__always) func tail(_ s: Int) -> Int {
        Int(reversed[s] ? first[s] : last[s])
    }

    @inline(__always) func succ(_ v: Int) -> Int {
        let s = Int(segment[v])
        if reversed[s] {
            return v == Int(first[s]) ? head(Int(segmentNext[s])) : Int(prev[v])
        }
        return v == Int(last[s]) ? head(Int(segmentNext[s])) : Int(next[v])
    }

    @inline(__always) func pred(_ v: Int) -> Int {
        let s = Int(segment[v])
        if reversed[s] {
            return v == Int(last[s]) ? tail(Int(segmentPrev[s])) : Int(next[v])
        }
        return v == Int(first[s]) ? tail(Int(segmentPrev[s])) : Int(prev[v])
    }

    /// A key that increases along the tour from the segment of rank 0 (wrapping once): for
    /// ordering nodes by tour position.
    @inline(__always) func key(_ v: Int) -> Int {
        let s = Int(segment[v])
        let q = Int(sequence[v])
        return Int(rank[s]) << 32 + (reversed[s] ? (1 << 31) - q : (1 << 31) + q)
    }
}
