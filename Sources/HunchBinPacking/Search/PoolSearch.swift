import HunchCore

/// Refills the open bins from the pool of items that a dissolved bin left: a tabu search on the
/// pool's weight (the weight that still needs a bin).
///
/// Each iteration first packs whatever pool item fits into an open bin (best fit), then scans
/// every bin for the best exchange of 1–2 of its items with 1–2 pool items that keeps it within
/// capacity (the 1-1, 1-2, 2-1 and 2-2 swaps of Levine & Ducatelle 2004):
/// - an exchange that adds weight to the bin (the pool gets lighter) is taken at once; these
///   strictly decrease the pool weight, so they cannot cycle;
/// - otherwise the least-worsening exchange that changes the pool's make-up is taken as a kick,
///   and its items become tabu for that bin for a few iterations (Buljubašić & Vasquez 2016).
/// It stops when the pool is empty (a bin saved), after an iteration limit, or when the pool is
/// heavier than all free space (kicks cannot help then; only improving exchanges are made).
enum PoolSearch {
    struct Move {
        var bin = -1
        var out1 = -1, out2 = -1
        var in1 = -1, in2 = -1
        var gain = Int.min
        var ties = 0
    }

    static func run(_ s: BinPackingSearchState, rng: inout SeededGenerator, stop: StopCondition) -> Int {
        var work = 0
        let maxIterations = 20 + s.poolIterationsPerBin * s.activeCount
        var bestPoolWeight = s.poolWeight
        let poolCap = max(s.poolCount + 4, 8)
        var iterations = 0
        while s.poolCount > 0 && iterations < maxIterations {
            iterations += 1
            s.iteration += 1
            work += s.insertPoolIntoOpenBins()
            if s.poolCount == 0 { break }
            let freeSpace = s.activeCount * s.capacity - (s.totalWeight - s.poolWeight)
            let kicksAllowed = s.poolWeight <= freeSpace
            bestPoolWeight = min(bestPoolWeight, s.poolWeight)
            var improving = Move(), kick = Move()
            // Tabu exchanges may improve only when they beat the search's best pool weight.
            let aspiration = s.poolWeight - bestPoolWeight
            for p in 0..<s.activeCount {
                work += scan(s, bin: s.slots[p], improving: &improving, kick: &kick, aspiration: aspiration,
                             kicksAllowed: kicksAllowed, poolCap: poolCap, rng: &rng)
            }
            let chosen: Move
            if improving.bin >= 0 {
                chosen = improving
            } else if kicksAllowed && kick.bin >= 0 {
                chosen = kick
            } else {
                break
            }
            apply(s, chosen)
            // The exchanged items may not go back for a while (the move's reversal is tabu).
            let until = s.iteration + s.tabuTenure + rng.below(s.tabuTenure + 1)
            markTabu(s, chosen.out1, chosen.bin, until)
            markTabu(s, chosen.out2, chosen.bin, until)
            markTabu(s, chosen.in1, chosen.bin, until)
            markTabu(s, chosen.in2, chosen.bin, until)
            if iterations & 15 == 0 && stop.timeIsUp() { break }
        }
        return work
    }

    @inline(__always)
    static func markTabu(_ s: BinPackingSearchState, _ item: Int, _ bin: Int, _ until: Int) {
        guard item >= 0 else { return }
        s.tabuBin[item] = bin
        s.tabuUntil[item] = until
    }

    static func apply(_ s: BinPackingSearchState, _ m: Move) {
        if m.out1 >= 0 { s.unplace(m.out1) }
        if m.out2 >= 0 { s.unplace(m.out2) }
        if m.in1 >= 0 { s.place(m.in1, in: m.bin) }
        if m.in2 >= 0 { s.place(m.in2, in: m.bin) }
    }

    /// Offers `bin`'s exchanges to the two running bests; returns the exchanges evaluated.
    @inline(__always)
    static func scan(_ s: BinPackingSearchState, bin: Int, improving: inout Move, kick: inout Move,
                     aspiration: Int, kicksAllowed: Bool, poolCap: Int, rng: inout SeededGenerator) -> Int {
        let slack = s.capacity - s.load[bin]
        let p = s.poolCount
        let k = s.gatherItems(of: bin)
        let w = s.weight
        let iteration = s.iteration
        var evaluated = 0

        @inline(__always)
        func isTabu(_ i: Int) -> Bool { s.tabuBin[i] == bin && s.tabuUntil[i] > iteration }

        @inline(__always)
        func offer(_ g: Int, _ o1: Int, _ o2: Int, _ i1: Int, _ i2: Int) {
            let tabu = isTabu(o1) || (o2 >= 0 && isTabu(o2)) || isTabu(i1) || (i2 >= 0 && isTabu(i2))
            if g > 0 {
                guard g <= slack, g >= improving.gain, !tabu || g > aspiration else { return }
                if g > improving.gain { improving.ties = 0 }
                improving.ties += 1
                if improving.ties > 1 && rng.below(improving.ties) != 0 { return }
                improving = Move(bin: bin, out1: o1, out2: o2, in1: i1, in2: i2, gain: g, ties: improving.ties)
            } else if kicksAllowed {
                guard g >= kick.gain, !tabu else { return }
                if g > kick.gain { kick.ties = 0 }
                kick.ties += 1
                if kick.ties > 1 && rng.below(kick.ties) != 0 { return }
                kick = Move(bin: bin, out1: o1, out2: o2, in1: i1, in2: i2, gain: g, ties: kick.ties)
            }
        }

        for a in 0..<k {
            let x = s.scratch[a], wx = w[x]
            for j in 0..<p {
                let pj = s.pool[j], wj = w[pj]
                evaluated += 1
                // 1-1 (a pure relabelling when the weights are equal)
                if wj != wx { offer(wj - wx, x, -1, pj, -1) }
                // 1-2
                for l in (j + 1)..<max(j + 1, p) {
                    let pl = s.pool[l]
                    evaluated += 1
                    offer(wj + w[pl] - wx, x, -1, pj, pl)
                }
            }
            for b in (a + 1)..<max(a + 1, k) {
                let y = s.scratch[b], wxy = wx + w[y]
                for j in 0..<p {
                    let pj = s.pool[j], wj = w[pj]
                    evaluated += 1
                    // 2-1 (the pool grows by one item)
                    if p < poolCap || wj - wxy > 0 { offer(wj - wxy, x, y, pj, -1) }
                    // 2-2
                    for l in (j + 1)..<max(j + 1, p) {
                        let pl = s.pool[l], wl = w[pl]
                        evaluated += 1
                        let same = (wj == wx && wl == w[y]) || (wj == w[y] && wl == wx)
                        if !same { offer(wj + wl - wxy, x, y, pj, pl) }
                    }
                }
            }
        }
        return evaluated
    }
}
