import Foundation
import HunchCore

/// Episodes of the real CVRP search for `hunch train cvrp`: generated instances (customers
/// log-uniform in `minSize…maxSize`, uniform or clustered) or the given files, started from
/// savings, under a work budget per customer.
public struct CVRPTrainingEnvironment: TrainingEnvironment {
    public var minSize = 50
    public var maxSize = 400
    public var workPerCustomer = 3000
    public var workPerEpisode: Int?
    public var instances: [CVRPInstance] = []

    public init() {}

    public var family: String { "cvrp" }
    public var operatorNames: [String] { CVRPSearchState.operators }
    public var featureCount: Int { CVRPSearchState.featureCount }

    public func makeEpisode(instanceSeed: UInt64, searchSeed: UInt64) -> TrainingEpisode {
        var rng = SeededGenerator(seed: instanceSeed)
        let instance: CVRPInstance
        if instances.isEmpty {
            let logMin = log(Double(minSize)), logMax = log(Double(max(minSize, maxSize)))
            let size = Int(exp(logMin + rng.unit() * (logMax - logMin)).rounded())
            let text = CVRPGenerator.generate(customers: size, clustered: rng.below(2) == 0, centralDepot: rng.below(2) == 0,
                                              routeSize: 5 + rng.below(12), seed: rng.next())
            instance = try! CVRPReader.parse(text)
        } else {
            instance = instances[rng.below(instances.count)]
        }
        var searchRNG = SeededGenerator(seed: searchSeed)
        let start = CVRPPrior.savings.construct(instance, rng: &searchRNG)
        let state = CVRPSearchState(instance: instance, solution: start)
        let averageEdge = max(1e-9, Double(state.total) / Double(max(1, instance.dimension)))
        return TrainingEpisode(state: state,
                               stop: StopCondition(maxWork: workPerEpisode ?? workPerCustomer * instance.dimension,
                                                   interruption: Interruption()),
                               rewardScale: averageEdge, acceptance: CVRPProblem.acceptance(customers: instance.customerCount))
    }
}
