/// The text of the LLM prior's request: a job priority order for Giffler–Thompson decoding
/// (``JobShopPriorityDecoder``). The prompt stays compact as instances grow: small instances
/// list every operation, larger ones summarise each job (total work, bottleneck share, first
/// machines), so it fits small models' context windows.
public enum JobShopLLMPrompt {
    /// Above this many operations, jobs are summarised instead of listed in full.
    public static let fullListingLimit = 150

    public static func system() -> String {
        """
        You schedule a job shop: each job is a fixed sequence of operations, each on one machine \
        for a given time; a machine runs one operation at a time. The goal is the smallest \
        makespan (the time the last job finishes). Answer with JSON {"order": [job numbers]} \
        listing every job number exactly once, most urgent first (jobs with much remaining work \
        or that start on busy machines usually go first). Answer with the JSON only.
        """
    }

    public static func user(_ instance: JobShopInstance) -> String {
        let n = instance.jobCount, m = instance.machineCount
        let loads = instance.machineLoads
        let bottleneck = loads.indices.max { loads[$0] < loads[$1] } ?? 0
        var text = "\(n) jobs (numbered 1 to \(n)), \(m) machines. Bottleneck machine: M\(bottleneck) (load \(loads[bottleneck])).\n"
        if instance.operationCount <= fullListingLimit {
            text += "Each job as machine:time in order:\n"
            for j in 0..<n {
                let ops = (0..<m).map { "M\(instance.machine[j][$0]):\(instance.duration[j][$0])" }
                text += "job \(j + 1): " + ops.joined(separator: " ") + "\n"
            }
        } else {
            text += "Each job: total time, time on the bottleneck, first machines:\n"
            for j in 0..<n {
                let total = instance.duration[j].reduce(0, +)
                let onBottleneck = (0..<m).first { instance.machine[j][$0] == bottleneck }.map { instance.duration[j][$0] } ?? 0
                let first = (0..<min(3, m)).map { "M\(instance.machine[j][$0])" }.joined(separator: ",")
                text += "job \(j + 1): \(total), \(onBottleneck), \(first)\n"
            }
        }
        text += "Reply with JSON {\"order\": [...]} holding the \(n) job numbers 1 to \(n), most urgent first."
        return text
    }
}
