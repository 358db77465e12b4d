import Foundation

/// Compares operator-selection policies on a family's episodes, paired: every policy runs the
/// same instances with the same search seeds under the same budget (the environment's work
/// budget, or a per-episode CPU-time limit that stands in for equal wall time). Used by
/// `hunch train --validate` on held-out generated instances, never on the benchmark set.
public struct PolicyEvaluation {
    /// One policy's final best objective per episode, in episode order.
    public struct Result: Sendable {
        public var policy: String
        public var objectives: [Double]
        public var steps: [Int]
        /// Work units spent per episode (the family's unit).
        public var work: [Int]
    }

    public var episodes: [(instance: UInt64, search: UInt64)]
    /// CPU seconds per episode; nil keeps the environment's own (work) budget.
    public var cpuSeconds: Double?
    public var jobs = ProcessInfo.processInfo.activeProcessorCount

    public init(episodes: [(instance: UInt64, search: UInt64)], cpuSeconds: Double? = nil) {
        self.episodes = episodes
        self.cpuSeconds = cpuSeconds
    }

    /// `instances` distinct instances × `seeds` search seeds each, from a stream of `seed`.
    public init(seed: UInt64, instances: Int, seeds: Int, cpuSeconds: Double? = nil) {
        var list: [(UInt64, UInt64)] = []
        for i in 0..<max(0, instances) {
            let instanceSeed = SeededGenerator.stream(seed: seed, index: UInt64(i) + 1).seedValue
            for s in 0..<max(1, seeds) {
                list.append((instanceSeed, SeededGenerator.stream(seed: seed ^ 0x5EA4C4, index: UInt64(i * 1000 + s) + 1).seedValue))
            }
        }
        self.init(episodes: list.map { (instance: $0.0, search: $0.1) }, cpuSeconds: cpuSeconds)
    }

    /// Runs every policy (made fresh per episode by `make`) on every episode.
    public func run(environment: TrainingEnvironment, policies names: [String],
                    make: @escaping @Sendable (String) -> NamedPolicy) -> [Result] {
        let jobsList = names.indices.flatMap { p in episodes.indices.map { (p, $0) } }
        let list = episodes
        let seconds = cpuSeconds
        let outcomes = ParallelWork.map(count: jobsList.count, jobs: jobs) { i -> (Double, Int, Int) in
            let (p, e) = jobsList[i]
            var episode = environment.makeEpisode(instanceSeed: list[e].instance, searchSeed: list[e].search)
            if let seconds {
                let clock = ThreadCPUClock()
                episode.stop = StopCondition(deadline: clock.now() + seconds, clock: clock, interruption: episode.stop.interruption)
            }
            var policy = make(names[p])
            var rng = SeededGenerator(seed: list[e].search ^ 0x5EED)
            let stats = LocalSearch(acceptance: episode.acceptance)
                .run(state: episode.state, policy: &policy, stop: episode.stop, rng: &rng)
            return (stats.bestObjective, stats.steps, stats.work.reduce(0, +))
        }
        return names.indices.map { p in
            let rows = episodes.indices.map { outcomes[p * episodes.count + $0] ?? (.nan, 0, 0) }
            return Result(policy: names[p], objectives: rows.map(\.0), steps: rows.map(\.1), work: rows.map(\.2))
        }
    }

    /// Per episode, each policy's gap to the best objective any policy reached on that instance
    /// (over all its seeds): a paired, scale-free score.
    public static func gaps(_ results: [Result], episodes: [(instance: UInt64, search: UInt64)]) -> [[Double]] {
        var best: [UInt64: Double] = [:]
        for r in results {
            for (e, value) in r.objectives.enumerated() {
                best[episodes[e].instance] = min(best[episodes[e].instance] ?? .infinity, value)
            }
        }
        return results.map { r in
            r.objectives.enumerated().map { e, value in
                let b = best[episodes[e].instance] ?? value
                return b > 0 ? (value - b) / b : 0
            }
        }
    }
}
