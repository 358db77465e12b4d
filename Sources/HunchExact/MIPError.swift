/// Why a model, an option or a callback answer was refused before GLPK saw it.
///
/// GLPK calls `abort()` on API misuse (an index out of range, a duplicate column in a row, a
/// negative time limit…), so HunchExact checks everything in Swift first and throws one of these.
/// Errors are about bad input; what is known about the problem itself (optimal, infeasible,
/// stopped by the time limit…) is a ``MIPResult/Status``, never an error.
public enum MIPError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A column (0-based index) has bad bounds, a bad objective coefficient or a bad name.
    case invalidColumn(index: Int, reason: String)
    /// A row (0-based index in the model) has a bad term, a duplicate column or bad bounds.
    case invalidRow(index: Int, reason: String)
    /// The objective constant is not finite, or an objective change names a missing column.
    case invalidObjective(reason: String)
    /// An option is out of its range (the field is named).
    case invalidOption(name: String, reason: String)
    /// The starting solution has the wrong length, is out of bounds, not integral where it must
    /// be, or violates a row or a lazy constraint.
    case invalidStartingSolution(reason: String)
    /// A row returned by a ``LazyConstraintGenerator`` is malformed.
    case invalidLazyConstraint(reason: String)
    /// The ``LazyConstraintGenerator`` threw; the search was stopped.
    case lazyConstraintGeneratorFailed(message: String)
    /// The model exceeds GLPK's size limits.
    case modelTooLarge(reason: String)

    public var description: String {
        switch self {
        case let .invalidColumn(index, reason): return "column \(index): \(reason)"
        case let .invalidRow(index, reason): return "row \(index): \(reason)"
        case let .invalidObjective(reason): return "objective: \(reason)"
        case let .invalidOption(name, reason): return "option \(name): \(reason)"
        case let .invalidStartingSolution(reason): return "starting solution: \(reason)"
        case let .invalidLazyConstraint(reason): return "lazy constraint: \(reason)"
        case let .lazyConstraintGeneratorFailed(message): return "lazy-constraint generator failed: \(message)"
        case let .modelTooLarge(reason): return "model too large: \(reason)"
        }
    }
}
