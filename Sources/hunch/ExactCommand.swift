import ArgumentParser
import Foundation
import HunchCore
import HunchTSP

struct ExactCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exact",
        abstract: "Solve exactly with GLPK: a proven optimum, or the best tour and a proven bound at the limit.",
        discussion: """
        TSP: DFJ model with subtour cuts added lazily (connected components, and minimum cuts on
        fractional points), edges eliminated by Held–Karp reduced costs, and Hunch's local search
        as the incumbent. Practical up to roughly 100–150 nodes; beyond, the limit stops it with a
        bound.
        """)

    @Argument(help: "Instance file (TSPLIB .tsp).")
    var file: String

    @Option(name: .long, help: "Wall-clock limit for the whole command, seconds.")
    var timeLimit: Double = 60

    @Option(name: .long, help: "Start from this tour (.tour or JSON result) as the incumbent.")
    var initial: String?

    @Option(name: .long, help: "Write the best tour (.tour).")
    var out: String?

    @Flag(name: .long, help: "Print the result as one JSON object.")
    var json = false

    @Flag(name: .long, help: "Show GLPK's output and the solver's stages.")
    var verbose = false

    func validate() throws {
        guard timeLimit > 0, timeLimit.isFinite else { throw ValidationError("--time-limit must be a positive number of seconds") }
    }

    func run() throws {
        let clock = MonotonicClock()
        let start = clock.now()
        Interruption.installSignalHandlers()
        try OutputPaths.checkWritable([out].compactMap { $0 })
        let instance: TSPInstance
        do { instance = try TSPLIBReader.read(path: file) } catch { throw CLIError("\(error)") }
        let known = TSPRunner.knownOptimum(path: file, instance: instance)

        // The incumbent: the user's tour, else a short run of the heuristic search.
        var incumbent: [Int]
        if let initial {
            incumbent = try TSPRunner.readInitialTour(initial, dimension: instance.dimension)
        } else {
            var policy = NamedPolicy.roulette(RoulettePolicy())
            let budget = min(0.05 + 0.002 * Double(instance.dimension), 0.1 * timeLimit)
            incumbent = TSPSolver.solve(instance, options: TSPSolveOptions(), policy: &policy,
                                        stop: StopCondition(deadline: clock.now() + budget, clock: clock)).tour
        }
        let remaining = max(0.01, start + timeLimit - 0.05 - clock.now())
        let result: TSPExactResult
        do {
            result = try TSPExactSolver.solve(instance, timeLimit: remaining, incumbentTour: incumbent, verbose: verbose)
        } catch {
            throw CLIError("\(file): \(error)")
        }
        try TourValidation.check(tour: result.tour, dimension: instance.dimension)
        let length = instance.tourLength(result.tour)
        precondition(length == result.objective, "exact solver reported \(result.objective), tour measures \(length)")

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
        record.prior = initial == nil ? "search" : "initial"
        record.initialObjective = Double(instance.tourLength(incumbent))
        record.timeLimit = timeLimit
        record.solution = .object(["tour": .array(result.tour.map { .int($0 + 1) })])
        let s = result.statistics
        record.details = [
            "held_karp_bound": .int(s.heldKarpBound), "model_edges": .int(s.modelEdges),
            "eliminated_edges": .int(s.eliminatedEdges), "branch_and_bound_nodes": .int(s.branchAndBoundNodes),
            "cut_rows": .int(s.cutRows), "mip_time_s": .double(s.mipTime), "held_karp_time_s": .double(s.heldKarpTime),
        ]
        if let out {
            try TourFile.write(tour: result.tour, name: instance.name,
                               comment: "Length \(result.objective) (\(record.status)) by hunch exact", to: out)
        }
        record.timeSeconds = clock.now() - start
        if json {
            print(record.jsonLine())
        } else {
            print("instance   \(record.name ?? "?") (tsp, \(instance.dimension) nodes)  \(file)")
            print("status     \(record.status)" + (record.error.map { " (\($0))" } ?? ""))
            print("objective  \(result.objective)")
            print("bound      \(result.bound)  gap \(Report.percent(record.gap))")
            if let known { print("optimum    \(Report.format(known.value)) (known)") }
            print(String(format: "time       %.2f s (limit %g s)", record.timeSeconds, timeLimit))
            if let out { print("wrote      \(out)") }
        }
    }
}
