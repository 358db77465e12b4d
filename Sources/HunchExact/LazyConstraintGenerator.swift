/// The LP point a ``LazyConstraintGenerator`` is asked about.
public struct MIPPoint: Sendable {
    /// One value per column of the model (0-based), from the current node's LP.
    public let values: [Double]
    /// True when every integer column is integral (within 1e-5, GLPK's `tol_int`): if the
    /// generator returns no violated row, this point becomes an incumbent candidate.
    public let isIntegral: Bool
    /// LP objective at this point.
    public let objective: Double
    /// Depth of the branch-and-bound node (0 at the root).
    public let depth: Int
    /// How many times the generator has already been asked at this node (0 on the first call);
    /// lets a generator stop cutting fractional points when the LP tails off.
    public let round: Int

    public init(values: [Double], isIntegral: Bool, objective: Double, depth: Int = 0, round: Int = 0) {
        self.values = values
        self.isIntegral = isIntegral
        self.objective = objective
        self.depth = depth
        self.round = round
    }
}

/// Adds constraints during the search: rows that are too many to state up front (subtour
/// elimination, …) or cuts that tighten a fractional LP.
///
/// Called synchronously on the solving thread after each LP of the branch-and-cut.
/// - On an **integral** point it must return at least one row the point violates when the point
///   is infeasible for the real problem; returning no violated row accepts the point.
/// - On a **fractional** point it may return violated valid inequalities (cuts), or nothing.
///
/// Rows that the point does not violate are dropped, so the search cannot loop on them. Rows
/// added below the root are kept for that subtree only (GLPK's rule), so they must be valid
/// globally anyway. A thrown error stops the search and is rethrown by `solve`.
public protocol LazyConstraintGenerator {
    func constraints(at point: MIPPoint) throws -> [MIPRow]
}

/// A ``LazyConstraintGenerator`` from a closure.
public struct ClosureLazyConstraintGenerator: LazyConstraintGenerator {
    let body: (MIPPoint) throws -> [MIPRow]

    public init(_ body: @escaping (MIPPoint) throws -> [MIPRow]) {
        self.body = body
    }

    public func constraints(at point: MIPPoint) throws -> [MIPRow] {
        try body(point)
    }
}
