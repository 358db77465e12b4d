/// The disjunctive graph of a job-shop solution in flat arrays (Roy & Sussmann 1964): operation
/// `o = j·m + k` is job j's k-th operation; job arcs run o → o+1 within a job, machine arcs follow
/// each machine's processing sequence. Heads (earliest starts) and tails (longest path from an
/// operation's end to the sink) are recomputed in one topological pass; the makespan is the
/// longest path.
///
/// Buffers are allocated once and never grow: moves and evaluations allocate nothing.
final class DisjunctiveGraph {
    let jobs: Int
    let machines: Int
    let count: Int
    let machineOf: UnsafeMutablePointer<Int>
    let duration: UnsafeMutablePointer<Int>
    /// `sequence[machine·jobs + p]`: the operation at position p on that machine.
    let sequence: UnsafeMutablePointer<Int>
    /// `position[o]`: where o sits in its machine's sequence.
    let position: UnsafeMutablePointer<Int>
    let head: UnsafeMutablePointer<Int>
    let tail: UnsafeMutablePointer<Int>
    private let order: UnsafeMutablePointer<Int>
    private let indegree: UnsafeMutablePointer<Int>
    private(set) var makespan = 0

    /// `sequences[machine]` lists the operations (o = j·m + k) on that machine in processing order;
    /// each must hold every job's operation on that machine exactly once.
    init(instance: JobShopInstance, sequences: [[Int]]) {
        jobs = instance.jobCount
        machines = instance.machineCount
        count = jobs * machines
        let size = max(1, count)
        machineOf = .allocate(capacity: size)
        duration = .allocate(capacity: size)
        sequence = .allocate(capacity: size)
        position = .allocate(capacity: size)
        head = .allocate(capacity: size)
        tail = .allocate(capacity: size)
        order = .allocate(capacity: size)
        indegree = .allocate(capacity: size)
        for j in 0..<jobs {
            for k in 0..<machines {
                machineOf[j * machines + k] = instance.machine[j][k]
                duration[j * machines + k] = instance.duration[j][k]
            }
        }
        for mk in 0..<machines {
            for (p, o) in sequences[mk].enumerated() {
                sequence[mk * jobs + p] = o
                position[o] = p
            }
        }
        head.initialize(repeating: 0, count: size)
        tail.initialize(repeating: 0, count: size)
    }

    deinit {
        for pointer in [machineOf, duration, sequence, position, head, tail, order, indegree] { pointer.deallocate() }
    }

    @inline(__always) func jobPredecessor(_ o: Int) -> Int { o % machines == 0 ? -1 : o - 1 }
    @inline(__always) func jobSuccessor(_ o: Int) -> Int { o % machines == machines - 1 ? -1 : o + 1 }
    @inline(__always) func machinePredecessor(_ o: Int) -> Int {
        let p = position[o]
        return p == 0 ? -1 : sequence[machineOf[o] * jobs + p - 1]
    }
    @inline(__always) func machineSuccessor(_ o: Int) -> Int {
        let p = position[o]
        return p == jobs - 1 ? -1 : sequence[machineOf[o] * jobs + p + 1]
    }
    /// End of `o` at its current head, or 0 for "no operation" (-1).
    @inline(__always) func end(_ o: Int) -> Int { o < 0 ? 0 : head[o] + duration[o] }
    /// Length of the longest path from the start of `o` to the sink, or 0 for -1.
    @inline(__always) func remaining(_ o: Int) -> Int { o < 0 ? 0 : duration[o] + tail[o] }

    /// Recomputes heads, tails and the makespan (Kahn's topological order). Returns false, leaving
    /// heads and tails meaningless, when the machine sequences form a cycle with the jobs.
    ///
    /// Complexity: O(operations).
    @discardableResult
    func evaluate() -> Bool {
        var queued = 0
        for o in 0..<count {
            indegree[o] = (o % machines == 0 ? 0 : 1) + (position[o] == 0 ? 0 : 1)
            head[o] = 0
            if indegree[o] == 0 { order[queued] = o; queued += 1 }
        }
        var index = 0
        var longest = 0
        while index < queued {
            let o = order[index]
            index += 1
            let finish = head[o] + duration[o]
            if finish > longest { longest = finish }
            let js = jobSuccessor(o)
            if js >= 0 {
                if finish > head[js] { head[js] = finish }
                indegree[js] -= 1
                if indegree[js] == 0 { order[queued] = js; queued += 1 }
            }
            let ms = machineSuccessor(o)
            if ms >= 0 {
                if finish > head[ms] { head[ms] = finish }
                indegree[ms] -= 1
                if indegree[ms] == 0 { order[queued] = ms; queued += 1 }
            }
        }
        guard queued == count else { return false }
        var i = count - 1
        while i >= 0 {
            let o = order[i]
            tail[o] = max(remaining(jobSuccessor(o)), remaining(machineSuccessor(o)))
            i -= 1
        }
        makespan = longest
        return true
    }

    /// Moves the operation at position `from` on `machine` to position `to`, shifting the ones
    /// in between by one. Heads and tails are stale until the next `evaluate()`.
    func move(machine: Int, from: Int, to: Int) {
        let base = machine * jobs
        let o = sequence[base + from]
        if from < to {
            for p in from..<to {
                sequence[base + p] = sequence[base + p + 1]
                position[sequence[base + p]] = p
            }
        } else if from > to {
            var p = from
            while p > to {
                sequence[base + p] = sequence[base + p - 1]
                position[sequence[base + p]] = p
                p -= 1
            }
        }
        sequence[base + to] = o
        position[o] = to
    }

    func copySequences(to buffer: UnsafeMutablePointer<Int>) {
        buffer.update(from: sequence, count: count)
    }

    /// Makes `buffer`'s sequences current and re-evaluates.
    func restoreSequences(from buffer: UnsafePointer<Int>) {
        sequence.update(from: buffer, count: count)
        for i in 0..<count { position[sequence[i]] = i % jobs }
        evaluate()
    }

    /// The semi-active schedule of the current sequences (every operation at its head).
    func schedule() -> JobShopSchedule {
        var starts = [[Int]](repeating: [Int](repeating: 0, count: machines), count: jobs)
        for j in 0..<jobs {
            for k in 0..<machines { starts[j][k] = head[j * machines + k] }
        }
        return JobShopSchedule(starts: starts)
    }

    /// Machine sequences (operations o = j·m + k) of a schedule: each machine's operations by
    /// start time, then end time, then job. For a feasible schedule the sequences are acyclic and
    /// their semi-active schedule is no longer.
    static func sequences(of schedule: JobShopSchedule, instance: JobShopInstance) -> [[Int]] {
        let n = instance.jobCount, m = instance.machineCount
        var lists = [[Int]](repeating: [], count: m)
        for j in 0..<n {
            for k in 0..<m { lists[instance.machine[j][k]].append(j * m + k) }
        }
        return lists.map { ops in
            ops.sorted { a, b in
                let sa = schedule.starts[a / m][a % m], sb = schedule.starts[b / m][b % m]
                if sa != sb { return sa < sb }
                let ea = sa + instance.duration[a / m][a % m], eb = sb + instance.duration[b / m][b % m]
                if ea != eb { return ea < eb }
                return a < b
            }
        }
    }
}
