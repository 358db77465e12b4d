import HunchCore

/// The search's candidate lists as LKH builds them (Helsgaun 2000, §4): a short Held–Karp
/// subgradient ascent for the penalties π, then each node's ``AlphaNearness/defaultCount``
/// α-nearest partners under them.
///
/// The ascent is the bound's own (``HeldKarpAscent``) up to `denseLimit` nodes (and while the
/// budget covers its O(n²) passes), then α over the complete graph (O(n²) time, O(n) memory).
/// Otherwise everything stays sparse so that memory is O(n·k): a Polyak ascent on the 1-trees of
/// the k-nearest graph (the lists the priors use), then α over that graph's edges. Both are capped
/// by iterations, and by time when a budget is given; the lists are only a search aid, so a short
/// ascent is still worth having (π = 0 already gives the 1-tree's structure).
enum AlphaCandidateBuilder {
    /// Above this many nodes the ascent and α use a sparse graph only.
    static let denseLimit = 6000
    /// Cap on 1-trees computed (keeps runs without a deadline reproducible and short).
    static let maxIterations = 1000
    /// The share of the remaining time the ascent may take.
    static let timeShare = 0.10

    /// What the dense path costs at least, whatever its budget: its target tour, one complete
    /// 1-tree and the α rows, each O(n²) at about 3 ns per pair (as `TSPProblem.bound` estimates
    /// a 1-tree), with a margin. A budget below this takes the sparse path, so that a short
    /// limit on a large instance is kept (issue 16: 5,000 nodes at 0.5 s).
    static func denseSeconds(_ n: Int) -> Double { 4 * 3e-9 * Double(n) * Double(n) }

    /// The lists, or nil when the instance is too small, the sparse graph is disconnected with
    /// components too large to bridge (`ComponentBridges`), or
    /// the work was given up: on `interruption`, or past twice `budget` (a slow machine or a
    /// debug build; the search then uses the nearest-neighbour lists).
    /// - Parameters:
    ///   - budget: seconds the ascent may take (nil: only the iteration cap).
    ///   - nearest: the k-nearest lists (10 to 16 per node) that bound the sparse graph above
    ///     `denseLimit`; built (k = 10) when not given.
    static func build(_ instance: TSPInstance, count: Int = AlphaNearness.defaultCount, budget: Double?,
                      interruption: Interruption? = nil, nearest: CandidateLists? = nil,
                      denseLimit: Int = AlphaCandidateBuilder.denseLimit) -> CandidateLists? {
        let n = instance.dimension
        guard n >= 8 else { return nil }
        let clock = ContinuousClock()
        let started = clock.now
        let giveUp = { () -> Bool in
            if interruption?.isRequested == true { return true }
            guard let budget else { return false }
            return clock.now - started > .nanoseconds(Int64(2 * budget * 1e9))
        }
        if n <= denseLimit && (budget.map { denseSeconds(n) <= $0 } ?? true) {
            // The ascent leaves the α rows their share of the budget.
            var ascent = HeldKarpAscent(instance: instance, timeLimit: budget.map { max(0, $0 - denseSeconds(n)) },
                                        maxIterations: maxIterations, upperBound: nil)
            ascent.interruption = interruption
            let outcome = ascent.run()
            guard let tree = outcome.tree, !giveUp() else { return nil }
            return AlphaNearness.dense(instance, tree: tree, penalties: outcome.bound.penalties, count: count, shouldStop: giveUp)
        }
        let graph = nearest ?? CandidateLists(instance: instance, k: 10)
        guard let (tree, pi) = sparseAscent(instance, graph: graph, budget: budget, shouldStop: giveUp) else { return nil }
        return AlphaNearness.sparse(instance, tree: tree, penalties: pi, graph: graph, count: count, shouldStop: giveUp)
    }

    /// Held–Karp ascent on the sparse graph only: Polyak steps towards the greedy tour's length,
    /// λ halved after 100 iterations without a better 1-tree. Returns the best 1-tree and its π.
    static func sparseAscent(_ instance: TSPInstance, graph lists: CandidateLists, budget: Double?,
                             shouldStop: () -> Bool) -> (OneTree, [Double])? {
        let n = instance.dimension
        var sets = [Set<Int>](repeating: [], count: n)
        for i in 0..<n {
            for r in 0..<lists.k {
                let j = lists.neighbour(i, r)
                sets[i].insert(j)
                sets[j].insert(i)
            }
        }
        guard ComponentBridges.connect(&sets, instance) else { return nil }
        let graph = CandidateGraph(neighbours: sets.map { $0.sorted() })
        let target = Double(instance.tourLength(GreedyEdgeTour.build(instance, candidates: lists)))
        if shouldStop() { return nil }
        let clock = ContinuousClock()
        let deadline = budget.map { clock.now + .nanoseconds(Int64(max(0, $0) * 1e9)) }
        var pi = [Double](repeating: 0, count: n)
        var best: (tree: OneTree, pi: [Double], value: Double)?
        var lambda = HeldKarpAscent.initialLambda
        var sinceImprovement = 0
        for _ in 0..<maxIterations {
            guard let tree = OneTree.sparse(graph, instance, penalties: pi) else { return nil }
            let value = tree.lowerBound(pi)
            if value > best?.value ?? -.infinity {
                best = (tree, pi, value)
                sinceImprovement = 0
            } else {
                sinceImprovement += 1
                if sinceImprovement >= 100 {
                    lambda /= 2
                    sinceImprovement = 0
                    pi = best!.pi
                }
            }
            if tree.isTour || lambda < HeldKarpAscent.minimumLambda { break }
            if let deadline, clock.now >= deadline { break }
            if shouldStop() { return nil }
            HeldKarpAscent.step(&pi, tree: tree, value: value, target: target, lambda: lambda)
        }
        return best.map { ($0.tree, $0.pi) }
    }
}
