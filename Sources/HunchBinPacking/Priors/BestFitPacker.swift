/// Best fit in a given item order: each item goes to the fullest bin it still fits in
/// (Johnson 1974; with a decreasing order, BFD, the same worst case as FFD and usually a little
/// fuller bins). Free spaces are kept sorted in chunks, so a placement is two binary searches and a short shift.
struct BestFitPacker {
    private let capacity: Int
    /// (free space, bin) sorted by free space, then bin, in chunks of at most `chunkLimit`
    /// entries: finding, removing and inserting cost O(log n + chunk) instead of the O(n) shift
    /// of one sorted array (a million items: a fraction of a second, not seconds).
    private var chunks: [[(space: Int, bin: Int)]] = []
    private(set) var bins: [[Int]] = []
    private static let chunkLimit = 512

    init(capacity: Int) {
        self.capacity = capacity
    }

    @inline(__always)
    private static func less(_ a: (space: Int, bin: Int), _ b: (space: Int, bin: Int)) -> Bool {
        a.space < b.space || (a.space == b.space && a.bin < b.bin)
    }

    mutating func add(item: Int, weight: Int) {
        // First entry with space ≥ weight: the first chunk whose last entry has it, then within it.
        var lo = 0, hi = chunks.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if chunks[mid][chunks[mid].count - 1].space < weight { lo = mid + 1 } else { hi = mid }
        }
        let bin: Int
        let space: Int
        if lo < chunks.count {
            var a = 0, b = chunks[lo].count
            while a < b {
                let mid = (a + b) / 2
                if chunks[lo][mid].space < weight { a = mid + 1 } else { b = mid }
            }
            (space, bin) = chunks[lo].remove(at: a)
            if chunks[lo].isEmpty { chunks.remove(at: lo) }
        } else {
            bins.append([])
            bin = bins.count - 1
            space = capacity
        }
        bins[bin].append(item)
        let left = space - weight
        guard left > 0 else { return }
        insert((left, bin))
    }

    private mutating func insert(_ entry: (space: Int, bin: Int)) {
        guard !chunks.isEmpty else {
            chunks.append([entry])
            return
        }
        // The first chunk whose last entry is not less than the new one (else the last chunk).
        var lo = 0, hi = chunks.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if BestFitPacker.less(chunks[mid][chunks[mid].count - 1], entry) { lo = mid + 1 } else { hi = mid }
        }
        let c = min(lo, chunks.count - 1)
        var a = 0, b = chunks[c].count
        while a < b {
            let mid = (a + b) / 2
            if BestFitPacker.less(chunks[c][mid], entry) { a = mid + 1 } else { b = mid }
        }
        chunks[c].insert(entry, at: a)
        if chunks[c].count > 2 * BestFitPacker.chunkLimit {
            let upper = Array(chunks[c][BestFitPacker.chunkLimit...])
            chunks[c].removeSubrange(BestFitPacker.chunkLimit...)
            chunks.insert(upper, at: c + 1)
        }
    }

    var solution: BinPackingSolution { BinPackingSolution(bins: bins) }
}
