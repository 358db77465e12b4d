/// A small iterated local search (2-opt and Or-opt with neighbour lists and don't-look bits,
/// double-bridge kicks; Lin & Kernighan's kick as used by Martin, Otto & Felten 1991) that gives
/// the exact solver a strong first incumbent: the better the incumbent, the more edges the
/// Held–Karp test removes and the more nodes GLPK prunes.
///
/// Internal to the exact solver, deterministic for a given seed and iteration budget (the time
/// limit only cuts it short). The family's own policy-guided search lives elsewhere.
struct ExactIncumbentSearch {
    private let instance: TSPInstance
    private let n: Int
    private let neighbours: [[Int]]
    private var tour: [Int]
    private var position: [Int]
    private var active: [Int] = []
    private var isActive: [Bool]

    /// `start` must be a permutation of 0..<n, n ≥ 5. `candidates[i]` lists the partners moves
    /// may connect i to, best first; nil means each node's 10 nearest by distance.
    init(_ instance: TSPInstance, start: [Int], candidates: [[Int]]? = nil) {
        self.instance = instance
        n = instance.dimension
        tour = start
        position = [Int](repeating: 0, count: n)
        isActive = [Bool](repeating: false, count: n)
        neighbours = candidates ?? ExactIncumbentSearch.candidates(instance, count: 10) { instance.distance($0, $1) }
        for (p, v) in tour.enumerated() { position[v] = p }
    }

    /// Each node's `count` best partners under `cost` (ties broken by distance). O(n² log n).
    static func candidates<C: Comparable>(_ instance: TSPInstance, count: Int, cost: (Int, Int) -> C) -> [[Int]] {
        let n = instance.dimension
        let k = min(count, n - 1)
        return (0..<n).map { i in
            let others = (0..<n).filter { $0 != i }.sorted {
                let a = cost(i, $0), b = cost(i, $1)
                return a != b ? a < b : instance.distance(i, $0) < instance.distance(i, $1)
            }
            return Array(others.prefix(k))
        }
    }

    /// The nearest-neighbour tour from node 0.
    static func nearestNeighbourTour(_ instance: TSPInstance) -> [Int] {
        let n = instance.dimension
        var visited = [Bool](repeating: false, count: n)
        var tour = [0]
        visited[0] = true
        var current = 0
        for _ in 1..<n {
            var best = -1
            var bestDistance = Int.max
            for v in 0..<n where !visited[v] && instance.distance(current, v) < bestDistance {
                best = v
                bestDistance = instance.distance(current, v)
            }
            visited[best] = true
            tour.append(best)
            current = best
        }
        return tour
    }

    /// Improves the start tour: local search, then kicks until `maxKicks` or the deadline.
    /// 2-opt moves only try candidate partners closer than the removed edge (the usual
    /// neighbour-list rule: one of the two new edges of an improving move is that short).
    mutating func run(maxKicks: Int, deadline: ContinuousClock.Instant, seed: UInt64 = 0x5EED) -> [Int] {
        for v in 0..<n { activate(v) }
        localSearch()
        var best = tour
        var bestLength = instance.tourLength(tour)
        var random = ExactSearchRandom(seed: seed)
        var kick = 0
        while kick < maxKicks && (kick % 16 != 0 || ContinuousClock.now < deadline) {
            kick += 1
            doubleBridge(&random)
            localSearch()
            let length = instance.tourLength(tour)
            if length <= bestLength {
                best = tour
                bestLength = length
            } else {
                tour = best
                for (p, v) in tour.enumerated() { position[v] = p }
            }
        }
        return best
    }

    // MARK: Tour access

    @inline(__always) private func next(_ v: Int) -> Int { tour[position[v] + 1 == n ? 0 : position[v] + 1] }
    @inline(__always) private func previous(_ v: Int) -> Int { tour[position[v] == 0 ? n - 1 : position[v] - 1] }
    @inline(__always) private func d(_ a: Int, _ b: Int) -> Int { instance.distance(a, b) }

    private mutating func activate(_ v: Int) {
        if !isActive[v] {
            isActive[v] = true
            active.append(v)
        }
    }

    /// Reverses the tour path from `a` forward to `b` (or, equivalently, its complement).
    private mutating func reversePath(from a: Int, to b: Int) {
        var i = position[a], j = position[b]
        var length = j - i
        if length < 0 { length += n }
        length += 1
        if 2 * length > n {  // reverse the complement instead: same cyclic tour
            let ni = j + 1 == n ? 0 : j + 1
            let nj = i == 0 ? n - 1 : i - 1
            i = ni
            j = nj
            length = n - length
        }
        for _ in 0..<(length / 2) {
            let vi = tour[i], vj = tour[j]
            tour[i] = vj
            position[vj] = i
            tour[j] = vi
            position[vi] = j
            i = i + 1 == n ? 0 : i + 1
            j = j == 0 ? n - 1 : j - 1
        }
    }

    // MARK: Local search

    private mutating func localSearch() {
        while let t1 = active.popLast() {
            isActive[t1] = false
            if improveTwoOpt(t1) || improveOrOpt(t1) { activate(t1) }
        }
    }

    /// The first improving 2-opt move that removes an edge at `t1`.
    private mutating func improveTwoOpt(_ t1: Int) -> Bool {
        for forward in [true, false] {
            let t2 = forward ? next(t1) : previous(t1)
            let d12 = d(t1, t2)
            for t3 in neighbours[t1] {
                let d13 = d(t1, t3)
                if d13 >= d12 { continue }  // lists need not be sorted by distance
                let t4 = forward ? next(t3) : previous(t3)
                if t3 == t2 || t4 == t1 { continue }
                if d13 + d(t2, t4) < d12 + d(t3, t4) {
                    if forward { reversePath(from: t2, to: t3) } else { reversePath(from: t1, to: t4) }
                    for v in [t1, t2, t3, t4] { activate(v) }
                    return true
                }
            }
        }
        return false
    }

    /// The first improving move of a segment of 1–3 nodes starting or ending at `s` to between
    /// a neighbour and its successor, in either orientation.
    private mutating func improveOrOpt(_ s: Int) -> Bool {
        for length in 1...3 where length + 2 < n {
            for forward in [true, false] {
                // Segment first…last in tour order.
                var first = s, last = s
                for _ in 1..<length {
                    if forward { last = next(last) } else { first = previous(first) }
                }
                let before = previous(first), after = next(last)
                let removeGain = d(before, first) + d(last, after) - d(before, after)
                if removeGain <= 0 { continue }
                for end in [first, last] {
                    for c in neighbours[end] {
                        if isInSegment(c, first: first, length: length) { continue }
                        for e in [next(c), previous(c)] {
                            if isInSegment(e, first: first, length: length) { continue }
                            if (c == before && e == after) || (c == after && e == before) { continue }
                            // Insert between c and e with `end` next to c.
                            let other = end == first ? last : first
                            let added = d(c, end) + d(other, e) - d(c, e)
                            if added < removeGain {
                                moveSegment(first: first, length: length, between: c, and: e, endAtC: end)
                                for v in [before, after, c, e, first, last] { activate(v) }
                                return true
                            }
                        }
                    }
                }
            }
        }
        return false
    }

    private func isInSegment(_ v: Int, first: Int, length: Int) -> Bool {
        var offset = position[v] - position[first]
        if offset < 0 { offset += n }
        return offset < length
    }

    /// Rebuilds the tour with the segment removed and reinserted between the adjacent nodes c
    /// and e, `endAtC` next to c. O(n), fine at exact-solver sizes.
    private mutating func moveSegment(first: Int, length: Int, between c: Int, and e: Int, endAtC: Int) {
        var segment: [Int] = []
        var v = first
        for _ in 0..<length {
            segment.append(v)
            v = next(v)
        }
        if segment.first != endAtC { segment.reverse() }  // segment[0] goes next to c
        var rest: [Int] = []
        rest.reserveCapacity(n)
        // Walk the tour from the node after the segment back round to the node before it.
        var w = first
        for _ in 0..<length { w = next(w) }
        for _ in 0..<(n - length) {
            rest.append(w)
            w = next(w)
        }
        var result: [Int] = []
        result.reserveCapacity(n)
        for (index, node) in rest.enumerated() {
            result.append(node)
            let following = rest[index + 1 == rest.count ? 0 : index + 1]
            if node == c && following == e {
                result.append(contentsOf: segment)
            } else if node == e && following == c {
                result.append(contentsOf: segment.reversed())
            }
        }
        tour = result
        for (p, node) in tour.enumerated() { position[node] = p }
    }

    /// Double-bridge on three nearby segments: A B C D → A C B D.
    private mutating func doubleBridge(_ random: inout ExactSearchRandom) {
        let span = max(3, min(n - 1, 30))
        let start = Int(random.next() % UInt64(n))
        var cuts = Set<Int>()
        while cuts.count < 3 { cuts.insert(1 + Int(random.next() % UInt64(span - 1))) }
        let sorted = cuts.sorted()
        let rotated = Array(tour[start...] + tour[..<start])
        let a = rotated[0..<sorted[0]], b = rotated[sorted[0]..<sorted[1]]
        let c = rotated[sorted[1]..<sorted[2]], rest = rotated[sorted[2]...]
        tour = Array(a + c + b + rest)
        for (p, v) in tour.enumerated() { position[v] = p }
        for v in [rotated[0], rotated[sorted[0] - 1], rotated[sorted[0]], rotated[sorted[1] - 1],
                  rotated[sorted[1]], rotated[sorted[2] - 1], rotated[sorted[2] % n], rotated[n - 1]] {
            activate(v)
        }
    }
}

/// SplitMix64 (Steele, Lea & Flood 2014): a tiny seedable generator for the kicks.
struct ExactSearchRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
