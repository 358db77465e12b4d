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
    /// Complexity: O(k²) for k operations (events at releases and completions; k is the number
    /// of jobs, a few hundred at most in practice).
    static func preemptiveJackson(release: [Int], processing: [Int], tail: [Int]) -> Int {
        let k = release.count
        let order = (0..<k).sorted { release[$0] < release[$1] }
        var remaining = processing
        var released = [Bool](repeating: false, count: k)
        var next = 0, time = 0, done = 0, value = 0
        while done < k {
            if next < k && !(0..<k).contains(where: { released[$0] && remaining[$0] > 0 }) {
                time = max(time, release[order[next]])
            }
            while next < k && release[order[next]] <= time {
                released[order[next]] = true
                if remaining[order[next]] == 0 {
                    done += 1
                    value = max(value, time + tail[order[next]])
                }
                next += 1
            }
            // The released, unfinished operation with the longest tail runs until it finishes or
            // the next release, whichever comes first.
            var best = -1
            for i in 0..<k where released[i] && remaining[i] > 0 && (best < 0 || tail[i] > tail[best]) { best = i }
            guard best >= 0 else { continue }
            let until = next < k ? min(time + remaining[best], release[order[next]]) : time + remaining[best]
            remaining[best] -= until - time
            time = until
            if remaining[best] == 0 {
                done += 1
                value = max(value, time + tail[best])
            }
        }
        return value
    }
}
