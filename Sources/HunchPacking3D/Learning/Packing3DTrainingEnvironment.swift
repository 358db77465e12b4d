import HunchCore

/// Episodes of the real container-loading search for `PolicyGradientTrainer`: a generated
/// BR-like instance (box types uniform in a range) or one of the given instances, the default
/// prior, full support, and a work budget of about `decodesPerEpisode` decodes.
public struct Packing3DTrainingEnvironment: TrainingEnvironment {
    public var minTypes = 3
    public var maxTypes = 20
    /// Search steps' worth of work per episode (each step decodes a genome once).
    public var decodesPerEpisode = 300
    public var fullSupport = true
    /// Instances to train on instead of generated ones.
    public var instances: [ContainerInstance] = []

    public init() {}

    public var family: String { "packing3d" }
    public var operatorNames: [String] { Packing3DSearchState.operators }
    public var featureCount: Int { Packing3DSearchState.featureCount }

    public func makeEpisode(instanceSeed: UInt64, searchSeed: UInt64) -> TrainingEpisode {
        var rng = SeededGenerator(seed: instanceSeed)
        let instance: ContainerInstance
        if instances.isEmpty {
            let types = minTypes + rng.below(max(1, maxTypes - minTypes + 1))
            instance = Packing3DGenerator.random(boxTypes: types, seed: rng.next(), name: "train-\(instanceSeed)")
        } else {
            instance = instances[rng.below(instances.count)]
        }
        var searchRNG = SeededGenerator(seed: searchSeed)
        let genome = Packing3DPrior.default.genome(instance, fullSupport: fullSupport, rng: &searchRNG)
        let state = Packing3DSearchState(instance: instance, genome: genome, fullSupport: fullSupport)
        let workPerDecode = max(1, state.lastDecodeWork)
        // Reward scale: one percentage point of utilisation.
        return TrainingEpisode(state: state,
                               stop: StopCondition(maxWork: decodesPerEpisode * workPerDecode, interruption: Interruption()),
                               rewardScale: 1)
    }
}
