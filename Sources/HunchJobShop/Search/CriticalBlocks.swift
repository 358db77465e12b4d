import HunchCore

/// A critical path of the disjunctive graph cut into blocks: maximal runs of consecutive
/// operations on one machine. Only moves at block borders can shorten the makespan (Grabowski
/// et al. 1986; Nowicki & Smutnicki 1996), which is why the neighbourhoods look only there.
final class CriticalBlocks {
    /// Blocks as (machine, first position, last position) triples in machine-sequence positions,
    /// in path order.
    private(set) var blockCount = 0
    let blockMachine: UnsafeMutablePointer<Int>
    let blockFirst: UnsafeMutablePointer<Int>
    let blockLast: UnsafeMutablePointer<Int>
    private let path: UnsafeMutablePointer<Int>
    private(set) var pathLength = 0

    init(capacity: Int) {
        let size = max(1, capacity)
        blockMachine = .allocate(capacity: size)
        blockFirst = .allocate(capacity: size)
        blockLast = .allocate(capacity: size)
        path = .allocate(capacity: size)
    }

    deinit {
        blockMachine.deallocate(); blockFirst.deallocate(); blockLast.deallocate(); path.deallocate()
    }

    /// Finds one critical path of `graph` (evaluated) and its blocks. The path ends at a random
    /// operation finishing at the makespan and follows machine arcs when it can (longer blocks,
    /// more moves); both choices are valid critical paths.
    func find(in graph: DisjunctiveGraph, rng: inout SeededGenerator) {
        blockCount = 0
        pathLength = 0
        let count = graph.count
        guard count > 0 else { return }
        let makespan = graph.makespan
        var last = -1
        let offset = rng.below(count)
        for i in 0..<count {
            let o = (i + offset) % count
            if graph.tail[o] == 0 && graph.head[o] + graph.duration[o] == makespan { last = o; break }
        }
        guard last >= 0 else { return }
        // Walk back to an operation starting at 0, collecting the path in reverse.
        var o = last
        while true {
            path[pathLength] = o
            pathLength += 1
            let start = graph.head[o]
            if start == 0 { break }
            let mp = graph.machinePredecessor(o)
            if mp >= 0 && graph.head[mp] + graph.duration[mp] == start { o = mp; continue }
            let jp = graph.jobPredecessor(o)
            if jp >= 0 && graph.head[jp] + graph.duration[jp] == start { o = jp; continue }
            break
        }
        // Blocks in path order (the path is stored from its end).
        var i = pathLength - 1
        while i >= 0 {
            let first = path[i]
            let machine = graph.machineOf[first]
            var j = i
            while j > 0 && graph.machineOf[path[j - 1]] == machine && graph.position[path[j - 1]] == graph.position[path[j]] + 1 {
                j -= 1
            }
            blockMachine[blockCount] = machine
            blockFirst[blockCount] = graph.position[first]
            blockLast[blockCount] = graph.position[path[j]]
            blockCount += 1
            i = j - 1
        }
    }
}
