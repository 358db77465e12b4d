import Foundation
import HunchExact

/// Switches of the CVRP exact solver. `standard` is what `hunch exact` uses; for paired
/// benchmarks of one binary the environment overrides it: `HUNCH_CVRP_EXACT_FIXING` and
/// `HUNCH_CVRP_EXACT_TIGHT_ROOT` (`0`/`1`), `HUNCH_CVRP_EXACT_RCI` and
/// `HUNCH_CVRP_EXACT_MULTISTARS` (`0`, `1` for the root, `tree` for every node),
/// `HUNCH_CVRP_EXACT_CUTSETS` and `HUNCH_CVRP_EXACT_NODE_ROUNDS` (counts),
/// `HUNCH_CVRP_EXACT_ROOT_SHARE` (0…1), `HUNCH_CVRP_EXACT_BRANCHING` (a ``MIPOptions/Branching``
/// name), `HUNCH_CVRP_EXACT_BACKTRACKING` (a ``MIPOptions/Backtracking`` name) and
/// `HUNCH_CVRP_EXACT_GLPK_CUTS` (``MIPOptions/GeneralCut`` names, comma-separated).
public struct CVRPExactOptions: Sendable, Equatable {
    /// Reduced-cost fixing after the root's cutting planes (``ReducedCostFixing``). Off: on
    /// A-n37-k6 it fixes 46 of 666 columns and the bound at 60 s did not move (docs/benchmarks.md).
    public var reducedCostFixing: Bool
    /// Exact separation of the rounded capacity inequalities at the root, by one small MIP per
    /// demand band, once the heuristics find nothing (``ExactCapacitySeparation``).
    public var exactCapacitySeparation: Bool
    /// Also at the nodes below the root, where the heuristics find nothing (at most 0.5 s a call).
    public var exactCapacityInTree: Bool
    /// Generalized large multistar inequalities at fractional points (``MultistarSeparation``).
    /// Off: on A-n37-k6 they raise the root LP by 1.6 but the bound at 60 s ends lower.
    public var multistars: Bool
    /// Also at the nodes below the root (else at the root's cutting planes only).
    public var multistarsInTree: Bool
    /// How many customer sets get a cutset-branching column (``CutsetBranching``); 0 for none.
    public var cutsetBranchingSets: Int
    /// Rounds of capacity cuts on fractional points at each node below the root.
    public var roundsBelowRoot: Int
    /// Start the branch-and-cut with only the root cuts that are tight at the root LP (the
    /// others come back lazily when violated): smaller LPs, and GLPK's pseudocost
    /// initialisation copies the whole problem per column (A-n37-k6: 97 of 278 rows, 51.5 →
    /// 40.1 s).
    public var tightRootCutsOnly: Bool
    /// Share of the time limit given to the root's cutting planes before branching (at most 20 s).
    public var rootCutShare: Double
    public var branching: MIPOptions.Branching
    public var backtracking: MIPOptions.Backtracking
    public var generalCuts: [MIPOptions.GeneralCut]

    public init(reducedCostFixing: Bool = false, exactCapacitySeparation: Bool = true, exactCapacityInTree: Bool = false,
                multistars: Bool = false,
                multistarsInTree: Bool = false, rootCutShare: Double = 0.15, cutsetBranchingSets: Int = 40,
                roundsBelowRoot: Int = 3, tightRootCutsOnly: Bool = true,
                branching: MIPOptions.Branching = .pseudocost, backtracking: MIPOptions.Backtracking = .bestLocalBound,
                generalCuts: [MIPOptions.GeneralCut] = []) {
        self.reducedCostFixing = reducedCostFixing
        self.exactCapacitySeparation = exactCapacitySeparation
        self.exactCapacityInTree = exactCapacityInTree
        self.multistars = multistars
        self.multistarsInTree = multistarsInTree
        self.rootCutShare = rootCutShare
        self.cutsetBranchingSets = cutsetBranchingSets
        self.roundsBelowRoot = roundsBelowRoot
        self.tightRootCutsOnly = tightRootCutsOnly
        self.branching = branching
        self.backtracking = backtracking
        self.generalCuts = generalCuts
    }

    public static let defaults = CVRPExactOptions()

    /// The defaults with the environment's overrides.
    public static let standard: CVRPExactOptions = {
        var options = CVRPExactOptions.defaults
        let environment = ProcessInfo.processInfo.environment
        if let v = environment["HUNCH_CVRP_EXACT_FIXING"] { options.reducedCostFixing = v != "0" }
        if let v = environment["HUNCH_CVRP_EXACT_RCI"] {
            options.exactCapacitySeparation = v != "0"
            options.exactCapacityInTree = v == "tree"
        }
        if let v = environment["HUNCH_CVRP_EXACT_MULTISTARS"] {
            options.multistars = v != "0"
            options.multistarsInTree = v == "tree"
        }
        if let v = environment["HUNCH_CVRP_EXACT_ROOT_SHARE"], let share = Double(v), share >= 0, share <= 1 {
            options.rootCutShare = share
        }
        if let v = environment["HUNCH_CVRP_EXACT_CUTSETS"], let count = Int(v), count >= 0 { options.cutsetBranchingSets = count }
        if let v = environment["HUNCH_CVRP_EXACT_NODE_ROUNDS"], let rounds = Int(v), rounds >= 0 { options.roundsBelowRoot = rounds }
        if let v = environment["HUNCH_CVRP_EXACT_TIGHT_ROOT"] { options.tightRootCutsOnly = v != "0" }
        if let v = environment["HUNCH_CVRP_EXACT_BRANCHING"], let rule = MIPOptions.Branching(rawValue: v) {
            options.branching = rule
        }
        if let v = environment["HUNCH_CVRP_EXACT_BACKTRACKING"], let rule = MIPOptions.Backtracking(rawValue: v) {
            options.backtracking = rule
        }
        if let v = environment["HUNCH_CVRP_EXACT_GLPK_CUTS"] {
            options.generalCuts = v.split(separator: ",").compactMap { MIPOptions.GeneralCut(rawValue: String($0)) }
        }
        return options
    }()
}
