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
    /// at once (zero-length operations occupy no time): the first of `violations`.
    public static func check(_ s: JobShopSchedule, instance: JobShopInstance) throws {
        if let first = violations(s, instance: instance, limit: 1).first { throw first }
    }

    /// Every violation, at most `limit`: the number of jobs, then job by job its number of start
    /// times, starts out of range and operations that start before the previous one ends, then
    /// machine by machine each operation that starts while an earlier one still runs. An
    /// operation without a valid start is reported once and left out of the later checks.
    ///
    /// Complexity: O(operations · log operations).
    public static func violations(_ s: JobShopSchedule, instance: JobShopInstance,
                                  limit: Int = .max) -> [JobShopValidationError] {
        let n = instance.jobCount, m = instance.machineCount
        var found: [JobShopValidationError] = []
        func add(_ message: String) -> Bool {
            found.append(JobShopValidationError(message))
            return found.count >= limit
        }
        if s.starts.count != n, add("\(s.starts.count) jobs in the schedule, the instance has \(n)") { return found }
        // valid[j][k]: the operation has a start in range, so its end is computed without overflow.
        var valid = [[Bool]](repeating: [Bool](repeating: false, count: m), count: n)
        for j in 0..<min(n, s.starts.count) {
            let row = s.starts[j]
            if row.count != m, add("job \(j) has \(row.count) start times, expected \(m)") { return found }
            for k in 0..<min(m, row.count) {
                guard row[k] >= 0 else {
                    if add("job \(j) operation \(k) starts at \(row[k]) < 0") { return found }
                    continue
                }
                guard row[k] <= maximumStart else {
                    if add("job \(j) operation \(k) starts at \(row[k]), beyond the largest start time accepted, 10¹⁵") { return found }
                    continue
                }
                valid[j][k] = true
                if k > 0 && valid[j][k - 1] {
                    let previousEnd = row[k - 1] + instance.duration[j][k - 1]
                    if row[k] < previousEnd,
                       add("job \(j) operation \(k) starts at \(row[k]) before operation \(k - 1) ends at \(previousEnd)") { return found }
                }
            }
        }
        // Per machine, by start: an interval that starts before the latest end so far overlaps
        // the interval that ends there.
        var intervals = [[(start: Int, end: Int, job: Int)]](repeating: [], count: m)
        for j in 0..<n {
            for k in 0..<m where valid[j][k] && instance.duration[j][k] > 0 {
                let start = s.starts[j][k]
                intervals[instance.machine[j][k]].append((start, start + instance.duration[j][k], j))
            }
        }
        for machine in 0..<m {
            let sorted = intervals[machine].sorted { ($0.start, $0.end) < ($1.start, $1.end) }
            guard var latest = sorted.first else { continue }
            for current in sorted.dropFirst() {
                if current.start < latest.end,
                   add("machine \(machine) runs job \(latest.job) during [\(latest.start), \(latest.end)) and job \(current.job) from \(current.start)") {
                    return found
                }
                if current.end > latest.end { latest = current }
            }
        }
        return found
    }
}
