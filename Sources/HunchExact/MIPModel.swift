/// A mixed-integer linear program built in pure Swift: columns (variables), rows (linear
/// constraints), an objective and its sense.
///
/// Every mutation validates its input and throws ``MIPError`` when GLPK could not take it, so a
/// `MIPModel` value is always solvable without GLPK aborting. Columns and rows are numbered from
/// 0 in the order they were added; families build models with this type only and never see GLPK.
///
/// ```swift
/// var model = MIPModel(sense: .maximize)
/// let x = try model.addColumn(kind: .binary, objective: 5)
/// let y = try model.addColumn(kind: .binary, objective: 4)
/// try model.addRow([MIPTerm(x, 3), MIPTerm(y, 2)], .lessOrEqual(4))
/// ```
public struct MIPModel: Sendable, Equatable {
    public enum Sense: String, Sendable, Codable, CaseIterable {
        case minimize
        case maximize
    }

    /// GLPK's limits on rows, columns and constraint coefficients.
    static let maxDimension = 100_000_000
    static let maxNonzeros = 500_000_000

    public var sense: Sense
    public private(set) var objectiveConstant: Double = 0
    public private(set) var columns: [MIPColumn] = []
    public private(set) var rows: [MIPRow] = []
    /// Number of nonzero constraint coefficients.
    public private(set) var nonzeroCount = 0

    public init(sense: Sense = .minimize) {
        self.sense = sense
    }

    public var columnCount: Int { columns.count }
    public var rowCount: Int { rows.count }
    public var hasIntegerColumns: Bool { columns.contains { $0.isInteger } }

    /// Adds a column and returns its 0-based index.
    @discardableResult
    public mutating func addColumn(_ column: MIPColumn) throws -> Int {
        guard columns.count < Self.maxDimension else {
            throw MIPError.modelTooLarge(reason: "more than \(Self.maxDimension) columns")
        }
        try column.validate(index: columns.count)
        columns.append(column)
        return columns.count - 1
    }

    /// Adds a column and returns its 0-based index. Bounds default to [0, +∞) for continuous
    /// and integer columns and [0, 1] for binary ones.
    @discardableResult
    public mutating func addColumn(name: String? = nil, kind: MIPColumn.Kind = .continuous,
                                   lower: Double? = nil, upper: Double? = nil,
                                   objective: Double = 0) throws -> Int {
        try addColumn(MIPColumn(name: name, kind: kind, lower: lower, upper: upper, objective: objective))
    }

    /// Adds a row and returns its 0-based index.
    @discardableResult
    public mutating func addRow(_ row: MIPRow) throws -> Int {
        guard rows.count < Self.maxDimension else {
            throw MIPError.modelTooLarge(reason: "more than \(Self.maxDimension) rows")
        }
        var seen = [Bool](repeating: false, count: columns.count)
        if let problem = row.problem(columnCount: columns.count, seen: &seen) {
            throw MIPError.invalidRow(index: rows.count, reason: problem)
        }
        let nonzeros = row.terms.reduce(0) { $0 + ($1.coefficient == 0 ? 0 : 1) }
        guard nonzeroCount + nonzeros <= Self.maxNonzeros else {
            throw MIPError.modelTooLarge(reason: "more than \(Self.maxNonzeros) nonzero coefficients")
        }
        nonzeroCount += nonzeros
        rows.append(row)
        return rows.count - 1
    }

    /// Adds the row `bounds.lower ≤ Σ terms ≤ bounds.upper` and returns its 0-based index.
    @discardableResult
    public mutating func addRow(name: String? = nil, _ terms: [MIPTerm], _ bounds: MIPRowBounds) throws -> Int {
        try addRow(MIPRow(name: name, terms, bounds))
    }

    /// Changes the objective coefficient of an existing column.
    public mutating func setObjective(column: Int, coefficient: Double) throws {
        guard columns.indices.contains(column) else {
            throw MIPError.invalidObjective(reason: "column \(column) is out of range 0..<\(columns.count)")
        }
        guard coefficient.isFinite else {
            throw MIPError.invalidObjective(reason: "coefficient \(coefficient) is not finite")
        }
        columns[column].objective = coefficient
    }

    /// Changes the bounds of an existing column (e.g. to fix it); throws when the column would
    /// become invalid (see ``MIPColumn``), leaving the model unchanged.
    public mutating func setBounds(column: Int, lower: Double, upper: Double) throws {
        guard columns.indices.contains(column) else {
            throw MIPError.invalidColumn(index: column, reason: "out of range 0..<\(columns.count)")
        }
        var changed = columns[column]
        changed.lower = lower
        changed.upper = upper
        try changed.validate(index: column)
        columns[column] = changed
    }

    /// Sets the constant term of the objective.
    public mutating func setObjectiveConstant(_ constant: Double) throws {
        guard constant.isFinite else {
            throw MIPError.invalidObjective(reason: "constant \(constant) is not finite")
        }
        objectiveConstant = constant
    }

    /// Re-checks every column and row (the mutating functions already did; `solve` calls this
    /// again so that nothing can reach GLPK unchecked).
    func validate() throws {
        guard objectiveConstant.isFinite else {
            throw MIPError.invalidObjective(reason: "constant \(objectiveConstant) is not finite")
        }
        for (j, column) in columns.enumerated() { try column.validate(index: j) }
        var seen = [Bool](repeating: false, count: columns.count)
        for (i, row) in rows.enumerated() {
            if let problem = row.problem(columnCount: columns.count, seen: &seen) {
                throw MIPError.invalidRow(index: i, reason: problem)
            }
        }
    }

    /// The objective value of `values` (one per column).
    public func objectiveValue(_ values: [Double]) -> Double {
        precondition(values.count == columns.count, "one value per column")
        var sum = objectiveConstant
        for (column, value) in zip(columns, values) { sum += column.objective * value }
        return sum
    }

    /// Checks that `values` is a feasible point of this model within `tolerance` (bounds,
    /// integrality and rows; relative to the size of each bound) and returns it with integer
    /// columns rounded exactly. Throws ``MIPError/invalidStartingSolution(reason:)`` otherwise.
    public func checkedFeasiblePoint(_ values: [Double], tolerance: Double = 1e-6) throws -> [Double] {
        func fail(_ reason: String) -> MIPError { .invalidStartingSolution(reason: reason) }
        guard values.count == columns.count else {
            throw fail("\(values.count) values for \(columns.count) columns")
        }
        var point = values
        for (j, column) in columns.enumerated() {
            let v = values[j]
            guard v.isFinite else { throw fail("value \(v) of column \(j) is not finite") }
            if v < column.lower - tolerance * max(1, abs(column.lower)) ||
                v > column.upper + tolerance * max(1, abs(column.upper)) {
                throw fail("value \(v) of column \(j) is outside [\(column.lower), \(column.upper)]")
            }
            if column.isInteger {
                let r = v.rounded()
                guard abs(v - r) <= tolerance else { throw fail("value \(v) of integer column \(j) is fractional") }
                point[j] = r
            }
            point[j] = min(max(point[j], column.lower), column.upper)
        }
        for (i, row) in rows.enumerated() {
            let violation = row.violation(point)
            let scale = max(1, abs(row.bounds.lower.isFinite ? row.bounds.lower : 0),
                            abs(row.bounds.upper.isFinite ? row.bounds.upper : 0))
            if violation > tolerance * scale {
                throw fail("row \(i) is violated by \(violation)")
            }
        }
        return point
    }
}
