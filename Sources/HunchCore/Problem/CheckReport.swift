/// What `hunch check` found for one solution of one instance: the objective recomputed from the
/// solution (never the number a file states), the known value, and every violation. Plain data,
/// so the command line prints it and tests read it without parsing text.
public struct CheckReport: Sendable {
    public var family: String
    /// The instance and solution paths as given.
    public var instance: String
    public var solution: String
    /// The manifest's name for the instance, else the file's.
    public var name: String
    /// "52 nodes", "6 jobs × 6 machines".
    public var instanceDescription: String
    public var size: Int
    public var objective: Double
    public var objectiveName: String
    public var sense: ObjectiveSense
    /// The best value known from outside (manifest, or one the file states).
    public var knownOptimum: Double?
    public var knownIsProven: Bool
    /// One sentence per violation, in the family's order; empty when feasible.
    public var violations: [String]

    public init(family: String, instance: String, solution: String, name: String, instanceDescription: String, size: Int,
                objective: Double, objectiveName: String, sense: ObjectiveSense, knownOptimum: Double?,
                knownIsProven: Bool, violations: [String]) {
        self.family = family
        self.instance = instance
        self.solution = solution
        self.name = name
        self.instanceDescription = instanceDescription
        self.size = size
        self.objective = objective
        self.objectiveName = objectiveName
        self.sense = sense
        self.knownOptimum = knownOptimum
        self.knownIsProven = knownIsProven
        self.violations = violations
    }

    public var feasible: Bool { violations.isEmpty }

    /// The gap to the known value, only for a feasible solution: an infeasible one can "beat" an
    /// optimum by leaving work out, and a negative gap would say the opposite of the truth.
    public var gap: Double? { feasible ? sense.gap(objective: objective, reference: knownOptimum) : nil }

    /// `hunch check --json`'s object (docs/commands.md); `known_optimum` and `gap` are null when unknown.
    public var json: JSONValue {
        .object([
            "family": .string(family), "instance": .string(instance), "solution": .string(solution),
            "name": .string(name), "size": .int(size),
            "objective": .double(objective), "objective_name": .string(objectiveName), "sense": .string(sense.rawValue),
            "known_optimum": knownOptimum.map(JSONValue.double) ?? .null,
            "known_is_proven": .bool(knownIsProven),
            "gap": gap.map(JSONValue.double) ?? .null,
            "feasible": .bool(feasible),
            "violations": .array(violations.map(JSONValue.string)),
        ])
    }
}
