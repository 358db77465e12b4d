import HunchCore

/// The working packing of one bin-packing search, with the operators the policy chooses from.
///
/// **Representation** (flat arrays, nothing allocated per move): bins are slots `0..<n`, each a
/// doubly linked list of its items (`head`, `nextItem`, `prevItem`), with its load and item
/// count. `slots[0..<activeCount]` are the non-empty bins (`slotPosition` inverts it), the rest
/// are free. Items being repacked wait in a *pool* (`binOf == -1`).
///
/// **Objective** (minimised): `bins − Σ(load/C)² / bins`. The second term lies in (0, 1], so one
/// bin fewer always wins, and among packings with as many bins the one with fuller and emptier
/// bins (larger Σ load²) wins: moves that concentrate items make progress towards emptying a bin
/// (Falkenauer 1996's fitness). Σ load² is kept exactly (Int128) by deltas.
///
/// **Operators**: each dissolves one or more bins into the pool and runs `PoolSearch`, a tabu
/// search over swaps between bins and the pool (Fleszar & Hindi 2002's MBS idea of refilling bins
/// from a set of free items; Levine & Ducatelle 2004's 1-1, 1-2, 2-1, 2-2 exchanges; Buljubašić &
/// Vasquez 2016's pool of unpacked items with tabu moves). Whatever stays in the pool is packed
/// by best fit decreasing, in new bins if need be. The `consistent-…` operators are the long,
/// strong ones: they empty three bins (the least filled one, then the next two least filled or
/// two random light ones) and run `ConsistentNeighborhoodSearch` (tabu exchanges plus subset-sum
/// refills) until the items fit into the other bins plus two. What never fits goes to new bins,
/// from the lightest pool the search saw; those bins are then the least filled ones, so the
/// next application resumes the same attempt.
///
/// Every item move is logged during a trial; `rollbackTrial` replays the log backwards.
public final class BinPackingSearchState: SearchState {
    public static let operators = ["empty-least-filled", "empty-two-bins", "consistent-least-filled",
                                   "consistent-random-bins"]
    /// Work charged per step beyond the evaluations, for the engine's own per-step cost.
    static let stepOverhead = 50
    public static let featureCount = SearchFeatures.engineFeatureCount(operatorCount: operators.count) + 3

    let n: Int
    let capacity: Int
    let weight: [Int]
    let totalWeight: Int
    /// A lower bound on the bin count (features; the solver stops there).
    public let lowerBound: Int

    var binOf: [Int]
    var nextItem: [Int]
    var prevItem: [Int]
    var head: [Int]
    var load: [Int]
    var itemCount: [Int]
    var slots: [Int]
    var slotPosition: [Int]
    public private(set) var activeCount = 0
    var pool: [Int]
    var poolPosition: [Int]
    var poolCount = 0
    var poolWeight = 0
    var sumSquares: Int128 = 0

    var log: [Int] = []
    var logging = false
    var bestBinOf: [Int] = []
    var hasBest = false

    /// Tabu memory of the pool search: item i may not enter / leave bin `tabuBin[i]` before
    /// iteration `tabuUntil[i]`.
    var tabuBin: [Int]
    var tabuUntil: [Int]
    var iteration = 0
    /// Pool-search iterations per open bin in one operator application.
    public var poolIterationsPerBin = 0
    /// Minimum tabu tenure (iterations); the tenure is drawn from tenure…2·tenure.
    public var tabuTenure = 8
    /// Scratch for one bin's items.
    var scratch: [Int]
    /// Buffers of the pack-set move (`ConsistentNeighborhoodSearch`).
    let subsetSum = SubsetSumPacker()
    /// Tabu iterations of one `consistent-…` application.
    public var consistentIterations = 100

    public var operatorNames: [String] { Self.operators }
    public var problemFeatureCount: Int { 3 }
    private var startBinCount = 0

    /// A state holding `solution`, which must be a valid packing of `instance`.
    public init(instance: BinPackingInstance, solution: BinPackingSolution, lowerBound: Int? = nil) {
        n = instance.weights.count
        capacity = max(1, instance.capacity)
        weight = instance.weights
        totalWeight = instance.totalWeight
        self.lowerBound = lowerBound ?? BinPackingLowerBound.compute(instance)
        binOf = [Int](repeating: -1, count: n)
        nextItem = [Int](repeating: -1, count: n)
        prevItem = [Int](repeating: -1, count: n)
        let slotCount = max(1, n)
        head = [Int](repeating: -1, count: slotCount)
        load = [Int](repeating: 0, count: slotCount)
        itemCount = [Int](repeating: 0, count: slotCount)
        slots = Array(0..<slotCount)
        slotPosition = Array(0..<slotCount)
        pool = [Int](repeating: -1, count: max(1, n))
        poolPosition = [Int](repeating: -1, count: max(1, n))
        tabuBin = [Int](repeating: -1, count: n)
        tabuUntil = [Int](repeating: 0, count: n)
        scratch = [Int](repeating: 0, count: max(1, n))
        log.reserveCapacity(4 * n)
        for i in 0..<n { addToPool(i) }
        for bin in solution.bins where !bin.isEmpty {
            let slot = slots[activeCount]
            for item in bin where item >= 0 && item < n && binOf[item] == -1 { place(item, in: slot) }
        }
        // Anything the solution missed (never for a valid one) gets bins of its own.
        packPoolIntoNewBins()
        startBinCount = activeCount
    }

    // MARK: - Reading the state

    public var binCount: Int { activeCount }

    public var objective: Double {
        guard activeCount > 0 else { return 0 }
        let c = Double(capacity)
        return Double(activeCount) - Double(sumSquares) / (c * c) / Double(activeCount)
    }

    /// The current packing (bins in slot order, items in list order).
    public var solution: BinPackingSolution {
        var bins: [[Int]] = []
        bins.reserveCapacity(activeCount)
        for p in 0..<activeCount {
            var items: [Int] = []
            var i = head[slots[p]]
            while i >= 0 { items.append(i); i = nextItem[i] }
            bins.append(items)
        }
        return BinPackingSolution(bins: bins)
    }

    /// Recomputes the objective from scratch (tests compare it with the maintained value).
    public func recomputedObjective() -> Double {
        var loads = [Int](repeating: 0, count: max(1, n))
        for i in 0..<n where binOf[i] >= 0 { loads[binOf[i]] += weight[i] }
        var sq: Int128 = 0
        var bins = 0
        for l in loads where l > 0 { sq += Int128(l) * Int128(l); bins += 1 }
        guard bins > 0 else { return 0 }
        let c = Double(capacity)
        return Double(bins) - Double(sq) / (c * c) / Double(bins)
    }

    public func writeProblemFeatures(to buffer: UnsafeMutableBufferPointer<Double>) {
        guard buffer.count >= 3 else { return }
        buffer[0] = log10(Double(max(n, 1))) / 4
        buffer[1] = n > 0 ? Double(totalWeight) / Double(n) / Double(capacity) : 0
        buffer[2] = min(1, Double(max(0, startBinCount - lowerBound)) / Double(max(1, lowerBound)) * 10)
    }

    // MARK: - Primitive moves (all changes go through these)

    @inline(__always)
    func addToPool(_ item: Int) {
        pool[poolCount] = item
        poolPosition[item] = poolCount
        poolCount += 1
        poolWeight += weight[item]
    }

    @inline(__always)
    func removeFromPool(_ item: Int) {
        let p = poolPosition[item]
        let last = pool[poolCount - 1]
        pool[p] = last
        poolPosition[last] = p
        poolCount -= 1
        poolPosition[item] = -1
        poolWeight -= weight[item]
    }

    @inline(__always)
    func setLoad(_ slot: Int, _ value: Int) {
        let old = Int128(load[slot]), new = Int128(value)
        sumSquares += new * new - old * old
        load[slot] = value
    }

    /// Moves `item` from the pool into bin `slot` (which may be empty: it becomes active).
    func place(_ item: Int, in slot: Int) {
        removeFromPool(item)
        if itemCount[slot] == 0 {
            // Activate: swap the slot into position activeCount.
            let p = slotPosition[slot], q = activeCount
            let other = slots[q]
            slots[q] = slot; slotPosition[slot] = q
            slots[p] = other; slotPosition[other] = p
            activeCount += 1
        }
        let h = head[slot]
        nextItem[item] = h
        prevItem[item] = -1
        if h >= 0 { prevItem[h] = item }
        head[slot] = item
        itemCount[slot] += 1
        setLoad(slot, load[slot] + weight[item])
        binOf[item] = slot
        if logging { log.append(item); log.append(-1) }
    }

    /// Moves `item` from its bin into the pool (an emptied bin becomes free).
    func unplace(_ item: Int) {
        let slot = binOf[item]
        let a = prevItem[item], b = nextItem[item]
        if a >= 0 { nextItem[a] = b } else { head[slot] = b }
        if b >= 0 { prevItem[b] = a }
        itemCount[slot] -= 1
        setLoad(slot, load[slot] - weight[item])
        if itemCount[slot] == 0 {
            let p = slotPosition[slot], q = activeCount - 1
            let other = slots[q]
            slots[q] = slot; slotPosition[slot] = q
            slots[p] = other; slotPosition[other] = p
            activeCount -= 1
        }
        binOf[item] = -1
        addToPool(item)
        if logging { log.append(item); log.append(slot) }
    }

    /// A free slot (an empty bin).
    @inline(__always)
    func freeSlot() -> Int { slots[activeCount] }

    // MARK: - Trials

    public func beginTrial() {
        log.removeAll(keepingCapacity: true)
        logging = true
    }

    public func commitTrial() {
        logging = false
        log.removeAll(keepingCapacity: true)
    }

    /// Copies the items of `bin` into `scratch` (no allocation); returns how many there are.
    @inline(__always)
    func gatherItems(of bin: Int) -> Int {
        var k = 0
        var item = head[bin]
        while item >= 0 { scratch[k] = item; k += 1; item = nextItem[item] }
        return k
    }

    public func rollbackTrial() {
        undoMoves(toLogLength: 0)
        logging = false
        log.removeAll(keepingCapacity: true)
    }

    /// Undoes the trial's moves made after the log had `mark` entries; the trial goes on.
    func undoMoves(toLogLength mark: Int) {
        guard logging, mark < log.count else { return }
        logging = false
        var k = log.count - 2
        while k >= mark {
            let item = log[k], from = log[k + 1]
            if from == -1 {
                unplace(item)
            } else {
                if binOf[item] >= 0 { unplace(item) }
                place(item, in: from)
            }
            k -= 2
        }
        log.removeSubrange(mark...)
        logging = true
    }

    /// Where `undoMoves(toLogLength:)` can return to; nil outside a trial.
    var logMark: Int? { logging ? log.count : nil }

    public func saveBest() {
        bestBinOf = binOf
        hasBest = true
    }

    public func restoreBest() {
        guard hasBest else { return }
        let wasLogging = logging
        logging = false
        for i in 0..<n where binOf[i] >= 0 { unplace(i) }
        for i in 0..<n where bestBinOf[i] >= 0 { place(i, in: bestBinOf[i]) }
        logging = wasLogging
    }

    // MARK: - Search

    /// The prior is the start; the operators do the work.
    public func descend(stop: StopCondition) -> Int { 0 }

    public func apply(action: Int, rng: inout SeededGenerator, stop: StopCondition) -> Int {
        guard activeCount > 1 else { return Self.stepOverhead }
        switch action {
        case 0:
            dissolve(leastFilledBin(rng: &rng))
        case 1:
            let first = leastFilledBin(rng: &rng)
            dissolve(first)
            if activeCount > 1 { dissolve(slots[rng.below(activeCount)]) }
        default:
            // Target one bin fewer: three bins' items must fit into the others plus two.
            // Attempts are short (`consistentIterations`): diversity comes from the next
            // attempt's other bins.
            dissolve(leastFilledBin(rng: &rng))
            for _ in 0..<2 where activeCount > 1 {
                dissolve(action == 2 ? leastFilledBin(rng: &rng) : tournamentBin(rng: &rng))
            }
            var work = ConsistentNeighborhoodSearch.run(self, maxIterations: consistentIterations, rng: &rng, stop: stop)
            work += packPool()
            return work + Self.stepOverhead
        }
        var work = PoolSearch.run(self, rng: &rng, stop: stop)
        work += packPool()
        return work + Self.stepOverhead
    }

    func dissolve(_ slot: Int) {
        while head[slot] >= 0 { unplace(head[slot]) }
    }

    /// The least loaded bin (ties at random).
    func leastFilledBin(rng: inout SeededGenerator) -> Int {
        var best = slots[0], ties = 1
        for p in 1..<activeCount {
            let s = slots[p]
            if load[s] < load[best] {
                best = s; ties = 1
            } else if load[s] == load[best] {
                ties += 1
                if rng.below(ties) == 0 { best = s }
            }
        }
        return best
    }

    /// The lighter of two random bins: random, biased towards emptier ones.
    func tournamentBin(rng: inout SeededGenerator) -> Int {
        let a = slots[rng.below(activeCount)], b = slots[rng.below(activeCount)]
        return load[a] <= load[b] ? a : b
    }

    /// Best fit decreasing of the pool into the open bins, then into new bins. Returns work.
    @discardableResult
    func packPool() -> Int {
        let work = insertPoolIntoOpenBins() + poolCount
        packPoolIntoNewBins()
        return work
    }

    /// The fullest open bin that still takes `w` (best fit), or −1 when none does.
    @inline(__always)
    func bestFitBin(weight w: Int) -> Int {
        var best = -1, bestLoad = -1
        for p in 0..<activeCount {
            let s = slots[p]
            let l = load[s]
            if l + w <= capacity && l > bestLoad { best = s; bestLoad = l }
        }
        return best
    }

    /// Best fit decreasing of the pool into open bins only; returns the evaluations spent.
    func insertPoolIntoOpenBins() -> Int {
        sortPoolDecreasing()
        var work = 0
        var k = 0
        while k < poolCount {
            let item = pool[k]
            let best = bestFitBin(weight: weight[item])
            work += activeCount
            if best >= 0 {
                place(item, in: best)
                sortPoolDecreasing()  // removal swapped the last item into k
            } else {
                k += 1
            }
        }
        return work
    }

    /// Best fit decreasing of what is left in the pool, opening bins as needed.
    func packPoolIntoNewBins() {
        sortPoolDecreasing()
        while poolCount > 0 {
            let item = pool[0]
            let best = bestFitBin(weight: weight[item])
            place(item, in: best >= 0 ? best : freeSlot())
            sortPoolDecreasing()
        }
    }

    /// Insertion sort of the (small) pool by decreasing weight, ties by index.
    func sortPoolDecreasing() {
        if poolCount < 2 { return }
        for a in 1..<poolCount {
            let item = pool[a]
            let w = weight[item]
            var b = a - 1
            while b >= 0 && (weight[pool[b]] < w || (weight[pool[b]] == w && pool[b] > item)) {
                pool[b + 1] = pool[b]; poolPosition[pool[b + 1]] = b + 1
                b -= 1
            }
            pool[b + 1] = item; poolPosition[item] = b + 1
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
