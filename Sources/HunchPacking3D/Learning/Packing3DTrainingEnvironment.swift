import HunchCore

/// Episodes of the real container-loading search for `PolicyGradientTrainer`: a generated
/// BR-like instance (box types uniform in a range) or one of the given instances, the search's
/// start from `prior` (the beam search, as `hunch solve` starts), full support, and a work budget
/// of about `decodesPerEpisode` decodes.
public struct Packing3DTrainingEnvironment: TrainingEnvironment {
    public var minTypes = 3
    public var maxTypes = 20
    /// Search steps' worth of work per episode (each step decodes a genome once).
    public var decodesPerEpisode = 300
    public var fullSupport = true
    /// Instances to train on instead of generated ones.
    public var instances: [ContainerInstance] = []
    /// Where each episode's search starts: the solver's default, the beam search (issue 17), so
    /// that the policy learns the moves that matter after it.
    public var prior = Packing3DPrior.beam

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
        let genome: PlacementGenome
        if prior.isBeamSearch {
            // The solver's own start: the beam search's plan and the genome that replays it. Without
            // a deadline its rounds stop at four times the first width, so an episode's start is
            // reproducible and cheap (milliseconds on these instances).
            let context = Packing3DProblem.Context(objective: .volume, fullSupport: fullSupport)
            let start = Packing3DProblem.construct(prior: prior.rawValue, instance, context, rng: &searchRNG, stop: StopCondition())
            genome = start.solution.genome ?? prior.genome(instance, fullSupport: fullSupport, rng: &searchRNG)
        } else {
            genome = prior.genome(instance, fullSupport: fullSupport, rng: &searchRNG)
        }
        let state = Packing3DSearchState(instance: instance, genome: genome, fullSupport: fullSupport)
        let workPerDecode = max(1, state.lastDecodeWork)
        // Reward scale: one percentage point of utilisation.
        return TrainingEpisode(state: state,
                               stop: StopCondition(maxWork: decodesPerEpisode * workPerDecode, interruption: Interruption()),
                               rewardScale: 1)
    }
}
