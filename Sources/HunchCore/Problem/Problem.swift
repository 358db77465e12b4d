/// A problem family, declared once in its own module: everything the generic pipeline
/// (`SolvePipeline`) and the command line need to go from a file to a validated, recorded result.
///
/// The shape follows "a solver is a function" (job_shop_lib) and PyVRP's `solve(data, stop, seed)`:
/// a family supplies pure functions over its own value types; the pipeline owns the budget, the
/// start (warm start, prior, language model), the policy, the search, the stop at a proven target,
/// validation, the typed status, the gap and the JSON record — once, for every family.
///
/// Conventions: `objective` is in the family's natural unit (tour length, makespan, bins, volume %),
/// `sense` says whether it is minimised or maximised. The search state's own `objective` is always
/// minimised; `searchTarget` maps a natural target to it.
public protocol Problem {
    associatedtype Instance
    associatedtype Solution
    associatedtype State: SearchState
    /// What a solve derives once from the instance and the family's options: candidate lists, the
    /// support rule, an objective variant. `Void`-like families use `NoContext`.
    associatedtype Context

    // MARK: Identity

    /// The family's one name: CLI name, JSON `problem`, manifest family (`tsp`, `jobshop`, …).
    static var name: String { get }
    /// Other names accepted for it (manifest columns such as `jssp`).
    static var aliases: [String] { get }
    /// One line for help texts: what the family is and which files it reads.
    static var summary: String { get }
    /// What the objective measures, in a word or two ("length", "makespan").
    static var objectiveName: String { get }
    /// What `size` counts ("cities", "operations", "items", "boxes").
    static var sizeUnit: String { get }
    /// The kind of file `--out` writes ("TSPLIB .tour", "JSON schedule").
    static var solutionFileKind: String { get }

    // MARK: Files

    /// True when a file with this extension (lower case, no dot) and these first bytes holds an
    /// instance of this family. Families are asked in registry order.
    static func recognises(fileExtension: String, head: String) -> Bool
    /// File extensions that may hold this family's instances (for folders in `batch`/`bench`).
    static var fileExtensions: [String] { get }
    /// Reads an instance; bad input throws an error that names the file and line.
    static func read(path: String) throws -> Instance
    /// The instances a file holds, as addresses `read` takes (a thpack file: `FILE#1` … `FILE#P`).
    static func addresses(inFile path: String) throws -> [String]
    static func instanceName(_ instance: Instance) -> String
    static func size(_ instance: Instance) -> Int
    /// "52 nodes", "6 jobs × 6 machines": the instance in words for the report's first line.
    static func describe(_ instance: Instance) -> String
    /// An optimum the file itself states (TSPLIB COMMENT), never trusted as proven.
    static func statedOptimum(_ instance: Instance) -> Double?

    // MARK: Solving

    /// The values `--objective` takes, the default first; empty when the family has one objective.
    static var objectiveVariants: [String] { get }
    /// The values `--support` takes, the default first; empty when the family has no support rule.
    static var supportVariants: [String] { get }
    /// Family options (`--objective`, …) and the instance give the solve's context.
    static func context(_ instance: Instance, options: FamilyOptions) throws -> Context
    /// The same within the command's limit: a family whose context is long to build (TSP's
    /// candidate lists on a million nodes) watches `stop` and throws `PreparationStopped` when
    /// it says stop; by default, `context(_:options:)`.
    static func context(_ instance: Instance, options: FamilyOptions, stop: StopCondition) throws -> Context
    static func sense(_ context: Context) -> ObjectiveSense
    /// False when a manifest's known value measures something else than this context's objective.
    static func knownValueApplies(_ context: Context) -> Bool
    static func defaultAcceptance(_ context: Context) -> Acceptance
    /// The policy used when none is named (`roulette`, or `learned` where it won its evaluation).
    static func defaultPolicy(_ instance: Instance) -> String

    /// The construction heuristics, in the order menus list them.
    static var priors: [PriorInfo] { get }
    static var defaultPrior: String { get }
    /// Builds a first solution with the named prior; returns it and the prior's effective name.
    static func construct(prior: String, _ instance: Instance, _ context: Context,
                          rng: inout SeededGenerator, stop: StopCondition) -> (solution: Solution, label: String)

    /// Independent check of a solution, not sharing code with the search.
    static func validate(_ solution: Solution, _ instance: Instance, _ context: Context) throws
    /// Every reason the solution is infeasible, one sentence each (empty: feasible), for `hunch
    /// check`, where a planner wants the whole list at once rather than the first problem. The
    /// default is `validate`'s one error; families list them all.
    static func violations(_ solution: Solution, _ instance: Instance, _ context: Context) -> [String]
    static func objective(_ solution: Solution, _ instance: Instance, _ context: Context) -> Double
    /// What the search's answer leaves undone because no feasible solution was found (a fleet
    /// too small for the windows), in words, or nil. The solve then fails with it — a property
    /// of the instance — instead of with an invalid answer.
    static func shortfall(_ solution: Solution, _ instance: Instance, _ context: Context) -> String?
    /// A bound (lower when minimising, upper when maximising), or nil. `budget` (seconds) is nil
    /// without a time limit; `incumbent` is the best objective known, which some bounds aim at.
    /// `boundIsCheap` says whether it is negligible next to the search (else it costs search time).
    static func bound(_ instance: Instance, _ context: Context, budget: Double?, incumbent: Double?,
                      stop: StopCondition) -> Double?
    static var boundIsCheap: Bool { get }
    /// The bound's name in reports (`held-karp`); the family's name by default.
    static var boundName: String { get }

    // MARK: Search

    static var operatorNames: [String] { get }
    static var featureCount: Int { get }
    static func makeState(_ instance: Instance, start: Solution, _ context: Context, rng: inout SeededGenerator) -> State
    static func solution(of state: State, _ instance: Instance, _ context: Context) -> Solution
    /// The search state's objective that proves `target` (natural units) reached, or nil.
    static func searchTarget(_ target: Double, _ instance: Instance, _ context: Context) -> Double?
    /// Family facts for the record's `details` (boxes placed, support rule…).
    static func details(_ solution: Solution, _ instance: Instance, _ context: Context) -> [String: JSONValue]

    // MARK: Interchange

    /// The record's `solution` object (docs/commands.md).
    static func encode(_ solution: Solution, _ instance: Instance, _ context: Context) -> JSONValue
    /// The inverse of `encode` (also reads a JSON result's `solution`). It checks the structure
    /// only (the shape, ids that exist, numbers that cannot overflow) and names the JSON path of
    /// what is wrong; feasibility is `validate`'s and `violations`' job, so that `hunch check` can
    /// read an infeasible plan and list what is wrong with it.
    static func decode(_ value: JSONValue, _ instance: Instance, _ context: Context) throws -> Solution
    /// The family's own solution file (`--out`).
    static func solutionFile(_ solution: Solution, _ instance: Instance, _ context: Context, record: SolveRecord) -> String
    /// Reads `--initial` and `hunch check`'s solution: the family's own file, or any JSON holding
    /// `encode`'s object. Like `decode`, structure only; errors name the file and line.
    static func readSolution(path: String, _ instance: Instance, _ context: Context) throws -> Solution
    /// A picture of the solution, or nil when the instance has nothing to draw.
    static func svg(_ solution: Solution, _ instance: Instance, _ context: Context, record: SolveRecord, title: String) -> String?
    /// Why `svg` will return nil for this instance, checked before the search; nil when it can draw.
    static func cannotDraw(_ instance: Instance) -> String?

    // MARK: Generation and learning

    static var generatorParameters: [GeneratorParameter] { get }
    /// A random instance in the family's standard format.
    static func generate(_ values: GeneratorValues) throws -> String
    static func trainingEnvironment(_ settings: TrainingSettings, instances: [Instance]) throws -> any TrainingEnvironment
    /// The trained policy shipped with the family (`--policy learned`); throws when none is.
    static func bundledPolicy() throws -> PolicyWeights

    // MARK: Language model

    /// The question for `--prior llm` as plain data (the family stays free of HunchLLM).
    static func llmTask(_ instance: Instance, _ context: Context) -> LLMOrderTask<Solution>
    /// The instance in a sentence for `--prior llm-choice`'s menu.
    static func llmChoiceContext(_ instance: Instance, _ context: Context) -> String
}

/// The empty context of families that need none.
public struct NoContext: Sendable { public init() {} }

/// Thrown by a family's `context(_:options:stop:)` when the stop condition ended it: the pipeline
/// then says that the instance could not be prepared within the limit.
public struct PreparationStopped: Error, Sendable {
    public init() {}
}

extension Problem {
    public static func context(_ instance: Instance, options: FamilyOptions, stop: StopCondition) throws -> Context {
        try context(instance, options: options)
    }
    public static var aliases: [String] { [] }
    public static var objectiveVariants: [String] { [] }
    public static var supportVariants: [String] { [] }
    public static func addresses(inFile path: String) throws -> [String] { [path] }
    public static func statedOptimum(_ instance: Instance) -> Double? { nil }
    public static func sense(_ context: Context) -> ObjectiveSense { .minimise }
    public static func knownValueApplies(_ context: Context) -> Bool { true }
    public static func defaultPolicy(_ instance: Instance) -> String { "roulette" }
    public static var boundIsCheap: Bool { true }
    public static var boundName: String { name }
    public static func searchTarget(_ target: Double, _ instance: Instance, _ context: Context) -> Double? { target }
    public static func details(_ solution: Solution, _ instance: Instance, _ context: Context) -> [String: JSONValue] { [:] }
    public static func cannotDraw(_ instance: Instance) -> String? { nil }
    public static func readSolution(path: String, _ instance: Instance, _ context: Context) throws -> Solution {
        try decode(SolutionJSON.solutionObject(path: path), instance, context)
    }
    public static func shortfall(_ solution: Solution, _ instance: Instance, _ context: Context) -> String? { nil }
    public static func violations(_ solution: Solution, _ instance: Instance, _ context: Context) -> [String] {
        do { try validate(solution, instance, context) } catch { return ["\(error)"] }
        return []
    }
    /// A start the user gave (`--initial`): read, then refused unless feasible, with its file
    /// named, `validate`'s message and how many more violations `hunch check` would list.
    public static func readFeasibleSolution(path: String, _ instance: Instance, _ context: Context) throws -> Solution {
        let solution = try SolutionJSON.naming(path) { try readSolution(path: path, instance, context) }
        do { try validate(solution, instance, context) } catch {
            let count = violations(solution, instance, context).count
            let more = count > 1 ? " (and \(count - 1) more; hunch check lists them)" : ""
            throw ProblemError("\(path): \(error)\(more)")
        }
        return solution
    }
    public static func llmChoiceContext(_ instance: Instance, _ context: Context) -> String {
        "A \(name) instance of size \(size(instance)) (\(sizeUnit))."
    }
    /// The prior's description, for menus.
    public static func prior(named name: String) -> PriorInfo? { priors.first { $0.name == name } }
}

extension Problem where Context == NoContext {
    public static func context(_ instance: Instance, options: FamilyOptions) throws -> NoContext { NoContext() }
}
