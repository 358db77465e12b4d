/// A job-shop instance: `jobCount` jobs, each a fixed sequence of `machineCount` operations,
/// one per machine; minimise the makespan.
///
/// Machines are 0-based internally whatever the file used. Operation `k` of job `j` runs on
/// `machine[j][k]` for `duration[j][k]` time units. Readers guarantee that every job visits
/// every machine exactly once and that durations are ≥ 0.
public struct JobShopInstance: Sendable, Equatable {
    public var name: String
    public var jobCount: Int
    public var machineCount: Int
    /// `machine[j][k]`: machine of job j's k-th operation (0-based).
    public var machine: [[Int]]
    /// `duration[j][k]`: processing time of job j's k-th operation.
    public var duration: [[Int]]

    public init(name: String, jobCount: Int, machineCount: Int, machine: [[Int]], duration: [[Int]]) {
        self.name = name
        self.jobCount = jobCount
        self.machineCount = machineCount
        self.machine = machine
        self.duration = duration
    }

    /// Number of operations (jobs × machines).
    public var operationCount: Int { jobCount * machineCount }

    /// Total processing time of each job.
    public var jobLengths: [Int] { duration.map { $0.reduce(0, +) } }

    /// Total processing time on each machine.
    public var machineLoads: [Int] {
        var loads = [Int](repeating: 0, count: machineCount)
        for j in 0..<jobCount {
            for k in 0..<machineCount { loads[machine[j][k]] += duration[j][k] }
        }
        return loads
    }

    /// Sum of all processing times.
    public var totalWork: Int { jobLengths.reduce(0, +) }

    /// A structural problem with this value (shape, machine ranges, each machine once per job,
    /// durations ≥ 0), or nil. Readers never return such an instance; instances built in code
    /// (generators, tests, the CLI) can check themselves with this.
    public var structuralProblem: String? {
        guard jobCount >= 1, machineCount >= 1 else { return "needs at least one job and one machine" }
        guard machine.count == jobCount, duration.count == jobCount else {
            return "expected \(jobCount) jobs, have \(machine.count) machine rows and \(duration.count) duration rows"
        }
        for j in 0..<jobCount {
            guard machine[j].count == machineCount, duration[j].count == machineCount else {
                return "job \(j) must have \(machineCount) operations"
            }
            var seen = [Bool](repeating: false, count: machineCount)
            for k in 0..<machineCount {
                let mk = machine[j][k]
                guard mk >= 0 && mk < machineCount else { return "job \(j) operation \(k): machine \(mk) is out of range 0..<\(machineCount)" }
                guard !seen[mk] else { return "job \(j) visits machine \(mk) twice" }
                seen[mk] = true
                guard duration[j][k] >= 0 else { return "job \(j) operation \(k): negative duration \(duration[j][k])" }
            }
        }
        return nil
    }
}
