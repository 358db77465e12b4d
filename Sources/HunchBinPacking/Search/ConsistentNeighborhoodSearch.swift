import HunchCore

/// Tries to pack the pool into the open bins plus two new ones: the consistent neighbourhood
/// search of Buljubašić & Vasquez (2016). The caller empties three bins, so success saves one.
/// Holding two bins back keeps several items in the pool: with a single spare item, exchanges
/// only relabel it and the search stalls (measured on the triplets).
///
/// The bins stay feasible at all times (a *consistent* partial packing); the pool holds what does
/// not fit. Two phases alternate until the pool is empty or the budget ends:
/// - **pack-set descent**: for each bin, the subset of its items and the pool's with the largest
///   total within capacity (a subset sum, `SubsetSumPacker`) replaces its content when it is
///   fuller. Each such move strictly lightens the pool, so the descent ends.
/// - **tabu search** over exchanges of 0–2 bin items with 1–2 pool items (the 0-1, 1-1, 1-2,
///   2-1, 2-2 swaps), ranked lexicographically: lighter pool first, then more pool items (small
///   items are easier to fit later). The best non-tabu exchange is taken even when it makes the
///   pool heavier; the items it moved may not go back into / out of that bin for a few
///   iterations, unless the pool becomes lighter than ever (aspiration).
///
/// When the pool never fits, the search returns to the lightest pool it saw (inside a trial, by
/// undoing the logged moves) and leaves it to the caller (`BinPackingSearchState` packs it into
/// new bins; the bins this search filled are kept, so a later call can resume from them).
enum ConsistentNeighborhoodSearch {
    /// Tabu iterations between two pack-set descents.
    static let descentPeriod = 8
    /// Full bins scanned per iteration, on average, when there are many (their exchanges never
    /// lighten the pool; sampling them made each iteration several times cheaper on t501: all
    /// 20 t501 at 10 s, 17 with 24, 6 of 10 without sampling).
    static let fullBinSample = 12

    struct Move {
        var bin = -1
        var out1 = -1, out2 = -1
        var in1 = -1, in2 = -1
        /// Pool weight change (lower is better), then pool count change (higher is better).
        var weightDelta = Int.max
        var countDelta = Int.min
        var ties = 0
    }

    /// Runs up to `maxIterations` tabu iterations; returns the work spent (exchange evaluations
    /// plus subset-sum steps).
    static func run(_ s: BinPackingSearchState, maxIterations: Int, rng: inout SeededGenerator,
                    stop: StopCondition) -> Int {
        var work = s.insertPoolIntoOpenBins()
        guard s.poolCount > 0, s.activeCount > 0 else { return work }
        var bestPoolWeight = s.poolWeight
        // The lightest pool seen, to return to if the pool never fits (inside a trial only).
        var bestMark = s.logMark
        var iterations = 0
        while s.poolCount > 0 && iterations < maxIterations {
            if iterations % descentPeriod == 0 {
                work += packSetDescent(s)
                work += s.insertPoolIntoOpenBins()
                if s.poolCount == 0 { break }
            }
            let (done, spent) = s.subsetSum.packPoolIntoTwoBins(s)
            work += spent
            if done { break }
            iterations += 1
            s.iteration += 1
            if s.poolWeight < bestPoolWeight {
                bestPoolWeight = s.poolWeight
                bestMark = s.logMark
            }
            let poolCap = max(8, s.poolCount + 2)
            var best = Move()
            let sampleFull = s.activeCount > 2 * fullBinSample
            for p in 0..<s.activeCount {
                let bin = s.slots[p]
                let slack = s.capacity - s.load[bin]
                // No exchange in this bin lightens the pool by more than its slack.
                if best.bin >= 0 && -slack > best.weightDelta { continue }
                // Full bins offer only sideways exchanges: a random sample of them is enough.
                if slack == 0 && sampleFull && rng.below(s.activeCount) >= fullBinSample { continue }
                work += scan(s, bin: bin, best: &best, bestPoolWeight: bestPoolWeight,
                             poolCap: poolCap, rng: &rng)
            }
            guard best.bin >= 0 else { break }
            PoolSearch.apply(s, PoolSearch.Move(bin: best.bin, out1: best.out1, out2: best.out2,
                                                in1: best.in1, in2: best.in2))
            let until = s.iteration + s.tabuTenure + rng.below(s.tabuTenure + 1)
            PoolSearch.markTabu(s, best.out1, best.bin, until)
            PoolSearch.markTabu(s, best.out2, best.bin, until)
            PoolSearch.markTabu(s, best.in1, best.bin, until)
            PoolSearch.markTabu(s, best.in2, best.bin, until)
            if iterations & 7 == 0 && stop.timeIsUp() { break }
        }
        if s.poolCount > 0 && s.poolWeight > bestPoolWeight, let mark = bestMark {
            s.undoMoves(toLogLength: mark)
        }
        return work
    }

    /// Refills each bin with the fullest subset of its items and the pool's, until no bin gets
    /// fuller. Returns the work spent.
    static func packSetDescent(_ s: BinPackingSearchState) -> Int {
        var work = 0
        var improved = true
        while improved && s.poolCount > 0 {
            improved = false
            var p = 0
            while p < s.activeCount && s.poolCount > 0 {
                let bin = s.slots[p]
                let (gained, spent) = s.subsetSum.repack(s, bin: bin)
                work += spent
                if gained { improved = true }
                p += 1
            }
        }
        return work
    }

    /// Offers `bin`'s exchanges to the running best; returns the exchanges evaluated.
    @inline(__always)
    static func scan(_ s: BinPackingSearchState, bin: Int, best: inout Move, bestPoolWeight: Int,
                     poolCap: Int, rng: inout SeededGenerator) -> Int {
        let slack = s.capacity - s.load[bin]
        let p = s.poolCount
        let k = s.gatherItems(of: bin)
        let w = s.weight
        let iteration = s.iteration
        let poolWeight = s.poolWeight
        var evaluated = 0

        @inline(__always)
        func isTabu(_ i: Int) -> Bool { s.tabuBin[i] == bin && s.tabuUntil[i] > iteration }

        /// `added`: weight entering the bin minus weight leaving it (the pool's loss).
        @inline(__always)
        func offer(_ added: Int, _ countDelta: Int, _ o1: Int, _ o2: Int, _ i1: Int, _ i2: Int) {
            guard added <= slack else { return }
            let weightDelta = -added
            if weightDelta > best.weightDelta || (weightDelta == best.weightDelta && countDelta < best.countDelta) {
                return
            }
            let tabu = (o1 >= 0 && isTabu(o1)) || (o2 >= 0 && isTabu(o2)) || isTabu(i1) || (i2 >= 0 && isTabu(i2))
            if tabu && poolWeight + weightDelta >= bestPoolWeight { return }
            if weightDelta == best.weightDelta && countDelta == best.countDelta {
                best.ties += 1
                if rng.below(best.ties) != 0 { return }
            } else {
                best.ties = 1
            }
            best = Move(bin: bin, out1: o1, out2: o2, in1: i1, in2: i2, weightDelta: weightDelta,
                        countDelta: countDelta, ties: best.ties)
        }

        // 0-1 and 0-2: pool items into the bin's slack (rare after best-fit insertion).
        for j in 0..<p {
            let pj = s.pool[j], wj = w[pj]
            guard wj <= slack else { continue }
            evaluated += 1
            offer(wj, -1, -1, -1, pj, -1)
        }
        for a in 0..<k {
            let x = s.scratch[a], wx = w[x]
            for j in 0..<p {
                let pj = s.pool[j], wj = w[pj]
                evaluated += 1
                // 1-1 (a pure relabelling when the weights are equal)
                if wj != wx { offer(wj - wx, 0, x, -1, pj, -1) }
                // 1-2
                for l in (j + 1)..<max(j + 1, p) {
                    let pl = s.pool[l]
                    evaluated += 1
                    offer(wj + w[pl] - wx, -1, x, -1, pj, pl)
                }
            }
            for b in (a + 1)..<max(a + 1, k) {
                let y = s.scratch[b], wy = w[y], wxy = wx + wy
                for j in 0..<p {
                    let pj = s.pool[j], wj = w[pj]
                    evaluated += 1
                    // 2-1 (the pool grows by one item; capped so that it cannot balloon)
                    if p < poolCap { offer(wj - wxy, 1, x, y, pj, -1) }
                    // 2-2
                    for l in (j + 1)..<max(j + 1, p) {
                        let pl = s.pool[l], wl = w[pl]
                        evaluated += 1
                        let same = (wj == wx && wl == wy) || (wj == wy && wl == wx)
                        if !same { offer(wj + wl - wxy, 0, x, y, pj, pl) }
                    }
                }
            }
        }
        return evaluated
    }
}
