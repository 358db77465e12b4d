import Foundation
import HunchCore
import HunchExact

/// The symmetric TSP (shortest tour) as one conformance to the problem contract: TSPLIB files,
/// greedy/insertion/space-filling-curve priors, the 2-opt/Or-opt/LK search, the Held–Karp bound
/// and the DFJ model. A solution is a tour of 0-based nodes.
public enum TSPProblem: ExactlySolvable {
    public typealias Instance = TSPInstance
    public typealias Solution = [Int]
    public typealias State = TSPSearchState

    /// What every step of a TSP solve shares: the candidate lists (k nearest neighbours) that the
    /// priors use, and the search's own lists (α-nearness, else the same nearest neighbours).
    public struct Context {
        public var candidates: CandidateLists
        public var searchCandidates: CandidateLists

        public init(candidates: CandidateLists, searchCandidates: CandidateLists? = nil) {
            self.candidates = candidates
            self.searchCandidates = searchCandidates ?? candidates
        }
    }

    /// `HUNCH_TSP_CANDIDATES=nearest` turns the α-nearness lists off (for paired measurements):
    /// the search then uses the 10 nearest neighbours as before issue 16.
    static var usesAlphaCandidates: Bool {
        ProcessInfo.processInfo.environment["HUNCH_TSP_CANDIDATES"] != "nearest"
    }

    public static let name = "tsp"
    public static let summary = "symmetric TSP (TSPLIB .tsp): shortest tour"
    public static let objectiveName = "length"
    public static let sizeUnit = "cities"
    public static let solutionFileKind = "TSPLIB .tour"
    public static let fileExtensions = ["tsp"]

    /// `.tsp`, or TSPLIB keywords on the first line — unless the header says it is a vehicle
    /// routing file (TYPE CVRP…, or a CAPACITY).
    public static func recognises(fileExtension: String, head: String) -> Bool {
        if fileExtension == "tsp" { return true }
        let head = InstanceHead(head)
        guard let first = head.firstLine else { return false }
        let upper = first.uppercased()
        let starts = ["NAME", "TYPE", "COMMENT", "DIMENSION", "EDGE_WEIGHT_TYPE"]
        guard InstanceHead.keyword(of: first).map(starts.contains) ?? starts.contains(where: { upper.hasPrefix($0) }) else {
            return false
        }
        for (key, value) in head.keywords {
            if key == "CAPACITY" || key == "VEHICLES" { return false }
            if key == "TYPE" && value.uppercased().contains("VRP") { return false }
        }
        return true
    }

    public static func read(path: String) throws -> TSPInstance { try TSPLIBReader.read(path: path) }
    public static func instanceName(_ instance: TSPInstance) -> String { instance.name }
    public static func size(_ instance: TSPInstance) -> Int { instance.dimension }
    public static func describe(_ instance: TSPInstance) -> String { "\(instance.dimension) nodes" }
    /// A value stated in a COMMENT is reported but not trusted as proven.
    public static func statedOptimum(_ instance: TSPInstance) -> Double? {
        TSPLIBReader.optimumFromComment(instance.comment).map(Double.init)
    }

    /// Without a search to follow (`check`, bench's bound): the nearest-neighbour lists only.
    public static func context(_ instance: TSPInstance, options: FamilyOptions) throws -> Context {
        Context(candidates: CandidateLists(instance: instance, k: TSPSolveOptions().neighbours))
    }

    /// Candidate lists on a million nodes take seconds: they watch the command's limit. The
    /// α-nearness lists' ascent takes at most `AlphaCandidateBuilder.timeShare` of what is left;
    /// Ctrl-C during it gives them up (the search then starts from the nearest lists at once).
    public static func context(_ instance: TSPInstance, options: FamilyOptions, stop: StopCondition) throws -> Context {
        guard let candidates = CandidateLists(instance: instance, k: TSPSolveOptions().neighbours, stop: stop) else {
            throw PreparationStopped()
        }
        var alpha: CandidateLists?
        if usesAlphaCandidates {
            let budget = stop.deadline.map { max(0, $0 - stop.clock.now()) * AlphaCandidateBuilder.timeShare }
            alpha = AlphaCandidateBuilder.build(instance, budget: budget, interruption: stop.interruption, nearest: candidates)
        }
        return Context(candidates: candidates, searchCandidates: alpha)
    }

    public static func defaultAcceptance(_ context: Context) -> Acceptance { TSPSolveOptions().acceptance }

    // The default policy is the roulette, as for every family. The bundled learned policy was
    // TSP's default from 150 nodes while it beat uniform, roulette and fixed at equal wall time;
    // with the restricted 5-opt search (issue 16) the four tie (249 pairs, p ≥ 0.18:
    // docs/benchmarks.md, "The policy on the final build"), so it is no longer the default.
    // `--policy learned` still runs it.

    public static let priors: [PriorInfo] = TSPPrior.allCases.map { prior in
        PriorInfo(prior.rawValue, prior.rawValue, benchByDefault: prior != .random && prior != .cheapestInsertion)
    }
    public static var defaultPrior: String { TSPPrior.default.rawValue }
    public static func prior(named name: String) -> PriorInfo? {
        TSPPrior(name: name).flatMap { p in priors.first { $0.name == p.rawValue } }
    }

    public static func construct(prior: String, _ instance: TSPInstance, _ context: Context,
                                 rng: inout SeededGenerator, stop: StopCondition) -> (solution: [Int], label: String) {
        let heuristic = TSPPrior(name: prior) ?? .default
        return (heuristic.construct(instance, candidates: context.candidates, rng: &rng, stop: stop),
                heuristic.effective(for: instance).rawValue)
    }

    /// The first of `violations`: node ids as the user's tour file numbers them.
    public static func validate(_ solution: [Int], _ instance: TSPInstance, _ context: Context) throws {
        if let first = TourValidation.violations(tour: solution, dimension: instance.dimension, limit: 1).first {
            throw ProblemError(first.fileDescription)
        }
    }

    /// Every node out of range, visited twice or not visited, numbered as in the file.
    public static func violations(_ solution: [Int], _ instance: TSPInstance, _ context: Context) -> [String] {
        TourValidation.violations(tour: solution, dimension: instance.dimension).map(\.fileDescription)
    }

    public static func objective(_ solution: [Int], _ instance: TSPInstance, _ context: Context) -> Double {
        Double(instance.tourLength(solution))
    }

    /// The Held–Karp bound within its budget; skipped when even one full 1-tree (O(n²)) would not fit.
    public static let boundIsCheap = false
    public static let boundName = "held-karp"
    public static func bound(_ instance: TSPInstance, _ context: Context, budget: Double?, incumbent: Double?,
                             stop: StopCondition) -> Double? {
        guard instance.dimension > 3 else { return nil }
        let oneTree = 3e-9 * Double(instance.dimension) * Double(instance.dimension)
        if let budget, oneTree >= 0.5 * budget { return nil }
        let bound = HeldKarpBound.compute(instance, timeLimit: budget, maxIterations: budget == nil ? 2000 : nil,
                                          upperBound: incumbent.map { Int($0) }, interruption: stop.interruption)
        return Double(bound.bound)
    }

    public static var operatorNames: [String] { TSPSearchState.operators }
    public static var featureCount: Int { TSPSearchState.featureCount }

    public static func makeState(_ instance: TSPInstance, start: [Int], _ context: Context,
                                 rng: inout SeededGenerator) -> TSPSearchState {
        TSPSearchState(instance: instance, candidates: context.searchCandidates, tour: start)
    }

    public static func solution(of state: TSPSearchState, _ instance: TSPInstance, _ context: Context) -> [Int] {
        state.currentTour
    }

    /// `{"tour": [node ids as numbered in the file]}`.
    public static func encode(_ solution: [Int], _ instance: TSPInstance, _ context: Context) -> JSONValue {
        .object(["tour": .array(solution.map { .int($0 + 1) })])
    }

    public static func decode(_ value: JSONValue, _ instance: TSPInstance, _ context: Context) throws -> [Int] {
        guard let ids = value["tour"]?.intArray else {
            throw ProblemError("expected a JSON object with \"tour\" (or \"solution\": {\"tour\"}) as an array of node ids")
        }
        // Range-checked before any arithmetic: an id of -2⁶³ would overflow id − 1.
        if let bad = ids.firstIndex(where: { $0 < 1 || $0 > instance.dimension }) {
            throw ProblemError("\"tour\"[\(bad)] is \(ids[bad]): node ids run from 1 to \(instance.dimension)")
        }
        return ids.map { $0 - 1 }
    }

    public static func solutionFile(_ solution: [Int], _ instance: TSPInstance, _ context: Context, record: SolveRecord) -> String {
        let how = record.stopReason == nil ? "(\(record.status.rawValue)) by hunch exact" : "found by hunch (seed \(record.seed ?? 1))"
        return TourFile.format(tour: solution, name: instance.name, comment: "Length \(instance.tourLength(solution)) \(how)")
    }

    /// A TSPLIB `.tour`, or a JSON result / `{"tour": [...]}` (node ids as in the file). Ids must
    /// exist; a repeated or missing node is for `validate` / `violations` to report.
    public static func readSolution(path: String, _ instance: TSPInstance, _ context: Context) throws -> [Int] {
        if SolutionJSON.isJSON(path: path) {
            do { return try decode(SolutionJSON.solutionObject(path: path), instance, context) } catch let error as ProblemError {
                throw ProblemError("\(path): \(error)")
            }
        }
        return try TourFile.readVisits(path: path, dimension: instance.dimension)
    }

    public static func svg(_ solution: [Int], _ instance: TSPInstance, _ context: Context, record: SolveRecord, title: String) -> String? {
        TourSVG.render(instance: instance, tour: solution, title: title)
    }

    public static func cannotDraw(_ instance: TSPInstance) -> String? {
        instance.drawingCoordinates == nil ? "no coordinates to draw (EXPLICIT instance without DISPLAY_DATA_SECTION)" : nil
    }

    public static let generatorParameters = [
        GeneratorParameter("size", "number of nodes", integer: 1...10_000_000, default: 100),
        GeneratorParameter("layout", "point layout", choice: ["uniform", "clustered"], default: "uniform"),
    ]

    public static func generate(_ values: GeneratorValues) throws -> String {
        TSPLIBWriter.format(TSPGenerator.generate(size: values.int("size"), seed: values.seed,
                                                  clustered: values.string("layout") == "clustered", name: values.name))
    }

    public static func trainingEnvironment(_ settings: TrainingSettings, instances: [TSPInstance]) throws -> any TrainingEnvironment {
        var environment = TSPTrainingEnvironment()
        if let minSize = settings.minSize { environment.minSize = minSize }
        if let maxSize = settings.maxSize { environment.maxSize = maxSize }
        if let work = settings.workPerUnit { environment.workPerNode = work }
        environment.workPerEpisode = settings.workPerEpisode
        environment.instances = instances
        return environment
    }

    public static func bundledPolicy() throws -> PolicyWeights { try TSPBundledPolicy.weights() }

    /// Cities (or, for large instances, clusters) to order; repaired into a tour (TSPLLMPrior).
    public static func llmTask(_ instance: TSPInstance, _ context: Context) -> LLMOrderTask<[Int]> {
        let tsp = TSPLLMPrior(instance: instance, candidates: context.candidates, options: TSPLLMOptions())
        guard let prompt = tsp.prompt else {
            return LLMOrderTask(mode: "order", system: "", user: "", count: 0,
                                complete: { _, _ in tsp.fallbackTour() }, fallback: { _ in tsp.fallbackTour() },
                                unavailableReason: tsp.unavailableReason ?? "no prompt for this instance")
        }
        return LLMOrderTask(mode: prompt.mode.rawValue, system: prompt.system, user: prompt.user, schema: prompt.schema,
                            schemaName: prompt.schemaName, count: prompt.count, firstID: prompt.firstID,
                            maxTokens: prompt.maxTokens,
                            complete: { kept, _ in try tsp.complete(order: kept) },
                            fallback: { _ in tsp.fallbackTour() })
    }

    /// The heuristics in words with the instance's shape (spread, clustering).
    public static func llmChoiceMenu(_ instance: TSPInstance, _ context: Context) -> LLMChoiceMenu {
        let menu = TSPLLMChoiceMenu(instance: instance, fallback: .default)
        return LLMChoiceMenu(context: menu.context, options: menu.entries.map { PriorInfo($0.name, $0.description) },
                             defaultOption: menu.defaultName)
    }

    public static let exactModel = "DFJ with lazy subtour and blossom cuts, edges eliminated by Held–Karp reduced costs"

    public static func solveExactly(_ instance: TSPInstance, _ context: Context, incumbent: [Int]?, timeLimit: Double,
                                    verbose: Bool) throws -> ExactOutcome<[Int]> {
        let result = try TSPExactSolver.solve(instance, timeLimit: timeLimit, incumbentTour: incumbent, verbose: verbose)
        let length = instance.tourLength(result.tour)
        guard length == result.objective else {
            throw ProblemError("internal error: exact solver reported \(result.objective), tour measures \(length)")
        }
        var outcome = ExactOutcome(status: .feasible, solution: result.tour, bound: Double(result.bound))
        switch result.status {
        case .optimal: outcome.status = .optimal
        case .feasible: break
        case .error(let message): outcome.error = message
        }
        let s = result.statistics
        outcome.details = [
            "held_karp_bound": .int(s.heldKarpBound), "model_edges": .int(s.modelEdges),
            "eliminated_edges": .int(s.eliminatedEdges), "branch_and_bound_nodes": .int(s.branchAndBoundNodes),
            "cut_rows": .int(s.cutRows), "mip_time_s": .double(s.mipTime), "held_karp_time_s": .double(s.heldKarpTime),
        ]
        return outcome
    }
}
