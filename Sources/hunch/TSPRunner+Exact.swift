import Foundation
import HunchCore
import HunchTSP

extension TSPRunner {
    /// DFJ model with lazy subtour cuts, edges eliminated by Held–Karp reduced costs, and the
    /// local search's tour as the incumbent (see `TSPExactSolver`).
    static func exact(_ request: ExactRequest) throws -> FamilyRun {
        let clock = request.clock
        let file = request.path
        let instance: TSPInstance
        do { instance = try TSPLIBReader.read(path: file) } catch { throw CLIError("\(error)") }
        let known = knownOptimum(path: file, instance: instance)

        // The incumbent: the user's tour, else a short run of the heuristic search.
        var incumbent: [Int]
        var incumbentSource = "search"
        if let initial = request.initialPath {
            incumbent = try readInitialTour(initial, dimension: instance.dimension)
            incumbentSource = "initial"
        } else if let ids = request.initialSolution?["tour"]?.intArray,
                  (try? TourValidation.check(tour: ids.map { $0 - 1 }, dimension: instance.dimension)) != nil {
            incumbent = ids.map { $0 - 1 }
        } else {
            var policy = NamedPolicy.roulette(RoulettePolicy())
            let budget = min(0.05 + 0.002 * Double(instance.dimension), 0.1 * request.timeLimit)
            incumbent = TSPSolver.solve(instance, options: TSPSolveOptions(), policy: &policy,
                                        stop: StopCondition(deadline: clock.now() + budget, clock: clock)).tour
        }
        let remaining = max(0.01, request.commandStart + request.timeLimit - 0.05 - clock.now())
        let result: TSPExactResult
        do {
            result = try TSPExactSolver.solve(instance, timeLimit: remaining, incumbentTour: incumbent, verbose: request.verbose)
        } catch {
            throw CLIError("\(file): \(error)")
        }
        try TourValidation.check(tour: result.tour, dimension: instance.dimension)
        let length = instance.tourLength(result.tour)
        guard length == result.objective else {
            throw CLIError("\(file): internal error: exact solver reported \(result.objective), tour measures \(length)")
        }

        var record = SolveRecord(problem: "tsp", instance: file, status: "feasible", timeSeconds: 0)
        switch result.status {
        case .optimal: record.status = "optimal"
        case .feasible: record.status = "feasible"
        case .error(let message): record.status = "feasible"; record.error = "GLPK: \(message)"
        }
        record.name = KnownOptima.lookup(instancePath: file)?.name ?? instance.name
        record.size = instance.dimension
        record.objective = Double(result.objective)
        record.bound = Double(result.bound)
        record.gap = SolveRecord.relativeGap(objective: record.objective, reference: record.bound)
        record.knownOptimum = known?.value
        record.prior = incumbentSource
        record.initialObjective = Double(instance.tourLength(incumbent))
        record.timeLimit = request.timeLimit
        record.solution = .object(["tour": .array(result.tour.map { .int($0 + 1) })])
        let s = result.statistics
        record.details = [
            "held_karp_bound": .int(s.heldKarpBound), "model_edges": .int(s.modelEdges),
            "eliminated_edges": .int(s.eliminatedEdges), "branch_and_bound_nodes": .int(s.branchAndBoundNodes),
            "cut_rows": .int(s.cutRows), "mip_time_s": .double(s.mipTime), "held_karp_time_s": .double(s.heldKarpTime),
        ]
        record.timeSeconds = clock.now() - request.commandStart
        let tour = result.tour
        let status = record.status
        return FamilyRun(
            record: record,
            headline: "\(record.name ?? instance.name) (tsp, \(instance.dimension) nodes)",
            writeSolution: { path in
                try TourFile.write(tour: tour, name: instance.name,
                                   comment: "Length \(result.objective) (\(status)) by hunch exact", to: path)
            },
            drawing: { title in TourSVG.render(instance: instance, tour: tour, title: title) },
            knownIsProven: known?.proven == true)
    }
}
