import HunchCore

/// Episodes of the real TSP search for `PolicyGradientTrainer`: a random instance (size
/// log-uniform in a range, uniform or clustered layout) or one of the given files, the greedy
/// prior, and a work budget proportional to the instance size.
public struct TSPTrainingEnvironment: TrainingEnvironment {
    public var minSize = 100
    public var maxSize = 2000
    /// Work units (move evaluations and swaps) per node per episode.
    public var workPerNode = 400
    /// A fixed work budget per episode instead (like a fixed time limit per instance, whatever its
    /// size: about 25 million units per CPU second).
    public var workPerEpisode: Int?
    /// Instances to train on instead of generated ones.
    public var instances: [TSPInstance] = []

    public init() {}

    public var family: String { "tsp" }
    public var operatorNames: [String] { TSPSearchState.operators }
    public var featureCount: Int { TSPSearchState.featureCount }

    public func makeEpisode(instanceSeed: UInt64, searchSeed: UInt64) -> TrainingEpisode {
        var rng = SeededGenerator(seed: instanceSeed)
        let instance: TSPInstance
        if instances.isEmpty {
            let logMin = log(Double(minSize)), logMax = log(Double(max(minSize, maxSize)))
            let size = Int(exp(logMin + rng.unit() * (logMax - logMin)).rounded())
            instance = TSPGenerator.generate(size: size, seed: rng.next(), clustered: rng.below(2) == 0)
        } else {
            instance = instances[rng.below(instances.count)]
        }
        let candidates = CandidateLists(instance: instance, k: 10)
        var searchRNG = SeededGenerator(seed: searchSeed)
        let tour = TSPPrior.greedy.construct(instance, candidates: candidates, rng: &searchRNG)
        let state = TSPSearchState(instance: instance, candidates: candidates, tour: tour)
        let averageEdge = max(1e-9, Double(instance.tourLength(tour)) / Double(max(1, instance.dimension)))
        return TrainingEpisode(state: state,
                               stop: StopCondition(maxWork: workPerEpisode ?? workPerNode * instance.dimension, interruption: Interruption()),
                               rewardScale: averageEdge)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
