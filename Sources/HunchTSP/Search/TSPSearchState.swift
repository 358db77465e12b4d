import Foundation
import HunchCore

/// The TSP working solution for local search: an array tour with a position index, or from
/// `linkedListMinNodes` nodes on a two-level list (`TwoLevelList`), where a reversal is O(√n)
/// instead of O(n).
///
/// Every change is a reversal of a tour segment (a 2-opt move); Or-opt moves and double bridges
/// are sequences of them. Reversals are logged during a trial, so a rejected trial is undone by
/// replaying its log backwards — no copy of the tour per step. The tour length is kept by deltas.
/// Don't-look bits are a FIFO queue of nodes whose neighbourhood may hold an improving move.
public final class TSPSearchState: SearchState {
    public let instance: TSPInstance
    public let candidates: CandidateLists
    let n: Int
    /// `tour[p]` is the node at position p; `position[v]` is where node v sits (one-element
    /// placeholders when `list` holds the tour).
    var tour: [Int32]
    var position: [Int32]
    /// The tour as a two-level list, from `linkedListMinNodes` nodes, and the pointers it is
    /// read through.
    let list: TwoLevelList?
    let links: TwoLevelLinks?
    /// The smallest tour kept in a two-level list rather than an array.
    static let linkedListMinNodes = 10_000
    /// The environment's choice (`HUNCH_TSP_TOUR=array|linked`) is for paired measurements.
    static let tourFromEnvironment = ProcessInfo.processInfo.environment["HUNCH_TSP_TOUR"]
    /// Current tour length.
    public internal(set) var length: Int

    // Trial log: reversed position ranges (pairs) for the array; for the list, the nodes p, a, b, q
    // of each reversed path a … b with its outer neighbours p and q.
    var log: [Int32] = []
    var logging = false
    private var lengthAtTrialStart = 0

    // Scratch of the Lin–Kernighan chain: edges it added (pairs) and nodes it touched.
    var chainAdded: [Int] = []
    var chainNodes: [Int] = []

    // Best tour, kept apart only when the acceptance rule may leave it.
    private var bestTour: [Int32] = []
    private var bestLength = 0
    /// The saved best tour's successors (empty until the first save), for the restricted search.
    private var bestSuccessor: [Int32] = []
    /// LKH's restricted search (`RESTRICTED_SEARCH`, on by default there too): the first edge a
    /// 5-opt move removes must not belong to the saved best tour, so that the search starts only
    /// where the last kick and the moves since left it (Helsgaun 2006, LKH-2 user guide). Twice
    /// the steps per second on TSPLIB instances of 1,000–6,000 nodes; `HUNCH_TSP_RESTRICTED=0`
    /// turns it off for paired runs.
    static let restrictedSearch = ProcessInfo.processInfo.environment["HUNCH_TSP_RESTRICTED"] != "0"
    var restricted = TSPSearchState.restrictedSearch

    // Don't-look bits as a queue of active nodes.
    private var queue: [Int32]
    private var queueHead = 0
    private var queueCount = 0
    private var queued: [Bool]

    /// Neighbours tried per node by 2-opt and by Or-opt.
    let twoOptBreadth: Int
    let orOptBreadth: Int
    /// True when every candidate list is ordered nearest first (k-nearest lists), so that a scan
    /// may stop at the first candidate too far to gain; α-nearness lists are not.
    let nearestFirst: Bool
    /// The move the descent adds after 2-opt and short Or-opt find nothing.
    enum Descent: String {
        /// Nothing more (`HUNCH_TSP_DESCENT=classic`).
        case classic
        /// The Or-3opt chain (`TSPSearchState+OrOpt.swift`, `HUNCH_TSP_DESCENT=or3opt`; the
        /// default above `fiveOptMaxNodes`).
        case orThreeOpt = "or3opt"
        /// LKH's 5-opt basis move, chained (`TSPSearchState+KOpt.swift`, the default up to
        /// `fiveOptMaxNodes`).
        case fiveOpt = "5opt"
    }
    var descent: Descent
    /// The environment's choice is for paired measurements of the moves against each other.
    static let descentFromEnvironment = ProcessInfo.processInfo.environment["HUNCH_TSP_DESCENT"].flatMap(Descent.init(rawValue:))
    /// The largest tour the 5-opt move is the default for. On fnl4461 and pcb3038 it was ahead of
    /// the Or-3opt chain (0.068 against 0.100 %, 0.054 against 0.066 % at 20 s); on random
    /// uniform instances of 20,000–50,000 nodes the Or-3opt chain makes 5–16 times the steps
    /// and ends shorter. (Its first measurements on rl11849, 35 times fewer steps, came from the
    /// 10-nearest lists the search got before `ComponentBridges`: the search grows as (2k)⁵.)
    static let fiveOptMaxNodes = 8000

    static func defaultDescent(nodes n: Int) -> Descent {
        descentFromEnvironment ?? (n <= fiveOptMaxNodes ? .fiveOpt : .orThreeOpt)
    }
    /// Counted move evaluations (the work unit reported to the engine).
    public internal(set) var evaluations = 0
    /// Counted node swaps of tour reversals; reported as work at `swapsPerWorkUnit` per unit.
    private(set) var swaps = 0

    public static let operators = [
        "double-bridge", "segment-reversal", "or-kick", "double-bridge-wide", "double-bridge-lk",
    ]

    /// Work charged for a step beyond its evaluations and swaps: the engine's own per-step cost
    /// (features, policy, trial bookkeeping, clock), so that a learned policy does not take very
    /// cheap operators for free ones. Measured: about 3 µs a step, against about 40 ns per move
    /// evaluation (`hunch train tsp --validate` with single-operator policies, release build).
    static let stepOverhead = 60
    /// Node swaps per work unit: a swap is a sequential write pair, about 6–8 ns against ~40 ns for
    /// a move evaluation (random distance lookups). Charging swaps at full rate made the wide
    /// double bridge look three times dearer per second than it is, and taught the policy to
    /// avoid it.
    static let swapsPerWorkUnit = 6

    /// Work done so far, in evaluation-equivalents.
    @inline(__always) private var work: Int {
        evaluations + (swaps + (list?.touched ?? 0)) / TSPSearchState.swapsPerWorkUnit
    }

    /// Starts from `tour`, a permutation of 0..<dimension. `linkedList` overrides the choice of
    /// representation (tests; a list needs at least 8 nodes).
    public init(instance: TSPInstance, candidates: CandidateLists, tour start: [Int], linkedList: Bool? = nil) {
        precondition(start.count == instance.dimension)
        self.instance = instance
        self.candidates = candidates
        n = instance.dimension
        let linked = n >= 8 && (linkedList ?? TSPSearchState.tourFromEnvironment.map { $0 == "linked" }
            ?? (n >= TSPSearchState.linkedListMinNodes))
        if linked {
            let list = TwoLevelList(tour: start)
            self.list = list
            links = list.links
            tour = [0]
            position = [0]
        } else {
            list = nil
            links = nil
            tour = start.map { Int32($0) }
            position = [Int32](repeating: 0, count: n)
            for (p, v) in start.enumerated() { position[v] = Int32(p) }
        }
        length = instance.tourLength(start)
        queue = [Int32](repeating: 0, count: max(1, n))
        queued = [Bool](repeating: false, count: n)
        twoOptBreadth = min(candidates.k, 10)
        orOptBreadth = min(candidates.k, 6)
        descent = TSPSearchState.defaultDescent(nodes: n)
        var sorted = true
        for i in 0..<candidates.count where sorted {
            for r in stride(from: 1, to: candidates.k, by: 1)
            where candidates.distances[i * candidates.k + r] < candidates.distances[i * candidates.k + r - 1] {
                sorted = false
                break
            }
        }
        nearestFirst = sorted
    }

    /// The current tour as 0-based node indices.
    public var currentTour: [Int] {
        guard let list else { return tour.map { Int($0) } }
        var order = [Int32](repeating: 0, count: n)
        order.withUnsafeMutableBufferPointer { list.write(to: $0.baseAddress!) }
        return order.map { Int($0) }
    }

    // MARK: SearchState

    public var objective: Double { Double(length) }
    public var operatorNames: [String] { TSPSearchState.operators }
    public var problemFeatureCount: Int { 2 }
    /// Length of the policy's feature vector for TSP (engine features + the 2 above).
    public static let featureCount = SearchFeatures.engineFeatureCount(operatorCount: operators.count) + 2

    /// Size as log₁₀(n) − 3, clamped to ±2: −0.8 … +0.7 over the 150–5,000 nodes training covers.
    /// (log₁₀(n)/5 spanned only 0.46 … 0.74 there, too little for a linear policy to tell a
    /// 200-node instance from a 5,000-node one.) Then 1 for instances under 200 nodes.
    public func writeProblemFeatures(to buffer: UnsafeMutableBufferPointer<Double>) {
        buffer[0] = min(2, max(-2, log10(Double(max(n, 1))) - 3))
        buffer[1] = n < 200 ? 1 : 0
    }

    public func descend(stop: StopCondition) -> Int {
        let before = work
        if n <= 3 { return 0 }
        for v in 0..<n { push(v) }
        runQueue(stop: stop)
        return work - before
    }

    public func beginTrial() {
        log.removeAll(keepingCapacity: true)
        logging = true
        lengthAtTrialStart = length
    }

    public func apply(action: Int, rng: inout SeededGenerator, stop: StopCondition) -> Int {
        let before = work
        guard n >= 8 else {
            // Too small for kicks: a random reversal and a descent still explore.
            if n > 3 { randomSegmentReversal(&rng) }
            runQueue(stop: stop)
            return work - before + TSPSearchState.stepOverhead
        }
        switch action {
        case 0: doubleBridge(&rng, maxSegment: min(50, max(1, n / 8)))
        case 1: randomSegmentReversal(&rng)
        case 2: orKick(&rng)
        case 3: doubleBridge(&rng, maxSegment: max(1, n / 3))
        default:
            doubleBridge(&rng, maxSegment: min(50, max(1, n / 8)))
            runQueue(stop: stop, deep: true)
            return work - before + TSPSearchState.stepOverhead
        }
        runQueue(stop: stop)
        return work - before + TSPSearchState.stepOverhead
    }

    public func commitTrial() { logging = false }

    public func rollbackTrial() {
        logging = false
        undoReversals(downTo: 0)
        length = lengthAtTrialStart
        clearQueue()
    }

    // Element-wise copies into a buffer kept for the whole search: assigning the arrays would
    // share storage and make the next reversal copy (and allocate) the whole tour.
    public func saveBest() {
        if bestTour.count != n { bestTour = [Int32](repeating: 0, count: n) }
        if let list {
            bestTour.withUnsafeMutableBufferPointer { list.write(to: $0.baseAddress!) }
        } else {
            for p in 0..<n { bestTour[p] = tour[p] }
        }
        if restricted {
            if bestSuccessor.count != n { bestSuccessor = [Int32](repeating: 0, count: n) }
            for p in 0..<n { bestSuccessor[Int(bestTour[p])] = bestTour[p + 1 == n ? 0 : p + 1] }
        }
        bestLength = length
    }

    public func restoreBest() {
        guard bestTour.count == n else { return }
        if let list {
            bestTour.withUnsafeBufferPointer { list.load($0.baseAddress!) }
            length = bestLength
            return
        }
        for p in 0..<n {
            let v = bestTour[p]
            tour[p] = v
            position[Int(v)] = Int32(p)
        }
        length = bestLength
    }

    // MARK: Tour primitives

    @inline(__always) func d(_ a: Int, _ b: Int) -> Int { instance.distance(a, b) }
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
    /// Whether {a, b} is an edge of the saved best tour (false before the first save).
    @inline(__always) func inBestTour(_ a: Int, _ b: Int) -> Bool {
        bestSuccessor.count == n && (Int(bestSuccessor[a]) == b || Int(bestSuccessor[b]) == a)
    }

    /// A key that increases along the tour (wrapping once): the position, or the list's key.
    @inline(__always) func sequenceKey(_ v: Int) -> Int {
        if let links { return links.key(v) }
        return Int(position[v])
    }

    /// True when b lies on the path from a to c (inclusive), read forward or backward.
    @inline(__always)
    func between(_ a: Int, _ b: Int, _ c: Int, forward: Bool) -> Bool {
        let ka = sequenceKey(a), kb = sequenceKey(b), kc = sequenceKey(c)
        if forward { return ka <= kc ? (ka <= kb && kb <= kc) : (kb >= ka || kb <= kc) }
        return kc <= ka ? (kc <= kb && kb <= ka) : (kb <= ka || kb >= kc)
    }

    /// Reverses positions i…j inclusive, walking forward (wrapping past the end).
    @inline(__always)
    func reversePositions(_ i: Int, _ j: Int) {
        var count = j - i
        if count < 0 { count += n }
        count += 1
        var l = i, r = j
        swaps &+= count / 2
        tour.withUnsafeMutableBufferPointer { t in
            position.withUnsafeMutableBufferPointer { pos in
                for _ in 0..<(count / 2) {
                    let a = t[l], b = t[r]
                    t[l] = b; pos[Int(b)] = Int32(l)
                    t[r] = a; pos[Int(a)] = Int32(r)
                    l += 1; if l == n { l = 0 }
                    r -= 1; if r < 0 { r = n - 1 }
                }
            }
        }
    }

    /// Undoes logged reversals, newest first, until the log has `count` entries (a rolled-back
    /// trial, or the links of a Lin–Kernighan chain that did not pay).
    func undoReversals(downTo count: Int) {
        if let list {
            // Each entry is undone by the 2-opt move that restores {p, a} and {b, q}, whichever
            // side the reversal turned.
            var i = log.count - 4
            while i >= count {
                let p = Int(log[i]), a = Int(log[i + 1]), b = Int(log[i + 2]), q = Int(log[i + 3])
                if list.succ(p) == b { list.reversePath(from: b, to: a) } else { list.reversePath(from: p, to: q) }
                i -= 4
            }
            log.removeLast(log.count - count)
            return
        }
        var i = log.count - 2
        while i >= count {
            reversePositions(Int(log[i]), Int(log[i + 1]))
            i -= 2
        }
        log.removeLast(log.count - count)
    }

    /// Reverses the path from node a forward to node b — or, when shorter, the rest of the tour,
    /// which gives the same cycle traversed the other way.
    private func reversePath(from a: Int, to b: Int) {
        if let list {
            let p = list.pred(a), q = list.succ(b)
            if list.reversePath(from: a, to: b), logging {
                log.append(Int32(p)); log.append(Int32(a)); log.append(Int32(b)); log.append(Int32(q))
            }
            return
        }
        let i = Int(position[a]), j = Int(position[b])
        var inner = j - i
        if inner < 0 { inner += n }
        inner += 1
        var from = i, to = j
        if 2 * inner > n {
            if inner == n { return }
            from = j + 1 == n ? 0 : j + 1
            to = i == 0 ? n - 1 : i - 1
        }
        reversePositions(from, to)
        if logging {
            log.append(Int32(from))
            log.append(Int32(to))
        }
    }

    /// Removes edges {x1,x2} and {y1,y2} and adds {x1,y1} and {x2,y2}. Valid when the tour runs
    /// x1→x2 … y1→y2 in one of its two directions (a 2-opt move).
    func exchange(_ x1: Int, _ x2: Int, _ y1: Int, _ y2: Int) {
        if succ(x1) == x2 {
            reversePath(from: x2, to: y1)
        } else {
            reversePath(from: x1, to: y2)
        }
    }

    // MARK: Don't-look bits

    @inline(__always) func push(_ v: Int) {
        if queued[v] { return }
        queued[v] = true
        var tail = queueHead + queueCount
        if tail >= n { tail -= n }
        queue[tail] = Int32(v)
        queueCount += 1
    }

    @inline(__always) private func pop() -> Int {
        let v = Int(queue[queueHead])
        queueHead += 1
        if queueHead == n { queueHead = 0 }
        queueCount -= 1
        queued[v] = false
        return v
    }

    private func clearQueue() {
        while queueCount > 0 { _ = pop() }
        queueHead = 0
    }

    /// Descends from the queued nodes; `deep` adds Lin–Kernighan chains where 2-opt and Or-opt
    /// find nothing.
    private func runQueue(stop: StopCondition, deep: Bool = false) {
        // The clock is read every 256 nodes, or sooner once 20,000 moves were evaluated: one
        // 5-opt search can evaluate thousands, and a 0.5 s limit on 5,000 nodes must hold.
        var sinceCheck = 0
        var evaluationsAtCheck = evaluations
        while queueCount > 0 {
            let v = pop()
            while improve(from: v) || deeperMove(from: v) || (deep && linKernighan(from: v)) {}
            sinceCheck += 1
            if sinceCheck == 256 || evaluations - evaluationsAtCheck > 20_000 {
                sinceCheck = 0
                evaluationsAtCheck = evaluations
                if stop.timeIsUp() { clearQueue(); return }
            }
        }
    }

    @inline(__always) private func deeperMove(from v: Int) -> Bool {
        switch descent {
        case .classic: return false
        case .orThreeOpt: return orOpt(from: v)
        case .fiveOpt: return kOpt(from: v)
        }
    }

    // MARK: Neighbourhoods

    /// Applies the best improving 2-opt or Or-opt move around node `a`; false if none.
    private func improve(from a: Int) -> Bool {
        if n <= 4 { return false }
        var bestGain = 0
        var kind = 0  // 1: 2-opt, 2: Or-opt
        var m0 = 0, m1 = 0, m2 = 0, m3 = 0
        var orReversed = false

        // 2-opt: new edge {a,c} for a neighbour c of a, in both tour directions.
        let k = twoOptBreadth
        let base = a * candidates.k
        for direction in 0..<2 {
            let b = direction == 0 ? succ(a) : pred(a)
            let dab = d(a, b)
            for r in 0..<k {
                let c = Int(candidates.neighbours[base + r])
                let g1 = dab - Int(candidates.distances[base + r])
                if g1 <= 0 { if nearestFirst { break } else { continue } }
                let dd = direction == 0 ? succ(c) : pred(c)
                if c == b || dd == a { continue }
                evaluations += 1
                let gain = g1 + d(c, dd) - d(b, dd)
                if gain > bestGain {
                    bestGain = gain; kind = 1
                    m0 = a; m1 = b; m2 = c; m3 = dd
                }
            }
        }

        // Or-opt: move a segment of 1–3 nodes that starts or ends at a, possibly reversed,
        // next to a neighbour of one of its ends.
        if n >= 8 {
            for segLength in 1...3 {
                for anchor in 0..<2 {
                    // Segment s1…se in forward order containing a at one end.
                    var s1 = a, se = a
                    if anchor == 0 { for _ in 1..<segLength { se = succ(se) } }
                    else { if segLength == 1 { continue }; for _ in 1..<segLength { s1 = pred(s1) } }
                    let p = pred(s1), nx = succ(se)
                    let removeGain = d(p, s1) + d(se, nx) - d(p, nx)
                    if removeGain <= 0 { continue }
                    for end in 0..<2 {
                        let e = end == 0 ? s1 : se
                        let eb = e * candidates.k
                        for r in 0..<orOptBreadth {
                            let c = Int(candidates.neighbours[eb + r])
                            let dce = Int(candidates.distances[eb + r])
                            if dce >= removeGain { if nearestFirst { break } else { continue } }
                            if between(s1, c, se, forward: true) { continue }  // c inside the segment
                            // Two gaps next to c: (c, succ c) and (pred c, c).
                            for side in 0..<2 {
                                let u = side == 0 ? c : pred(c)
                                let v = side == 0 ? succ(c) : c
                                if u == se || v == s1 { continue }   // the segment's own edges
                                if u == nx || v == p { continue }    // degenerate: 2-opt covers it
                                // Which orientation puts e next to c.
                                // Forward (u s1…se v) links u–s1 and se–v; reversed links u–se and s1–v.
                                let forward = (e == s1) == (side == 0)
                                evaluations += 1
                                let add = forward ? d(u, s1) + d(se, v) - d(u, v)
                                                  : d(u, se) + d(s1, v) - d(u, v)
                                let gain = removeGain - add
                                if gain > bestGain {
                                    bestGain = gain; kind = 2
                                    m0 = s1; m1 = se; m2 = u; m3 = v
                                    orReversed = !forward
                                }
                            }
                        }
                    }
                }
            }
        }

        switch kind {
        case 1:
            // Remove {a,b},{c,d}; add {a,c},{b,d}.
            exchange(m0, m1, m2, m3)
            length -= bestGain
            push(m0); push(m1); push(m2); push(m3)
            return true
        case 2:
            let s1 = m0, se = m1, u = m2, v = m3
            let p = pred(s1), nx = succ(se)
            moveSegment(s1: s1, se: se, p: p, nx: nx, u: u, v: v, reversed: orReversed)
            length -= bestGain
            push(s1); push(se); push(p); push(nx); push(u); push(v)
            return true
        default:
            return false
        }
    }

    /// Moves segment s1…se (forward, between p and nx) into the gap u→v (v = succ u, both outside
    /// the segment, u ≠ nx, v ≠ p): three 2-opt moves, the last only for forward insertion.
    private func moveSegment(s1: Int, se: Int, p: Int, nx: Int, u: Int, v: Int, reversed: Bool) {
        // The gap must be read in the tour's current direction as seen from the segment.
        var gu = u, gv = v
        if succ(u) != v { swap(&gu, &gv) }
        exchange(p, s1, gu, gv)       // p–u, s1–v … now p u … nx se … s1 v
        exchange(p, gu, nx, se)       // p–nx, u–se: u se … s1 v (reversed insertion)
        let wantReversed = (gu == u) ? reversed : !reversed
        if !wantReversed {
            exchange(gu, se, s1, gv)  // u–s1, se–v: u s1 … se v
        }
    }

    // MARK: Perturbations

    /// Double bridge A B C D → A C B D on a random stretch: segments B and C have 1…maxSegment
    /// nodes (Martin, Otto & Felten 1991). Done as three reversals, so it can be logged and undone.
    private func doubleBridge(_ rng: inout SeededGenerator, maxSegment: Int) {
        let lb = 1 + rng.below(maxSegment)
        let lc = 1 + rng.below(maxSegment)
        guard lb + lc + 2 <= n else { randomSegmentReversal(&rng); return }
        let startPos = rng.below(n)
        let a1 = list == nil ? Int(tour[startPos]) : startPos
        let b0 = succ(a1)
        var b1 = b0
        for _ in 1..<lb { b1 = succ(b1) }
        let c0 = succ(b1)
        var c1 = c0
        for _ in 1..<lc { c1 = succ(c1) }
        let d0 = succ(c1)
        let delta = d(a1, c0) + d(c1, b0) + d(b1, d0) - d(a1, b0) - d(b1, c0) - d(c1, d0)
        exchange(a1, b0, c1, d0)   // a1 c1…c0 b1…b0 d0
        exchange(a1, c1, c0, b1)   // a1 c0…c1 b1…b0 d0
        exchange(c1, b1, b0, d0)   // a1 c0…c1 b0…b1 d0
        length += delta
        push(a1); push(b0); push(b1); push(c0); push(c1); push(d0)
    }

    /// A random 2-opt move between a node and one of its candidate neighbours.
    private func randomSegmentReversal(_ rng: inout SeededGenerator) {
        let a = rng.below(n)
        let b = succ(a)
        let c = candidates.k > 0 ? candidates.neighbour(a, rng.below(candidates.k)) : rng.below(n)
        let dd = succ(c)
        if c == a || c == b || dd == a { return }
        length += d(a, c) + d(b, dd) - d(a, b) - d(c, dd)
        exchange(a, b, c, dd)
        push(a); push(b); push(c); push(dd)
    }

    /// Moves a random segment of 1–3 nodes next to a random candidate neighbour.
    private func orKick(_ rng: inout SeededGenerator) {
        let segLength = 1 + rng.below(3)
        let s1 = rng.below(n)
        var se = s1
        for _ in 1..<segLength { se = succ(se) }
        let p = pred(s1), nx = succ(se)
        let c = candidates.k > 0 ? candidates.neighbour(s1, rng.below(candidates.k)) : rng.below(n)
        if between(s1, c, se, forward: true) { return }
        let u = c, v = succ(c)
        if u == se || v == s1 || u == nx || v == p { return }
        let reversed = rng.below(2) == 0
        let add = reversed ? d(u, se) + d(s1, v) : d(u, s1) + d(se, v)
        length += add - d(u, v) + d(p, nx) - d(p, s1) - d(se, nx)
        moveSegment(s1: s1, se: se, p: p, nx: nx, u: u, v: v, reversed: reversed)
        push(s1); push(se); push(p); push(nx); push(u); push(v)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
