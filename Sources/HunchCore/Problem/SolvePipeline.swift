/// The one path from a file to a validated, recorded result, for every family: budget, start
/// (warm start, prior, language model), policy, search, stop at a proven target, validation,
/// status, gap and record. `solve`, `batch`, `bench` and `train`'s validation all come here, so a
/// fix lands in every family at once.
public enum SolvePipeline<P: Problem> {
    public static func solve(_ request: SolveRequest) throws -> SolveOutcome<P> {
        let clock = request.stop.clock
        let settings = request.settings
        try settings.familyOptions.checkObjective(family: P.name, allowed: P.objectiveVariants)
        let instance = try P.read(path: request.path)
        let context = try P.context(instance, options: settings.familyOptions)
        let sense = P.sense(context)
        let size = P.size(instance)
        let known = !P.knownValueApplies(context) ? nil : request.known ?? P.statedOptimum(instance).map { KnownValue(value: $0, proven: false) }
        if request.requireDrawing, let reason = P.cannotDraw(instance) {
            throw ProblemError("\(request.path): \(reason); drop --svg")
        }
        let budget = SolveBudget(commandStart: request.commandStart, limit: settings.timeLimit)
        var stop = request.stop
        if let deadline = budget.searchDeadline(size: size) { stop.deadline = deadline }
        stop.maxSteps = settings.maxSteps

        // The start: the user's solution, the model's, or a prior's.
        var priorName = settings.prior ?? P.defaultPrior
        var details: [String: JSONValue] = [:]
        var start: (solution: P.Solution, label: String)?
        if let path = request.initialPath {
            let solution = try P.readSolution(path: path, instance, context)
            do { try P.validate(solution, instance, context) } catch {
                throw ProblemError("\(path): \(error)")
            }
            start = (solution, "initial")
        } else if let value = request.initialSolution, let solution = try? P.decode(value, instance, context),
                  (try? P.validate(solution, instance, context)) != nil {
            start = (solution, "initial")
        } else if priorName == "llm" {
            let (solution, report) = try askModel(request, instance: instance, context: context, budget: budget)
            details["llm"] = report.json
            start = (solution, report.orderLabel)
            priorName = P.defaultPrior
        } else if priorName == "llm-choice" {
            let (name, report) = try chooseWithModel(request, instance: instance, context: context, budget: budget)
            details["llm"] = report.json
            priorName = name
            details["llm_choice_label"] = .string(report.usedModel ? "llm-choice:\(name)" : "llm-fallback:\(name)")
        }
        if start == nil, P.prior(named: priorName) == nil {
            let names = P.priors.map(\.name) + ["llm", "llm-choice"]
            throw ProblemError("unknown --prior '\(priorName)' for \(P.name); expected one of: \(names.joined(separator: ", "))")
        }

        // A bound: cheap ones always; one that costs search time only when no optimum is known.
        var bound: Double?
        if P.boundIsCheap {
            bound = P.bound(instance, context, budget: nil, incumbent: nil, stop: request.stop)
        } else if settings.bound && known == nil && !request.priorOnly {
            bound = P.bound(instance, context, budget: budget.boundBudget(at: clock.now()), incumbent: nil, stop: request.stop)
        }

        var rng = SeededGenerator(seed: settings.seed)
        let first = start ?? P.construct(prior: priorName, instance, context, rng: &rng, stop: stop)
        var priorLabel = first.label
        if case .string(let label)? = details.removeValue(forKey: "llm_choice_label") { priorLabel = label }

        var record = SolveRecord(problem: P.name, instance: request.path, status: .feasible, timeSeconds: 0)
        record.seed = settings.seed
        record.prior = priorLabel
        record.initialObjective = P.objective(first.solution, instance, context)
        var solution = first.solution
        if request.priorOnly {
            record.steps = 0
        } else {
            var policy = try PolicyChoice.make(settings.policy ?? P.defaultPolicy(instance), family: P.name,
                                               operators: P.operatorNames, featureCount: P.featureCount,
                                               bundled: P.bundledPolicy)
            let acceptance = settings.acceptance ?? P.defaultAcceptance(context)
            let target = targets(known: known, bound: bound).compactMap { P.searchTarget($0, instance, context) }.max()
            let stats: SearchStatistics
            if targets(known: known, bound: bound).contains(where: { reaches(record.initialObjective!, $0, sense) }) {
                // The start is already proven optimal: nothing to search.
                stats = .notRun(operatorNames: P.operatorNames, objective: record.initialObjective!)
            } else {
                let state = P.makeState(instance, start: first.solution, context, rng: &rng)
                let observer = request.progress?(known?.value)
                stats = LocalSearch(acceptance: acceptance, targetObjective: target)
                    .run(state: state, policy: &policy, stop: stop, rng: &rng, observer: observer)
                observer?.searchDidFinish()
                let found = P.solution(of: state, instance, context)
                // A start is a promise: never return worse than it.
                if !sense.isBetter(record.initialObjective!, than: P.objective(found, instance, context)) {
                    solution = found
                }
            }
            record.policy = policy.name
            record.steps = stats.steps
            record.stopReason = stats.stopReason.rawValue
            record.timeLimit = settings.timeLimit
            record.maxSteps = settings.maxSteps
            details["acceptance"] = .string(acceptance.name)
            details["descent_objective"] = .double(stats.descentObjective)
            details["time_to_best_s"] = .double(stats.timeToBest)
            details["operators"] = stats.operatorDetails
        }
        do { try P.validate(solution, instance, context) } catch {
            throw ProblemError("\(request.path): internal error: the solution does not validate: \(error)")
        }
        finish(&record, solution: solution, instance: instance, context: context, known: known, bound: bound)
        record.details = details.merging(P.details(solution, instance, context)) { a, _ in a }
        record.timeSeconds = clock.now() - request.commandStart
        return SolveOutcome(record: record, instance: instance, context: context, solution: solution,
                            knownIsProven: known?.proven == true)
    }

    /// Fills the objective, the references, the gap and the status of a validated solution.
    static func finish(_ record: inout SolveRecord, solution: P.Solution, instance: P.Instance, context: P.Context,
                       known: KnownValue?, bound: Double?) {
        let sense = P.sense(context)
        let objective = P.objective(solution, instance, context)
        record.name = known?.name ?? P.instanceName(instance)
        record.size = P.size(instance)
        record.objective = objective
        record.knownOptimum = known?.value
        record.bound = bound
        record.gap = sense.gap(objective: objective, reference: known?.value ?? bound)
        if targets(known: known, bound: bound).contains(where: { reaches(objective, $0, sense) }) { record.status = .optimal }
        record.solution = P.encode(solution, instance, context)
    }

    /// Values that prove a solution optimal when reached: a proven known optimum and the bound.
    static func targets(known: KnownValue?, bound: Double?) -> [Double] {
        var values: [Double] = []
        if let known, known.proven { values.append(known.value) }
        if let bound { values.append(bound) }
        return values
    }

    static func reaches(_ objective: Double, _ target: Double, _ sense: ObjectiveSense) -> Bool {
        sense.meets(objective, bound: target)
    }

    /// The model's order as the start, or the default prior's solution when it is unusable.
    static func askModel(_ request: SolveRequest, instance: P.Instance, context: P.Context,
                         budget: SolveBudget) throws -> (P.Solution, LanguageModelReport) {
        var task = P.llmTask(instance, context)
        task.seed = request.settings.seed
        if let reason = task.unavailableReason {
            if request.settings.requireLanguageModel {
                throw ProblemError("LLM prior required but not usable: \(reason)")
            }
            let report = LanguageModelReport(
                usedModel: false, fallbackPrior: P.defaultPrior,
                json: .object(["fallback_reason": .string(reason), "fallback_prior": .string(P.defaultPrior)]))
            return (task.fallback(task.seed), report)
        }
        guard let model = try request.languageModel?(budget.languageModelBudget(at: request.stop.clock.now())) else {
            throw ProblemError("--prior llm needs a language model, and none is configured here")
        }
        return try model.order(task, fallbackName: P.defaultPrior)
    }

    /// The prior the model picks from the family's menu.
    static func chooseWithModel(_ request: SolveRequest, instance: P.Instance, context: P.Context,
                                budget: SolveBudget) throws -> (String, LanguageModelReport) {
        guard let model = try request.languageModel?(budget.languageModelBudget(at: request.stop.clock.now())) else {
            throw ProblemError("--prior llm-choice needs a language model, and none is configured here")
        }
        return try model.choose(P.llmChoiceMenu(instance, context))
    }

    /// A short search from the default prior, for an exact solver's incumbent.
    public static func quickSolution(_ instance: P.Instance, _ context: P.Context, seconds: Double,
                                     clock: any SearchClock) -> P.Solution {
        let stop = StopCondition(deadline: clock.now() + seconds, clock: clock)
        var rng = SeededGenerator(seed: 1)
        let first = P.construct(prior: P.defaultPrior, instance, context, rng: &rng, stop: stop).solution
        let state = P.makeState(instance, start: first, context, rng: &rng)
        var policy = NamedPolicy.roulette(RoulettePolicy())
        _ = LocalSearch(acceptance: P.defaultAcceptance(context)).run(state: state, policy: &policy, stop: stop, rng: &rng)
        let found = P.solution(of: state, instance, context)
        let sense = P.sense(context)
        return sense.isBetter(P.objective(first, instance, context), than: P.objective(found, instance, context)) ? first : found
    }
}

extension Problem {
    /// The menu `--prior llm-choice` puts to the model; a family may describe the instance better.
    public static func llmChoiceMenu(_ instance: Instance, _ context: Context) -> LLMChoiceMenu {
        LLMChoiceMenu(context: llmChoiceContext(instance, context), options: priors.filter(\.benchByDefault),
                      defaultOption: defaultPrior)
    }
}
