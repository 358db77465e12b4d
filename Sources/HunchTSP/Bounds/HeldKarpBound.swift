import HunchCore

/// A lower bound on the length of every tour: the Held–Karp 1-tree bound with subgradient
/// optimisation of node penalties (Held & Karp 1970, 1971).
///
/// For penalties π, the minimum 1-tree under costs `d(i, j) + π[i] + π[j]`, minus `2 Σ π`, bounds
/// every tour from below; the ascent moves π along the subgradient `degree − 2` to raise it.
/// Steps follow Polyak's rule towards a target, as in Held, Wolfe & Crowder (1974):
/// `t = λ (U − W) / ‖degree − 2‖²` with U a tour length (the given upper bound, else the
/// nearest-neighbour tour), λ starting at 2 and halved, back at the best penalties, after 200
/// iterations without improvement. On TSPLIB this reaches the subtour-elimination LP value (the
/// best possible 1-tree bound) within a few thousand iterations, also on clustered instances
/// (pr152, d198) where decreasing-step schedules stall several percent short.
///
/// Validity does not depend on how well the ascent converges: the reported `bound` always comes
/// from a minimum 1-tree over the **complete** graph (Prim, O(n²)) evaluated at the best
/// penalties found, and is the ceiling of that value only because tour lengths are integers. On
/// large instances (more than `denseLimit` nodes) the ascent itself runs on a sparse candidate
/// graph (each node's 10 cheapest partners under the current penalised costs, plus the last full
/// 1-tree), and full 1-trees are evaluated whenever λ is halved and at the end.
public struct HeldKarpBound: Sendable {
    /// A valid lower bound on the optimal tour length: `ceil(value)` with a guard against
    /// floating-point error.
    public let bound: Int
    /// The 1-tree bound itself, `cost of the minimum 1-tree − 2 Σ π`, at `penalties`.
    public let value: Double
    /// The penalties π that gave `value` (one per node).
    public let penalties: [Double]
    /// Subgradient iterations (1-trees computed, sparse or complete).
    public let iterations: Int
    /// Wall-clock seconds.
    public let time: Double
    /// When the best 1-tree is a tour, that tour: then it is optimal and `bound` is its length.
    public let optimalTour: [Int]?

    /// Above this many nodes the ascent runs on a sparse candidate graph.
    public static let denseLimit = 500

    /// Computes the bound.
    ///
    /// - Parameters:
    ///   - timeLimit: wall-clock seconds for the ascent (nil: none). At least one 1-tree over the
    ///     complete graph is always computed, which takes O(n²) whatever the limit.
    ///   - maxIterations: cap on 1-trees computed (nil: the step rule decides; typically 3 000 to
    ///     10 000). In sparse mode the closing complete 1-tree may add one.
    ///   - upperBound: the length of a known tour: the step target, and the ascent stops once the
    ///     bound reaches it (the tour is then optimal).
    ///   - interruption: stops the ascent early (Ctrl-C); the best bound so far is still valid.
    /// - Complexity: O(n²) per iteration up to `denseLimit` nodes; above, O(n·k·log n) per
    ///   iteration plus O(n²) per halving of λ.
    public static func compute(_ instance: TSPInstance, timeLimit: Double? = nil, maxIterations: Int? = nil,
                               upperBound: Int? = nil, interruption: Interruption? = nil) -> HeldKarpBound {
        var ascent = HeldKarpAscent(instance: instance, timeLimit: timeLimit, maxIterations: maxIterations,
                                    upperBound: upperBound)
        ascent.interruption = interruption
        return ascent.run().bound
    }

    /// The integer bound implied by a valid real bound on integer tour lengths.
    static func integerBound(_ value: Double) -> Int {
        Int((value - 1e-9 * max(1, abs(value))).rounded(.up))
    }
}

/// The subgradient ascent behind ``HeldKarpBound``; also hands the exact solver the best
/// complete 1-tree for edge elimination.
struct HeldKarpAscent {
    /// Polyak step factor λ: start, stop, and iterations without improvement before halving.
    static let initialLambda = 2.0
    static let minimumLambda = 1e-5
    static let patience = 200
    /// Sparse mode: iterations between complete 1-trees, and candidates per node.
    static let sparseRun = 50
    static let candidates = 10

    struct Outcome {
        var bound: HeldKarpBound
        /// The minimum 1-tree over the complete graph at `bound.penalties` (nil when n ≤ 3).
        var tree: OneTree?
    }

    let instance: TSPInstance
    let maxIterations: Int?
    let upperBound: Int?
    /// Above this many nodes the ascent runs on a sparse candidate graph.
    let denseLimit: Int
    let clock = ContinuousClock()
    let started: ContinuousClock.Instant
    let deadline: ContinuousClock.Instant?

    // The best complete 1-tree: the only source of the reported bound.
    private var bestTree: OneTree?
    private var bestValue = -Double.infinity
    private var bestPenalties: [Double] = []
    private var iterations = 0
    private var fullEvaluationTime = 0.0
    var interruption: Interruption?

    init(instance: TSPInstance, timeLimit: Double?, maxIterations: Int?, upperBound: Int?,
         denseLimit: Int = HeldKarpBound.denseLimit) {
        self.instance = instance
        self.maxIterations = maxIterations
        self.upperBound = upperBound
        self.denseLimit = denseLimit
        started = clock.now
        if let timeLimit, timeLimit.isFinite, timeLimit < 1e9 {
            deadline = started + .nanoseconds(Int64(max(0, timeLimit) * 1e9))
        } else {
            deadline = nil
        }
    }

    private var elapsed: Double { seconds(clock.now - started) }

    mutating func run() -> Outcome {
        let n = instance.dimension
        if n <= 3 {
            let tour = Array(0..<n)
            let length = instance.tourLength(tour)
            return Outcome(bound: HeldKarpBound(bound: length, value: Double(length), penalties: [Double](repeating: 0, count: n),
                                                iterations: 0, time: elapsed, optimalTour: tour), tree: nil)
        }
        let zero = [Double](repeating: 0, count: n)
        _ = evaluateComplete(zero)
        if !isFinished && !outOfBudget(reserve: 0) {
            // The step target: a tour length (W ≥ target would mean the target is no tour).
            let target = Double(upperBound ?? instance.tourLength(ExactIncumbentSearch.nearestNeighbourTour(instance)))
            if n <= denseLimit { ascendDense(target: target) } else { ascendSparse(target: target) }
        }
        let tree = bestTree!
        let tour = tree.isTour ? tree.tour() : nil
        let bound = tour.map { instance.tourLength($0) } ?? HeldKarpBound.integerBound(bestValue)
        return Outcome(bound: HeldKarpBound(bound: bound, value: bestValue, penalties: bestPenalties,
                                            iterations: iterations, time: elapsed, optimalTour: tour),
                       tree: tree)
    }

    /// The 1-tree over the complete graph at `pi`, recorded if it is the best so far.
    private mutating func evaluateComplete(_ pi: [Double]) -> (tree: OneTree, value: Double) {
        let start = clock.now
        let tree = OneTree.complete(instance, penalties: pi)
        fullEvaluationTime = seconds(clock.now - start)
        iterations += 1
        let value = tree.lowerBound(pi)
        if value > bestValue {
            bestValue = value
            bestTree = tree
            bestPenalties = pi
        }
        return (tree, value)
    }

    /// True once the best 1-tree is a tour or reaches the upper bound: nothing left to gain.
    private var isFinished: Bool {
        if bestTree?.isTour == true { return true }
        guard let upperBound else { return false }
        return HeldKarpBound.integerBound(bestValue) >= upperBound
    }

    /// Stop when the budget will not cover one more step (plus, in sparse mode, a final
    /// complete 1-tree).
    private func outOfBudget(reserve: Double) -> Bool {
        if let maxIterations, iterations >= maxIterations { return true }
        if interruption?.isRequested == true { return true }
        guard let deadline else { return false }
        return clock.now + .nanoseconds(Int64(reserve * 1e9)) >= deadline
    }

    /// Polyak's step from `tree` at `pi` towards `target`.
    static func step(_ pi: inout [Double], tree: OneTree, value: Double, target: Double, lambda: Double) {
        // W ≥ target only when the target is not a tour length: aim a little higher then.
        let gap = target > value ? target - value : 0.01 * max(1, abs(value))
        let step = lambda * gap / Double(tree.subgradientNormSquared)
        for i in 0..<pi.count where tree.degree[i] != 2 {
            pi[i] += step * Double(tree.degree[i] - 2)
        }
    }

    /// Every iteration on the complete graph: each value is a valid bound.
    private mutating func ascendDense(target: Double) {
        var pi = bestPenalties
        var tree = bestTree!
        var value = bestValue
        var lambda = HeldKarpAscent.initialLambda
        var sinceImprovement = 0
        while lambda >= HeldKarpAscent.minimumLambda && !outOfBudget(reserve: 0) && !isFinished {
            HeldKarpAscent.step(&pi, tree: tree, value: value, target: target, lambda: lambda)
            let previousBest = bestValue
            (tree, value) = evaluateComplete(pi)
            if bestValue > previousBest {
                sinceImprovement = 0
            } else {
                sinceImprovement += 1
                if sinceImprovement >= HeldKarpAscent.patience {
                    lambda /= 2
                    sinceImprovement = 0
                    pi = bestPenalties
                    tree = bestTree!
                    value = bestValue
                }
            }
        }
    }

    /// Runs of `sparseRun` iterations on a candidate graph rebuilt around the current
    /// penalties, each followed by a complete 1-tree at the run's best penalties. A 1-tree on a
    /// subgraph can cost more than the complete one (even more than every tour), so progress,
    /// λ and the reported bound are judged on complete 1-trees only.
    private mutating func ascendSparse(target: Double) {
        var pi = bestPenalties
        var tree = bestTree!
        var lambda = HeldKarpAscent.initialLambda
        var runsSinceImprovement = 0
        let runsPerHalving = max(1, HeldKarpAscent.patience / HeldKarpAscent.sparseRun)
        while lambda >= HeldKarpAscent.minimumLambda && !outOfBudget(reserve: 2 * fullEvaluationTime) && !isFinished {
            let graph = CandidateGraph.nearest(instance, penalties: pi, k: HeldKarpAscent.candidates, including: tree)
            var runBestValue = tree.lowerBound(pi)
            var runBestPenalties = pi
            var sparseTree = tree
            var sparseValue = runBestValue
            for _ in 0..<HeldKarpAscent.sparseRun {
                if outOfBudget(reserve: 2 * fullEvaluationTime) { break }
                HeldKarpAscent.step(&pi, tree: sparseTree, value: sparseValue, target: target, lambda: lambda)
                guard let next = OneTree.sparse(graph, instance, penalties: pi) else { break }
                iterations += 1
                sparseTree = next
                sparseValue = next.lowerBound(pi)
                if sparseValue > target || next.isTour { break }  // the graph misleads: re-check on all edges
                if sparseValue > runBestValue {
                    runBestValue = sparseValue
                    runBestPenalties = pi
                }
            }
            let previousBest = bestValue
            pi = runBestPenalties
            (tree, _) = evaluateComplete(pi)
            if bestValue > previousBest {
                runsSinceImprovement = 0
            } else {
                runsSinceImprovement += 1
                if runsSinceImprovement >= runsPerHalving {
                    lambda /= 2
                    runsSinceImprovement = 0
                    pi = bestPenalties
                    tree = bestTree!
                }
            }
        }
    }
}

private func seconds(_ duration: Duration) -> Double {
    let (s, atto) = duration.components
    return Double(s) + Double(atto) * 1e-18
}
