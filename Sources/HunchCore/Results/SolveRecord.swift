import Foundation

/// One solve's result: the public JSON interface that `solve --json` prints and `batch` writes one
/// line of per instance. Keys are documented in docs/commands.md; keep them stable.
public struct SolveRecord: Codable, Sendable {
    public var problem: String
    public var instance: String
    public var name: String?
    public var size: Int?
    public var objective: Double?
    /// Best lower bound known to the run (upper bound for maximisation), or nil.
    public var bound: Double?
    /// Objective vs the known optimum when there is one, else vs `bound`; relative, or nil.
    public var gap: Double?
    public var knownOptimum: Double?
    /// `optimal`, `feasible`, `infeasible`, `no_solution` or `error`.
    public var status: SolveStatus
    public var timeSeconds: Double
    public var seed: UInt64?
    public var prior: String?
    public var policy: String?
    public var initialObjective: Double?
    public var steps: Int?
    public var stopReason: String?
    public var timeLimit: Double?
    public var maxSteps: Int?
    public var solution: JSONValue?
    public var error: String?
    /// Anything else a family or command wants to report (statistics, LLM exchange…).
    public var details: [String: JSONValue]?

    public init(problem: String, instance: String, status: SolveStatus, timeSeconds: Double) {
        self.problem = problem
        self.instance = instance
        self.status = status
        self.timeSeconds = timeSeconds
    }

    enum CodingKeys: String, CodingKey {
        case problem, instance, name, size, objective, bound, gap
        case knownOptimum = "known_optimum"
        case status
        case timeSeconds = "time_s"
        case seed, prior, policy
        case initialObjective = "initial_objective"
        case steps
        case stopReason = "stop_reason"
        case timeLimit = "time_limit_s"
        case maxSteps = "max_steps"
        case solution, error, details
    }

    /// Keys every JSON line carries (null when unknown), so scripts can rely on them.
    public static let alwaysPresentKeys = ["problem", "instance", "name", "size", "objective", "bound", "gap",
                                           "known_optimum", "status", "time_s", "seed", "prior", "policy",
                                           "initial_objective", "steps", "stop_reason", "time_limit_s", "max_steps",
                                           "solution", "error"]

    /// The record as one line of compact JSON with sorted keys (nil fields appear as null only
    /// for the core keys, so scripts can rely on them).
    ///
    /// The small fields go through `JSONEncoder`; the solution and the details, which may hold a
    /// million numbers, are written directly (`JSONValue.jsonString`), so the output of a large
    /// instance stays within its time limit.
    public func jsonLine() -> String {
        var head = self
        head.solution = nil
        head.details = nil
        var object: [String: JSONValue] = [:]
        if let data = try? JSONEncoder().encode(head),
           case .object(let fields)? = try? JSONDecoder().decode(JSONValue.self, from: data) {
            object = fields
        }
        for key in SolveRecord.alwaysPresentKeys where object[key] == nil {
            object[key] = .null
        }
        object["solution"] = solution ?? .null
        if let details { object["details"] = .object(details) }
        return JSONValue.object(object).jsonString()
    }

    /// Relative gap of `objective` above `reference` (minimisation), nil when undefined.
    public static func relativeGap(objective: Double?, reference: Double?) -> Double? {
        ObjectiveSense.minimise.gap(objective: objective, reference: reference)
    }
}
