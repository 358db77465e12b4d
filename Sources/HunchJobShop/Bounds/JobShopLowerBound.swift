/// A lower bound on the optimal makespan for any size: the largest of
/// - every job's length (its operations run one after another),
/// - every machine's load,
/// - every machine's one-machine relaxation with heads and tails (Carlier 1982): each operation
///   is released after its job predecessors' processing and is followed by its job successors';
///   the preemptive version is solved exactly by Jackson's rule (always run the released
///   operation with the longest tail), which gives max(completion + tail) — a valid bound.
public enum JobShopLowerBound {
    public static func compute(_ instance: JobShopInstance) -> Int {
        let n = instance.jobCount, m = instance.machineCount
        guard n > 0, m > 0 else { return 0 }
        var bound = max(instance.jobLengths.max() ?? 0, instance.machineLoads.max() ?? 0)
        // Heads and tails of every operation within its job, grouped by machine.
        var release = [[Int]](repeating: [], count: m)
        var processing = [[Int]](repeating: [], count: m)
        var tail = [[Int]](repeating: [], count: m)
        for j in 0..<n {
            let length = instance.duration[j].reduce(0, +)
            var head = 0
            for k in 0..<m {
                let mk = instance.machine[j][k], p = instance.duration[j][k]
                release[mk].append(head)
                processing[mk].append(p)
                tail[mk].append(length - head - p)
                head += p
            }
        }
        for mk in 0..<m {
            bound = max(bound, preemptiveJackson(release: release[mk], processing: processing[mk], tail: tail[mk]))
        }
        return bound
    }

    /// Optimal value of the preemptive one-machine problem 1|r_j, pmtn|max(C_j + q_j).
    ///
    /// Complexity: O(k log k) for k operations: released operations wait in a heap by tail, and
    /// the machine runs the top one until it finishes or the next release.
    static func preemptiveJackson(release: [Int], processing: [Int], tail: [Int]) -> Int {
        let k = release.count
        let order = (0..<k).sorted { release[$0] < release[$1] }
        var remaining = processing
        // Max-heap of released, unfinished operations by tail.
        var heap: [Int] = []
        heap.reserveCapacity(k)
        func push(_ i: Int) {
            heap.append(i)
            var c = heap.count - 1
            while c > 0 {
                let p = (c - 1) / 2
                guard tail[heap[p]] < tail[heap[c]] else { break }
                heap.swapAt(p, c)
                c = p
            }
        }
        func pop() {
            heap.swapAt(0, heap.count - 1)
            heap.removeLast()
            var p = 0
            while true {
                let l = 2 * p + 1, r = l + 1
                var largest = p
                if l < heap.count && tail[heap[l]] > tail[heap[largest]] { largest = l }
                if r < heap.count && tail[heap[r]] > tail[heap[largest]] { largest = r }
                if largest == p { break }
                heap.swapAt(p, largest)
                p = largest
            }
        }
        var next = 0, time = 0, value = 0
        while next < k || !heap.isEmpty {
            if heap.isEmpty { time = max(time, release[order[next]]) }
            while next < k && release[order[next]] <= time {
                let i = order[next]
                if remaining[i] == 0 { value = max(value, time + tail[i]) } else { push(i) }
                next += 1
            }
            guard let best = heap.first else { continue }
            // The released operation with the longest tail runs until it finishes or the next
            // release, whichever comes first.
            let until = next < k ? min(time + remaining[best], release[order[next]]) : time + remaining[best]
            remaining[best] -= until - time
            time = until
            if remaining[best] == 0 {
                pop()
                value = max(value, time + tail[best])
            }
        }
        return value
    }
}
