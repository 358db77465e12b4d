import Foundation
import HunchCore
import HunchExact

/// Solves a job shop exactly with GLPK, or stops at the time limit with the best schedule and a
/// valid lower bound.
///
/// The disjunctive model (Manne 1960): a start time S_o per operation, the makespan C, and per
/// pair of operations on one machine a binary y (1 when a runs before b) with big-M rows
/// `S_b ≥ S_a + p_a − M(1 − y)` and `S_a ≥ S_b + p_b − M·y`. M is the incumbent's makespan:
/// every schedule at least as good fits in [0, M], so the rows stay valid where they matter and
/// the LP relaxation is as tight as big-M allows. Start times are boxed by job heads and tails,
/// and C starts at ``JobShopLowerBound``. The incumbent (given, or a short tabu search from
/// MWKR) is handed to GLPK as its starting solution.
public enum JobShopExactSolver {
    /// Above this many disjunctive pairs no MIP is built (GLPK could not finish it): the result is
    /// the incumbent with the combinatorial lower bound.
    public static let maximumPairs = 50_000

    public static func solve(_ instance: JobShopInstance, incumbent: JobShopSchedule?, timeLimit: Double,
                             verbose: Bool) throws -> JobShopExactResult {
        let clock = MonotonicClock()
        let started = clock.now()
        guard !timeLimit.isNaN, timeLimit >= 0 else { throw JobShopExactError("time limit \(timeLimit) is not a duration ≥ 0 seconds") }
        if let problem = instance.structuralProblem { throw JobShopExactError("instance \(instance.name): \(problem)") }
        if let incumbent {
            do { try JobShopValidation.check(incumbent, instance: instance) } catch {
                throw JobShopExactError("incumbent: \(error)")
            }
        }
        func log(_ message: @autoclosure () -> String) {
            if verbose { FileHandle.standardError.write(Data("exact: \(message())\n".utf8)) }
        }
        let n = instance.jobCount, m = instance.machineCount
        let lowerBound = JobShopLowerBound.compute(instance)

        // 1. Incumbent: the given one, or a short tabu search (10% of the limit, ≤ 2 s).
        var schedule: JobShopSchedule
        if let incumbent {
            schedule = incumbent
        } else {
            var policy = UniformPolicy()
            let budget = min(2, 0.1 * timeLimit)
            let stop = StopCondition(deadline: clock.now() + budget, maxSteps: 200, clock: clock, interruption: Interruption())
            schedule = JobShopSolver.solve(instance, options: JobShopSolveOptions(), policy: &policy, stop: stop).schedule
        }
        var upper = schedule.makespan(instance)
        log("incumbent \(upper), lower bound \(lowerBound)")
        func result(_ status: JobShopExactResult.Status, bound: Int, nodes: Int = 0) -> JobShopExactResult {
            JobShopExactResult(status: status, schedule: schedule, makespan: upper, bound: min(bound, upper),
                               time: clock.now() - started, nodes: nodes)
        }
        if lowerBound >= upper { return result(.optimal, bound: upper) }
        let pairs = m * n * (n - 1) / 2
        guard pairs <= maximumPairs else {
            log("\(pairs) disjunctive pairs: above \(maximumPairs), no MIP; reporting the lower bound")
            return result(.feasible, bound: lowerBound)
        }

        // 2. The model.
        var model = MIPModel(sense: .minimize)
        let bigM = Double(upper)
        var column = [[Int]](repeating: [], count: n)
        var startValues: [Double] = []
        for j in 0..<n {
            let length = instance.duration[j].reduce(0, +)
            var head = 0
            for k in 0..<m {
                let p = instance.duration[j][k]
                let latest = upper - (length - head)   // S ≤ M − (p + job tail)
                column[j].append(try model.addColumn(kind: .continuous, lower: Double(head), upper: Double(max(head, latest))))
                startValues.append(Double(schedule.starts[j][k]))
                head += p
            }
        }
        let makespanColumn = try model.addColumn(kind: .continuous, lower: Double(lowerBound), upper: Double(upper), objective: 1)
        startValues.append(Double(upper))
        for j in 0..<n {
            for k in 0..<m {
                let p = Double(instance.duration[j][k])
                if k + 1 < m {
                    try model.addRow([MIPTerm(column[j][k + 1], 1), MIPTerm(column[j][k], -1)], .greaterOrEqual(p))
                } else {
                    try model.addRow([MIPTerm(makespanColumn, 1), MIPTerm(column[j][k], -1)], .greaterOrEqual(p))
                }
            }
        }
        // Operations per machine.
        var startConsistent = true
        var onMachine = [[(job: Int, index: Int)]](repeating: [], count: m)
        for j in 0..<n { for k in 0..<m { onMachine[instance.machine[j][k]].append((j, k)) } }
        for ops in onMachine {
            for x in 0..<ops.count {
                for z in (x + 1)..<ops.count {
                    let (a, ka) = ops[x], (b, kb) = ops[z]
                    let pa = Double(instance.duration[a][ka]), pb = Double(instance.duration[b][kb])
                    let y = try model.addColumn(kind: .binary)
                    let sa = column[a][ka], sb = column[b][kb]
                    // y = 1: a before b.  S_b − S_a − M·y ≥ p_a − M ;  S_a − S_b + M·y ≥ p_b
                    try model.addRow([MIPTerm(sb, 1), MIPTerm(sa, -1), MIPTerm(y, -bigM)], .greaterOrEqual(pa - bigM))
                    try model.addRow([MIPTerm(sa, 1), MIPTerm(sb, -1), MIPTerm(y, bigM)], .greaterOrEqual(pb))
                    let aEnd = schedule.starts[a][ka] + instance.duration[a][ka]
                    let bEnd = schedule.starts[b][kb] + instance.duration[b][kb]
                    if aEnd <= schedule.starts[b][kb] {
                        startValues.append(1)
                    } else {
                        // b before a; a zero-length operation inside another fits neither order.
                        if bEnd > schedule.starts[a][ka] { startConsistent = false }
                        startValues.append(0)
                    }
                }
            }
        }
        log("model: \(model.columnCount) columns, \(model.rowCount) rows")

        // 3. GLPK.
        let remaining = max(0, timeLimit - (clock.now() - started))
        let options = MIPOptions(timeLimit: remaining, verbose: verbose, startingSolution: startConsistent ? startValues : nil)
        let mip = try MIPSolver.solve(model, options: options)
        log("GLPK: \(mip.status), objective \(mip.objective.map { "\($0)" } ?? "-"), bound \(mip.bound.map { "\($0)" } ?? "-")")

        // 4. What is proven. Start times from GLPK are rounded and re-validated; if that fails the
        // incumbent stays (its makespan is what GLPK's objective can only match or beat).
        if mip.hasSolution, let objective = mip.objective, Int(objective.rounded()) < upper {
            var starts = [[Int]](repeating: [], count: n)
            for j in 0..<n { for k in 0..<m { starts[j].append(Int(mip.values[column[j][k]].rounded())) } }
            let found = JobShopSchedule(starts: starts)
            if (try? JobShopValidation.check(found, instance: instance)) != nil, found.makespan(instance) < upper {
                schedule = found
                upper = found.makespan(instance)
            }
        }
        var bound = lowerBound
        if let mipBound = mip.bound { bound = max(bound, Int((mipBound - 1e-6).rounded(.up))) }
        switch mip.status {
        case .optimal:
            // GLPK's optimum is a bound; we hold a schedule that long unless rounding failed above.
            if let objective = mip.objective { bound = max(bound, Int((objective - 1e-6).rounded(.up))) }
            return result(bound >= upper ? .optimal : .feasible, bound: bound, nodes: mip.nodeCount ?? 0)
        case .feasible, .noSolution:
            return result(bound >= upper ? .optimal : .feasible, bound: bound, nodes: mip.nodeCount ?? 0)
        case .infeasible, .unbounded:
            return result(.error("GLPK reported the model \(mip.status) although the incumbent is feasible"), bound: lowerBound)
        case let .error(message):
            return result(.error(message), bound: lowerBound)
        }
    }
}
