import Foundation

/// Trains a linear `PolicyNetwork` by parameter-exploring policy gradients (PGPE; Sehnke et al.
/// 2010, with symmetric sampling): REINFORCE applied to a Gaussian over the policy's parameters
/// instead of to its per-step choices.
///
/// Why not per-step REINFORCE alone: an episode of the real search takes tens of thousands of
/// steps, and the value of an operator mix (say, wide double bridges for diversification) shows
/// only in the episode's final objective. Per-step sampling varies the mix between episodes by
/// a fraction of a percent, so the score function's correlation with the return drowns in noise
/// (Benchmarks/results/policy-evaluation.md, attempts 0–10). Here each pair of episodes runs the
/// perturbed policies μ + ε and μ − ε on the same instance, start and search seed (common random
/// numbers); the difference of their final objectives, against ε, estimates the gradient of the
/// expected final objective with respect to μ — the quantity the evaluation measures.
///
/// Only the parameters that can matter explore: the biases and the weights of the global
/// features (budget used, stagnation, gap, recent improvement, the family's features). The
/// per-operator window features stay at zero: 2k more dimensions of noise for the estimate.
public struct ParameterExploringTrainer {
    public struct Settings: Sendable {
        /// Episodes in total (two per perturbation).
        public var episodes = 800
        /// Perturbation pairs per update; each pair runs on its own instance.
        public var pairsPerUpdate = 8
        /// Adam step size on the mean parameters.
        public var learningRate = 0.1
        /// Standard deviation of the perturbations, at the start and at the end (linear decay).
        public var initialSigma = 1.0
        public var finalSigma = 0.3
        public var seed: UInt64 = 1
        public var jobs = ProcessInfo.processInfo.activeProcessorCount
        public init() {}
    }

    /// One point of the learning curve.
    public struct CurvePoint: Sendable {
        public var update: Int
        public var episodes: Int
        /// Mean improvement of the episodes' final objective over their first descent, in percent.
        public var meanImprovement: Double
        /// Mean over pairs of (objective of μ − ε) − (objective of μ + ε), in percent of the
        /// descent objective: how much the perturbations' direction mattered.
        public var meanPairDifference: Double
        /// Share of each operator among the batch's steps.
        public var actionShare: [Double]
        public var sigma: Double
    }

    public let settings: Settings
    public init(settings: Settings) { self.settings = settings }

    /// Indices of the parameters that explore, for a linear network with `featureCount` inputs
    /// and `operatorCount` outputs: each output's weights on the global features, and the biases.
    public static func exploredParameters(operatorCount k: Int, featureCount f: Int) -> [Int] {
        let engine = SearchFeatures.engineFeatureCount(operatorCount: k)
        let global = Array(SearchFeatures.globalFeatureRange) + Array(engine..<f)
        var indices: [Int] = []
        for o in 0..<k { for i in global { indices.append(o * f + i) } }
        for o in 0..<k { indices.append(k * f + o) }
        return indices
    }

    public func train(environment: TrainingEnvironment, progress: ((CurvePoint) -> Void)? = nil)
        -> (network: PolicyNetwork, curve: [CurvePoint]) {
        let k = environment.operatorNames.count
        let f = environment.featureCount
        var network = PolicyNetwork(architecture: .linear, inputCount: f, outputCount: k, seed: settings.seed)
        let explored = ParameterExploringTrainer.exploredParameters(operatorCount: k, featureCount: f)
        var mean = explored.map { network.parameters[$0] }
        var adam = AdamOptimizer(count: explored.count, learningRate: settings.learningRate)
        let pairs = max(1, settings.pairsPerUpdate)
        let updates = max(1, settings.episodes / (2 * pairs))
        var curve: [CurvePoint] = []

        for update in 0..<updates {
            let progressFraction = updates > 1 ? Double(update) / Double(updates - 1) : 1
            let sigma = settings.initialSigma + (settings.finalSigma - settings.initialSigma) * progressFraction
            // Perturbations and seeds depend on (seed, update, pair) only: the same seed gives the
            // same weights whatever the number of threads.
            var jobs: [Job] = []
            for j in 0..<pairs {
                let index = UInt64(update * pairs + j) + 1
                var noise = SeededGenerator.stream(seed: settings.seed ^ 0x9E37, index: index)
                let epsilon = explored.indices.map { _ in noise.gaussian() * sigma }
                let instanceSeed = SeededGenerator.stream(seed: settings.seed, index: index).seedValue
                let searchSeed = SeededGenerator.stream(seed: settings.seed ^ 0xA5A5, index: index).seedValue
                for sign in [1.0, -1.0] {
                    var perturbed = network
                    for (e, p) in explored.enumerated() { perturbed.parameters[p] = mean[e] + sign * epsilon[e] }
                    jobs.append(Job(network: perturbed, instanceSeed: instanceSeed, searchSeed: searchSeed, epsilon: epsilon))
                }
            }
            let outcomes = run(jobs, environment: environment)

            // Symmetric-sampling gradient of the expected final improvement with respect to μ,
            // each pair's difference scaled by the batch's spread (fitness shaping, so that the
            // step does not depend on the instance mix's scale).
            var differences: [Double] = []
            for j in 0..<pairs {
                differences.append(outcomes[2 * j].improvement - outcomes[2 * j + 1].improvement)
            }
            let spread = max(1e-12, (differences.reduce(0) { $0 + $1 * $1 } / Double(pairs)).squareRoot())
            var gradient = [Double](repeating: 0, count: explored.count)
            for j in 0..<pairs {
                let weight = differences[j] / spread / (2 * Double(pairs) * sigma)
                let epsilon = jobs[2 * j].epsilon
                for e in 0..<explored.count { gradient[e] += weight * epsilon[e] / sigma }
            }
            adam.ascend(&mean, gradient: gradient)

            var share = [Double](repeating: 0, count: k)
            var steps = 0
            for o in outcomes { for a in 0..<k { share[a] += Double(o.applications[a]) }; steps += o.applications.reduce(0, +) }
            if steps > 0 { for a in 0..<k { share[a] /= Double(steps) } }
            let point = CurvePoint(update: update, episodes: (update + 1) * 2 * pairs,
                                   meanImprovement: outcomes.map(\.improvement).reduce(0, +) / Double(outcomes.count),
                                   meanPairDifference: differences.reduce(0, +) / Double(pairs),
                                   actionShare: share, sigma: sigma)
            curve.append(point)
            progress?(point)
        }
        for (e, p) in explored.enumerated() { network.parameters[p] = mean[e] }
        return (network, curve)
    }

    struct Job {
        var network: PolicyNetwork
        var instanceSeed: UInt64
        var searchSeed: UInt64
        var epsilon: [Double]
    }

    struct Outcome {
        /// (descent objective − final best) / |descent objective|, in percent.
        var improvement = 0.0
        var applications: [Int] = []
    }

    private func run(_ jobs: [Job], environment: TrainingEnvironment) -> [Outcome] {
        ParallelWork.map(count: jobs.count, jobs: settings.jobs) { i in
            ParameterExploringTrainer.runEpisode(jobs[i], environment: environment)
        }.map { $0! }
    }

    static func runEpisode(_ job: Job, environment: TrainingEnvironment) -> Outcome {
        let episode = environment.makeEpisode(instanceSeed: job.instanceSeed, searchSeed: job.searchSeed)
        var policy = LearnedPolicy(network: job.network)
        var rng = SeededGenerator(seed: job.searchSeed ^ 0x5EED)
        let stats = LocalSearch(acceptance: episode.acceptance)
            .run(state: episode.state, policy: &policy, stop: episode.stop, rng: &rng)
        let scale = max(1e-12, abs(stats.descentObjective))
        return Outcome(improvement: (stats.descentObjective - stats.bestObjective) / scale * 100,
                       applications: stats.applications)
    }
}
