/// Best fit in a given item order: each item goes to the fullest bin it still fits in
/// (Johnson 1974; with a decreasing order, BFD, the same worst case as FFD and usually a little
/// fuller bins). Free spaces are kept sorted, so a placement is a binary search plus a shift.
struct BestFitPacker {
    private let capacity: Int
    /// (free space, bin) sorted by free space, then bin.
    private var free: [(space: Int, bin: Int)] = []
    private(set) var bins: [[Int]] = []

    init(capacity: Int) {
        self.capacity = capacity
    }

    mutating func add(item: Int, weight: Int) {
        // First entry with space ≥ weight.
        var lo = 0, hi = free.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if free[mid].space < weight { lo = mid + 1 } else { hi = mid }
        }
        let bin: Int
        let space: Int
        if lo < free.count {
            (space, bin) = free.remove(at: lo)
        } else {
            bins.append([])
            bin = bins.count - 1
            space = capacity
        }
        bins[bin].append(item)
        let left = space - weight
        guard left > 0 else { return }
        var a = 0, b = free.count
        while a < b {
            let mid = (a + b) / 2
            if free[mid].space < left || (free[mid].space == left && free[mid].bin < bin) { a = mid + 1 } else { b = mid }
        }
        free.insert((left, bin), at: a)
    }

    var solution: BinPackingSolution { BinPackingSolution(bins: bins) }
}
