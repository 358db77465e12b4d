#if canImport(Glibc)
import Glibc
#endif
import CGLPK

/// Solves a ``MIPModel`` with GLPK's branch-and-cut.
///
/// The whole life of the GLPK problem is inside one synchronous call on the calling thread
/// (GLPK problems must not cross threads), so concurrent solves on different threads are fine.
/// The root LP is solved by `glp_simplex` first (GLPK's presolver stays off so that callbacks
/// see the model's own columns), then `glp_intopt` runs with a callback that adds lazy rows,
/// offers the starting solution and records the best bound for when the time limit stops it.
public enum MIPSolver {
    /// Solves `model`.
    ///
    /// - Parameters:
    ///   - options: limits and settings (see ``MIPOptions``).
    ///   - lazyConstraints: asked for violated rows after every LP of the search; required when
    ///     the model alone admits points that are infeasible (e.g. a TSP without subtour rows).
    /// - Returns: what was established; see ``MIPResult/Status``.
    /// - Throws: ``MIPError`` for bad options, a bad starting solution, malformed lazy rows or a
    ///   failing generator. Never GLPK's `abort()`: everything is checked before GLPK sees it.
    public static func solve(_ model: MIPModel, options: MIPOptions = MIPOptions(),
                             lazyConstraints generator: (any LazyConstraintGenerator)? = nil) throws -> MIPResult {
        var reducedCosts: [Double] = []
        var result = try search(model, options: options, generator: generator, rootReducedCosts: &reducedCosts)
        result.rootReducedCosts = reducedCosts
        return result
    }

    /// The solve itself; `rootReducedCosts` receives the root LP's reduced costs once it is optimal.
    private static func search(_ model: MIPModel, options: MIPOptions, generator: (any LazyConstraintGenerator)?,
                               rootReducedCosts: inout [Double]) throws -> MIPResult {
        let clock = ContinuousClock()
        let started = clock.now
        func elapsed() -> Double { seconds(clock.now - started) }

        try options.validate()
        try model.validate()
        var deadline: ContinuousClock.Instant?
        if let limit = options.timeLimit, limit < 1e9 {
            deadline = started + .nanoseconds(Int64(limit * 1e9))
        }
        let start = try options.startingSolution.map { try checkedStart($0, model: model, generator: generator) }
        let startObjective = start.map { model.objectiveValue($0) }

        /// The answer when the search ends without GLPK's incumbent.
        func stopped(bound: Double?, nodes: Int? = nil, rows: Int = 0) -> MIPResult {
            if let start, let startObjective {
                return MIPResult(status: .feasible, objective: startObjective,
                                 bound: bound.map { clampBound($0, to: startObjective, model.sense) },
                                 values: start, time: elapsed(), nodeCount: nodes, lazyRowsAdded: rows,
                                 startingSolutionUsed: true)
            }
            return MIPResult(status: .noSolution, bound: bound, time: elapsed(), nodeCount: nodes, lazyRowsAdded: rows)
        }
        func remainingMilliseconds() -> Int32 {
            guard let deadline else { return Int32.max }  // GLPK's "no limit"
            let ms = seconds(deadline - clock.now) * 1000
            return Int32(max(0, min(Double(Int32.max - 1), ms.rounded(.down))))
        }

        if model.columnCount == 0 {
            return solveWithoutColumns(model, time: elapsed())
        }
        if remainingMilliseconds() == 0 { return stopped(bound: nil) }

        let previousTerminal = glp_term_out(options.verbose ? GLP_ON : GLP_OFF)
        // GLPK's log goes to standard error, so that standard output stays the result (--json).
        if options.verbose { glp_term_hook(glpkLogToStandardError, nil) }
        defer {
            if options.verbose { glp_term_hook(nil, nil) }
            glp_term_out(previousTerminal)
        }
        let problem = GLPKProblem(model)
        let messages = options.verbose ? GLP_MSG_ON : GLP_MSG_OFF

        // Root LP.
        var simplex = glp_smcp()
        glp_init_smcp(&simplex)
        simplex.msg_lev = messages
        simplex.presolve = GLP_OFF
        simplex.tm_lim = remainingMilliseconds()
        let lpCode = glp_simplex(problem.pointer, &simplex)
        if lpCode == GLP_ETMLIM || lpCode == GLP_EITLIM { return stopped(bound: nil) }
        guard lpCode == 0 else {
            return MIPResult(status: .error("glp_simplex failed: \(describe(lpCode))"), time: elapsed())
        }
        switch glp_get_status(problem.pointer) {
        case GLP_OPT:
            break
        case GLP_NOFEAS:
            if start != nil {
                return MIPResult(status: .error("GLPK reports the LP relaxation infeasible, but the starting solution is feasible"),
                                 time: elapsed())
            }
            return MIPResult(status: .infeasible, time: elapsed())
        case GLP_UNBND:
            return MIPResult(status: .unbounded, time: elapsed())
        case let other:
            return MIPResult(status: .error("glp_simplex ended with LP status \(other)"), time: elapsed())
        }
        let rootBound = glp_get_obj_val(problem.pointer)
        rootReducedCosts = (1...model.columnCount).map { glp_get_col_dual(problem.pointer, Int32($0)) }
        if remainingMilliseconds() == 0 { return stopped(bound: rootBound) }

        // Branch-and-cut.
        var parameters = glp_iocp()
        glp_init_iocp(&parameters)
        parameters.msg_lev = messages
        parameters.presolve = GLP_OFF
        parameters.tm_lim = remainingMilliseconds()
        parameters.mip_gap = options.relativeGap
        parameters.tol_int = BranchAndCutSearch.integralityTolerance
        parameters.br_tech = branchingCode(options.branching)
        parameters.bt_tech = backtrackingCode(options.backtracking)
        parameters.gmi_cuts = options.generalCuts.contains(.gomory) ? GLP_ON : GLP_OFF
        parameters.mir_cuts = options.generalCuts.contains(.mixedIntegerRounding) ? GLP_ON : GLP_OFF
        parameters.cov_cuts = options.generalCuts.contains(.cover) ? GLP_ON : GLP_OFF
        parameters.clq_cuts = options.generalCuts.contains(.clique) ? GLP_ON : GLP_OFF
        // GLPK's rounding heuristic checks only the rows it has: with lazy rows still to come it
        // would accept infeasible points.
        parameters.sr_heur = generator == nil ? GLP_ON : GLP_OFF
        parameters.fp_heur = GLP_OFF
        parameters.ps_heur = GLP_OFF
        parameters.cb_func = hunchGLPKBranchAndCutCallback
        let search = BranchAndCutSearch(model: model, generator: generator, startingSolution: start, deadline: deadline)
        let mipCode = withExtendedLifetime(search) { () -> Int32 in
            parameters.cb_info = Unmanaged.passUnretained(search).toOpaque()
            return glp_intopt(problem.pointer, &parameters)
        }
        if let failure = search.failure { throw failure }

        let mipStatus = glp_mip_status(problem.pointer)
        var values: [Double] = []
        var objective: Double?
        if mipStatus == GLP_OPT || mipStatus == GLP_FEAS {
            values = (1...model.columnCount).map { glp_mip_col_val(problem.pointer, Int32($0)) }
            for (j, column) in model.columns.enumerated() where column.isInteger { values[j] = values[j].rounded() }
            objective = glp_mip_obj_val(problem.pointer)
        }
        let nodes = search.nodeCount > 0 ? search.nodeCount : nil
        let rows = search.lazyRowsAdded

        let stoppedEarly = mipCode == GLP_ETMLIM || mipCode == GLP_EITLIM || mipCode == GLP_EMIPGAP
            || (mipCode == GLP_ESTOP && search.stoppedByDeadline)
        if mipCode == 0 {
            switch mipStatus {
            case GLP_OPT:
                return MIPResult(status: .optimal, objective: objective, bound: objective, values: values,
                                 time: elapsed(), nodeCount: nodes, lazyRowsAdded: rows,
                                 startingSolutionUsed: search.startingSolutionAccepted && objective == startObjective)
            case GLP_NOFEAS:
                if start != nil {
                    return MIPResult(status: .error("GLPK reports no integer solution, but the starting solution is feasible"),
                                     time: elapsed(), nodeCount: nodes, lazyRowsAdded: rows)
                }
                return MIPResult(status: .infeasible, time: elapsed(), nodeCount: nodes, lazyRowsAdded: rows)
            default:
                return MIPResult(status: .error("glp_intopt ended with MIP status \(mipStatus)"), objective: objective,
                                 values: values, time: elapsed(), nodeCount: nodes, lazyRowsAdded: rows)
            }
        }
        if stoppedEarly {
            let bound = search.bestBound ?? rootBound
            guard let found = objective else { return stopped(bound: bound, nodes: nodes, rows: rows) }
            if let startObjective, isBetter(startObjective, than: found, model.sense) {
                return stopped(bound: bound, nodes: nodes, rows: rows)
            }
            return MIPResult(status: .feasible, objective: found, bound: clampBound(bound, to: found, model.sense),
                             values: values, time: elapsed(), nodeCount: nodes, lazyRowsAdded: rows,
                             startingSolutionUsed: search.startingSolutionAccepted && found == startObjective)
        }
        switch mipCode {
        case GLP_ENOPFS:
            return MIPResult(status: .infeasible, time: elapsed(), nodeCount: nodes, lazyRowsAdded: rows)
        case GLP_ENODFS:
            return MIPResult(status: .unbounded, time: elapsed(), nodeCount: nodes, lazyRowsAdded: rows)
        default:
            return MIPResult(status: .error("glp_intopt failed: \(describe(mipCode))"), objective: objective,
                             bound: search.bestBound ?? rootBound, values: values, time: elapsed(),
                             nodeCount: nodes, lazyRowsAdded: rows)
        }
    }

    /// A solve with a closure as lazy-constraint generator.
    public static func solve(_ model: MIPModel, options: MIPOptions = MIPOptions(),
                             lazyConstraints body: @escaping (MIPPoint) throws -> [MIPRow]) throws -> MIPResult {
        try solve(model, options: options, lazyConstraints: ClosureLazyConstraintGenerator(body))
    }

    // MARK: Helpers

    /// The starting solution, checked against the model and the generator, integer columns rounded.
    private static func checkedStart(_ values: [Double], model: MIPModel,
                                     generator: (any LazyConstraintGenerator)?) throws -> [Double] {
        let point = try model.checkedFeasiblePoint(values)
        guard let generator else { return point }
        let rows: [MIPRow]
        do {
            rows = try generator.constraints(at: MIPPoint(values: point, isIntegral: true,
                                                          objective: model.objectiveValue(point)))
        } catch {
            throw MIPError.lazyConstraintGeneratorFailed(message: String(describing: error))
        }
        var seen = [Bool](repeating: false, count: model.columnCount)
        for row in rows {
            if let problem = row.problem(columnCount: model.columnCount, seen: &seen) {
                throw MIPError.invalidLazyConstraint(reason: problem)
            }
            if BranchAndCutSearch.isViolated(row, by: point) {
                throw MIPError.invalidStartingSolution(reason: "violates a lazy constraint")
            }
        }
        return point
    }

    /// A model without columns: every row's activity is 0.
    private static func solveWithoutColumns(_ model: MIPModel, time: Double) -> MIPResult {
        let feasible = model.rows.allSatisfy { !BranchAndCutSearch.isViolated($0, by: []) }
        guard feasible else { return MIPResult(status: .infeasible, time: time) }
        return MIPResult(status: .optimal, objective: model.objectiveConstant, bound: model.objectiveConstant,
                         values: [], time: time)
    }

    private static func isBetter(_ a: Double, than b: Double, _ sense: MIPModel.Sense) -> Bool {
        sense == .minimize ? a < b : a > b
    }

    /// A bound never lies beyond the incumbent it bounds.
    private static func clampBound(_ bound: Double, to objective: Double, _ sense: MIPModel.Sense) -> Double {
        sense == .minimize ? min(bound, objective) : max(bound, objective)
    }

    private static func seconds(_ duration: Duration) -> Double {
        let (s, atto) = duration.components
        return Double(s) + Double(atto) * 1e-18
    }

    private static func branchingCode(_ rule: MIPOptions.Branching) -> Int32 {
        switch rule {
        case .firstFractional: return GLP_BR_FFV
        case .lastFractional: return GLP_BR_LFV
        case .mostFractional: return GLP_BR_MFV
        case .driebeckTomlin: return GLP_BR_DTH
        case .pseudocost: return GLP_BR_PCH
        }
    }

    private static func backtrackingCode(_ rule: MIPOptions.Backtracking) -> Int32 {
        switch rule {
        case .depthFirst: return GLP_BT_DFS
        case .breadthFirst: return GLP_BT_BFS
        case .bestLocalBound: return GLP_BT_BLB
        case .bestProjection: return GLP_BT_BPH
        }
    }

    /// GLPK's return codes by name.
    private static func describe(_ code: Int32) -> String {
        let names: [Int32: String] = [
            GLP_EBADB: "invalid basis", GLP_ESING: "singular matrix", GLP_ECOND: "ill-conditioned matrix",
            GLP_EBOUND: "invalid bounds", GLP_EFAIL: "solver failure", GLP_EOBJLL: "objective lower limit reached",
            GLP_EOBJUL: "objective upper limit reached", GLP_EITLIM: "iteration limit", GLP_ETMLIM: "time limit",
            GLP_ENOPFS: "no primal feasible solution", GLP_ENODFS: "no dual feasible solution",
            GLP_EROOT: "root LP optimum not provided", GLP_ESTOP: "stopped by the application",
            GLP_EMIPGAP: "relative gap reached", GLP_ENOFEAS: "no feasible solution", GLP_ENOCVG: "no convergence",
            GLP_EINSTAB: "numerical instability", GLP_EDATA: "invalid data", GLP_ERANGE: "result out of range",
        ]
        return "\(names[code] ?? "code") (\(code))"
    }
}

/// GLPK's terminal hook: writes its log to standard error; returning non-zero suppresses
/// GLPK's own write to standard output.
private func glpkLogToStandardError(_ info: UnsafeMutableRawPointer?, _ text: UnsafePointer<CChar>?) -> Int32 {
    if let text { fputs(text, stderr) }
    return 1
}
