/// A schedule: the start time of every operation, `starts[j][k]` for job j's k-th operation
/// (jobs and operations in file order, as in the JSON `solution`).
public struct JobShopSchedule: Sendable, Equatable, Codable {
    public var starts: [[Int]]

    public init(starts: [[Int]]) {
        self.starts = starts
    }

    /// Completion time of the last operation (0 for an empty schedule). Assumes the schedule has
    /// the instance's shape; use ``JobShopValidation/check(_:instance:)`` first for untrusted data.
    public func makespan(_ instance: JobShopInstance) -> Int {
        var end = 0
        for j in 0..<min(starts.count, instance.jobCount) {
            for k in 0..<min(starts[j].count, instance.machineCount) {
                end = max(end, starts[j][k] + instance.duration[j][k])
            }
        }
        return end
    }

    /// The `solution` object of the JSON result: `{"starts": [[…]]}`.
    public var jsonObject: [String: [[Int]]] { ["starts": starts] }
}
