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

    /// The same with node ids and positions as a tour file numbers them (from 1), for `hunch
    /// check`, whose user compares them with the file they wrote.
    public var fileDescription: String {
        switch self {
        case .invalidDimension:
            return description
        case .outOfRange(let node, let position, let dimension):
            let id = node.addingReportingOverflow(1)
            if id.overflow { return description }
            return "position \(position + 1): node \(id.partialValue) does not exist; ids run from 1 to \(dimension)"
        case .duplicate(let node, let first, let position):
            return "node \(node + 1) is visited twice, at positions \(first + 1) and \(position + 1)"
        case .missing(let node, let count, let dimension):
            return "node \(node + 1) is not visited (the tour visits \(count) of \(dimension) nodes)"
        }
    }
}

/// The one check every tour must pass: it visits each node 0..<dimension exactly once.
///
/// Solvers, tests and the tour writer all use this rather than each rolling their own, so an
/// invalid tour is caught the same way everywhere.
public enum TourValidation {
    /// Throws `TourValidationError` unless `tour` is a permutation of 0..<dimension: the first of
    /// `violations`.
    ///
    /// Complexity: O(dimension + tour.count).
    public static func check(tour: [Int], dimension: Int) throws {
        if let first = violations(tour: tour, dimension: dimension, limit: 1).first { throw first }
    }

    /// Every defect, at most `limit`: nodes out of range (in tour order), then each repeated
    /// visit, then each missing node (in node order). Empty for a permutation.
    ///
    /// Complexity: O(dimension + tour.count).
    public static func violations(tour: [Int], dimension: Int, limit: Int = .max) -> [TourValidationError] {
        guard dimension >= 0 else { return [.invalidDimension(dimension)] }
        var found: [TourValidationError] = []
        // Out-of-range first, so the position array below is never indexed out of bounds.
        for (position, node) in tour.enumerated() where node < 0 || node >= dimension {
            found.append(.outOfRange(node: node, position: position, dimension: dimension))
            if found.count >= limit { return found }
        }
        var firstPosition = [Int](repeating: -1, count: dimension)
        var distinct = 0
        for (position, node) in tour.enumerated() where node >= 0 && node < dimension {
            guard firstPosition[node] < 0 else {
                found.append(.duplicate(node: node, firstPosition: firstPosition[node], position: position))
                if found.count >= limit { return found }
                continue
            }
            firstPosition[node] = position
            distinct += 1
        }
        if distinct < dimension {
            for node in 0..<dimension where firstPosition[node] < 0 {
                found.append(.missing(node: node, count: distinct, dimension: dimension))
                if found.count >= limit { return found }
            }
        }
        return found
    }
}
