/// The one path from a file to a validated, recorded result, for every family: budget, start
/// (warm start, prior, language model), policy, search, stop at a proven target, validation,
/// status, gap and record. `solve`, `batch`, `bench` and `train`'s validation all come here, so a
/// fix lands in every family at once.
public enum SolvePipeline<P: Problem> {
    public static func solve(_ request: SolveRequest) throws -> SolveOutcome<P> {
        let clock = request.stop.clock
        let settings = request.settings
        try settings.familyOptions.check(family: P.name, objectives: P.objectiveVariants, supports: P.supportVariants)
        let budget = SolveBudget(commandStart: request.commandStart, limit: settings.timeLimit)
        let instance = try P.read(path: request.path)
        try budget.checkNotExceeded("reading the instance", at: clock.now(), path: request.path)
        let context = try budget.prepare(P.self, instance, options: settings.familyOptions, path: request.path, stop: request.stop)
        try budget.checkNotExceeded("reading and preparing the instance", at: clock.now(), path: request.path)
        let sense = P.sense(context)
        let size = P.size(instance)
        let known = !P.knownValueApplies(context) ? nil : request.known ?? P.statedOptimum(instance).map { KnownValue(value: $0, proven: false) }
        if request.requireDrawing, let reason = P.cannotDraw(instance) {
            throw ProblemError("\(request.path): \(reason); drop --svg")
        }
        var stop = request.stop
        if let deadline = budget.searchDeadline(size: size) { stop.deadline = deadline }
        stop.maxSteps = settings.maxSteps

        // The start: the user's solution, the model's, or a prior's.
        var priorName = settings.prior ?? P.defaultPrior
        var details: [String: JSONValue] = [:]
        var choiceLabel: String?
        var start: (solution: P.Solution, label: String)?
        if let path = request.initialPath {
            start = (try P.readFeasibleSolution(path: path, instance, context), "initial")
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
            choiceLabel = report.usedModel ? "llm-choice:\(name)" : "llm-fallback:\(name)"
        }
        if start == nil, P.prior(named: priorName) == nil {
            let names = P.priors.map(\.name) + ["llm", "llm-choice"]
            throw ProblemError("unknown --prior '\(priorName)' for \(P.name); expected one of: \(names.joined(separator: ", "))")
        }

        // A bound: cheap ones always; one that costs search time only when no optimum is known.
        var bound: Double?
        if P.boundIsCheap {
            // Cheap, but not free on a hostile instance: it stops at the search deadline too.
            bound = P.bound(instance, context, budget: nil, incumbent: nil, stop: stop)
        } else if settings.bound && known == nil && !request.priorOnly {
            bound = P.bound(instance, context, budget: budget.boundBudget(at: clock.now()), incumbent: nil, stop: request.stop)
        }

        var record = SolveRecord(problem: P.name, instance: request.path, status: .feasible, timeSeconds: 0)
        record.seed = settings.seed
        let solution: P.Solution
        if request.priorOnly {
            var rng = SeededGenerator(seed: settings.seed)
            let first = start ?? P.construct(prior: priorName, instance, context, rng: &rng, stop: stop)
            solution = first.solution
            record.prior = first.label
            record.initialObjective = P.objective(solution, instance, context)
            record.steps = 0
        } else {
            // One policy per run: a policy learns as it goes (the roulette's weights).
            let makePolicy = {
                try PolicyChoice.make(settings.policy ?? P.defaultPolicy(instance), family: P.name,
                                      operators: P.operatorNames, featureCount: P.featureCount, bundled: P.bundledPolicy)
            }
            var policy = try makePolicy()
            let acceptance = settings.acceptance ?? P.defaultAcceptance(context)
            let progress = request.progress?(known?.value)
            let runs = max(1, settings.threads)
            // One time-to-target watch per run (the progress line follows the first run).
            let targetTimes = known.map { known in
                (0..<runs).map { run in
                    TimeToTarget(thresholds: TimeToTarget.levels.map { P.searchTarget(level($0.share, of: known.value, sense), instance, context) },
                                 clock: clock, commandStart: request.commandStart, forwardingTo: run == 0 ? progress : nil)
                }
            }
            let observers: [SearchObserver?] = (0..<runs).map { targetTimes?[$0] ?? ($0 == 0 ? progress : nil) }
            let outcome: SearchOutcome<P>
            if runs > 1 {
                var policies = [policy]
                for _ in 1..<runs { policies.append(try makePolicy()) }
                outcome = searchInParallel(instance, context, start: start, prior: priorName, seed: settings.seed,
                                           acceptance: acceptance, targets: targets(known: known, bound: bound),
                                           policies: policies, stop: stop, observers: observers)
                details["threads"] = .int(runs)
            } else {
                outcome = search(instance, context, start: start, prior: priorName, seed: settings.seed, acceptance: acceptance,
                                 targets: targets(known: known, bound: bound), policy: &policy, stop: stop,
                                 observer: observers[0])
            }
            solution = outcome.solution
            record.prior = outcome.label
            record.initialObjective = outcome.startObjective
            record.policy = policy.name
            record.steps = outcome.statistics.steps
            record.stopReason = outcome.statistics.stopReason.rawValue
            record.timeLimit = settings.timeLimit
            record.maxSteps = settings.maxSteps
            details["acceptance"] = .string(acceptance.name)
            details["descent_objective"] = .double(outcome.statistics.descentObjective)
            details["time_to_best_s"] = .double(outcome.statistics.timeToBest)
            details["operators"] = outcome.statistics.operatorDetails
            if let targetTimes, let known {
                var times: [String: JSONValue] = [:]
                for (i, target) in TimeToTarget.levels.enumerated() {
                    // A start that met the level before the search reported anything met it by the end.
                    let met = sense.meets(outcome.objective, bound: level(target.share, of: known.value, sense))
                    let at = targetTimes.compactMap { $0.reachedAt[i] }.min() ?? (met ? clock.now() - request.commandStart : nil)
                    times[target.name] = at.map { .double($0) } ?? .null
                }
                details["time_to_target_s"] = .object(times)
            }
        }
        if let choiceLabel { record.prior = choiceLabel }
        if let shortfall = P.shortfall(solution, instance, context) {
            throw ProblemError("\(request.path): no feasible solution found: \(shortfall)")
        }
        do { try P.validate(solution, instance, context) } catch {
            throw ProblemError("\(request.path): internal error: the solution does not validate: \(error)")
        }
        finish(&record, solution: solution, instance: instance, context: context, known: known, bound: bound)
        record.details = details.merging(P.details(solution, instance, context)) { a, _ in a }.merging(record.details ?? [:]) { a, _ in a }
        record.timeSeconds = clock.now() - request.commandStart
        return SolveOutcome(record: record, instance: instance, context: context, solution: solution,
                            knownIsProven: known?.proven == true)
    }

    /// The objective `share` worse than `known` (above it when minimising, below when maximising).
    static func level(_ share: Double, of known: Double, _ sense: ObjectiveSense) -> Double {
        sense == .minimise ? known + abs(known) * share : known - abs(known) * share
    }

    /// The search alone, in memory: from `start` (else the named prior's solution, built with the
    /// seed's generator), under `stop`, never worse than the start; it stops at once when the start
    /// reaches one of `targets` (natural units: a proven optimum, a bound), else when the search does.
    public static func search<Policy: OperatorPolicy>(
        _ instance: P.Instance, _ context: P.Context, start given: (solution: P.Solution, label: String)? = nil,
        prior: String? = nil, seed: UInt64 = 1, acceptance: Acceptance? = nil, targets: [Double] = [],
        policy: inout Policy, stop: StopCondition, observer: SearchObserver? = nil
    ) -> SearchOutcome<P> {
        let sense = P.sense(context)
        var rng = SeededGenerator(seed: seed)
        let first = given ?? P.construct(prior: prior ?? P.defaultPrior, instance, context, rng: &rng, stop: stop)
        let startObjective = P.objective(first.solution, instance, context)
        if targets.contains(where: { sense.meets(startObjective, bound: $0) }) {
            // The start is already proven optimal: nothing to search.
            return SearchOutcome(solution: first.solution, objective: startObjective, startObjective: startObjective,
                                 label: first.label, statistics: .notRun(operatorNames: P.operatorNames, objective: startObjective))
        }
        if stop.timeIsUp() {
            // The start took the whole budget (a huge instance, or Ctrl-C): no search state to build.
            var stats = SearchStatistics.notRun(operatorNames: P.operatorNames, objective: startObjective)
            stats.stopReason = stop.interruption.isRequested ? .interrupted : .timeLimit
            return SearchOutcome(solution: first.solution, objective: startObjective, startObjective: startObjective,
                                 label: first.label, statistics: stats)
        }
        let state = P.makeState(instance, start: first.solution, context, rng: &rng)
        let target = targets.compactMap { P.searchTarget($0, instance, context) }.max()
        let stats = LocalSearch(acceptance: acceptance ?? P.defaultAcceptance(context), targetObjective: target)
            .run(state: state, policy: &policy, stop: stop, rng: &rng, observer: observer)
        observer?.searchDidFinish()
        let found = P.solution(of: state, instance, context)
        let objective = P.objective(found, instance, context)
        // A start is a promise: never return worse than it.
        if sense.isBetter(startObjective, than: objective) {
            return SearchOutcome(solution: first.solution, objective: startObjective, startObjective: startObjective,
                                 label: first.label, statistics: stats)
        }
        return SearchOutcome(solution: found, objective: objective, startObjective: startObjective, label: first.label,
                             statistics: stats)
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
        if targets(known: known, bound: bound).contains(where: { sense.meets(objective, bound: $0) }) { record.status = .optimal }
        if let known, known.proven, sense.isBetter(objective, than: known.value) {
            // Better than a proven optimum: the published value is for another variant of the
            // problem (a fixed fleet, say). Not a proof of anything; said in the record.
            record.status = bound.map { sense.meets(objective, bound: $0) } == true ? .optimal : .feasible
            record.details = (record.details ?? [:]).merging(["beats_known_optimum": .bool(true)]) { a, _ in a }
        }
        record.solution = P.encode(solution, instance, context)
    }

    /// Values that prove a solution optimal when reached: a proven known optimum and the bound.
    static func targets(known: KnownValue?, bound: Double?) -> [Double] {
        var values: [Double] = []
        if let known, known.proven { values.append(known.value) }
        if let bound { values.append(bound) }
        return values
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
        var policy = NamedPolicy.roulette(RoulettePolicy())
        return search(instance, context, policy: &policy,
                      stop: StopCondition(deadline: clock.now() + seconds, clock: clock)).solution
    }
}

/// What the search alone produced.
public struct SearchOutcome<P: Problem> {
    public var solution: P.Solution
    public var objective: Double
    /// The start's objective (the prior's, or the given solution's).
    public var startObjective: Double
    /// The prior's effective name, or the given start's label (`initial`, `llm`…).
    public var label: String
    public var statistics: SearchStatistics
}

extension Problem {
    /// The menu `--prior llm-choice` puts to the model; a family may describe the instance better.
    public static func llmChoiceMenu(_ instance: Instance, _ context: Context) -> LLMChoiceMenu {
        LLMChoiceMenu(context: llmChoiceContext(instance, context), options: priors.filter(\.benchByDefault),
                      defaultOption: defaultPrior)
    }
}
