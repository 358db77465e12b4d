import Foundation
import HunchCore

/// Episodes of the real VRPTW search for `hunch train vrptw`: generated Solomon-like instances
/// (customers log-uniform in `minSize…maxSize`, R, C or RC layouts, short or long horizons) or
/// the given files, started by insertion, under a work budget per customer.
public struct VRPTWTrainingEnvironment: TrainingEnvironment {
    public var minSize = 50
    public var maxSize = 200
    public var workPerCustomer = 3000
    public var workPerEpisode: Int?
    public var instances: [VRPTWInstance] = []

    public init() {}

    public var family: String { "vrptw" }
    public var operatorNames: [String] { RoutingSearchState.operators }
    public var featureCount: Int { RoutingSearchState.featureCount }

    public func makeEpisode(instanceSeed: UInt64, searchSeed: UInt64) -> TrainingEpisode {
        var rng = SeededGenerator(seed: instanceSeed)
        let instance: VRPTWInstance
        if instances.isEmpty {
            let logMin = log(Double(minSize)), logMax = log(Double(max(minSize, maxSize)))
            let size = Int(exp(logMin + rng.unit() * (logMax - logMin)).rounded())
            let long = rng.below(2) == 0
            let text = VRPTWGenerator.generate(customers: size, layout: ["uniform", "clustered", "mixed"][rng.below(3)],
                                               horizon: long ? 1000 : 230, windowWidth: long ? 200 : 30,
                                               capacity: long ? 1000 : 200, seed: rng.next())
            instance = try! SolomonReader.parse(text, convention: .dimacs)
        } else {
            instance = instances[rng.below(instances.count)]
        }
        var searchRNG = SeededGenerator(seed: searchSeed)
        let start = VRPTWPrior.default.construct(instance, rng: &searchRNG)
        let state = RoutingSearchState(model: RoutingModel(instance), routes: start.routes)
        let averageEdge = max(1e-9, Double(state.total) / Double(max(1, instance.dimension)))
        return TrainingEpisode(state: state,
                               stop: StopCondition(maxWork: workPerEpisode ?? workPerCustomer * instance.dimension,
                                                   interruption: Interruption()),
                               rewardScale: averageEdge, acceptance: VRPTWProblem.acceptance(customers: instance.customerCount))
    }
}
