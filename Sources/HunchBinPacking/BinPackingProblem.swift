import HunchCore
import HunchExact

/// One-dimensional bin packing (fewest bins) as one conformance to the problem contract: BPPLIB
/// files, FFD/BFD priors, the bin-emptying search, the L2 bound and the arc-flow MIP.
public enum BinPackingProblem: ExactlySolvable {
    public typealias Instance = BinPackingInstance
    public typealias Solution = BinPackingSolution
    public typealias State = BinPackingSearchState

    /// The search's knobs (pool iterations, tabu tenure, consistent-neighbourhood iterations).
    public struct Context: Sendable {
        public var poolIterationsPerBin: Int
        public var tabuTenure: Int
        public var consistentIterations: Int

        public init(options: BinPackingSolveOptions = BinPackingSolveOptions()) {
            poolIterationsPerBin = max(1, options.poolIterationsPerBin)
            tabuTenure = max(1, options.tabuTenure)
            consistentIterations = max(1, options.consistentIterations)
        }
    }

    public static let name = "binpacking"
    public static let aliases = ["bpp"]
    public static let summary = "1D bin packing (BPPLIB): fewest bins"
    public static let objectiveName = "bins"
    public static let sizeUnit = "items"
    public static let solutionFileKind = "JSON bins"
    public static let fileExtensions = ["txt", "bpp"]

    /// `n`, then `capacity`, each alone on its line (BPPLIB).
    public static func recognises(fileExtension: String, head: String) -> Bool {
        let numbers = InstanceHead(head).numericLines(2)
        return numbers.count == 2 && numbers[0].count == 1 && numbers[1].count == 1
    }

    public static func read(path: String) throws -> BinPackingInstance { try BinPackingReader.read(path: path) }
    public static func instanceName(_ instance: BinPackingInstance) -> String { instance.name }
    public static func size(_ instance: BinPackingInstance) -> Int { instance.weights.count }
    public static func describe(_ instance: BinPackingInstance) -> String {
        "\(instance.weights.count) items, capacity \(instance.capacity)"
    }

    public static func context(_ instance: BinPackingInstance, options: FamilyOptions) throws -> Context { Context() }

    public static func defaultAcceptance(_ context: Context) -> Acceptance { BinPackingSolveOptions().acceptance }

    /// What each prior does, in a sentence for `--prior llm-choice`'s menu.
    static let priorDescriptions: [String: String] = [
        "best-fit-decreasing": "best fit decreasing: heaviest items first, each into the fullest bin it fits; at most 11/9 of the optimum plus 1, usually 1–3 bins above.",
        "first-fit-decreasing": "first fit decreasing: heaviest items first, each into the first bin it fits; same guarantee as best fit decreasing.",
        "first-fit": "first fit in file order: no sorting; weaker when items come in random order.",
        "random": "first fit in a random order: a baseline.",
    ]
    /// In the prior enum's order; baselines are not run alone by `bench`.
    public static let priors: [PriorInfo] = BinPackingPrior.allCases.map {
        PriorInfo($0.rawValue, priorDescriptions[$0.rawValue] ?? $0.rawValue, benchByDefault: $0 != .random)
    }
    public static var defaultPrior: String { BinPackingPrior.default.rawValue }

    public static func construct(prior: String, _ instance: BinPackingInstance, _ context: Context,
                                 rng: inout SeededGenerator, stop: StopCondition) -> (solution: BinPackingSolution, label: String) {
        let rule = BinPackingPrior(rawValue: prior) ?? .default
        return (rule.construct(instance, rng: &rng), rule.rawValue)
    }

    public static func validate(_ solution: BinPackingSolution, _ instance: BinPackingInstance, _ context: Context) throws {
        try BinPackingValidation.check(solution, instance: instance)
    }

    /// Every bin over capacity or empty, and every item packed twice or not at all.
    public static func violations(_ solution: BinPackingSolution, _ instance: BinPackingInstance, _ context: Context) -> [String] {
        BinPackingValidation.violations(solution, instance: instance).map(\.description)
    }

    public static func objective(_ solution: BinPackingSolution, _ instance: BinPackingInstance, _ context: Context) -> Double {
        Double(solution.binCount)
    }

    public static func bound(_ instance: BinPackingInstance, _ context: Context, budget: Double?, incumbent: Double?,
                             stop: StopCondition) -> Double? {
        Double(BinPackingLowerBound.compute(instance))
    }

    public static var operatorNames: [String] { BinPackingSearchState.operators }
    public static var featureCount: Int { BinPackingSearchState.featureCount }

    public static func makeState(_ instance: BinPackingInstance, start: BinPackingSolution, _ context: Context,
                                 rng: inout SeededGenerator) -> BinPackingSearchState {
        let state = BinPackingSearchState(instance: instance, solution: start, lowerBound: BinPackingLowerBound.compute(instance))
        state.poolIterationsPerBin = context.poolIterationsPerBin
        state.tabuTenure = context.tabuTenure
        state.consistentIterations = context.consistentIterations
        return state
    }

    public static func solution(of state: BinPackingSearchState, _ instance: BinPackingInstance, _ context: Context) -> BinPackingSolution {
        state.solution
    }

    public static func encode(_ solution: BinPackingSolution, _ instance: BinPackingInstance, _ context: Context) -> JSONValue {
        .object(["bins": .array(solution.bins.map { .array($0.map { .int($0) }) })])
    }

    public static func decode(_ value: JSONValue, _ instance: BinPackingInstance, _ context: Context) throws -> BinPackingSolution {
        guard case .array(let rows)? = value["bins"] else { throw ProblemError("expected \"bins\": an array of arrays of item indices") }
        let n = instance.weights.count
        var bins: [[Int]] = []
        for (b, row) in rows.enumerated() {
            guard let items = row.intArray else { throw ProblemError("\"bins\"[\(b)] must be an array of item indices (integers)") }
            if let k = items.firstIndex(where: { $0 < 0 || $0 >= n }) {
                throw ProblemError("\"bins\"[\(b)][\(k)] is \(items[k]): items are numbered 0…\(n - 1) in file order")
            }
            bins.append(items)
        }
        return BinPackingSolution(bins: bins)
    }

    public static func solutionFile(_ solution: BinPackingSolution, _ instance: BinPackingInstance, _ context: Context,
                                    record: SolveRecord) -> String {
        let object: JSONValue = .object(["problem": .string(name), "instance": .string(record.instance),
                                         "bins_used": .int(solution.binCount),
                                         "bins": encode(solution, instance, context)["bins"] ?? .null])
        return object.jsonString() + "\n"
    }

    public static func svg(_ solution: BinPackingSolution, _ instance: BinPackingInstance, _ context: Context,
                           record: SolveRecord, title: String) -> String? {
        BinPackingSVG.render(instance, solution: solution, title: title)
    }

    public static let generatorParameters = [
        GeneratorParameter("items", "number of items", integer: 1...10_000_000, default: 120),
        GeneratorParameter("capacity", "bin capacity", integer: 1...Int(Int32.max), default: 150),
        GeneratorParameter("min-weight", "smallest item weight", integer: 1...Int(Int32.max), default: 20),
        GeneratorParameter("max-weight", "largest item weight", integer: 1...Int(Int32.max), default: 100),
    ]

    public static func generate(_ values: GeneratorValues) throws -> String {
        let (items, capacity) = (values.int("items"), values.int("capacity"))
        let (low, high) = (values.int("min-weight"), values.int("max-weight"))
        guard low <= high, high <= capacity else {
            throw ProblemError("weights must satisfy 1 ≤ --min-weight ≤ --max-weight ≤ --capacity")
        }
        let name = values.name ?? "u\(items)c\(capacity)s\(values.seed)"
        return BinPackingWriter.bpplib(BinPackingGenerator.uniform(items: items, capacity: capacity, minWeight: low,
                                                                   maxWeight: high, seed: values.seed, name: name))
    }

    /// Sizes are numbers of items.
    public static func trainingEnvironment(_ settings: TrainingSettings, instances: [BinPackingInstance]) throws -> any TrainingEnvironment {
        var environment = BinPackingTrainingEnvironment()
        if let minSize = settings.minSize { environment.minItems = minSize }
        if let maxSize = settings.maxSize { environment.maxItems = maxSize }
        if let work = settings.workPerUnit { environment.workPerItem = work }
        environment.instances = instances
        return environment
    }

    public static func bundledPolicy() throws -> PolicyWeights { try BinPackingBundledPolicy.weights() }

    public static func llmTask(_ instance: BinPackingInstance, _ context: Context) -> LLMOrderTask<BinPackingSolution> {
        LLMOrderTask(
            mode: "item-order", system: BinPackingLLMPrompt.system(), user: BinPackingLLMPrompt.user(instance),
            count: BinPackingLLMPrompt.answerCount(instance),
            complete: { kept, missing in
                let order = BinPackingLLMPrompt.itemOrder(instance, answer: kept + missing)
                let solution = BinPackingOrderDecoder.solution(instance, itemOrder: order)
                try BinPackingValidation.check(solution, instance: instance)
                return solution
            },
            fallback: { seed in
                var rng = SeededGenerator(seed: seed)
                return BinPackingPrior.default.construct(instance, rng: &rng)
            })
    }

    public static let exactModel = "arc-flow model (Valério de Carvalho), the heuristic packing as incumbent"

    public static func solveExactly(_ instance: BinPackingInstance, _ context: Context, incumbent: BinPackingSolution?,
                                    timeLimit: Double, verbose: Bool) throws -> ExactOutcome<BinPackingSolution> {
        let start = incumbent ?? { var rng = SeededGenerator(seed: 1); return BinPackingPrior.default.construct(instance, rng: &rng) }()
        let result = try BinPackingExactSolver.solve(instance, incumbent: start, timeLimit: timeLimit, verbose: verbose)
        return ExactOutcome(status: SolveStatus(result.status), solution: result.solution, bound: Double(result.bound),
                            error: result.status.errorMessage)
    }
}
