import Foundation
import HunchCore
import HunchLLM
import HunchPacking3D

/// Joins HunchPacking3D (container loading: maximise the packed volume) to the command line.
/// A thpack file holds many problems: `FILE#K` is the K-th, counted from 1.
struct Packing3DRunner: FamilyRunner {
    static let family = "packing3d"
    static let maximises = true
    static var priorNames: [String] { Packing3DPrior.allCases.map(\.rawValue) }
    static var benchPriorNames: [String] { Packing3DPrior.allCases.map(\.rawValue).filter { $0 != "random" } }
    static let solutionFileKind = "JSON placements"

    static func read(_ path: String) throws -> ContainerInstance {
        let address = try FamilyDetector.Address(path)
        do {
            if let k = address.problem { return try ThpackReader.read(path: address.file, problem: k) }
            let count = try ThpackReader.problemCount(path: address.file)
            guard count == 1 else {
                throw CLIError("\(address.file) holds \(count) problems: name one as \(address.file)#K (K = 1…\(count)); batch and bench take them all")
            }
            return try ThpackReader.read(path: address.file, problem: 1)
        } catch let error as CLIError {
            throw error
        } catch {
            throw CLIError("\(error)")
        }
    }

    static func size(path: String) throws -> Int { try read(path).boxCount }

    static func addresses(inFile path: String) throws -> [String] {
        let count: Int
        do { count = try ThpackReader.problemCount(path: path) } catch { throw CLIError("\(error)") }
        return (1...max(1, count)).map { "\(path)#\($0)" }
    }

    static func headline(_ name: String, _ instance: ContainerInstance) -> String {
        let c = instance.container
        return "\(name) (packing3d, \(instance.boxCount) boxes of \(instance.boxTypes.count) types, container \(c[0])×\(c[1])×\(c[2]))"
    }

    static func solve(_ request: SolveRequest) throws -> FamilyRun {
        try checkFamilyOptions(request.options)
        let clock = request.stop.clock
        let instance = try read(request.path)
        let entry = manifestEntry(path: request.path)
        var options = Packing3DSolveOptions()
        options.seed = request.options.seed
        options.acceptance = request.options.makeAcceptance(default: Packing3DSolveOptions().acceptance)
        if let name = try checkedPriorName(request.options), let prior = Packing3DPrior(rawValue: name) { options.prior = prior }
        if let initial = request.initialPath { options.initialPlan = try readPlan(initial, instance: instance) }

        var llmReport: JSONValue?
        if request.options.prior == "llm" && options.initialPlan == nil {
            var rng = SeededGenerator(seed: options.seed)
            let fallback = Packing3DPrior.default.construct(instance, fullSupport: options.fullSupport, rng: &rng)
            var llmOrder: [Int]?
            let (plan, report) = try LLMStart.order(
                mode: "box-type-order", system: Packing3DLLMPrompt.system(), user: Packing3DLLMPrompt.user(instance),
                count: instance.boxTypes.count, fallbackName: Packing3DPrior.default.rawValue, options: request.options,
                commandStart: request.commandStart, clock: clock,
                complete: { order in
                    llmOrder = order
                    let plan = BoxOrderDecoder.plan(instance, boxTypeOrder: order, fullSupport: options.fullSupport)
                    try PlacementValidation.check(plan, instance: instance, requireFullSupport: options.fullSupport)
                    return plan
                },
                fallback: { fallback })
            // The search continues from the model's order (its genome), not only from its plan.
            if case .bool(true)? = report["used_model"], let order = llmOrder {
                options.initialGenome = BoxOrderDecoder.genome(instance, boxTypeOrder: order)
            }
            options.initialPlan = plan
            llmReport = report
        }

        let bound = Packing3DBound.utilisationUpperBound(instance)
        var stop = request.stop
        stop.deadline = request.searchDeadline(reserve: 0.02 + Double(instance.boxCount) * 2e-6)
        stop.maxSteps = request.options.maxSteps
        if request.options.objective == "containers" {
            return try solveContainers(request, instance: instance, options: options, stop: stop)
        }

        var record = SolveRecord(problem: family, instance: request.path, status: "feasible", timeSeconds: 0)
        record.name = entry?.name ?? instance.name
        record.size = instance.boxCount
        record.knownOptimum = entry?.optimum
        record.bound = bound
        let plan: PackingPlan
        if request.priorOnly {
            // The prior alone (bench): the model's answer when --prior llm, else the heuristic.
            if let given = options.initialPlan {
                plan = given
                record.prior = llmReport.map(LLMStart.priorLabel) ?? "initial"
                if let llmReport { record.details = ["llm": llmReport] }
            } else {
                var rng = SeededGenerator(seed: options.seed)
                plan = options.prior.construct(instance, fullSupport: options.fullSupport, rng: &rng)
                record.prior = options.prior.rawValue
            }
            record.seed = options.seed
            record.steps = 0
            record.initialObjective = plan.utilisation(instance)
        } else {
            let (outcome, policy) = try search(request, instance: instance, options: options, stop: stop)
            plan = outcome.plan
            recordSearch(&record, stats: outcome.statistics, options: request.options, acceptance: options.acceptance, policy: policy.name,
                         prior: llmReport.map(LLMStart.priorLabel) ?? outcome.priorName, initialObjective: outcome.priorUtilisation)
            if let llmReport { record.details?["llm"] = llmReport }
        }
        do { try PlacementValidation.check(plan, instance: instance, requireFullSupport: options.fullSupport) } catch {
            throw CLIError("\(request.path): internal error: the placement does not validate: \(error)")
        }
        let utilisation = plan.utilisation(instance)
        record.objective = utilisation
        record.gap = gap(objective: utilisation, reference: entry?.optimum ?? bound)
        if abs(utilisation - bound) < 1e-9 { record.status = "optimal" }
        record.details = (record.details ?? [:]).merging(["full_support": .bool(options.fullSupport),
                                                          "boxes_placed": .int(plan.placements.count),
                                                          "boxes_total": .int(instance.boxCount)]) { a, _ in a }
        record.solution = planValue(plan)
        record.timeSeconds = clock.now() - request.commandStart
        return run(record, knownIsProven: entry?.isOptimal == true, instance: instance, plan: plan)
    }

    static func exact(_ request: ExactRequest) throws -> FamilyRun {
        let clock = request.clock
        let instance = try read(request.path)
        let entry = manifestEntry(path: request.path)
        let remaining = max(0.01, request.commandStart + request.timeLimit - 0.05 - clock.now())
        let result: Packing3DExactResult
        do {
            result = try Packing3DExactSolver.solve(instance, timeLimit: remaining, verbose: request.verbose)
        } catch {
            throw CLIError("\(request.path): \(error)")
        }
        var record = SolveRecord(problem: family, instance: request.path, status: result.status.name, timeSeconds: 0)
        if case .error(let message) = result.status { record.error = "GLPK: \(message)" }
        record.name = entry?.name ?? instance.name
        record.size = instance.boxCount
        record.knownOptimum = entry?.optimum
        record.bound = result.bound
        record.timeLimit = request.timeLimit
        let plan = result.plan ?? PackingPlan(placements: [])
        do { try PlacementValidation.check(plan, instance: instance, requireFullSupport: false) } catch {
            throw CLIError("\(request.path): internal error: the exact placement does not validate: \(error)")
        }
        record.objective = plan.utilisation(instance)
        record.gap = gap(objective: record.objective, reference: record.bound)
        record.solution = planValue(plan)
        record.timeSeconds = clock.now() - request.commandStart
        return run(record, knownIsProven: entry?.isOptimal == true, instance: instance, plan: plan)
    }

    static func planValue(_ plan: PackingPlan) -> JSONValue {
        .object(["placements": .array(plan.placements.map { p in
            .object(["type": .int(p.type), "x": .int(p.x), "y": .int(p.y), "z": .int(p.z),
                     "lx": .int(p.lx), "ly": .int(p.ly), "lz": .int(p.lz)])
        })])
    }

    private static func run(_ record: SolveRecord, knownIsProven: Bool, instance: ContainerInstance, plan: PackingPlan) -> FamilyRun {
        FamilyRun(
            record: record,
            headline: headline(record.name ?? instance.name, instance),
            writeSolution: { path in
                let object: JSONValue = .object(["problem": .string(family), "instance": .string(record.instance),
                                                 "utilisation": .double(plan.utilisation(instance)),
                                                 "placements": planValue(plan)["placements"] ?? .null])
                try AtomicFile.write(object.jsonString() + "\n", to: path)
            },
            drawing: { title in Packing3DSVG.render(instance, plan: plan, title: title) },
            knownIsProven: knownIsProven)
    }

    /// A plan from a JSON file: `{"placements": [{type, x, y, z, lx, ly, lz}, …]}`, or a JSON result.
    static func readPlan(_ path: String, instance: ContainerInstance) throws -> PackingPlan {
        let expected = "{\"placements\": [{\"type\", \"x\", \"y\", \"z\", \"lx\", \"ly\", \"lz\"}, …]}"
        guard case .array(let items)? = try SolutionFile.solutionObject(path, expected: expected)["placements"] else {
            throw CLIError("\(path): expected JSON with \"placements\": [{\"type\", \"x\", \"y\", \"z\", \"lx\", \"ly\", \"lz\"}, …]")
        }
        var placements: [Placement] = []
        for (i, item) in items.enumerated() {
            let keys = ["type", "x", "y", "z", "lx", "ly", "lz"]
            let values = keys.compactMap { key -> Int? in if case .int(let v)? = item[key] { return v } else { return nil } }
            guard values.count == keys.count else { throw CLIError("\(path): placement \(i) needs integer \(keys.joined(separator: ", "))") }
            placements.append(Placement(type: values[0], x: values[1], y: values[2], z: values[3],
                                        lx: values[4], ly: values[5], lz: values[6]))
        }
        let plan = PackingPlan(placements: placements)
        // The search keeps full support, so a start must have it too.
        do { try PlacementValidation.check(plan, instance: instance, requireFullSupport: true) } catch {
            throw CLIError("\(path): \(error) (a starting plan must give every box full support from below)")
        }
        return plan
    }
}

extension Packing3DRunner {
    static func generate(_ settings: GenerateSettings) throws -> String {
        let name = settings.name ?? "br\(settings.boxTypes)s\(settings.seed)"
        return ThpackWriter.write([Packing3DGenerator.random(boxTypes: settings.boxTypes, seed: settings.seed, name: name)])
    }
}

extension Packing3DRunner {
    /// Sizes are numbers of box types; the budget is counted in decodes per episode.
    static func trainingEnvironment(minSize: Int?, maxSize: Int?, workPerUnit: Int?, workPerEpisode: Int?,
                                    files: [String]) throws -> any TrainingEnvironment {
        var environment = Packing3DTrainingEnvironment()
        if let minSize { environment.minTypes = minSize }
        if let maxSize { environment.maxTypes = maxSize }
        if let workPerEpisode { environment.decodesPerEpisode = workPerEpisode }
        environment.instances = try files.map(read)
        return environment
    }

    static func bundledWeights() throws -> PolicyWeights { try Packing3DBundledPolicy.weights() }
}

extension Packing3DRunner {
    static var defaultPriorName: String { Packing3DPrior.default.rawValue }
    static let sizeUnit = "boxes"
    static let priorDescriptions: [String: String] = [
        "best-of": "tries every ordering rule and keeps the plan that packs the most volume; the strongest and slowest start.",
        "max-volume": "places the block of largest volume first at each step.",
        "floor-by-floor": "fills the container floor by floor, lowest free space first.",
        "most-volume-first": "box types with the most total volume go first.",
        "longest-side-first": "box types with the longest side go first; good for long boxes.",
        "flat": "prefers boxes lying flat, building low layers.",
        "whole-blocks": "prefers blocks that use a whole box type at once.",
        "random": "a random order: a baseline.",
    ]
}

extension Packing3DRunner {
    /// The policy named on the command line, then the search with the progress line: the one
    /// search path of both objectives.
    static func search(_ request: SolveRequest, instance: ContainerInstance, options: Packing3DSolveOptions,
                       stop: StopCondition) throws -> (Packing3DSolveOutcome, NamedPolicy) {
        var policy = try request.options.makePolicy(family: family, operators: Packing3DSearchState.operators,
                                                    featureCount: Packing3DSearchState.featureCount,
                                                    bundled: Packing3DBundledPolicy.weights)
        let observer = request.progress?(nil)
        let outcome = Packing3DSolver.solve(instance, options: options, policy: &policy, stop: stop, observer: observer)
        observer?.finish()
        return (outcome, policy)
    }
}
