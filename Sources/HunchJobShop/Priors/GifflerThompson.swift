import HunchCore

/// Giffler & Thompson's (1960) generation of active schedules: repeatedly find the operation
/// that could finish first (earliest completion C* on machine M*), form the conflict set of
/// operations on M* that could start before C*, and let a priority rule pick one of them.
/// Every schedule it builds is active (no operation can start earlier without delaying
/// another), and every active schedule — an optimal one among them — can come out of it.
enum GifflerThompson {
    /// Builds a schedule; `priority(job, operation, jobReady)` (jobReady: when the job's previous operation ends) scores the candidates and the
    /// lowest score wins (ties: the lower job index).
    ///
    /// Each step is O(jobs), so a whole schedule is O(jobs² · machines): seconds for 2,000 × 200.
    /// With `stop`, once it says stop the remaining operations are appended operation by
    /// operation, each at the earliest time its job and machine allow (a semi-active schedule,
    /// valid, O(remaining)), so a huge instance keeps its time limit.
    static func build(_ instance: JobShopInstance, stop: StopCondition? = nil,
                      priority: (Int, Int, Int) -> Double) -> JobShopSchedule {
        let n = instance.jobCount, m = instance.machineCount
        var next = [Int](repeating: 0, count: n)          // next operation of each job
        var jobReady = [Int](repeating: 0, count: n)
        var machineReady = [Int](repeating: 0, count: m)
        var starts = [[Int]](repeating: [Int](repeating: 0, count: m), count: n)
        for step in 0..<(n * m) {
            if let stop, step & 63 == 0, stop.timeIsUp() {
                for k in 0..<m {
                    for j in 0..<n where next[j] == k {
                        let machine = instance.machine[j][k]
                        let start = max(jobReady[j], machineReady[machine])
                        starts[j][k] = start
                        jobReady[j] = start + instance.duration[j][k]
                        machineReady[machine] = jobReady[j]
                        next[j] += 1
                    }
                }
                break
            }
            // The operation that can complete first.
            var bestCompletion = Int.max, bestJob = -1
            for j in 0..<n where next[j] < m {
                let k = next[j]
                let start = max(jobReady[j], machineReady[instance.machine[j][k]])
                let completion = start + instance.duration[j][k]
                if completion < bestCompletion { bestCompletion = completion; bestJob = j }
            }
            guard bestJob >= 0 else { break }
            let machine = instance.machine[bestJob][next[bestJob]]
            // The conflict set on that machine; the rule picks one.
            var chosen = -1, chosenScore = Double.infinity
            for j in 0..<n where next[j] < m && instance.machine[j][next[j]] == machine {
                let start = max(jobReady[j], machineReady[machine])
                guard start < bestCompletion || j == bestJob else { continue }
                let score = priority(j, next[j], jobReady[j])
                if chosen < 0 || score < chosenScore { chosen = j; chosenScore = score }
            }
            let k = next[chosen]
            let start = max(jobReady[chosen], machineReady[machine])
            starts[chosen][k] = start
            let end = start + instance.duration[chosen][k]
            jobReady[chosen] = end
            machineReady[machine] = end
            next[chosen] += 1
        }
        return JobShopSchedule(starts: starts)
    }
}
