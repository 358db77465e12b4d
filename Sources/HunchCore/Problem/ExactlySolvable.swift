/// The optional refinement of `Problem`: a family that can also be solved exactly (GLPK), to a
/// proven optimum or to the best solution and a proven bound at the time limit.
public protocol ExactlySolvable: Problem {
    /// What the exact model is, in a sentence, for `hunch exact --help`.
    static var exactModel: String { get }
    /// True when the model should start from a heuristic incumbent (a short search) if none is given.
    static var exactWantsIncumbent: Bool { get }
    /// The context the exact model's solutions are validated in (a model may relax a rule).
    static func exactContext(_ context: Context) -> Context
    static func solveExactly(_ instance: Instance, _ context: Context, incumbent: Solution?, timeLimit: Double,
                             verbose: Bool) throws -> ExactOutcome<Solution>
}

extension ExactlySolvable {
    public static var exactWantsIncumbent: Bool { true }
    public static func exactContext(_ context: Context) -> Context { context }
}

/// What an exact solve proved.
public struct ExactOutcome<Solution> {
    public var status: SolveStatus
    public var solution: Solution?
    /// The proven bound (lower when minimising).
    public var bound: Double?
    /// GLPK's complaint when it stopped on an error.
    public var error: String?
    public var details: [String: JSONValue]

    public init(status: SolveStatus, solution: Solution?, bound: Double?, error: String? = nil, details: [String: JSONValue] = [:]) {
        self.status = status
        self.solution = solution
        self.bound = bound
        self.error = error
        self.details = details
    }
}

/// One exact solve.
public struct ExactRequest {
    public var path: String
    public var timeLimit: Double
    public var initialPath: String?
    /// A solution to start from, as a JSON result's `solution` object (bench passes its best).
    public var initialSolution: JSONValue?
    public var verbose = false
    public var commandStart: Double
    public var clock: any SearchClock
    public var known: KnownValue?
    public var familyOptions = FamilyOptions()

    public init(path: String, timeLimit: Double, commandStart: Double, clock: any SearchClock) {
        self.path = path
        self.timeLimit = timeLimit
        self.commandStart = commandStart
        self.clock = clock
    }
}

/// The exact path, once for every family that has a model: incumbent, GLPK, validation, record.
public enum ExactPipeline<P: ExactlySolvable> {
    public static func solve(_ request: ExactRequest) throws -> SolveOutcome<P> {
        let clock = request.clock
        try request.familyOptions.check(family: P.name, objectives: P.objectiveVariants, supports: P.supportVariants)
        let budget = SolveBudget(commandStart: request.commandStart, limit: request.timeLimit)
        let instance = try P.read(path: request.path)
        try budget.checkNotExceeded("reading the instance", at: clock.now(), path: request.path)
        let context = P.exactContext(try budget.prepare(P.self, instance, options: request.familyOptions, path: request.path,
                                                        stop: StopCondition(clock: clock)))
        try budget.checkNotExceeded("reading and preparing the instance", at: clock.now(), path: request.path)
        let sense = P.sense(context)
        let known = !P.knownValueApplies(context) ? nil : request.known ?? P.statedOptimum(instance).map { KnownValue(value: $0, proven: false) }

        var incumbent: P.Solution?
        var source: String?
        if let path = request.initialPath {
            (incumbent, source) = (try P.readFeasibleSolution(path: path, instance, context), "initial")
        } else if let value = request.initialSolution, let solution = try? P.decode(value, instance, context),
                  (try? P.validate(solution, instance, context)) != nil {
            (incumbent, source) = (solution, "search")
        } else if P.exactWantsIncumbent {
            let seconds = SolveBudget.incumbentSearch(size: P.size(instance), limit: request.timeLimit)
            (incumbent, source) = (SolvePipeline<P>.quickSolution(instance, context, seconds: seconds, clock: clock), "search")
        }
        let outcome = try P.solveExactly(instance, context, incumbent: incumbent,
                                         timeLimit: budget.exactRemaining(at: clock.now()), verbose: request.verbose)

        var best = outcome.solution
        if let incumbent, best.map({ sense.isBetter(P.objective(incumbent, instance, context),
                                                    than: P.objective($0, instance, context)) }) ?? true {
            best = incumbent
        }
        var record = SolveRecord(problem: P.name, instance: request.path, status: outcome.status, timeSeconds: 0)
        record.error = outcome.error.map { "GLPK: \($0)" }
        if outcome.status == .error { record.status = best == nil ? .error : .feasible }
        record.name = known?.name ?? P.instanceName(instance)
        record.size = P.size(instance)
        record.knownOptimum = known?.value
        record.bound = outcome.bound
        record.prior = source
        record.initialObjective = incumbent.map { P.objective($0, instance, context) }
        record.timeLimit = request.timeLimit
        if let best {
            do { try P.validate(best, instance, context) } catch {
                throw ProblemError("\(request.path): internal error: the exact solution does not validate: \(error)")
            }
            let status = record.status
            SolvePipeline<P>.finish(&record, solution: best, instance: instance, context: context, known: nil, bound: outcome.bound)
            record.knownOptimum = known?.value
            record.name = known?.name ?? P.instanceName(instance)
            if status == .optimal { record.status = .optimal }
        }
        record.details = outcome.details.isEmpty ? nil : outcome.details
        record.timeSeconds = clock.now() - request.commandStart
        return SolveOutcome(record: record, instance: instance, context: context, solution: best,
                            knownIsProven: known?.proven == true)
    }
}
