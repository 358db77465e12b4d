import Foundation
import HunchCore
import HunchLLM
import HunchPacking

/// Joins HunchPacking (1D bin packing, fewest bins) to the command line.
struct BinPackingRunner: FamilyRunner {
    static let family = "binpacking"
    static let maximises = false
    static var priorNames: [String] { BinPackingPrior.allCases.map(\.rawValue) }
    static var benchPriorNames: [String] { BinPackingPrior.allCases.map(\.rawValue).filter { $0 != "random" } }
    static let solutionFileKind = "JSON bins"

    static func read(_ path: String) throws -> BinPackingInstance {
        do { return try BinPackingReader.read(path: path) } catch { throw CLIError("\(error)") }
    }

    static func size(path: String) throws -> Int { try read(path).weights.count }

    static func headline(_ name: String, _ instance: BinPackingInstance) -> String {
        "\(name) (binpacking, \(instance.weights.count) items, capacity \(instance.capacity))"
    }

    static func solve(_ request: SolveRequest) throws -> FamilyRun {
        try checkFamilyOptions(request.options)
        let clock = request.stop.clock
        let instance = try read(request.path)
        let entry = manifestEntry(path: request.path)
        var options = BinPackingSolveOptions()
        options.seed = request.options.seed
        options.acceptance = request.options.makeAcceptance(default: BinPackingSolveOptions().acceptance)
        if let name = try checkedPriorName(request.options), let prior = BinPackingPrior(rawValue: name) { options.prior = prior }
        if let initial = request.initialPath { options.initialSolution = try readSolution(initial, instance: instance) }

        var llmReport: JSONValue?
        if request.options.prior == "llm" && options.initialSolution == nil {
            var rng = SeededGenerator(seed: options.seed)
            let fallback = BinPackingPrior.default.construct(instance, rng: &rng)
            let (solution, report) = try LLMStart.order(
                mode: "item-order", system: BinPackingLLMPrompt.system(), user: BinPackingLLMPrompt.user(instance),
                count: BinPackingLLMPrompt.answerCount(instance), fallbackName: BinPackingPrior.default.rawValue,
                options: request.options, commandStart: request.commandStart, clock: clock,
                complete: { answer in
                    let order = BinPackingLLMPrompt.itemOrder(instance, answer: answer)
                    let solution = BinPackingOrderDecoder.solution(instance, itemOrder: order)
                    try BinPackingValidation.check(solution, instance: instance)
                    return solution
                },
                fallback: { fallback })
            options.initialSolution = solution
            llmReport = report
        }

        let bound = BinPackingLowerBound.compute(instance)
        var stop = request.stop
        stop.deadline = request.searchDeadline(reserve: 0.02 + Double(instance.weights.count) * 2e-6)
        stop.maxSteps = request.options.maxSteps

        var record = SolveRecord(problem: family, instance: request.path, status: "feasible", timeSeconds: 0)
        record.name = entry?.name ?? instance.name
        record.size = instance.weights.count
        record.knownOptimum = entry?.optimum
        record.bound = Double(bound)
        let solution: BinPackingSolution
        if request.priorOnly {
            // The prior alone (bench): the model's answer when --prior llm, else the heuristic.
            if let given = options.initialSolution {
                solution = given
                record.prior = llmReport.map(LLMStart.priorLabel) ?? "initial"
                if let llmReport { record.details = ["llm": llmReport] }
            } else {
                var rng = SeededGenerator(seed: options.seed)
                solution = options.prior.construct(instance, rng: &rng)
                record.prior = options.prior.rawValue
            }
            record.seed = options.seed
            record.steps = 0
            record.initialObjective = Double(solution.binCount)
        } else {
            var policy = try request.options.makePolicy(family: family, operators: BinPackingSearchState.operators,
                                                        featureCount: BinPackingSearchState.featureCount,
                                                        bundled: BinPackingBundledPolicy.weights)
            let observer = request.progress?(entry?.optimum)
            let outcome = BinPackingSolver.solve(instance, options: options, policy: &policy, stop: stop, observer: observer)
            observer?.finish()
            solution = outcome.solution
            recordSearch(&record, stats: outcome.statistics, options: request.options, acceptance: options.acceptance, policy: policy.name,
                         prior: llmReport.map(LLMStart.priorLabel) ?? outcome.priorName, initialObjective: Double(outcome.priorBinCount))
            if let llmReport { record.details?["llm"] = llmReport }
        }
        do { try BinPackingValidation.check(solution, instance: instance) } catch {
            throw CLIError("\(request.path): internal error: the packing does not validate: \(error)")
        }
        record.objective = Double(solution.binCount)
        record.gap = gap(objective: record.objective, reference: entry?.optimum ?? record.bound)
        if solution.binCount == bound || (entry?.isOptimal == true && Double(solution.binCount) == entry?.optimum) {
            record.status = "optimal"
        }
        record.solution = solutionValue(solution)
        record.timeSeconds = clock.now() - request.commandStart
        return run(record, knownIsProven: entry?.isOptimal == true, instance: instance, solution: solution)
    }

    static func exact(_ request: ExactRequest) throws -> FamilyRun {
        let clock = request.clock
        let instance = try read(request.path)
        let entry = manifestEntry(path: request.path)
        var incumbent: BinPackingSolution
        var incumbentSource = "search"
        if let path = request.initialPath {
            incumbent = try readSolution(path, instance: instance)
            incumbentSource = "initial"
        } else if let value = request.initialSolution, let solution = try? solution(from: value, instance: instance) {
            incumbent = solution
        } else {
            var policy = NamedPolicy.roulette(RoulettePolicy())
            let budget = min(0.1 + 0.0005 * Double(instance.weights.count), 0.1 * request.timeLimit)
            incumbent = BinPackingSolver.solve(instance, options: BinPackingSolveOptions(), policy: &policy,
                                               stop: StopCondition(deadline: clock.now() + budget, clock: clock)).solution
        }
        let remaining = max(0.01, request.commandStart + request.timeLimit - 0.05 - clock.now())
        let result: BinPackingExactResult
        do {
            result = try BinPackingExactSolver.solve(instance, incumbent: incumbent, timeLimit: remaining, verbose: request.verbose)
        } catch {
            throw CLIError("\(request.path): \(error)")
        }
        var record = SolveRecord(problem: family, instance: request.path, status: result.status.name, timeSeconds: 0)
        if case .error(let message) = result.status { record.error = "GLPK: \(message)" }
        record.name = entry?.name ?? instance.name
        record.size = instance.weights.count
        record.knownOptimum = entry?.optimum
        record.bound = Double(result.bound)
        record.prior = incumbentSource
        record.initialObjective = Double(incumbent.binCount)
        record.timeLimit = request.timeLimit
        var best = incumbent
        if let found = result.solution, found.binCount <= best.binCount { best = found }
        do { try BinPackingValidation.check(best, instance: instance) } catch {
            throw CLIError("\(request.path): internal error: the exact packing does not validate: \(error)")
        }
        record.objective = Double(best.binCount)
        record.gap = gap(objective: record.objective, reference: record.bound)
        record.solution = solutionValue(best)
        record.timeSeconds = clock.now() - request.commandStart
        return run(record, knownIsProven: entry?.isOptimal == true, instance: instance, solution: best)
    }

    private static func solutionValue(_ solution: BinPackingSolution) -> JSONValue {
        .object(["bins": .array(solution.bins.map { .array($0.map { .int($0) }) })])
    }

    private static func run(_ record: SolveRecord, knownIsProven: Bool, instance: BinPackingInstance, solution: BinPackingSolution) -> FamilyRun {
        FamilyRun(
            record: record,
            headline: headline(record.name ?? instance.name, instance),
            writeSolution: { path in
                let object: JSONValue = .object(["problem": .string(family), "instance": .string(record.instance),
                                                 "bins_used": .int(solution.binCount),
                                                 "bins": solutionValue(solution)["bins"] ?? .null])
                try AtomicFile.write(object.jsonString() + "\n", to: path)
            },
            drawing: { title in BinPackingSVG.render(instance, solution: solution, title: title) },
            knownIsProven: knownIsProven)
    }

    /// A packing from a JSON file: `{"bins": [[item, …], …]}` (0-based items), or a JSON result.
    static func readSolution(_ path: String, instance: BinPackingInstance) throws -> BinPackingSolution {
        let value = try SolutionFile.solutionObject(path, expected: "{\"bins\": [[item index, …], …]}")
        do { return try solution(from: value, instance: instance) } catch {
            throw CLIError("\(path): \(error)")
        }
    }

    static func solution(from value: JSONValue, instance: BinPackingInstance) throws -> BinPackingSolution {
        guard case .array(let rows)? = value["bins"] else { throw CLIError("expected \"bins\": an array of arrays of item indices") }
        var bins: [[Int]] = []
        for row in rows {
            guard let items = row.intArray else { throw CLIError("\"bins\" must hold arrays of integers") }
            bins.append(items)
        }
        let solution = BinPackingSolution(bins: bins)
        try BinPackingValidation.check(solution, instance: instance)
        return solution
    }
}

extension BinPackingRunner {
    static func generate(_ settings: GenerateSettings) throws -> String {
        let name = settings.name ?? "u\(settings.items)c\(settings.capacity)s\(settings.seed)"
        return BinPackingWriter.bpplib(BinPackingGenerator.uniform(items: settings.items, capacity: settings.capacity,
                                                                   minWeight: settings.minWeight, maxWeight: settings.maxWeight,
                                                                   seed: settings.seed, name: name))
    }
}

extension BinPackingRunner {
    /// Sizes are numbers of items.
    static func trainingEnvironment(minSize: Int?, maxSize: Int?, workPerUnit: Int?, workPerEpisode: Int?,
                                    files: [String]) throws -> any TrainingEnvironment {
        var environment = BinPackingTrainingEnvironment()
        if let minSize { environment.minItems = minSize }
        if let maxSize { environment.maxItems = maxSize }
        if let workPerUnit { environment.workPerItem = workPerUnit }
        environment.instances = try files.map(read)
        return environment
    }

    static func bundledWeights() throws -> PolicyWeights { try BinPackingBundledPolicy.weights() }
}

extension BinPackingRunner {
    static var defaultPriorName: String { BinPackingPrior.default.rawValue }
    static let sizeUnit = "items"
    static let priorDescriptions: [String: String] = [
        "best-fit-decreasing": "best fit decreasing: heaviest items first, each into the fullest bin it fits; at most 11/9 of the optimum plus 1, usually 1–3 bins above.",
        "first-fit-decreasing": "first fit decreasing: heaviest items first, each into the first bin it fits; same guarantee as best fit decreasing.",
        "first-fit": "first fit in file order: no sorting; weaker when items come in random order.",
        "random": "first fit in a random order: a baseline.",
    ]
}
