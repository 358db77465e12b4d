/// What a family provides so that `PolicyGradientTrainer` can run episodes of its real search.
public protocol TrainingEnvironment: Sendable {
    /// The family's name, stored in the weights file.
    var family: String { get }
    /// The family's operators, in action order.
    var operatorNames: [String] { get }
    /// Feature vector length (engine + family features).
    var featureCount: Int { get }
    /// A fresh episode: a search state on the instance chosen by `instanceSeed` (episodes with the
    /// same instance seed share the instance, so their returns can be compared with each other),
    /// the budget to run it under (a work limit keeps training reproducible and charges operators
    /// their cost), and the reward scale (objective units per reward unit, e.g. the average edge
    /// of the start tour). `searchSeed` varies the episode's own random choices.
    func makeEpisode(instanceSeed: UInt64, searchSeed: UInt64) -> TrainingEpisode
}

public struct TrainingEpisode {
    public var state: SearchState
    public var stop: StopCondition
    public var rewardScale: Double
    public var acceptance: Acceptance

    public init(state: SearchState, stop: StopCondition, rewardScale: Double, acceptance: Acceptance = .improvingOrEqual) {
        self.state = state
        self.stop = stop
        self.rewardScale = rewardScale
        self.acceptance = acceptance
    }
}

/// Records what the policy saw and did at each step, for the policy gradient.
final class TrajectoryRecorder: SearchObserver {
    let featureCount: Int
    var features: [Double] = []
    var actions: [Int] = []
    var bests: [Double] = []
    var works: [Int] = []
    /// The best objective before the first step (after the initial descent).
    var descentBest: Double?

    init(featureCount: Int) { self.featureCount = featureCount }

    func searchDidImprove(best: Double, step: Int, elapsed: Double) {
        if descentBest == nil { descentBest = best }
    }

    func searchDidStep(_ event: SearchStepEvent) {
        features.append(contentsOf: event.features.prefix(featureCount))
        actions.append(event.action)
        bests.append(event.best)
        works.append(event.work)
    }
}
