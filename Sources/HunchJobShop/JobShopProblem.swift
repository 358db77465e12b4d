import HunchCore
import HunchExact

/// Job-shop scheduling (minimise the makespan) as one conformance to the problem contract:
/// OR-Library and Taillard files, Giffler–Thompson priors, N5/N7 tabu search, machine/job
/// bounds and the disjunctive MIP.
public enum JobShopProblem: ExactlySolvable {
    public typealias Instance = JobShopInstance
    public typealias Solution = JobShopSchedule
    public typealias State = JobShopSearchState
    public typealias Context = NoContext

    public static let name = "jobshop"
    public static let aliases = ["jssp", "jsp"]
    public static let summary = "job shop (OR-Library or Taillard): minimise the makespan"
    public static let objectiveName = "makespan"
    public static let sizeUnit = "operations"
    public static let solutionFileKind = "JSON schedule"
    public static let fileExtensions = ["txt", "jsp", "jssp"]

    /// `jobs machines` as the first numeric line, or Taillard's `Nb of jobs` header.
    public static func recognises(fileExtension: String, head: String) -> Bool {
        let head = InstanceHead(head)
        if let first = head.firstLine?.uppercased(), first.hasPrefix("NB OF JOBS") || first.hasPrefix("TIMES") { return true }
        return head.numericLines(2).first?.count == 2
    }

    public static func read(path: String) throws -> JobShopInstance { try JobShopReader.read(path: path) }
    public static func instanceName(_ instance: JobShopInstance) -> String { instance.name }
    public static func size(_ instance: JobShopInstance) -> Int { instance.jobCount * instance.machineCount }
    public static func describe(_ instance: JobShopInstance) -> String {
        "\(instance.jobCount) jobs × \(instance.machineCount) machines"
    }

    public static func defaultAcceptance(_ context: NoContext) -> Acceptance { JobShopSolveOptions().acceptance }

    /// What each prior does, in a sentence for `--prior llm-choice`'s menu.
    static let priorDescriptions: [String: String] = [
        "mwkr": "most work remaining first: the job with the most processing time left goes first; usually the best single rule, 10–25 % above the optimum.",
        "mopnr": "most operations remaining first: like most work remaining but counts operations; similar quality.",
        "spt": "shortest processing time first: keeps machines busy with short operations; often 30–60 % above the optimum.",
        "lpt": "longest processing time first: schedules long operations early; usually weak.",
        "fifo": "first in, first out: the operation that became ready first; weak but simple.",
        "random": "random priorities: a baseline.",
    ]
    /// In the prior enum's order; baselines are not run alone by `bench`.
    public static let priors: [PriorInfo] = JobShopPrior.allCases.map {
        PriorInfo($0.rawValue, priorDescriptions[$0.rawValue] ?? $0.rawValue, benchByDefault: $0 != .random)
    }
    public static var defaultPrior: String { JobShopPrior.default.rawValue }

    public static func construct(prior: String, _ instance: JobShopInstance, _ context: NoContext,
                                 rng: inout SeededGenerator, stop: StopCondition) -> (solution: JobShopSchedule, label: String) {
        let rule = JobShopPrior(rawValue: prior) ?? .default
        return (rule.construct(instance, rng: &rng, stop: stop), rule.rawValue)
    }

    public static func validate(_ solution: JobShopSchedule, _ instance: JobShopInstance, _ context: NoContext) throws {
        try JobShopValidation.check(solution, instance: instance)
    }

    /// Missing start times, precedence within each job, and every machine overlap.
    public static func violations(_ solution: JobShopSchedule, _ instance: JobShopInstance, _ context: NoContext) -> [String] {
        JobShopValidation.violations(solution, instance: instance).map(\.message)
    }

    public static func objective(_ solution: JobShopSchedule, _ instance: JobShopInstance, _ context: NoContext) -> Double {
        Double(solution.makespan(instance))
    }

    public static func bound(_ instance: JobShopInstance, _ context: NoContext, budget: Double?, incumbent: Double?,
                             stop: StopCondition) -> Double? {
        Double(JobShopLowerBound.compute(instance))
    }

    public static var operatorNames: [String] { JobShopSearchState.operators }
    public static var featureCount: Int { JobShopSearchState.featureCount }

    public static func makeState(_ instance: JobShopInstance, start: JobShopSchedule, _ context: NoContext,
                                 rng: inout SeededGenerator) -> JobShopSearchState {
        guard let state = JobShopSearchState(instance: instance, schedule: start) else {
            preconditionFailure("a validated schedule always gives a search state")
        }
        return state
    }

    public static func solution(of state: JobShopSearchState, _ instance: JobShopInstance, _ context: NoContext) -> JobShopSchedule {
        state.currentSchedule
    }

    public static func encode(_ solution: JobShopSchedule, _ instance: JobShopInstance, _ context: NoContext) -> JSONValue {
        .object(["starts": .array(solution.starts.map { .array($0.map { .int($0) }) })])
    }

    /// Start times must belong to operations of the instance and be in 0…10¹⁵; a job or an
    /// operation left out is read, for `violations` to report.
    public static func decode(_ value: JSONValue, _ instance: JobShopInstance, _ context: NoContext) throws -> JobShopSchedule {
        guard case .array(let rows)? = value["starts"] else {
            throw ProblemError("expected \"starts\": an array of \(instance.jobCount) arrays of start times")
        }
        guard rows.count <= instance.jobCount else {
            throw ProblemError("\"starts\"[\(instance.jobCount)]: the instance has only \(instance.jobCount) jobs, the schedule \(rows.count)")
        }
        var starts: [[Int]] = []
        for (j, row) in rows.enumerated() {
            guard let ints = row.intArray else { throw ProblemError("\"starts\"[\(j)] must be an array of integers") }
            // Range-checked before any arithmetic: a start near 2⁶³ would overflow start + duration.
            if let k = ints.firstIndex(where: { $0 < 0 || $0 > JobShopValidation.maximumStart }) {
                throw ProblemError("\"starts\"[\(j)][\(k)] is \(ints[k]): start times must be in 0…10¹⁵")
            }
            let operations = instance.machine[j].count
            guard ints.count <= operations else {
                throw ProblemError("\"starts\"[\(j)][\(operations)]: job \(j) has only \(operations) operations, the schedule \(ints.count) start times")
            }
            starts.append(ints)
        }
        return JobShopSchedule(starts: starts)
    }

    /// `{"problem", "instance", "makespan", "starts": [[…]]}`: what `--out` writes and `--initial` reads.
    public static func solutionFile(_ solution: JobShopSchedule, _ instance: JobShopInstance, _ context: NoContext,
                                    record: SolveRecord) -> String {
        let object: JSONValue = .object([
            "problem": .string(name), "instance": .string(record.instance),
            "makespan": .int(solution.makespan(instance)),
            "starts": encode(solution, instance, context)["starts"] ?? .null,
        ])
        return object.jsonString() + "\n"
    }

    /// The chart's own title adds the makespan and the gap to the best reference known.
    public static func svg(_ solution: JobShopSchedule, _ instance: JobShopInstance, _ context: NoContext,
                           record: SolveRecord, title: String) -> String? {
        let reference = (record.knownOptimum ?? record.bound).map { Int($0) }
        return GanttSVG.render(instance, schedule: solution, title: record.name ?? instance.name, reference: reference)
    }

    public static let generatorParameters = [
        GeneratorParameter("jobs", "number of jobs (Taillard's generator)", integer: 1...10_000, default: 15),
        GeneratorParameter("machines", "number of machines", integer: 1...1_000, default: 15),
    ]

    public static func generate(_ values: GeneratorValues) throws -> String {
        let (jobs, machines) = (values.int("jobs"), values.int("machines"))
        let name = values.name ?? "rand\(jobs)x\(machines)s\(values.seed)"
        return JobShopWriter.orLibrary(JobShopGenerator.taillard(jobs: jobs, machines: machines, seed: values.seed, name: name))
    }

    /// Sizes are numbers of jobs; machines are drawn from the environment's own range.
    public static func trainingEnvironment(_ settings: TrainingSettings, instances: [JobShopInstance]) throws -> any TrainingEnvironment {
        var environment = JobShopTrainingEnvironment()
        if let minSize = settings.minSize { environment.minJobs = minSize }
        if let maxSize = settings.maxSize { environment.maxJobs = maxSize }
        if let work = settings.workPerUnit { environment.workPerOperation = work }
        environment.instances = instances
        return environment
    }

    public static func bundledPolicy() throws -> PolicyWeights { try JobShopBundledPolicy.weights() }

    public static func llmTask(_ instance: JobShopInstance, _ context: NoContext) -> LLMOrderTask<JobShopSchedule> {
        LLMOrderTask(
            mode: "job-order", system: JobShopLLMPrompt.system(), user: JobShopLLMPrompt.user(instance),
            count: instance.jobCount,
            complete: { kept, missing in
                let schedule = JobShopPriorityDecoder.schedule(instance, jobOrder: kept + missing)
                try JobShopValidation.check(schedule, instance: instance)
                return schedule
            },
            fallback: { seed in
                var rng = SeededGenerator(seed: seed)
                return JobShopPrior.default.construct(instance, rng: &rng)
            })
    }

    public static let exactModel = "disjunctive MIP (start times, big-M ordering binaries), the heuristic schedule as incumbent"

    public static func solveExactly(_ instance: JobShopInstance, _ context: NoContext, incumbent: JobShopSchedule?,
                                    timeLimit: Double, verbose: Bool) throws -> ExactOutcome<JobShopSchedule> {
        let result = try JobShopExactSolver.solve(instance, incumbent: incumbent, timeLimit: timeLimit, verbose: verbose)
        return ExactOutcome(status: SolveStatus(result.status), solution: result.schedule, bound: Double(result.bound),
                            error: result.status.errorMessage)
    }
}
