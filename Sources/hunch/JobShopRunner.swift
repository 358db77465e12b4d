import Foundation
import HunchCore
import HunchLLM
import HunchScheduling

/// Joins HunchScheduling (job shop, minimise the makespan) to the command line.
struct JobShopRunner: FamilyRunner {
    static let family = "jobshop"
    static let maximises = false
    static var priorNames: [String] { JobShopPrior.allCases.map(\.rawValue) }
    static var benchPriorNames: [String] { JobShopPrior.allCases.filter { $0 != .random }.map(\.rawValue) }
    static let solutionFileKind = "JSON schedule"

    static func read(_ path: String) throws -> JobShopInstance {
        do { return try JobShopReader.read(path: path) } catch { throw CLIError("\(error)") }
    }

    static func size(path: String) throws -> Int {
        let instance = try read(path)
        return instance.jobCount * instance.machineCount
    }

    static func headline(_ name: String, _ instance: JobShopInstance) -> String {
        "\(name) (jobshop, \(instance.jobCount) jobs × \(instance.machineCount) machines)"
    }

    static func solve(_ request: SolveRequest) throws -> FamilyRun {
        try checkFamilyOptions(request.options)
        let clock = request.stop.clock
        let instance = try read(request.path)
        let entry = manifestEntry(path: request.path)
        var options = JobShopSolveOptions()
        options.seed = request.options.seed
        options.acceptance = request.options.makeAcceptance(default: JobShopSolveOptions().acceptance)
        if let name = try checkedPriorName(request.options), let prior = JobShopPrior(rawValue: name) { options.prior = prior }
        if let initial = request.initialPath { options.initialSchedule = try readSchedule(initial, instance: instance) }

        var llmReport: JSONValue?
        if request.options.prior == "llm" && options.initialSchedule == nil {
            var rng = SeededGenerator(seed: options.seed)
            let fallback = JobShopPrior.default.construct(instance, rng: &rng)
            let (schedule, report) = try LLMStart.order(
                mode: "job-order", system: JobShopLLMPrompt.system(), user: JobShopLLMPrompt.user(instance),
                count: instance.jobCount, fallbackName: JobShopPrior.default.rawValue, options: request.options,
                commandStart: request.commandStart, clock: clock,
                complete: { order in
                    let schedule = JobShopPriorityDecoder.schedule(instance, jobOrder: order)
                    try JobShopValidation.check(schedule, instance: instance)
                    return schedule
                },
                fallback: { fallback })
            options.initialSchedule = schedule
            llmReport = report
        }

        let bound = JobShopLowerBound.compute(instance)
        var stop = request.stop
        stop.deadline = request.searchDeadline(reserve: 0.02 + Double(instance.jobCount * instance.machineCount) * 2e-6)
        stop.maxSteps = request.options.maxSteps

        var record = SolveRecord(problem: family, instance: request.path, status: "feasible", timeSeconds: 0)
        record.name = entry?.name ?? instance.name
        record.size = instance.jobCount * instance.machineCount
        record.knownOptimum = entry?.optimum
        record.bound = Double(bound)
        let schedule: JobShopSchedule
        if request.priorOnly {
            // The prior alone (bench): the model's answer when --prior llm, else the heuristic.
            if let given = options.initialSchedule {
                schedule = given
                record.prior = llmReport.map(LLMStart.priorLabel) ?? "initial"
                if let llmReport { record.details = ["llm": llmReport] }
            } else {
                var rng = SeededGenerator(seed: options.seed)
                schedule = options.prior.construct(instance, rng: &rng)
                record.prior = options.prior.rawValue
            }
            record.seed = options.seed
            record.steps = 0
            record.initialObjective = Double(schedule.makespan(instance))
        } else {
            var policy = try request.options.makePolicy(family: family, operators: JobShopSearchState.operators,
                                                        featureCount: JobShopSearchState.featureCount,
                                                        bundled: JobShopBundledPolicy.weights)
            let observer = request.progress?(entry?.optimum)
            let outcome = JobShopSolver.solve(instance, options: options, policy: &policy, stop: stop, observer: observer)
            observer?.finish()
            schedule = outcome.schedule
            recordSearch(&record, stats: outcome.statistics, options: request.options, acceptance: options.acceptance, policy: policy.name,
                         prior: llmReport.map(LLMStart.priorLabel) ?? outcome.priorName, initialObjective: Double(outcome.priorMakespan))
            if let llmReport { record.details?["llm"] = llmReport }
        }
        do { try JobShopValidation.check(schedule, instance: instance) } catch {
            throw CLIError("\(request.path): internal error: the schedule does not validate: \(error)")
        }
        let makespan = schedule.makespan(instance)
        record.objective = Double(makespan)
        record.gap = gap(objective: record.objective, reference: entry?.optimum ?? record.bound)
        if makespan == bound || (entry?.isOptimal == true && Double(makespan) == entry?.optimum) { record.status = "optimal" }
        record.solution = .object(["starts": .array(schedule.starts.map { .array($0.map { .int($0) }) })])
        record.timeSeconds = clock.now() - request.commandStart
        return run(record, knownIsProven: entry?.isOptimal == true, instance: instance, schedule: schedule)
    }

    static func exact(_ request: ExactRequest) throws -> FamilyRun {
        let clock = request.clock
        let instance = try read(request.path)
        let entry = manifestEntry(path: request.path)
        var incumbent: JobShopSchedule?
        var incumbentSource = "search"
        if let path = request.initialPath {
            incumbent = try readSchedule(path, instance: instance)
            incumbentSource = "initial"
        } else if let solution = request.initialSolution, let schedule = try? schedule(from: solution, instance: instance) {
            incumbent = schedule
        } else {
            var policy = NamedPolicy.roulette(RoulettePolicy())
            let budget = min(0.1 + 0.0005 * Double(instance.jobCount * instance.machineCount), 0.1 * request.timeLimit)
            incumbent = JobShopSolver.solve(instance, options: JobShopSolveOptions(), policy: &policy,
                                            stop: StopCondition(deadline: clock.now() + budget, clock: clock)).schedule
        }
        let remaining = max(0.01, request.commandStart + request.timeLimit - 0.05 - clock.now())
        let result: JobShopExactResult
        do {
            result = try JobShopExactSolver.solve(instance, incumbent: incumbent, timeLimit: remaining, verbose: request.verbose)
        } catch {
            throw CLIError("\(request.path): \(error)")
        }
        var record = SolveRecord(problem: family, instance: request.path, status: result.status.name, timeSeconds: 0)
        if case .error(let message) = result.status { record.error = "GLPK: \(message)" }
        record.name = entry?.name ?? instance.name
        record.size = instance.jobCount * instance.machineCount
        record.knownOptimum = entry?.optimum
        record.bound = Double(result.bound)
        record.prior = incumbentSource
        record.initialObjective = incumbent.map { Double($0.makespan(instance)) }
        record.timeLimit = request.timeLimit
        let schedule = result.schedule ?? incumbent
        if let schedule {
            do { try JobShopValidation.check(schedule, instance: instance) } catch {
                throw CLIError("\(request.path): internal error: the exact schedule does not validate: \(error)")
            }
            record.objective = Double(schedule.makespan(instance))
            record.gap = gap(objective: record.objective, reference: record.bound)
            record.solution = .object(["starts": .array(schedule.starts.map { .array($0.map { .int($0) }) })])
        }
        record.timeSeconds = clock.now() - request.commandStart
        guard let schedule else {
            return FamilyRun(record: record, headline: headline(record.name ?? instance.name, instance),
                             writeSolution: { _ in throw CLIError("\(request.path): no schedule to write (\(record.status))") },
                             drawing: { _ in nil })
        }
        return run(record, knownIsProven: entry?.isOptimal == true, instance: instance, schedule: schedule)
    }

    private static func run(_ record: SolveRecord, knownIsProven: Bool, instance: JobShopInstance, schedule: JobShopSchedule) -> FamilyRun {
        FamilyRun(
            record: record,
            headline: headline(record.name ?? instance.name, instance),
            writeSolution: { path in try AtomicFile.write(solutionJSON(record, schedule: schedule), to: path) },
            // The chart's own title adds the makespan and the gap to the best reference known.
            drawing: { _ in
                let reference = (record.knownOptimum ?? record.bound).map { Int($0) }
                return GanttSVG.render(instance, schedule: schedule, title: record.name ?? instance.name, reference: reference)
            },
            knownIsProven: knownIsProven)
    }

    /// The schedule file `--out` writes and `--initial` reads: `{"makespan": …, "starts": [[…]]}`.
    static func solutionJSON(_ record: SolveRecord, schedule: JobShopSchedule) -> String {
        let object: JSONValue = .object([
            "problem": .string(family), "instance": .string(record.instance),
            "makespan": record.objective.map { .double($0) } ?? .null,
            "starts": .array(schedule.starts.map { .array($0.map { .int($0) }) }),
        ])
        return object.jsonString() + "\n"
    }

    /// A schedule from a JSON file: `{"starts": …}`, a solution file, or a JSON result.
    static func readSchedule(_ path: String, instance: JobShopInstance) throws -> JobShopSchedule {
        let value = try SolutionFile.solutionObject(path, expected: "{\"starts\": [[start of each operation]]}")
        do { return try schedule(from: value, instance: instance) } catch {
            throw CLIError("\(path): \(error)")
        }
    }

    static func schedule(from value: JSONValue, instance: JobShopInstance) throws -> JobShopSchedule {
        guard case .array(let rows)? = value["starts"] else {
            throw CLIError("expected \"starts\": an array of \(instance.jobCount) arrays of start times")
        }
        var starts: [[Int]] = []
        for row in rows {
            guard let ints = row.intArray else { throw CLIError("\"starts\" must hold arrays of integers") }
            starts.append(ints)
        }
        guard starts.count == instance.jobCount, zip(starts, instance.machine).allSatisfy({ $0.count == $1.count }) else {
            throw CLIError("\"starts\" has the wrong shape: expected \(instance.jobCount) jobs × their operation counts")
        }
        let schedule = JobShopSchedule(starts: starts)
        try JobShopValidation.check(schedule, instance: instance)
        return schedule
    }
}

extension JobShopRunner {
    static func generate(_ settings: GenerateSettings) throws -> String {
        let name = settings.name ?? "rand\(settings.jobs)x\(settings.machines)s\(settings.seed)"
        return JobShopWriter.orLibrary(JobShopGenerator.taillard(jobs: settings.jobs, machines: settings.machines,
                                                                 seed: settings.seed, name: name))
    }
}

extension JobShopRunner {
    /// Sizes are numbers of jobs; machines are drawn from the environment's own range.
    static func trainingEnvironment(minSize: Int?, maxSize: Int?, workPerUnit: Int?, workPerEpisode: Int?,
                                    files: [String]) throws -> any TrainingEnvironment {
        var environment = JobShopTrainingEnvironment()
        if let minSize { environment.minJobs = minSize }
        if let maxSize { environment.maxJobs = maxSize }
        if let workPerUnit { environment.workPerOperation = workPerUnit }
        environment.instances = try files.map(read)
        return environment
    }

    static func bundledWeights() throws -> PolicyWeights { try JobShopBundledPolicy.weights() }
}

extension JobShopRunner {
    static var defaultPriorName: String { JobShopPrior.default.rawValue }
    static let sizeUnit = "operations"
    static let priorDescriptions: [String: String] = [
        "mwkr": "most work remaining first: the job with the most processing time left goes first; usually the best single rule, 10–25 % above the optimum.",
        "mopnr": "most operations remaining first: like most work remaining but counts operations; similar quality.",
        "spt": "shortest processing time first: keeps machines busy with short operations; often 30–60 % above the optimum.",
        "lpt": "longest processing time first: schedules long operations early; usually weak.",
        "fifo": "first in, first out: the operation that became ready first; weak but simple.",
        "random": "random priorities: a baseline.",
    ]
}
