import ArgumentParser
import Foundation
import HunchCore

struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train an operator-selection policy with policy-gradient RL on a family's real search.",
        discussion: """
        Episodes run the family's real local search under a work budget, on generated instances
        (sizes log-uniform in --min-size…--max-size: TSP nodes, job-shop jobs, bin-packing items,
        3D box types) or on the files in --instances. Reward: improvement of the best objective in
        units of the instance's scale (TSP: the start tour's average edge), with each step's work
        charged. Reproducible: the same seed gives the same weights, whatever --jobs.
        """)

    @Argument(help: ArgumentHelp("Family: \(Families.names.joined(separator: ", ")).", valueName: "family"))
    var family: String

    @Option(name: .long, help: "Train on these instance files (a folder) instead of generated ones.")
    var instances: String?

    @Option(name: .long, parsing: .unconditional, help: "Smallest generated instance (default: the family's; tsp 100 nodes).")
    var minSize: Int?

    @Option(name: .long, parsing: .unconditional, help: "Largest generated instance (default: the family's; tsp 2000 nodes).")
    var maxSize: Int?

    @Option(name: .long, parsing: .unconditional, help: "Episode budget: work units per size unit (tsp: per node, default 400; jobshop: per operation; binpacking: per item).")
    var workPerNode: Int?

    @Option(name: .long, parsing: .unconditional, help: "Episode budget: work units per episode whatever the size (tsp: overrides --work-per-node, ~25 million per CPU second; packing3d: decodes per episode).")
    var workPerEpisode: Int?

    @Option(name: .long, parsing: .unconditional, help: "Entropy bonus weight (keeps the policy from collapsing onto one operator too early).", transform: NumberArgument.decimal)
    var entropyBonus = 0.001

    @Option(name: .long, parsing: .unconditional, help: "Episodes in total.")
    var episodes = 400

    @Option(name: .long, parsing: .unconditional, help: "Episodes per update (pgpe: two per perturbation pair, each pair on its own instance).")
    var batchSize = 16

    @Option(name: .long, parsing: .unconditional, help: "Distinct instances per update (episodes are spread over them).")
    var instancesPerBatch = 4

    @Option(name: .long, parsing: .unconditional, help: "Credit assignment: each step is credited with its reward minus its work at the episode's average rate; 0 = that alone (default), up to 1 = plus the discounted credits of the steps after it.", transform: NumberArgument.decimal)
    var discount = 0.0

    @Option(name: .long, parsing: .unconditional, help: "Adam learning rate (default: reinforce 0.02, pgpe 0.1).", transform: NumberArgument.decimal)
    var learningRate: Double?

    @Option(name: .long, help: "Training method: reinforce (per-step policy gradient) or pgpe (parameter-exploring policy gradient: pairs of perturbed linear policies on the same instance, compared by final objective).")
    var method = "reinforce"

    @Option(name: .long, parsing: .unconditional, help: "pgpe: standard deviation of the parameter perturbations at the start.", transform: NumberArgument.decimal)
    var sigma = 1.0

    @Option(name: .long, parsing: .unconditional, help: "pgpe: standard deviation at the end (linear decay; default: --sigma).", transform: NumberArgument.decimal)
    var finalSigma: Double?

    @Option(name: .long, help: "Network: linear or mlp.")
    var architecture = "mlp"

    @Option(name: .long, parsing: .unconditional, help: "Hidden units of the MLP.")
    var hidden = 16

    @Option(name: .long, parsing: .unconditional, help: "Random seed.", transform: NumberArgument.seed)
    var seed: UInt64 = 1

    @Option(name: .long, parsing: .unconditional, help: "Parallel episodes (default: cores).")
    var jobs = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .long, help: "Where to write the weights (JSON).")
    var out = "policy.json"

    @Option(name: .long, help: "Write the learning curve as CSV.")
    var curve: String?

    @Option(name: .long, help: "Write the learning curve as SVG.")
    var curveSvg: String?

    @Option(name: .long, help: "Skip training: validate this weights file instead.")
    var weights: String?

    @Option(name: .customLong("validate"), parsing: .unconditional, help: "After training, compare the policy with the baselines on this many held-out generated instances (0: skip).")
    var validationInstances = 0

    @Option(name: .long, parsing: .unconditional, help: "Validation: search seeds per instance.")
    var validateSeeds = 2

    @Option(name: .long, parsing: .unconditional, help: "Validation: CPU seconds per run (a stand-in for equal wall time that a busy machine does not skew).", transform: NumberArgument.seconds)
    var validateSeconds = 1.0

    @Option(name: .long, help: "Validation: policies to compare (names or weights files); 'learned' is the trained or --weights policy.")
    var validatePolicies = "uniform,roulette,fixed,learned"

    @Option(name: .long, parsing: .unconditional, help: "Validation: seed of the held-out instances (distinct from the training stream whatever --seed).", transform: NumberArgument.seed)
    var validateSeed: UInt64 = 0xC0FFEE

    func validate() throws {
        guard (try? Families.named(family)) != nil else {
            throw ValidationError("unknown family '\(family)'; supported: \(Families.names.joined(separator: ", "))")
        }
        guard PolicyNetwork.Architecture(rawValue: architecture) != nil else {
            throw ValidationError("--architecture must be linear or mlp")
        }
        guard method == "reinforce" || method == "pgpe" else { throw ValidationError("--method must be reinforce or pgpe") }
        guard method == "reinforce" || architecture == "linear" else {
            throw ValidationError("--method pgpe trains the linear policy: add --architecture linear")
        }
        guard sigma > 0, (finalSigma ?? 1) > 0, (learningRate ?? 1) > 0 else {
            throw ValidationError("--sigma, --final-sigma and --learning-rate must be > 0")
        }
        guard (0...1).contains(discount) else { throw ValidationError("--discount must be between 0 and 1") }
        guard (minSize ?? 1) >= 1, (maxSize ?? Int.max) >= (minSize ?? 1) else { throw ValidationError("need 1 ≤ --min-size ≤ --max-size") }
        guard entropyBonus >= 0, (workPerEpisode ?? 1) >= 1 else {
            throw ValidationError("--entropy-bonus must be ≥ 0 and --work-per-episode ≥ 1")
        }
        guard validationInstances >= 0, validateSeeds >= 1, validateSeconds > 0 else {
            throw ValidationError("--validate must be ≥ 0, --validate-seeds ≥ 1 and --validate-seconds > 0")
        }
        guard episodes >= 1, batchSize >= 1, jobs >= 1, hidden >= 1, (workPerNode ?? 1) >= 1 else {
            throw ValidationError("--episodes, --batch-size, --jobs, --hidden and --work-per-node must be ≥ 1")
        }
    }

    func run() throws {
        setvbuf(stdout, nil, _IOLBF, 0)   // the learning curve appears line by line, even in a log file
        let runner = try Families.named(family)
        var files: [String] = []
        if let instances {
            files = try InstanceSource.list(instances, families: [runner.name]).map(\.path)
            guard !files.isEmpty else { throw CLIError("\(instances): no \(runner.name) instances found") }
        }
        let environment = try runner.trainingEnvironment(trainingSettings, files: files)
        if let weights {
            let network = try PolicyWeights.read(path: weights).network(
                family: family, operators: environment.operatorNames, featureCount: environment.featureCount, source: weights)
            try runValidation(runner: runner, network: network)
            return
        }
        let clock = MonotonicClock()
        let start = clock.now()
        let (network, points) = method == "pgpe" ? trainByParameterExploration(environment)
                                                 : trainByReinforce(environment)
        let elapsed = clock.now() - start
        let command = (["hunch"] + CommandLine.arguments.dropFirst()).joined(separator: " ")
        let weights = PolicyWeights(family: family, operators: environment.operatorNames, network: network, training: [
            "command": command, "method": method, "seed": String(seed), "episodes": String(episodes),
            "seconds": String(format: "%.1f", elapsed),
            "final_\(points.valueName.replacingOccurrences(of: " ", with: "_"))": String(format: "%.4f", points.rows.last?.value ?? 0),
        ])
        try AtomicFile.write(weights.encoded(), to: out)
        if let curve {
            let valueColumn = points.valueName.replacingOccurrences(of: " ", with: "_")
            var csv = "update,episodes,\(valueColumn)," + environment.operatorNames.map { "p_\($0)" }.joined(separator: ",") + "\n"
            for p in points.rows {
                csv += "\(p.update),\(p.episodes),\(p.value)," + p.shares.map { String($0) }.joined(separator: ",") + "\n"
            }
            try AtomicFile.write(csv, to: curve)
        }
        if let curveSvg {
            try AtomicFile.write(LineChartSVG.render(
                title: "hunch train \(family) (\(method)): \(points.valueName) (seed \(seed))", xLabel: "episodes", yLabel: points.valueName,
                series: [(points.valueName, points.rows.map { (Double($0.episodes), $0.value) })]), to: curveSvg)
        }
        print(String(format: "trained in %.1f s; wrote %@", elapsed, out))
        if validationInstances > 0 { try runValidation(runner: runner, network: network) }
    }

    /// A learning curve: per update, episodes so far, the tracked value and the operator shares.
    struct Curve {
        var valueName: String
        var rows: [(update: Int, episodes: Int, value: Double, shares: [Double])] = []
    }

    func trainByReinforce(_ environment: TrainingEnvironment) -> (PolicyNetwork, Curve) {
        var settings = PolicyGradientTrainer.Settings()
        settings.architecture = PolicyNetwork.Architecture(rawValue: architecture)!
        settings.hidden = hidden
        settings.episodes = episodes
        settings.batchSize = batchSize
        settings.instancesPerBatch = instancesPerBatch
        settings.discount = discount
        settings.learningRate = learningRate ?? 0.02
        settings.entropyBonus = entropyBonus
        settings.seed = seed
        settings.jobs = jobs
        print("update  episodes  mean_return  " + environment.operatorNames.joined(separator: "  "))
        var curve = Curve(valueName: "mean return")
        let (network, _) = PolicyGradientTrainer(settings: settings).train(environment: environment) { p in
            let shares = p.actionShare.map { String(format: "%.3f", $0) }.joined(separator: "  ")
            print(String(format: "%6d  %8d  %11.3f  ", p.update, p.episodes, p.meanReturn) + shares)
            curve.rows.append((p.update, p.episodes, p.meanReturn, p.actionShare))
        }
        return (network, curve)
    }

    func trainByParameterExploration(_ environment: TrainingEnvironment) -> (PolicyNetwork, Curve) {
        var settings = ParameterExploringTrainer.Settings()
        settings.episodes = episodes
        settings.pairsPerUpdate = max(1, batchSize / 2)
        settings.learningRate = learningRate ?? 0.1
        settings.initialSigma = sigma
        settings.finalSigma = finalSigma ?? sigma
        settings.seed = seed
        settings.jobs = jobs
        print("update  episodes  sigma  improvement_%  pair_difference_%  " + environment.operatorNames.joined(separator: "  "))
        var curve = Curve(valueName: "mean improvement %")
        let (network, _) = ParameterExploringTrainer(settings: settings).train(environment: environment) { p in
            let shares = p.actionShare.map { String(format: "%.3f", $0) }.joined(separator: "  ")
            print(String(format: "%6d  %8d  %5.2f  %13.4f  %17.4f  ", p.update, p.episodes, p.sigma, p.meanImprovement,
                         p.meanPairDifference) + shares)
            curve.rows.append((p.update, p.episodes, p.meanImprovement, p.actionShare))
        }
        return (network, curve)
    }

    /// Paired comparison on held-out generated instances at equal CPU time per run.
    /// The environment's settings as the flags give them (sizes in the family's unit).
    var trainingSettings: TrainingSettings {
        TrainingSettings(minSize: minSize, maxSize: maxSize, workPerUnit: workPerNode, workPerEpisode: workPerEpisode)
    }

    func runValidation(runner: any RegisteredFamily, network: PolicyNetwork) throws {
        // Held-out generated instances: the same environment without the training files.
        let environment = try runner.trainingEnvironment(trainingSettings, files: [])
        let names = validatePolicies.split(separator: ",").map(String.init)
        var made: [String: NamedPolicy] = [:]
        for name in names {
            made[name] = name == "learned" ? .learned(LearnedPolicy(network: network))
                : try PolicyChoice.make(name, family: family, operators: environment.operatorNames,
                                        featureCount: environment.featureCount, bundled: runner.bundledWeights)
        }
        var evaluation = PolicyEvaluation(seed: validateSeed, instances: validationInstances, seeds: validateSeeds, cpuSeconds: validateSeconds)
        evaluation.jobs = jobs
        let fixed = made
        let results = evaluation.run(environment: environment, policies: names) { fixed[$0]! }
        let gaps = PolicyEvaluation.gaps(results, episodes: evaluation.episodes)
        print("validation: \(validationInstances) held-out instances × \(validateSeeds) seeds, \(validateSeconds) CPU s per run; gap to the best found per instance")
        for (r, g) in zip(results, gaps) {
            let steps = Double(r.steps.reduce(0, +)) / Double(max(1, r.steps.count))
            let work = Double(r.work.reduce(0, +)) / Double(max(1, r.work.count))
            print(String(format: "  %-28@ mean gap %.4f%%  mean steps %.0f  mean work %.0f", r.policy as NSString,
                         100 * g.reduce(0, +) / Double(max(1, g.count)), steps, work))
        }
        guard let l = names.firstIndex(of: "learned") else { return }
        for (i, name) in names.enumerated() where i != l {
            let a = gaps[l], b = gaps[i]
            let wins = zip(a, b).filter { $0 < $1 }.count, losses = zip(a, b).filter { $0 > $1 }.count
            print(String(format: "  learned vs %-20@ wins %d  losses %d  Wilcoxon p %.4f", name as NSString, wins, losses,
                         WilcoxonSignedRank(a, b).pValue))
        }
    }
}
