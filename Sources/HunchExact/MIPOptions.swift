/// Settings for one ``MIPSolver/solve(_:options:lazyConstraints:)`` call.
///
/// | field | default | range | meaning |
/// |---|---|---|---|
/// | `timeLimit` | nil (none) | ≥ 0 s | wall-clock limit for the whole solve, LP root included |
/// | `relativeGap` | 0 | ≥ 0 | stop when (incumbent − bound) / \|incumbent\| ≤ gap |
/// | `verbose` | false | | GLPK's own progress output on standard output |
/// | `startingSolution` | nil | one value per column | a feasible point offered to GLPK as incumbent |
/// | `branching` | `.driebeckTomlin` | | GLPK's branching rule |
/// | `backtracking` | `.bestLocalBound` | | GLPK's node selection rule |
/// | `generalCuts` | none | | GLPK's own cut generators (Gomory, MIR, cover, clique) to turn on |
///
/// The lazy-constraint generator is behaviour, not data, so it is a separate argument of `solve`.
public struct MIPOptions: Sendable, Equatable, Codable {
    /// GLPK's branching rules (`br_tech`).
    public enum Branching: String, Sendable, Codable, CaseIterable {
        case firstFractional, lastFractional, mostFractional, driebeckTomlin, pseudocost
    }

    /// GLPK's node selection rules (`bt_tech`).
    public enum Backtracking: String, Sendable, Codable, CaseIterable {
        case depthFirst, breadthFirst, bestLocalBound, bestProjection
    }

    /// GLPK's own cut generators (`gmi_cuts`, `mir_cuts`, `cov_cuts`, `clq_cuts`). They derive
    /// cuts from the rows the LP has, lazy rows included, so they stay valid with lazy rows.
    public enum GeneralCut: String, Sendable, Codable, CaseIterable {
        case gomory, mixedIntegerRounding, cover, clique
    }

    /// Wall-clock seconds for the whole solve; nil means no limit. 0 is allowed (GLPK stops at
    /// its first check and the result says what was known by then).
    public var timeLimit: Double?
    /// Relative MIP gap at which the search may stop with status `.feasible`.
    public var relativeGap: Double
    /// Let GLPK print its progress (normally it is silenced).
    public var verbose: Bool
    /// One value per column; must be feasible (checked before solving, lazy constraints
    /// included). GLPK receives it at its first heuristic call; if the search stops earlier, the
    /// result still reports it as the incumbent.
    public var startingSolution: [Double]?
    public var branching: Branching
    public var backtracking: Backtracking
    public var generalCuts: [GeneralCut]

    public init(timeLimit: Double? = nil, relativeGap: Double = 0, verbose: Bool = false,
                startingSolution: [Double]? = nil, branching: Branching = .driebeckTomlin,
                backtracking: Backtracking = .bestLocalBound, generalCuts: [GeneralCut] = []) {
        self.timeLimit = timeLimit
        self.relativeGap = relativeGap
        self.verbose = verbose
        self.startingSolution = startingSolution
        self.branching = branching
        self.backtracking = backtracking
        self.generalCuts = generalCuts
    }

    /// Throws ``MIPError/invalidOption(name:reason:)`` naming the first bad field.
    public func validate() throws {
        if let timeLimit, timeLimit.isNaN || timeLimit < 0 {
            throw MIPError.invalidOption(name: "timeLimit", reason: "\(timeLimit) is not a duration ≥ 0 seconds")
        }
        if !(relativeGap >= 0) || relativeGap == .infinity {
            throw MIPError.invalidOption(name: "relativeGap", reason: "\(relativeGap) is not a finite value ≥ 0")
        }
    }
}
