/// Giffler & Thompson's (1960) generation of active schedules: repeatedly find the operation
/// that could finish first (earliest completion C* on machine M*), form the conflict set of
/// operations on M* that could start before C*, and let a priority rule pick one of them.
/// Every schedule it builds is active (no operation can start earlier without delaying
/// another), and every active schedule — an optimal one among them — can come out of it.
enum GifflerThompson {
    /// Builds a schedule; `priority(job, operation, jobReady)` (jobReady: when the job's previous operation ends) scores the candidates and the
    /// lowest score wins (ties: the lower job index).
    static func build(_ instance: JobShopInstance, priority: (Int, Int, Int) -> Double) -> JobShopSchedule {
        let n = instance.jobCount, m = instance.machineCount
        var next = [Int](repeating: 0, count: n)          // next operation of each job
        var jobReady = [Int](repeating: 0, count: n)
        var machineReady = [Int](repeating: 0, count: m)
        var starts = [[Int]](repeating: [Int](repeating: 0, count: m), count: n)
        for _ in 0..<(n * m) {
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
