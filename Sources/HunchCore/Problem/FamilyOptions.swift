/// Options that only some families understand (`--objective containers` for packing3d), passed
/// through by name so that the command line names no family. A family rejects what it does not know.
public struct FamilyOptions: Sendable {
    /// `--objective`: the family's objective variant, nil for its default.
    public var objective: String?
    /// `--support`: the support rule where a family has one (packing3d: full or none).
    public var support: String?

    public init(objective: String? = nil, support: String? = nil) {
        self.objective = objective
        self.support = support
    }

    /// Throws unless both options are unset or among the family's variants.
    public func check(family: String, objectives: [String], supports: [String]) throws {
        try checkObjective(family: family, allowed: objectives)
        guard let support else { return }
        guard supports.contains(support) else {
            if supports.isEmpty { throw ProblemError("--support does not apply to \(family)") }
            throw ProblemError("unknown --support '\(support)' for \(family); expected one of: \(supports.joined(separator: ", "))")
        }
    }

    /// Throws unless the option is unset or one of `allowed`.
    public func checkObjective(family: String, allowed: [String]) throws {
        guard let objective else { return }
        guard allowed.contains(objective) else {
            if allowed.isEmpty { throw ProblemError("--objective does not apply to \(family)") }
            throw ProblemError("unknown --objective '\(objective)' for \(family); expected one of: \(allowed.joined(separator: ", "))")
        }
    }
}

/// A usage error of the problem layer (an option, a prior, a solution that does not fit).
public struct ProblemError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}
