import HunchCore

/// Episodes of the real bin-packing search for `PolicyGradientTrainer`: a generated instance
/// (uniform or triplets, size log-uniform in a range) or one of the given files, the default
/// prior, and a work budget proportional to the item count.
public struct BinPackingTrainingEnvironment: TrainingEnvironment {
    public var minItems = 60
    public var maxItems = 500
    /// Work units (exchange evaluations) per item per episode.
    public var workPerItem = 2000
    /// Instances to train on instead of generated ones.
    public var instances: [BinPackingInstance] = []

    public init() {}

    public var family: String { "binpacking" }
    public var operatorNames: [String] { BinPackingSearchState.operators }
    public var featureCount: Int { BinPackingSearchState.featureCount }

    public func makeEpisode(instanceSeed: UInt64, searchSeed: UInt64) -> TrainingEpisode {
        var rng = SeededGenerator(seed: instanceSeed)
        let instance: BinPackingInstance
        if instances.isEmpty {
            let logMin = log(Double(minItems)), logMax = log(Double(max(minItems, maxItems)))
            let size = Int(exp(logMin + rng.unit() * (logMax - logMin)).rounded())
            if rng.below(2) == 0 {
                instance = BinPackingGenerator.uniform(items: size, capacity: 150, minWeight: 20, maxWeight: 100,
                                                       seed: rng.next(), name: "u\(size)")
            } else {
                instance = BinPackingGenerator.triplets(bins: max(1, size / 3), seed: rng.next(), name: "t\(size)")
            }
        } else {
            instance = instances[rng.below(instances.count)]
        }
        var searchRNG = SeededGenerator(seed: searchSeed)
        let start = BinPackingPrior.default.construct(instance, rng: &searchRNG)
        let state = BinPackingSearchState(instance: instance, solution: start)
        // One bin is worth one objective unit: reward a saved bin as one unit.
        return TrainingEpisode(state: state,
                               stop: StopCondition(maxWork: workPerItem * max(1, instance.weights.count),
                                                   interruption: Interruption()),
                               rewardScale: 1)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
