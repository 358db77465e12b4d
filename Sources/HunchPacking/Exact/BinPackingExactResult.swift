/// What the arc-flow MIP established about an instance.
public struct BinPackingExactResult: Sendable {
    public enum Status: Sendable, Equatable {
        /// `solution` is optimal: `binCount == bound`.
        case optimal
        /// `solution` is feasible; the optimum lies in `bound…binCount`.
        case feasible
        /// No packing exists (never for an instance the reader accepted: each item fits alone).
        case infeasible
        /// The time limit came before any packing was known; `bound` still holds.
        case noSolution
        /// GLPK failed, or the model is too large to build; the message says which.
        case error(String)

        public var name: String {
            switch self {
            case .optimal: return "optimal"
            case .feasible: return "feasible"
            case .infeasible: return "infeasible"
            case .noSolution: return "no_solution"
            case .error: return "error"
            }
        }
    }

    public var status: Status
    public var solution: BinPackingSolution?
    public var binCount: Int?
    /// Best lower bound on the bin count known to the run (at least L2).
    public var bound: Int
    /// Wall-clock seconds.
    public var time: Double
    /// Arcs (integer columns) of the model; 0 when it was not built.
    public var arcCount: Int
}
