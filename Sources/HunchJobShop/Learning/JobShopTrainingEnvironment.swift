import HunchCore

/// Episodes of the real job-shop search for `PolicyGradientTrainer`: a Taillard-style instance
/// of random size (or one of the given files), the MWKR prior, and a work budget proportional to
/// the number of operations.
public struct JobShopTrainingEnvironment: TrainingEnvironment {
    public var minJobs = 10
    public var maxJobs = 30
    public var minMachines = 5
    public var maxMachines = 15
    /// Move evaluations per operation per episode.
    public var workPerOperation = 2_000
    /// Instances to train on instead of generated ones.
    public var instances: [JobShopInstance] = []

    public init() {}

    public var family: String { "jobshop" }
    public var operatorNames: [String] { JobShopSearchState.operators }
    public var featureCount: Int { JobShopSearchState.featureCount }

    public func makeEpisode(instanceSeed: UInt64, searchSeed: UInt64) -> TrainingEpisode {
        var rng = SeededGenerator(seed: instanceSeed)
        let instance: JobShopInstance
        if instances.isEmpty {
            let jobs = minJobs + rng.below(max(1, maxJobs - minJobs + 1))
            let machines = minMachines + rng.below(max(1, maxMachines - minMachines + 1))
            instance = JobShopGenerator.taillard(jobs: jobs, machines: machines, seed: rng.next(), name: "train-\(instanceSeed)")
        } else {
            instance = instances[rng.below(instances.count)]
        }
        var searchRNG = SeededGenerator(seed: searchSeed)
        let schedule = JobShopPrior.mwkr.construct(instance, rng: &searchRNG)
        // A Giffler–Thompson schedule is feasible, so its sequences are acyclic.
        let state = JobShopSearchState(instance: instance, schedule: schedule)!
        state.patience = max(200, min(2000, 4 * instance.operationCount))
        state.maxBurstIterations = 10 * state.patience
        let averageOperation = max(1e-9, Double(instance.totalWork) / Double(max(1, instance.operationCount)))
        return TrainingEpisode(state: state,
                               stop: StopCondition(maxWork: workPerOperation * instance.operationCount, interruption: Interruption()),
                               rewardScale: averageOperation)
    }
}
