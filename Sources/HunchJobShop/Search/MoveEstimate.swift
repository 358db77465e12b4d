/// Fast approximate makespan of a move, from current heads and tails only (Taillard 1994;
/// Balas & Vazacopoulos 1998): the heads of the shifted segment are recomputed left to right in
/// the new order, its tails right to left, and the estimate is the longest path through the
/// segment. Operations outside the segment keep their heads and tails, so the estimate is exact
/// for swaps of critical pairs in most cases and a close lower estimate otherwise.
///
/// Complexity: O(length of the shifted segment); no allocation (one scratch buffer).
struct MoveEstimate {
    private let scratch: UnsafeMutablePointer<Int>

    init(capacity: Int) { scratch = .allocate(capacity: max(1, capacity)) }

    func deallocate() { scratch.deallocate() }

    /// The estimated makespan after moving the operation at `from` to `to` on `machine`.
    @inline(__always)
    func estimate(_ g: DisjunctiveGraph, machine: Int, from: Int, to: Int) -> Int {
        let base = machine * g.jobs
        let low = min(from, to), high = max(from, to)
        let length = high - low + 1
        // New order of positions low…high: op(i) for i in 0..<length.
        @inline(__always) func op(_ i: Int) -> Int {
            if from < to {   // forward: from+1 … to, then the moved operation
                return i == length - 1 ? g.sequence[base + from] : g.sequence[base + low + 1 + i]
            } else {         // backward: the moved operation, then to … from-1
                return i == 0 ? g.sequence[base + from] : g.sequence[base + low + i - 1]
            }
        }
        var previousEnd = low == 0 ? 0 : g.end(g.sequence[base + low - 1])
        for i in 0..<length {
            let o = op(i)
            let start = max(g.end(g.jobPredecessor(o)), previousEnd)
            scratch[i] = start
            previousEnd = start + g.duration[o]
        }
        var nextRemaining = high == g.jobs - 1 ? 0 : g.remaining(g.sequence[base + high + 1])
        var longest = 0
        var i = length - 1
        while i >= 0 {
            let o = op(i)
            let tail = max(g.remaining(g.jobSuccessor(o)), nextRemaining)
            let through = scratch[i] + g.duration[o] + tail
            if through > longest { longest = through }
            nextRemaining = tail + g.duration[o]
            i -= 1
        }
        return longest
    }
}
