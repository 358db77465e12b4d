/// Why a search stopped.
public enum StopReason: String, Sendable, Codable {
    case timeLimit = "time_limit"
    case stepLimit = "step_limit"
    case workLimit = "work_limit"
    case interrupted
    /// The best objective reached `LocalSearch.targetObjective` (e.g. a proven lower bound).
    case targetReached = "target_reached"
}

/// What a search did: counts per operator (the engine counts, not the operators), the
/// objective's path and why it stopped.
public struct SearchStatistics: Sendable, Codable {
    public var steps = 0
    public var initialObjective = 0.0
    public var descentObjective = 0.0
    public var bestObjective = 0.0
    public var elapsed = 0.0
    public var timeToBest = 0.0
    public var stopReason: StopReason = .stepLimit
    public var operatorNames: [String] = []
    public var applications: [Int] = []
    public var improvements: [Int] = []
    public var newBests: [Int] = []
    public var work: [Int] = []

    public init() {}

    /// The statistics of a search that did not run because its start was already proven optimal.
    public static func notRun(operatorNames: [String], objective: Double) -> SearchStatistics {
        var stats = SearchStatistics()
        stats.operatorNames = operatorNames
        let none = [Int](repeating: 0, count: operatorNames.count)
        (stats.applications, stats.improvements, stats.newBests, stats.work) = (none, none, none, none)
        (stats.initialObjective, stats.descentObjective, stats.bestObjective) = (objective, objective, objective)
        stats.stopReason = .targetReached
        return stats
    }

    /// Per operator: applied, improved, new bests and work, for a record's details.
    public var operatorDetails: JSONValue {
        .object(Dictionary(uniqueKeysWithValues: operatorNames.enumerated().map { i, name in
            (name, JSONValue.object(["applied": .int(applications[i]), "improved": .int(improvements[i]),
                                     "new_best": .int(newBests[i]), "work": .int(work[i])]))
        }))
    }

    enum CodingKeys: String, CodingKey {
        case steps, elapsed
        case initialObjective = "initial_objective"
        case descentObjective = "descent_objective"
        case bestObjective = "best_objective"
        case timeToBest = "time_to_best_s"
        case stopReason = "stop_reason"
        case operatorNames = "operators"
        case applications, improvements
        case newBests = "new_bests"
        case work
    }
}
