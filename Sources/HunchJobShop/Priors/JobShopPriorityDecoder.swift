/// The LLM prior's decoder: turns a job priority order (the model's "hunch") into an active
/// schedule by Giffler–Thompson generation, where the job ranked earlier wins every conflict.
///
/// Anything can come back from a model, so the order is repaired first: out-of-range and repeated
/// entries are dropped, and missing jobs are appended in MWKR order (most work first).
public enum JobShopPriorityDecoder {
    public static func schedule(_ instance: JobShopInstance, jobOrder: [Int]) -> JobShopSchedule {
        let rank = repairedRank(instance, jobOrder: jobOrder)
        return GifflerThompson.build(instance) { j, _, _ in Double(rank[j]) }
    }

    /// The order actually used: valid first occurrences, then the missing jobs by MWKR.
    public static func repairedOrder(_ instance: JobShopInstance, jobOrder: [Int]) -> [Int] {
        let n = instance.jobCount
        var seen = [Bool](repeating: false, count: n)
        var order: [Int] = []
        order.reserveCapacity(n)
        for j in jobOrder where j >= 0 && j < n && !seen[j] {
            seen[j] = true
            order.append(j)
        }
        let lengths = instance.jobLengths
        let missing = (0..<n).filter { !seen[$0] }.sorted { (lengths[$0], -$0) > (lengths[$1], -$1) }
        return order + missing
    }

    /// `rank[j]`: position of job j in the repaired order.
    static func repairedRank(_ instance: JobShopInstance, jobOrder: [Int]) -> [Int] {
        var rank = [Int](repeating: 0, count: instance.jobCount)
        for (position, j) in repairedOrder(instance, jobOrder: jobOrder).enumerated() { rank[j] = position }
        return rank
    }
}
