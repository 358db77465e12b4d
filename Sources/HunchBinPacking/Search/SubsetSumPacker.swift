/// The pack-set move of Buljubašić & Vasquez (2016): refill one bin with the subset of its own
/// items and the pool's whose total is largest within capacity.
///
/// A sparse subset-sum: the reachable totals are kept as one sorted list, and each candidate item
/// merges the list with itself shifted by its weight. Each total remembers the first item that
/// reached it, so a subset is read back by walking down from the best total (the total before
/// that item was already reachable with earlier items only). Lists are capped (`maxEntries`) so
/// that one call stays cheap whatever the capacity; all buffers are allocated once.
final class SubsetSumPacker {
    /// Most items one subset sum considers (the bin's first, then the pool's).
    let maxItems = 28
    /// Most reachable totals kept; past it the remaining items are left out.
    let maxEntries = 4096

    private var candidates: [Int]
    private var selected: [Bool]
    private var sums: [Int]
    private var firstItem: [Int]
    private var mergedSums: [Int]
    private var mergedItem: [Int]

    init() {
        candidates = [Int](repeating: -1, count: maxItems)
        selected = [Bool](repeating: false, count: maxItems)
        sums = [Int](repeating: 0, count: maxEntries)
        firstItem = [Int](repeating: -1, count: maxEntries)
        mergedSums = [Int](repeating: 0, count: maxEntries)
        mergedItem = [Int](repeating: -1, count: maxEntries)
    }

    /// Refills `bin` when a fuller subset exists; returns whether it did and the work spent.
    func repack(_ s: BinPackingSearchState, bin: Int) -> (gained: Bool, work: Int) {
        let current = s.load[bin]
        guard current < s.capacity, s.poolCount > 0 else { return (false, 1) }
        var count = 0
        var item = s.head[bin]
        while item >= 0 && count < maxItems { candidates[count] = item; count += 1; item = s.nextItem[item] }
        if item >= 0 { return (false, count) }  // too many items in the bin to enumerate
        let binItems = count
        var j = 0
        while j < s.poolCount && count < maxItems { candidates[count] = s.pool[j]; count += 1; j += 1 }

        let (best, size, work) = fullestSubset(s, count: count)
        guard best > current else { return (false, work + 1) }

        guard select(s, total: best, count: count, size: size) else { return (false, work) }
        // Pool items in first, so that the bin never empties (its slot keeps its position).
        for c in binItems..<count where selected[c] { s.place(candidates[c], in: bin) }
        for c in 0..<binItems where !selected[c] { s.unplace(candidates[c]) }
        return (true, work)
    }

    /// Packs the whole pool into at most two new bins when it can (the end of a consistent
    /// neighbourhood search with two bins held back); returns whether it did, and the work.
    func packPoolIntoTwoBins(_ s: BinPackingSearchState) -> (done: Bool, work: Int) {
        let poolWeight = s.poolWeight
        guard s.poolCount > 0, poolWeight <= 2 * s.capacity, s.poolCount <= maxItems else { return (false, 1) }
        let count = s.poolCount
        for j in 0..<count { candidates[j] = s.pool[j] }
        let (best, size, work) = fullestSubset(s, count: count)
        guard poolWeight - best <= s.capacity, select(s, total: best, count: count, size: size) else {
            return (false, work)
        }
        let first = s.freeSlot()
        for c in 0..<count where selected[c] { s.place(candidates[c], in: first) }
        if s.poolCount > 0 {
            let second = s.freeSlot()
            for c in 0..<count where !selected[c] { s.place(candidates[c], in: second) }
        }
        return (true, work)
    }

    /// The largest total ≤ capacity of a subset of `candidates[0..<count]`; leaves the sorted
    /// reachable totals in `sums[0..<size]`. Returns (best, size, work).
    private func fullestSubset(_ s: BinPackingSearchState, count: Int) -> (Int, Int, Int) {
        let capacity = s.capacity
        var size = 1
        sums[0] = 0
        firstItem[0] = -1
        var work = 0
        var used = 0
        while used < count && sums[size - 1] < capacity {
            let w = s.weight[candidates[used]]
            // Merge sums[0..<size] with (sums + w) ≤ capacity; equal totals keep the older entry.
            var a = 0, b = 0, m = 0
            var overflow = false
            while true {
                let plain = a < size ? sums[a] : Int.max
                var shifted = b < size ? sums[b] + w : Int.max
                if shifted > capacity { shifted = Int.max; b = size }  // sorted: the rest are larger
                if plain == Int.max && shifted == Int.max { break }
                if m == maxEntries { overflow = true; break }
                if plain <= shifted {
                    mergedSums[m] = plain; mergedItem[m] = firstItem[a]; a += 1
                    if plain == shifted { b += 1 }
                } else {
                    mergedSums[m] = shifted; mergedItem[m] = used; b += 1
                }
                m += 1
            }
            work += m
            if overflow { break }
            swap(&sums, &mergedSums)
            swap(&firstItem, &mergedItem)
            size = m
            used += 1
        }
        return (sums[size - 1], size, work)
    }

    /// Marks in `selected` a subset of the candidates whose weights add up to `total`.
    private func select(_ s: BinPackingSearchState, total: Int, count: Int, size: Int) -> Bool {
        for c in 0..<count { selected[c] = false }
        var rest = total
        while rest > 0 {
            let e = position(of: rest, size: size)
            guard e >= 0, firstItem[e] >= 0 else { return false }  // cannot happen
            let c = firstItem[e]
            selected[c] = true
            rest -= s.weight[candidates[c]]
        }
        return true
    }

    /// Index of `total` in the sorted sums, or −1.
    @inline(__always)
    private func position(of total: Int, size: Int) -> Int {
        var lo = 0, hi = size
        while lo < hi {
            let mid = (lo + hi) / 2
            if sums[mid] < total { lo = mid + 1 } else { hi = mid }
        }
        return lo < size && sums[lo] == total ? lo : -1
    }
}
