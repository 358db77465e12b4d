/// The best `capacity` candidate blocks of one engine step, best first (score descending, then
/// larger top face, which gives the next blocks more to stand on; ties keep the order offered).
///
/// A value type, filled through one `inout` access per step: the engine is a class, and every
/// element access to a class's array property pays a runtime exclusivity check, which took more
/// than half of the beam search's time on BR12 before the ranking moved here.
struct CandidateRanking {
    /// One ranked block: a type and orientation in an nx×ny×nz grid, or (`block` ≥ 0) a general
    /// block of the engine's `BlockList`.
    struct Entry {
        var score: Double
        var foot: Int
        var type: Int, orient: Int, nx: Int, ny: Int, nz: Int
        /// Index into the block list for a general block, −1 for a simple one.
        var block: Int
    }

    /// How many entries the ranking keeps now (at most `maxCapacity`).
    var capacity: Int
    let maxCapacity: Int
    private(set) var entries: [Entry]
    private(set) var count = 0
    /// Blocks offered to `insert` since the last reset (the engine's work unit).
    var evaluations = 0

    init(capacity: Int) {
        self.capacity = capacity
        maxCapacity = capacity
        entries = Array(repeating: Entry(score: 0, foot: 0, type: 0, orient: 0, nx: 0, ny: 0, nz: 0, block: -1), count: capacity)
    }

    mutating func removeAll() { count = 0 }

    /// True when a block scoring at most `bound` cannot enter: the ranking is full and its last
    /// entry scores more, by more than rounding. The engine skips such blocks without building
    /// them. A bound computed in another order than the score (VCS: volume × factors) can come
    /// out an ulp below a score equal to the last entry's, a tie the block may win on its foot;
    /// the margin keeps such blocks, so the best `capacity` blocks do not depend on `capacity`
    /// (BR12-6's first step ranked other blocks first at capacity 1 than at 64 without it).
    @inline(__always)
    func rejects(below bound: Double) -> Bool {
        count == capacity && entries[capacity - 1].score > bound + abs(bound) * 1e-9
    }

    /// Inserts a block at its rank, skipping exact duplicates and blocks ranked past `capacity`.
    @inline(__always)
    mutating func insert(score: Double, foot: Int, _ t: Int, _ orient: Int, _ nx: Int, _ ny: Int, _ nz: Int, block: Int) {
        evaluations += 1
        var pos = count
        while pos > 0 {
            let e = entries[pos - 1]
            if e.block == block && e.type == t && e.orient == orient && e.nx == nx && e.ny == ny && e.nz == nz { return }
            if e.score > score || (e.score == score && e.foot >= foot) { break }
            pos -= 1
        }
        if pos >= capacity { return }
        // The entries ranked before it may hold a duplicate too.
        var d = pos
        while d > 0 {
            d -= 1
            let e = entries[d]
            if e.block == block && e.type == t && e.orient == orient && e.nx == nx && e.ny == ny && e.nz == nz { return }
        }
        let last = min(count, capacity - 1)
        // One uniqueness check for the whole shift, not one per entry moved.
        entries.withUnsafeMutableBufferPointer { e in
            var j = last
            while j > pos {
                e[j] = e[j - 1]
                j -= 1
            }
            e[pos] = Entry(score: score, foot: foot, type: t, orient: orient, nx: nx, ny: ny, nz: nz, block: block)
        }
        if count < capacity { count += 1 }
    }
}

extension CandidateRanking {
    /// Inserts a simple block of nx×ny×nz boxes whose single box scores `unitScore` and covers
    /// `unitFoot` of floor.
    @inline(__always)
    mutating func consider(_ t: Int, _ orient: Int, _ nx: Int, _ ny: Int, _ nz: Int, _ unitScore: Double, _ unitFoot: Int) {
        insert(score: unitScore * Double(nx * ny * nz), foot: unitFoot * nx * ny, t, orient, nx, ny, nz, block: -1)
    }

    /// The same, its score less `loss` (the volume it makes unusable, `MaximalSpacePacker.wasteLoss`).
    @inline(__always)
    mutating func consider(_ t: Int, _ orient: Int, _ nx: Int, _ ny: Int, _ nz: Int, _ unitScore: Double, _ unitFoot: Int, loss: Double) {
        insert(score: unitScore * Double(nx * ny * nz) - loss, foot: unitFoot * nx * ny, t, orient, nx, ny, nz, block: -1)
    }
}
