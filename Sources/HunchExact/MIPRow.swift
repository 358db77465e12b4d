/// One coefficient of a row: `coefficient × column`.
public struct MIPTerm: Sendable, Equatable, Hashable, Codable {
    /// 0-based column index in the model.
    public var column: Int
    public var coefficient: Double

    public init(_ column: Int, _ coefficient: Double) {
        self.column = column
        self.coefficient = coefficient
    }
}

/// The bounds of a row's activity `Σ coefficient × column`.
public enum MIPRowBounds: Sendable, Equatable, Hashable, Codable {
    case lessOrEqual(Double)
    case greaterOrEqual(Double)
    case equal(Double)
    /// `lower ≤ activity ≤ upper`.
    case ranged(lower: Double, upper: Double)

    /// The lower limit, `-infinity` when there is none.
    public var lower: Double {
        switch self {
        case .lessOrEqual: return -.infinity
        case let .greaterOrEqual(v), let .equal(v): return v
        case let .ranged(lower, _): return lower
        }
    }

    /// The upper limit, `+infinity` when there is none.
    public var upper: Double {
        switch self {
        case .greaterOrEqual: return .infinity
        case let .lessOrEqual(v), let .equal(v): return v
        case let .ranged(_, upper): return upper
        }
    }

    /// Nil when the bounds are usable, else why not.
    var problem: String? {
        switch self {
        case let .lessOrEqual(v), let .greaterOrEqual(v), let .equal(v):
            return v.isFinite ? nil : "right-hand side \(v) is not finite"
        case let .ranged(lower, upper):
            if !lower.isFinite || !upper.isFinite { return "range [\(lower), \(upper)] is not finite" }
            return lower <= upper ? nil : "range lower \(lower) exceeds upper \(upper)"
        }
    }
}

/// A linear constraint `bounds.lower ≤ Σ terms ≤ bounds.upper` over a model's columns.
///
/// Zero coefficients are allowed and dropped before GLPK sees the row; a column may appear at
/// most once.
public struct MIPRow: Sendable, Equatable, Codable {
    public var name: String?
    public var terms: [MIPTerm]
    public var bounds: MIPRowBounds

    public init(name: String? = nil, _ terms: [MIPTerm], _ bounds: MIPRowBounds) {
        self.name = name
        self.terms = terms
        self.bounds = bounds
    }

    /// `Σ coefficient × values[column]`; `values` must cover every column of the row.
    public func activity(_ values: [Double]) -> Double {
        var sum = 0.0
        for term in terms { sum += term.coefficient * values[term.column] }
        return sum
    }

    /// How far `values` lies outside the bounds (0 when the row is satisfied).
    public func violation(_ values: [Double]) -> Double {
        let a = activity(values)
        return max(0, bounds.lower - a, a - bounds.upper)
    }

    /// Nil when the row is usable against `columnCount` columns, else why not.
    /// `seen` is scratch space of `columnCount` falses, left all false again on return.
    func problem(columnCount: Int, seen: inout [Bool]) -> String? {
        if let problem = bounds.problem { return problem }
        if let name, name.utf8.count > MIPName.maxBytes || name.utf8.contains(0) {
            return "name is longer than \(MIPName.maxBytes) bytes or contains NUL"
        }
        var result: String?
        var marked = 0
        for term in terms {
            guard term.column >= 0 && term.column < columnCount else {
                result = "column \(term.column) is out of range 0..<\(columnCount)"
                break
            }
            guard term.coefficient.isFinite else {
                result = "coefficient \(term.coefficient) of column \(term.column) is not finite"
                break
            }
            if seen[term.column] {
                result = "column \(term.column) appears twice"
                break
            }
            seen[term.column] = true
            marked += 1
        }
        for term in terms.prefix(marked) { seen[term.column] = false }
        return result
    }
}
