/// Why a tour is not a permutation of the nodes.
///
/// Positions and nodes are 0-based, as tours are inside Hunch; messages add 1 where they name a
/// position so they read naturally.
public enum TourValidationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The dimension itself is negative.
    case invalidDimension(Int)
    /// `tour[position]` is not in 0..<dimension.
    case outOfRange(node: Int, position: Int, dimension: Int)
    /// `node` is visited at `firstPosition` and again at `position`.
    case duplicate(node: Int, firstPosition: Int, position: Int)
    /// The tour has `count` distinct nodes, and `node` (the smallest absent one) is missing.
    case missing(node: Int, count: Int, dimension: Int)

    public var description: String {
        switch self {
        case .invalidDimension(let dimension):
            return "invalid dimension \(dimension); expected at least 0 nodes"
        case .outOfRange(let node, let position, let dimension):
            return "node \(node) at position \(position + 1) is out of range; expected 0..<\(dimension) (0-based)"
        case .duplicate(let node, let first, let position):
            return "node \(node) (0-based) is visited twice, at positions \(first + 1) and \(position + 1)"
        case .missing(let node, let count, let dimension):
            return "tour visits \(count) of \(dimension) nodes; node \(node) (0-based) is missing"
        }
    }
}

/// The one check every tour must pass: it visits each node 0..<dimension exactly once.
///
/// Solvers, tests and the tour writer all use this rather than each rolling their own, so an
/// invalid tour is caught the same way everywhere.
public enum TourValidation {
    /// Throws `TourValidationError` unless `tour` is a permutation of 0..<dimension.
    ///
    /// Complexity: O(dimension + tour.count).
    public static func check(tour: [Int], dimension: Int) throws {
        guard dimension >= 0 else { throw TourValidationError.invalidDimension(dimension) }
        // Out-of-range first, so the position array below is never indexed out of bounds.
        for (position, node) in tour.enumerated() where node < 0 || node >= dimension {
            throw TourValidationError.outOfRange(node: node, position: position, dimension: dimension)
        }
        var firstPosition = [Int](repeating: -1, count: dimension)
        for (position, node) in tour.enumerated() {
            guard firstPosition[node] < 0 else {
                throw TourValidationError.duplicate(node: node, firstPosition: firstPosition[node], position: position)
            }
            firstPosition[node] = position
        }
        if tour.count < dimension {
            let node = firstPosition.firstIndex(of: -1)!
            throw TourValidationError.missing(node: node, count: tour.count, dimension: dimension)
        }
    }
}
