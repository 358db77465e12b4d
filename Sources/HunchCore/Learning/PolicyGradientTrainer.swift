import Foundation

/// Trains a `PolicyNetwork` by REINFORCE (Williams 1992) over episodes of a family's real search.
///
/// Each update runs a batch of episodes in parallel (seeds derived from the training seed, so
/// results do not depend on thread timing): `instancesPerBatch` instances, each searched
/// `batchSize / instancesPerBatch` times with different search seeds. Every step's reward is the
/// improvement of the best objective it produced, in units of `rewardScale`; its return-to-go
/// within the episode's work budget, minus a baseline fitted per instance to the features (ridge
/// regression: episodes on the same instance are compared with each other, and "how much budget
/// is left" is not mistaken for "how good the action was"), weights the score function in an
/// Adam step. Operators that cost more work leave less
/// budget for later steps, so they must earn their cost.
public struct PolicyGradientTrainer {
    public struct Settings: Sendable {
        public var architecture: PolicyNetwork.Architecture = .mlp
        public var hidden = 16
        public var episodes = 400
        public var batchSize = 16
        /// Distinct instances per batch; the batch's episodes are spread evenly over them.
        public var instancesPerBatch = 4
        public var learningRate = 0.02
        public var entropyBonus = 0.001
        /// How far rewards reach back: 0 credits each step with its own reward only, charged for
        /// its work at the episode's average rate of improvement per unit of work (a contextual
        /// bandit: "was this step more efficient than the episode's average?"); up to 1, it is
        /// also credited with the discounted, equally charged rewards of the steps after it.
        public var discount = 0.0
        public var seed: UInt64 = 1
        public var jobs = ProcessInfo.processInfo.activeProcessorCount
        public init() {}
    }

    /// One point of the learning curve.
    public struct CurvePoint: Sendable {
        public var update: Int
        public var episodes: Int
        /// Mean episode return: total improvement of the best objective, in reward units.
        public var meanReturn: Double
        /// Mean action probabilities over the batch's steps.
        public var actionShare: [Double]
    }

    public let settings: Settings
    public init(settings: Settings) { self.settings = settings }

    public func train(environment: TrainingEnvironment, progress: ((CurvePoint) -> Void)? = nil)
        -> (network: PolicyNetwork, curve: [CurvePoint]) {
        let k = environment.operatorNames.count
        let f = environment.featureCount
        var network = PolicyNetwork(architecture: settings.architecture, inputCount: f,
                                    hiddenCount: settings.hidden, outputCount: k, seed: settings.seed)
        var adam = AdamOptimizer(count: network.parameters.count, learningRate: settings.learningRate)
        var curve: [CurvePoint] = []
        let updates = max(1, settings.episodes / max(1, settings.batchSize))
        for update in 0..<updates {
            let groups = max(1, min(settings.instancesPerBatch, settings.batchSize))
            let seeds: [(instance: UInt64, search: UInt64, group: Int)] = (0..<settings.batchSize).map { j in
                let group = j % groups
                let instanceSeed = SeededGenerator.stream(seed: settings.seed, index: UInt64(update * groups + group) + 1).seedValue
                let searchSeed = SeededGenerator.stream(seed: settings.seed ^ 0xA5A5, index: UInt64(update * settings.batchSize + j) + 1).seedValue
                return (instanceSeed, searchSeed, group)
            }
            let trajectories = runBatch(environment: environment, network: network, seeds: seeds)
            let (gradient, point) = policyGradient(network: network, trajectories: trajectories, featureCount: f)
            adam.ascend(&network.parameters, gradient: gradient)
            var p = point
            p.update = update
            p.episodes = (update + 1) * settings.batchSize
            curve.append(p)
            progress?(p)
        }
        return (network, curve)
    }

    struct Trajectory {
        var features: [Double]
        var actions: [Int]
        var rewards: [Double]
        var works: [Int] = []
        var group = 0
    }

    private func runBatch(environment: TrainingEnvironment, network: PolicyNetwork,
                          seeds: [(instance: UInt64, search: UInt64, group: Int)]) -> [Trajectory] {
        ParallelWork.map(count: seeds.count, jobs: settings.jobs) { i in
            var t = PolicyGradientTrainer.runEpisode(environment: environment, network: network,
                                                     instanceSeed: seeds[i].instance, searchSeed: seeds[i].search)
            t.group = seeds[i].group
            return t
        }.map { $0! }
    }

    static func runEpisode(environment: TrainingEnvironment, network: PolicyNetwork,
                           instanceSeed: UInt64, searchSeed: UInt64) -> Trajectory {
        let episode = environment.makeEpisode(instanceSeed: instanceSeed, searchSeed: searchSeed)
        let recorder = TrajectoryRecorder(featureCount: environment.featureCount)
        var policy = LearnedPolicy(network: network)
        var rng = SeededGenerator(seed: searchSeed ^ 0x5EED)
        let search = LocalSearch(acceptance: episode.acceptance)
        _ = search.run(state: episode.state, policy: &policy, stop: episode.stop, rng: &rng, observer: recorder)
        // Reward of a step: how much it lowered the best objective, in reward units.
        var rewards = [Double](repeating: 0, count: recorder.actions.count)
        var bestBefore = recorder.descentBest ?? 0
        for t in 0..<recorder.bests.count {
            rewards[t] = (bestBefore - recorder.bests[t]) / episode.rewardScale
            bestBefore = recorder.bests[t]
        }
        return Trajectory(features: recorder.features, actions: recorder.actions, rewards: rewards, works: recorder.works)
    }

    /// Each step's credit: its reward minus its work charged at the episode's average rate of
    /// improvement per unit of work (so a step must beat the episode's own efficiency to earn
    /// credit: the average-reward view of a fixed budget), summed with discount `discount` over
    /// the steps that follow. Discount 0 is a contextual bandit; between 0 and 1 a step is also
    /// credited with what the next ~1/(1−discount) steps found from the state it left (the value
    /// of diversifying); 1 is the work-charged return-to-go.
    func credit(_ t: Trajectory) -> [Double] {
        let n = t.rewards.count
        let totalWork = Double(t.works.reduce(0, +))
        let rate = totalWork > 0 ? t.rewards.reduce(0, +) / totalWork : 0
        var g = 0.0
        var out = [Double](repeating: 0, count: n)
        for i in stride(from: n - 1, through: 0, by: -1) {
            g = (t.rewards[i] - rate * Double(t.works[i])) + settings.discount * g
            out[i] = g
        }
        return out
    }

    /// The batch's policy gradient (per step, advantage-weighted score function plus an entropy
    /// bonus) and its learning-curve point.
    func policyGradient(network: PolicyNetwork, trajectories: [Trajectory], featureCount f: Int) -> ([Double], CurvePoint) {
        // Credits, and advantages against a baseline fitted per instance group.
        var xs: [Double] = []
        var actions: [Int] = []
        var episodeReturns: [Double] = []
        var advantages: [Double] = []
        for group in Set(trajectories.map(\.group)).sorted() {
            var gx: [Double] = [], gr: [Double] = []
            for t in trajectories where t.group == group {
                gx.append(contentsOf: t.features)
                gr.append(contentsOf: credit(t))
            }
            let baseline = RidgeBaseline.fit(features: gx, targets: gr, featureCount: f, lambda: 1e-3)
            for row in 0..<gr.count { advantages.append(gr[row] - baseline.predict(gx, row: row)) }
        }
        // Same order as the advantages: group by group.
        for group in Set(trajectories.map(\.group)).sorted() {
            for t in trajectories where t.group == group {
                episodeReturns.append(t.rewards.reduce(0, +))
                xs.append(contentsOf: t.features)
                actions.append(contentsOf: t.actions)
            }
        }
        let steps = actions.count
        let k = network.outputCount
        var point = CurvePoint(update: 0, episodes: 0,
                               meanReturn: episodeReturns.reduce(0, +) / Double(max(1, episodeReturns.count)),
                               actionShare: Array(repeating: 0, count: k))
        var gradient = [Double](repeating: 0, count: network.parameters.count)
        guard steps > 0 else { return (gradient, point) }

        let mean = advantages.reduce(0, +) / Double(steps)
        let variance = advantages.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(steps)
        let std = max(variance.squareRoot(), 1e-8)
        for i in 0..<steps { advantages[i] = (advantages[i] - mean) / std }

        var logits = [Double](repeating: 0, count: k)
        var probabilities = [Double](repeating: 0, count: k)
        var hidden = network.makeScratch()
        let scale = 1.0 / Double(steps)
        xs.withUnsafeBufferPointer { all in
            gradient.withUnsafeMutableBufferPointer { g in
                for i in 0..<steps {
                    let x = UnsafeBufferPointer(rebasing: all[(i * f)..<((i + 1) * f)])
                    logits.withUnsafeMutableBufferPointer { l in
                        hidden.withUnsafeMutableBufferPointer { h in network.forward(x, logits: l, hidden: h) }
                    }
                    logits.withUnsafeBufferPointer { l in
                        probabilities.withUnsafeMutableBufferPointer { p in PolicyNetwork.softmax(l, into: p) }
                    }
                    for a in 0..<k { point.actionShare[a] += probabilities[a] / Double(steps) }
                    probabilities.withUnsafeBufferPointer { p in
                        hidden.withUnsafeBufferPointer { h in
                            network.accumulateLogProbabilityGradient(x, action: actions[i], probabilities: p, hidden: h,
                                                                     scale: advantages[i] * scale, into: g)
                            // Entropy bonus: ∂H/∂z_j = −p_j (log p_j + H); since these weights sum to
                            // zero, Σ_a w_a ∇log p_a with w_a = −p_a (log p_a + H) is exactly ∇H.
                            if settings.entropyBonus > 0 {
                                var entropy = 0.0
                                for a in 0..<k where p[a] > 0 { entropy -= p[a] * log(p[a]) }
                                for a in 0..<k where p[a] > 0 {
                                    let w = -p[a] * (log(p[a]) + entropy) * settings.entropyBonus * scale
                                    network.accumulateLogProbabilityGradient(x, action: a, probabilities: p, hidden: h, scale: w, into: g)
                                }
                            }
                        }
                    }
                }
            }
        }
        return (gradient, point)
    }
}
