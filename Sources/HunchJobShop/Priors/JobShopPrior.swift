import HunchCore

/// Dispatching rules for Giffler–Thompson active-schedule generation (`GifflerThompson`), each
/// selectable by name. Rules from Panwalkar & Iskander's (1977) survey.
public enum JobShopPrior: String, CaseIterable, Sendable {
    /// Shortest processing time first.
    case spt
    /// Longest processing time first.
    case lpt
    /// Most work remaining in the job (this operation included).
    case mwkr
    /// Most operations remaining in the job.
    case mopnr
    /// First in, first out: the job that became ready earliest.
    case fifo
    /// A uniformly random choice in the conflict set.
    case random

    /// MWKR: the best of these rules on makespan in the literature and on la01–la40 here.
    public static let `default` = JobShopPrior.mwkr

    public init?(name: String) {
        self.init(rawValue: name.lowercased())
    }

    /// With `stop`, a schedule that cannot be finished in time (a huge instance) is completed
    /// at once, job by job, still valid (`GifflerThompson.build`).
    public func construct(_ instance: JobShopInstance, rng: inout SeededGenerator, stop: StopCondition? = nil) -> JobShopSchedule {
        let m = instance.machineCount
        switch self {
        case .spt:
            return GifflerThompson.build(instance, stop: stop) { j, k, _ in Double(instance.duration[j][k]) }
        case .lpt:
            return GifflerThompson.build(instance, stop: stop) { j, k, _ in -Double(instance.duration[j][k]) }
        case .mwkr:
            // Remaining work per job, precomputed as suffix sums.
            var remaining = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: instance.jobCount)
            for j in 0..<instance.jobCount {
                for k in stride(from: m - 1, through: 0, by: -1) { remaining[j][k] = remaining[j][k + 1] + instance.duration[j][k] }
            }
            return GifflerThompson.build(instance, stop: stop) { j, k, _ in -Double(remaining[j][k]) }
        case .mopnr:
            return GifflerThompson.build(instance, stop: stop) { _, k, _ in Double(k) }
        case .fifo:
            return GifflerThompson.build(instance, stop: stop) { _, _, ready in Double(ready) }
        case .random:
            var local = rng
            let schedule = GifflerThompson.build(instance, stop: stop) { _, _, _ in local.unit() }
            rng = local
            return schedule
        }
    }
}
