import Foundation
import HunchExact

/// Why the exact solver refused an instance.
public struct BinPackingExactError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public var description: String { message }
}

/// Solves bin packing exactly with the arc-flow MIP (Valério de Carvalho 1999) through GLPK.
///
/// min Σ_{arcs leaving 0} x  s.t.  flow conservation at every load 0 < d < C,
/// Σ_{arcs of weight w} x ≥ demand(w),  Σ_{arcs leaving 0} x ≥ L2,  x ∈ ℤ₊.
/// Its LP bound is very strong (equal to the Gilmore–Gomory bound), so with a heuristic
/// incumbent most benchmark instances are proven at the root. An incumbent whose bin count equals
/// L2 is optimal without a model.
public enum BinPackingExactSolver {
    /// Largest model built (arcs); above it the status is `.error` with the size.
    public static let maxArcs = 2_000_000
    /// Largest capacity modelled: the graph keeps arrays over the loads 0…C.
    public static let maxCapacity = 10_000_000

    public static func solve(_ instance: BinPackingInstance, incumbent: BinPackingSolution?,
                             timeLimit: Double, verbose: Bool) throws -> BinPackingExactResult {
        let clock = ContinuousClock()
        let started = clock.now
        func elapsed() -> Double {
            let d = clock.now - started
            return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
        }
        if let problem = instance.problem {
            throw BinPackingExactError(message: "\(instance.name): \(problem)")
        }
        guard timeLimit.isFinite || timeLimit == .infinity, timeLimit >= 0 else {
            throw BinPackingExactError(message: "time limit \(timeLimit) is not a duration ≥ 0 seconds")
        }
        let lowerBound = BinPackingLowerBound.compute(instance)
        let start = incumbent.flatMap { BinPackingValidation.isValid($0, instance: instance) ? $0 : nil }
        if instance.weights.isEmpty {
            return BinPackingExactResult(status: .optimal, solution: BinPackingSolution(bins: []), binCount: 0,
                                         bound: 0, time: elapsed(), arcCount: 0)
        }
        if let start, start.binCount == lowerBound {
            return BinPackingExactResult(status: .optimal, solution: start, binCount: start.binCount,
                                         bound: lowerBound, time: elapsed(), arcCount: 0)
        }
        guard instance.capacity <= maxCapacity else {
            return BinPackingExactResult(status: .error("arc-flow model too large (capacity \(instance.capacity) above \(maxCapacity))"),
                                         solution: start, binCount: start?.binCount, bound: lowerBound,
                                         time: elapsed(), arcCount: 0)
        }
        let graph: ArcFlowGraph
        switch ArcFlowGraph.build(instance, maxArcs: maxArcs, timeUp: { elapsed() > timeLimit }) {
        case .built(let built):
            graph = built
        case .tooLarge:
            return BinPackingExactResult(status: .error("arc-flow model too large (more than \(maxArcs) arcs for capacity \(instance.capacity))"),
                                         solution: start, binCount: start?.binCount, bound: lowerBound,
                                         time: elapsed(), arcCount: 0)
        case .outOfTime:
            return BinPackingExactResult(status: start == nil ? .noSolution : .feasible, solution: start,
                                         binCount: start?.binCount, bound: lowerBound, time: elapsed(), arcCount: 0)
        }

        // Building the MIP costs about 1.2 µs per arc here and GLPK as much again to load it (and
        // ~700 bytes per arc): when that alone would overrun the limit, the model is not built
        // and the answer is the incumbent with the L2 bound, on time.
        let modelCost = 3e-6 * Double(graph.arcs.count) + 0.05
        if elapsed() + modelCost > timeLimit {
            return BinPackingExactResult(status: start == nil ? .noSolution : .feasible, solution: start,
                                         binCount: start?.binCount, bound: lowerBound, time: elapsed(),
                                         arcCount: graph.arcs.count)
        }
        var model = MIPModel(sense: .minimize)
        for arc in graph.arcs {
            let upper = arc.type >= 0 ? Double(graph.demands[arc.type]) : nil
            try model.addColumn(kind: .integer, lower: 0, upper: upper, objective: arc.tail == 0 ? 1 : 0)
        }
        var incoming = [Int: [MIPTerm]](), outgoing = [Int: [MIPTerm]]()
        var ofType = [[MIPTerm]](repeating: [], count: graph.weights.count)
        for (a, arc) in graph.arcs.enumerated() {
            incoming[arc.head, default: []].append(MIPTerm(a, 1))
            outgoing[arc.tail, default: []].append(MIPTerm(a, -1))
            if arc.type >= 0 { ofType[arc.type].append(MIPTerm(a, 1)) }
        }
        for d in graph.nodes where d > 0 && d < graph.capacity {
            try model.addRow((incoming[d] ?? []) + (outgoing[d] ?? []), .equal(0))
        }
        for (t, terms) in ofType.enumerated() {
            try model.addRow(terms, .greaterOrEqual(Double(graph.demands[t])))
        }
        let binsTerms = (outgoing[0] ?? []).map { MIPTerm($0.column, 1) }
        try model.addRow(binsTerms, .greaterOrEqual(Double(lowerBound)))

        var options = MIPOptions(timeLimit: max(0, timeLimit - elapsed()), verbose: verbose)
        options.startingSolution = start.flatMap { graph.flows(of: $0, instance: instance) }
        let mip = try MIPSolver.solve(model, options: options)

        func result(_ status: BinPackingExactResult.Status, _ solution: BinPackingSolution?) -> BinPackingExactResult {
            let mipBound = mip.bound.map { Int(($0 - 1e-6).rounded(.up)) } ?? 0
            var bound = max(lowerBound, mipBound)
            if let solution { bound = min(bound, solution.binCount) }
            return BinPackingExactResult(status: status, solution: solution, binCount: solution?.binCount,
                                         bound: bound, time: elapsed(), arcCount: graph.arcs.count)
        }
        switch mip.status {
        case .optimal, .feasible:
            var decoded = graph.packing(fromFlows: mip.values)
            if !BinPackingValidation.isValid(decoded, instance: instance) {
                guard let start else { return result(.error("the MIP's flow did not decode into a valid packing"), nil) }
                decoded = start
            }
            if let start, start.binCount < decoded.binCount { decoded = start }
            var r = result(.feasible, decoded)
            if mip.status == .optimal || r.bound >= decoded.binCount {
                r.status = .optimal
                r.bound = decoded.binCount
            }
            return r
        case .infeasible:
            return result(.infeasible, nil)
        case .noSolution, .unbounded:
            if let start { return result(.feasible, start) }
            return result(.noSolution, nil)
        case .error(let message):
            return result(.error(message), start)
        }
    }
}
