/// Which moves of operations at critical-block borders a tabu iteration considers.
enum JobShopNeighbourhood: Sendable {
    /// Nowicki & Smutnicki (1996): swap the first two and the last two operations of each block,
    /// except the first pair of the first block and the last pair of the last block (those cannot
    /// improve). Small and precise.
    case n5
    /// Zhang, Li, Guan & Rao (2007): move an operation of a block to the block's front or back,
    /// or the front/back operation into the block's interior. Larger, finds more improvements.
    case n7
}

/// A move: on `machine`, the operation at position `from` goes to position `to`.
struct JobShopMove: Equatable {
    var machine: Int
    var from: Int
    var to: Int
}

/// The candidate moves of one iteration, in a buffer reused across iterations.
final class MoveList {
    private(set) var count = 0
    private var machine: UnsafeMutablePointer<Int>
    private var from: UnsafeMutablePointer<Int>
    private var to: UnsafeMutablePointer<Int>
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(16, capacity)
        machine = .allocate(capacity: self.capacity)
        from = .allocate(capacity: self.capacity)
        to = .allocate(capacity: self.capacity)
    }

    deinit { machine.deallocate(); from.deallocate(); to.deallocate() }

    subscript(i: Int) -> JobShopMove { JobShopMove(machine: machine[i], from: from[i], to: to[i]) }

    func removeAll() { count = 0 }

    @inline(__always)
    func append(_ mk: Int, _ f: Int, _ t: Int) {
        if count == capacity { grow() }
        machine[count] = mk; from[count] = f; to[count] = t
        count += 1
    }

    private func grow() {
        let bigger = capacity * 2
        for buffer in [\MoveList.machine, \MoveList.from, \MoveList.to] as [ReferenceWritableKeyPath<MoveList, UnsafeMutablePointer<Int>>] {
            let new = UnsafeMutablePointer<Int>.allocate(capacity: bigger)
            new.update(from: self[keyPath: buffer], count: capacity)
            self[keyPath: buffer].deallocate()
            self[keyPath: buffer] = new
        }
        capacity = bigger
    }

    /// Fills the list with the moves of `neighbourhood` on `blocks` that keep the graph acyclic by
    /// Balas & Vazacopoulos's (1998) sufficient conditions on heads and tails.
    func generate(_ neighbourhood: JobShopNeighbourhood, blocks: CriticalBlocks, graph: DisjunctiveGraph) {
        count = 0
        let b = blocks.blockCount
        for index in 0..<b {
            let mk = blocks.blockMachine[index], first = blocks.blockFirst[index], last = blocks.blockLast[index]
            guard last > first else { continue }
            switch neighbourhood {
            case .n5:
                if index > 0 { append(mk, first, first + 1) }
                if index < b - 1 && (last - 1 != first || index == 0) { append(mk, last - 1, last) }
            case .n7:
                // Interior (and last) operations to the front; interior (and first) to the back.
                for p in (first + 1)...last where canMoveBackward(graph, mk, p, first) { append(mk, p, first) }
                for p in first..<last where canMoveForward(graph, mk, p, last) {
                    if p == last - 1 && first == last - 1 { continue }   // the swap, already listed
                    append(mk, p, last)
                }
                // The first operation into the interior, the last operation into the interior.
                if last - first >= 3 {
                    for q in (first + 2)..<last where canMoveForward(graph, mk, first, q) { append(mk, first, q) }
                    for q in (first + 1)..<(last - 1) where canMoveBackward(graph, mk, last, q) { append(mk, last, q) }
                }
            }
        }
    }

    /// Moving u (at `from`) right before v (at `to` < from) creates no cycle when no path leads
    /// from v to u's job predecessor: guaranteed when that predecessor starts before v ends.
    @inline(__always)
    private func canMoveBackward(_ g: DisjunctiveGraph, _ mk: Int, _ from: Int, _ to: Int) -> Bool {
        let u = g.sequence[mk * g.jobs + from], v = g.sequence[mk * g.jobs + to]
        let jp = g.jobPredecessor(u)
        return jp < 0 || g.head[jp] < g.head[v] + g.duration[v]
    }

    /// Moving u (at `from`) right after v (at `to` > from) creates no cycle when no path leads
    /// from u's job successor to v: guaranteed when the successor's tail is shorter than v's
    /// duration plus tail.
    @inline(__always)
    private func canMoveForward(_ g: DisjunctiveGraph, _ mk: Int, _ from: Int, _ to: Int) -> Bool {
        let u = g.sequence[mk * g.jobs + from], v = g.sequence[mk * g.jobs + to]
        let js = g.jobSuccessor(u)
        return js < 0 || g.tail[js] < g.duration[v] + g.tail[v]
    }
}
