/// A reason a schedule is not feasible for an instance.
public struct JobShopValidationError: Error, CustomStringConvertible, Equatable, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { "invalid schedule: \(message)" }
}

/// The independent check that tests and `bench` trust: it shares no code with the search.
public enum JobShopValidation {
    /// Largest start time accepted (10¹⁵): far beyond any schedule of an instance the reader
    /// accepts (at most 10⁷ operations of at most 10⁹ each), and far enough from 2⁶³ that
    /// start + duration never overflows.
    public static let maximumStart = 1_000_000_000_000_000

    /// Throws ``JobShopValidationError`` unless `s` has one non-negative start per operation,
    /// each job's operations run in order without overlap, and no machine runs two operations
    /// at once (zero-length operations occupy no time).
    public static func check(_ s: JobShopSchedule, instance: JobShopInstance) throws {
        let n = instance.jobCount, m = instance.machineCount
        guard s.starts.count == n else {
            throw JobShopValidationError("\(s.starts.count) jobs in the schedule, the instance has \(n)")
        }
        for j in 0..<n {
            guard s.starts[j].count == m else {
                throw JobShopValidationError("job \(j) has \(s.starts[j].count) start times, expected \(m)")
            }
            for k in 0..<m {
                guard s.starts[j][k] >= 0 else {
                    throw JobShopValidationError("job \(j) operation \(k) starts at \(s.starts[j][k]) < 0")
                }
                guard s.starts[j][k] <= maximumStart else {
                    throw JobShopValidationError("job \(j) operation \(k) starts at \(s.starts[j][k]), beyond the largest start time accepted, 10¹⁵")
                }
                if k > 0 {
                    let previousEnd = s.starts[j][k - 1] + instance.duration[j][k - 1]
                    guard s.starts[j][k] >= previousEnd else {
                        throw JobShopValidationError("job \(j) operation \(k) starts at \(s.starts[j][k]) before operation \(k - 1) ends at \(previousEnd)")
                    }
                }
            }
        }
        // Per machine: intervals sorted by start must not overlap.
        var intervals = [[(start: Int, end: Int, job: Int)]](repeating: [], count: m)
        for j in 0..<n {
            for k in 0..<m where instance.duration[j][k] > 0 {
                let start = s.starts[j][k]
                intervals[instance.machine[j][k]].append((start, start + instance.duration[j][k], j))
            }
        }
        for machine in 0..<m {
            let sorted = intervals[machine].sorted { ($0.start, $0.end) < ($1.start, $1.end) }
            for i in sorted.indices.dropFirst() where sorted[i].start < sorted[i - 1].end {
                throw JobShopValidationError("machine \(machine) runs job \(sorted[i - 1].job) during [\(sorted[i - 1].start), \(sorted[i - 1].end)) and job \(sorted[i].job) from \(sorted[i].start)")
            }
        }
    }
}
