import Foundation
import HunchCore
import HunchExact

/// The LP bound of the two-index formulation strengthened by rounded capacity inequalities
/// (Laporte, Nobert & Desrochers 1985; Lysgaard, Letchford & Eglese 2004): solve the LP,
/// separate violated cuts heuristically (connected components of the support graph at a few
/// thresholds, then greedy growth, as the exact solver does), add them, and solve again until
/// none is found or the time is up. Every LP value is a valid lower bound, so stopping early
/// still gives one. Built only up to `CVRPExactSolver.maximumModelNodes` nodes (n²/2 columns);
/// on A–P instances it closes most of the gap that the radial and spanning-tree bounds leave.
public enum CVRPRootBound {
    /// Rounds of LP and separation at most.
    static let maximumRounds = 200

    public static func compute(_ instance: CVRPInstance, timeLimit: Double, stop: StopCondition = StopCondition()) -> Int? {
        rootCuts(instance, timeLimit: timeLimit, stop: stop)?.bound
    }

    /// The bound and the cuts that produced it (rows over the exact model's columns), so the
    /// exact solver can start its branch-and-cut from them. `multistars` adds the multistar
    /// heuristic to each round; `exactCapacity` runs ``ExactCapacitySeparation`` whenever the
    /// heuristics find nothing, so the loop ends with no violated rounded capacity inequality.
    /// Also returned: the last LP's value, reduced costs and point (that LP held every cut but the
    /// last round's), for reduced-cost fixing and the choice of cutsets.
    static func rootCuts(_ instance: CVRPInstance, timeLimit: Double, stop: StopCondition = StopCondition(),
                         multistars: Bool = false, exactCapacity: Bool = false)
        -> (bound: Int, cuts: [MIPRow], objective: Double, reducedCosts: [Double], values: [Double])? {
        let n = instance.dimension
        guard n >= 3, n <= CVRPExactSolver.maximumModelNodes, instance.maximumDuration == nil, timeLimit > 0 else { return nil }
        let started = Date()
        func left() -> Double { timeLimit - Date().timeIntervalSince(started) }
        guard case (var model, let edges, let column)? = try? CVRPExactSolver.twoIndexModel(instance, kind: .continuous) else { return nil }
        let separator = CapacityCutSeparator(instance: instance, edges: edges, column: column, multistars: multistars)
        var best: Double?
        var last: (objective: Double, reducedCosts: [Double], values: [Double])?
        var added: [MIPRow] = []
        for round in 0..<maximumRounds {
            guard left() > 0, !stop.timeIsUp(),
                  let lp = try? MIPSolver.solve(model, options: MIPOptions(timeLimit: left())),
                  lp.status == .optimal, let objective = lp.objective else { break }
            best = max(best ?? objective, objective)
            if lp.rootReducedCosts.count == model.columnCount { last = (objective, lp.rootReducedCosts, lp.values) }
            var cuts = separator.constraints(at: MIPPoint(values: lp.values, isIntegral: false, objective: objective, round: round))
            if cuts.isEmpty && exactCapacity {
                let exact = ExactCapacitySeparation(demands: instance.demands, capacity: instance.capacity,
                                                    minimumViolation: separator.minimumViolation)
                let sets = exact.violatedSets(weight: separator.supportWeights(lp.values, above: 1e-9), timeLimit: left()) ?? []
                cuts = sets.compactMap { separator.cut(for: $0, values: lp.values) }
            }
            if cuts.isEmpty { break }
            for cut in cuts where (try? model.addRow(cut)) != nil { added.append(cut) }
        }
        guard let best, let last else { return nil }
        return (max(0, Int((best - 1e-6).rounded(.up))), added, last.objective, last.reducedCosts, last.values)
    }
}
