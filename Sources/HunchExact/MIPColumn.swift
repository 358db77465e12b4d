/// One variable of a ``MIPModel``: its kind, bounds and objective coefficient.
///
/// Bounds may be infinite (`-.infinity`, `.infinity`); a binary column is an integer column whose
/// bounds lie within [0, 1] (they may be tightened, e.g. `lower == upper == 0` fixes it).
public struct MIPColumn: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case continuous
        case integer
        case binary
    }

    /// Optional name, shown in GLPK's verbose output (at most 255 UTF-8 bytes).
    public var name: String?
    public var kind: Kind
    public var lower: Double
    public var upper: Double
    public var objective: Double

    /// A column; bounds default to [0, +∞) for continuous and integer columns and [0, 1] for
    /// binary ones.
    public init(name: String? = nil, kind: Kind = .continuous, lower: Double? = nil,
                upper: Double? = nil, objective: Double = 0) {
        self.name = name
        self.kind = kind
        self.lower = lower ?? 0
        self.upper = upper ?? (kind == .binary ? 1 : .infinity)
        self.objective = objective
    }

    /// True for integer and binary columns.
    public var isInteger: Bool { kind != .continuous }

    /// Throws ``MIPError/invalidColumn(index:reason:)`` unless GLPK can take this column as is.
    func validate(index: Int) throws {
        func fail(_ reason: String) -> MIPError { .invalidColumn(index: index, reason: reason) }
        if lower.isNaN || upper.isNaN { throw fail("bound is NaN") }
        if lower == .infinity { throw fail("lower bound is +infinity") }
        if upper == -.infinity { throw fail("upper bound is -infinity") }
        if lower > upper { throw fail("lower bound \(lower) exceeds upper bound \(upper)") }
        if !objective.isFinite { throw fail("objective coefficient \(objective) is not finite") }
        if isInteger {
            if lower.isFinite && lower != lower.rounded() { throw fail("integer column has fractional lower bound \(lower)") }
            if upper.isFinite && upper != upper.rounded() { throw fail("integer column has fractional upper bound \(upper)") }
        }
        if kind == .binary && (lower < 0 || upper > 1) {
            throw fail("binary column bounds [\(lower), \(upper)] are not within [0, 1]")
        }
        try MIPName.validate(name) { fail($0) }
    }
}

/// GLPK refuses (aborts on) names longer than 255 bytes.
enum MIPName {
    static let maxBytes = 255

    static func validate(_ name: String?, _ fail: (String) -> MIPError) throws {
        guard let name else { return }
        if name.utf8.count > maxBytes { throw fail("name is longer than \(maxBytes) bytes") }
        if name.utf8.contains(0) { throw fail("name contains a NUL byte") }
    }
}
