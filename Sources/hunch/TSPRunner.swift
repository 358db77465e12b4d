import Foundation
import HunchCore
import HunchLLM
import HunchTSP

/// Runs the TSP pipeline for the CLI: read, construct, search, validate, and report as a
/// `SolveRecord`. Shared by `solve`, `exact`, `batch` and `bench`.
struct TSPRunner: FamilyRunner {
    /// The smallest instance whose default policy is the learned one (the training's lower size).
    static let learnedDefaultMinimumSize = 150
    static let family = "tsp"
    static let maximises = false
    static var priorNames: [String] { TSPPrior.allCases.map(\.rawValue) }
    static let benchPriorNames = ["nearest-neighbour", "greedy", "space-filling-curve", "farthest-insertion"]
    static let solutionFileKind = "TSPLIB .tour"

    struct Run {
        var instance: TSPInstance
        var tour: [Int]
        var record: SolveRecord
        /// The known optimum comes from a manifest that marks it proven (not from a COMMENT).
        var knownIsProven = false
    }

    static func size(path: String) throws -> Int { try TSPLIBReader.read(path: path).dimension }

    /// The Held–Karp ascent takes a share of the search time in `solve`; bench runs it apart,
    /// aiming at the best tour the searches found.
    static let cheapBound = false

    static func benchBound(path: String, best: SolveRecord?, timeLimit: Double) throws -> (Double, String)? {
        let instance = try TSPLIBReader.read(path: path)
        let upper = best?.objective.map { Int($0) }
        return (Double(HeldKarpBound.compute(instance, timeLimit: timeLimit, upperBound: upper).bound), "held-karp")
    }

    static func generate(_ settings: GenerateSettings) throws -> String {
        TSPLIBWriter.format(TSPGenerator.generate(size: settings.size, seed: settings.seed, clustered: settings.layout == "clustered",
                                                  name: settings.name))
    }

    static func solve(_ request: SolveRequest) throws -> FamilyRun {
        try checkFamilyOptions(request.options)
        let run: Run
        do {
            run = try solve(path: request.path, options: request.options, initialTourPath: request.initialPath,
                            requireDrawing: request.requireDrawing, priorOnly: request.priorOnly,
                            commandStart: request.commandStart, stop: request.stop, progress: request.progress)
        } catch let error as CLIError {
            throw error
        } catch {
            throw CLIError("\(error)")
        }
        return familyRun(run, seed: request.options.seed)
    }

    static func familyRun(_ run: Run, seed: UInt64) -> FamilyRun {
        let record = run.record
        return FamilyRun(
            record: record,
            headline: "\(record.name ?? run.instance.name) (tsp, \(run.instance.dimension) nodes)",
            writeSolution: { path in
                try TourFile.write(tour: run.tour, name: run.instance.name,
                                   comment: "Length \(Int(record.objective ?? 0)) found by hunch (seed \(seed))", to: path)
            },
            drawing: { title in TourSVG.render(instance: run.instance, tour: run.tour, title: title) },
            knownIsProven: run.knownIsProven)
    }

    /// Solves one file. `commandStart` and `timeLimit` bound the whole run, reading included.
    static func solve(path: String, options: SearchOptions, initialTourPath: String? = nil,
                      requireDrawing: Bool = false, priorOnly: Bool = false, commandStart: Double, stop baseStop: StopCondition,
                      progress: ((Double?) -> ProgressLine?)? = nil) throws -> Run {
        let instance = try TSPLIBReader.read(path: path)
        let known = knownOptimum(path: path, instance: instance)
        if requireDrawing && instance.drawingCoordinates == nil {
            throw CLIError("\(path): no coordinates to draw (EXPLICIT instance without DISPLAY_DATA_SECTION); drop --svg")
        }

        var solveOptions = TSPSolveOptions()
        solveOptions.seed = options.seed
        solveOptions.acceptance = options.makeAcceptance(default: TSPSolveOptions().acceptance)
        if let name = options.prior, name != "llm" {
            guard let prior = TSPPrior(name: name) else {
                throw CLIError("unknown --prior '\(name)' for tsp; expected one of: \(TSPPrior.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            solveOptions.prior = prior
        }
        if let initialTourPath {
            solveOptions.initialTour = try readInitialTour(initialTourPath, dimension: instance.dimension)
        }

        // Keep time back for validation and output, so the whole command ends within its limit.
        var stop = baseStop
        if let limit = options.effectiveTimeLimit {
            let reserve = min(0.05 + Double(instance.dimension) * 3e-6, limit * 0.1)
            stop.deadline = commandStart + limit - reserve
        }
        stop.maxSteps = options.maxSteps

        var candidates: CandidateLists?
        var llmReport: JSONValue?
        if options.prior == "llm" && solveOptions.initialTour == nil {
            let lists = CandidateLists(instance: instance, k: solveOptions.neighbours)
            let (tour, report) = try TSPLLMStart.tour(instance: instance, candidates: lists, options: options,
                                                      commandStart: commandStart, clock: baseStop.clock)
            solveOptions.initialTour = tour
            candidates = lists
            llmReport = report
        }
        if priorOnly {
            var run = try priorAlone(path: path, instance: instance, options: solveOptions, known: known,
                                     commandStart: commandStart, clock: baseStop.clock)
            if let llmReport { run.record.prior = LLMStart.priorLabel(llmReport); run.record.details = ["llm": llmReport] }
            return run
        }

        // A proven gap when no optimum is known: the Held–Karp bound, within a share of the budget.
        var bound: HeldKarpBound?
        if options.bound && known == nil && instance.dimension > 3 {
            var budget: Double? = nil
            if let limit = options.effectiveTimeLimit {
                let left = commandStart + limit - baseStop.clock.now()
                budget = 0.15 * left
            }
            // One full 1-tree costs O(n²): skip when even that would not fit.
            let oneTree = 3e-9 * Double(instance.dimension) * Double(instance.dimension)
            if budget.map({ oneTree < 0.5 * $0 }) ?? true {
                bound = HeldKarpBound.compute(instance, timeLimit: budget, maxIterations: budget == nil ? 2000 : nil,
                                              interruption: baseStop.interruption)
            }
        }

        // The learned policy is TSP's default where it was trained and beat uniform and roulette
        // at equal wall time: 150 nodes and up (Benchmarks/results/policy-evaluation.md, attempt
        // 17). Below, the roulette has the evidence (every TSPLIB instance ≤ 100 nodes optimal).
        let defaultPolicy = instance.dimension >= TSPRunner.learnedDefaultMinimumSize ? "learned" : "roulette"
        var policy = try options.makePolicy(family: "tsp", operators: TSPSearchState.operators,
                                            featureCount: TSPSearchState.featureCount, defaultPolicy: defaultPolicy,
                                            bundled: TSPBundledPolicy.weights)
        let observer = progress?(known?.value)
        let outcome = TSPSolver.solve(instance, options: solveOptions, policy: &policy, stop: stop, observer: observer,
                                      candidates: candidates)
        observer?.finish()

        try TourValidation.check(tour: outcome.tour, dimension: instance.dimension)
        let length = instance.tourLength(outcome.tour)
        precondition(length == outcome.length, "search reported \(outcome.length), tour measures \(length)")

        var record = SolveRecord(problem: "tsp", instance: path, status: "feasible",
                                 timeSeconds: stop.clock.now() - commandStart)
        record.name = KnownOptima.lookup(instancePath: path)?.name ?? instance.name
        record.size = instance.dimension
        record.objective = Double(length)
        record.knownOptimum = known?.value
        record.bound = bound.map { Double($0.bound) }
        record.gap = SolveRecord.relativeGap(objective: record.objective, reference: known?.value ?? record.bound)
        if let known, known.proven, Double(length) == known.value { record.status = "optimal" }
        if let bound, bound.bound == length { record.status = "optimal" }
        record.seed = options.seed
        record.prior = llmReport.map(LLMStart.priorLabel) ?? outcome.priorName
        record.policy = policy.name
        record.initialObjective = Double(outcome.priorLength)
        record.steps = outcome.statistics.steps
        record.stopReason = outcome.statistics.stopReason.rawValue
        record.timeLimit = options.effectiveTimeLimit
        record.maxSteps = options.maxSteps
        record.solution = .object(["tour": .array(outcome.tour.map { .int($0 + 1) })])
        let stats = outcome.statistics
        record.details = llmReport.map { ["llm": $0] } ?? [:]
        record.details?.merge([
            "acceptance": .string(solveOptions.acceptance.name),
            "descent_objective": .double(stats.descentObjective),
            "time_to_best_s": .double(stats.timeToBest),
            "operators": Self.operatorDetails(stats),
        ]) { first, _ in first }
        return Run(instance: instance, tour: outcome.tour, record: record, knownIsProven: known?.proven == true)
    }

    /// The prior alone, without search: what `bench` measures for each prior.
    static func priorAlone(path: String, instance: TSPInstance, options: TSPSolveOptions,
                           known: (value: Double, proven: Bool)?, commandStart: Double, clock: any SearchClock) throws -> Run {
        var rng = SeededGenerator(seed: options.seed)
        let candidates = CandidateLists(instance: instance, k: options.neighbours)
        let tour = options.initialTour ?? options.prior.construct(instance, candidates: candidates, rng: &rng)
        try TourValidation.check(tour: tour, dimension: instance.dimension)
        var record = SolveRecord(problem: "tsp", instance: path, status: "feasible", timeSeconds: clock.now() - commandStart)
        record.name = KnownOptima.lookup(instancePath: path)?.name ?? instance.name
        record.size = instance.dimension
        record.objective = Double(instance.tourLength(tour))
        record.knownOptimum = known?.value
        record.gap = SolveRecord.relativeGap(objective: record.objective, reference: known?.value)
        record.seed = options.seed
        record.prior = options.prior.effective(for: instance).rawValue
        record.initialObjective = record.objective
        record.steps = 0
        record.solution = .object(["tour": .array(tour.map { .int($0 + 1) })])
        return Run(instance: instance, tour: tour, record: record, knownIsProven: known?.proven == true)
    }

    /// The known optimum from a nearby MANIFEST.csv, else from the file's COMMENT.
    static func knownOptimum(path: String, instance: TSPInstance) -> (value: Double, proven: Bool)? {
        if let entry = KnownOptima.lookup(instancePath: path), entry.family == "tsp", let optimum = entry.optimum {
            return (optimum, entry.isOptimal)
        }
        // A value stated in a COMMENT is not trusted as proven.
        if let value = TSPLIBReader.optimumFromComment(instance.comment) { return (Double(value), false) }
        return nil
    }

    /// A starting tour from a TSPLIB `.tour` file or a JSON result (`{"solution": {"tour": [...]}}`
    /// or `{"tour": [...]}`, node ids as in the file).
    static func readInitialTour(_ path: String, dimension: Int) throws -> [Int] {
        if path.hasSuffix(".json") {
            guard let ids = try SolutionFile.solutionObject(path, expected: "{\"tour\": [node ids]}")["tour"]?.intArray else {
                throw CLIError("\(path): expected a JSON object with \"tour\" (or \"solution\": {\"tour\"}) as an array of node ids")
            }
            let tour = ids.map { $0 - 1 }
            do { try TourValidation.check(tour: tour, dimension: dimension) } catch {
                throw CLIError("\(path): \(error)")
            }
            return tour
        }
        return try TourFile.read(path: path, dimension: dimension)
    }
}

extension TSPRunner {
    static func trainingEnvironment(minSize: Int?, maxSize: Int?, workPerUnit: Int?, workPerEpisode: Int?,
                                    files: [String]) throws -> any TrainingEnvironment {
        var environment = TSPTrainingEnvironment()
        if let minSize { environment.minSize = minSize }
        if let maxSize { environment.maxSize = maxSize }
        if let workPerUnit { environment.workPerNode = workPerUnit }
        environment.workPerEpisode = workPerEpisode
        environment.instances = try files.map { path in
            do { return try TSPLIBReader.read(path: path) } catch { throw CLIError("\(error)") }
        }
        return environment
    }

    static func bundledWeights() throws -> PolicyWeights { try TSPBundledPolicy.weights() }
}

extension TSPRunner {
    static var defaultPriorName: String { TSPPrior.default.rawValue }
    static let sizeUnit = "cities"
    static let priorDescriptions: [String: String] = [:]

    /// TSP's own menu: the heuristics in words with the instance's shape (spread, clustering).
    static func choiceMenu(path: String) throws -> LLMChoice {
        let instance: TSPInstance
        do { instance = try TSPLIBReader.read(path: path) } catch { throw CLIError("\(error)") }
        let menu = TSPLLMChoiceMenu(instance: instance, fallback: .default)
        return LLMChoice(context: menu.context,
                         options: menu.entries.map { LLMChoice.Option(name: $0.name, description: $0.description) },
                         defaultOption: menu.defaultName)
    }
}
