/// What ``TSPExactSolver`` established about an instance.
public struct TSPExactResult: Sendable {
    public enum Status: Sendable, Equatable {
        /// `tour` is proven optimal: `objective == bound`.
        case optimal
        /// The time limit stopped the search: `tour` is the best known, `bound` a valid lower bound.
        case feasible
        /// GLPK failed (numerical trouble…): `tour` and `bound` are still valid, not proven optimal.
        case error(String)
    }

    /// Where the time went and how big the model was.
    public struct Statistics: Sendable, Equatable {
        /// Length of the tour the exact search started from (given or found by local search).
        public var initialTourLength: Int
        /// The Held–Karp bound (``HeldKarpBound``) computed before the MIP.
        public var heldKarpBound: Int
        /// Edges kept as binary columns, and edges removed because every tour through them is
        /// provably no shorter than the incumbent.
        public var modelEdges: Int
        public var eliminatedEdges: Int
        /// GLPK's branch-and-bound nodes, and rows added during the search (subtour and blossom).
        public var branchAndBoundNodes: Int
        public var cutRows: Int
        /// Seconds spent on the local search, the Held–Karp ascent and the MIP.
        public var localSearchTime: Double
        public var heldKarpTime: Double
        public var mipTime: Double
    }

    public let status: Status
    /// The best tour known, a permutation of 0..<n (an optimal one when `status == .optimal`).
    public let tour: [Int]
    /// Length of `tour`.
    public let objective: Int
    /// A valid lower bound on the optimal length (equal to `objective` when optimal).
    public let bound: Int
    /// Wall-clock seconds.
    public let time: Double
    public let statistics: Statistics

    /// The tour when it is proven optimal.
    public var optimalTour: [Int]? { status == .optimal ? tour : nil }

    /// (objective − bound) / objective, 0 when optimal.
    public var gap: Double { Double(objective - bound) / Double(max(1, objective)) }
}

/// Bad input to ``TSPExactSolver``.
public enum TSPExactError: Error, Equatable, CustomStringConvertible {
    case invalidTimeLimit(Double)
    case invalidIncumbentTour(String)

    public var description: String {
        switch self {
        case let .invalidTimeLimit(value): return "time limit \(value) is not a duration ≥ 0 seconds"
        case let .invalidIncumbentTour(reason): return "incumbent tour: \(reason)"
        }
    }
}
