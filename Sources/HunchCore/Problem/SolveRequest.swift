/// The settings of one solve, whatever the family (the command line's search flags).
public struct SolveSettings: Sendable {
    public var seed: UInt64 = 1
    /// A prior's name, `llm`, `llm-choice`, or nil for the family's default.
    public var prior: String?
    /// A policy name or weights file, or nil for the family's default.
    public var policy: String?
    /// An acceptance rule, or nil for the family's default.
    public var acceptance: Acceptance?
    /// The wall-clock limit of the whole command (nil: a step limit alone).
    public var timeLimit: Double?
    public var maxSteps: Int?
    /// Compute a bound that costs search time (TSP's Held–Karp) when no optimum is known.
    public var bound = true
    public var familyOptions = FamilyOptions()
    /// Fail rather than fall back when the language model is unusable.
    public var requireLanguageModel = false
    /// Independent searches run side by side, the best kept (MultiStart.swift).
    public var threads = 1

    public init() {}
}

/// One solve, as the commands ask for it.
public struct SolveRequest {
    public var path: String
    public var settings: SolveSettings
    /// A starting solution file (the family's format or a JSON result); the answer is never worse.
    public var initialPath: String?
    /// A starting solution as a JSON result's `solution` object (bench and exact pass their best).
    public var initialSolution: JSONValue?
    /// Fail before the search when the instance cannot be drawn (`--svg`).
    public var requireDrawing = false
    /// Only the prior, no search (bench rows that measure a prior alone).
    public var priorOnly = false
    /// Start of the whole command on `stop.clock`: the time limit covers reading and writing.
    public var commandStart: Double
    public var stop: StopCondition
    /// The best value known from outside (a manifest), if any.
    public var known: KnownValue?
    /// Makes the progress observer once the reference value (known optimum) is known.
    public var progress: ((Double?) -> SearchObserver?)?
    /// The language model for `--prior llm` and `llm-choice`, given the seconds it may take.
    public var languageModel: ((Double?) throws -> any LanguageModelPrior)?

    public init(path: String, settings: SolveSettings, commandStart: Double, stop: StopCondition) {
        self.path = path
        self.settings = settings
        self.commandStart = commandStart
        self.stop = stop
    }
}

/// What a solve produced: the public record, and the typed pieces to write and draw it.
public struct SolveOutcome<P: Problem> {
    public var record: SolveRecord
    public var instance: P.Instance
    public var context: P.Context
    /// Nil only when an exact solver found none.
    public var solution: P.Solution?
    /// True when the record's `knownOptimum` is a proven optimum, not just the best published.
    public var knownIsProven: Bool
}

/// A language model as the pipeline uses it: an order of ids for `--prior llm`, a choice of
/// prior for `--prior llm-choice`. Implemented with HunchLLM by the command line.
public protocol LanguageModelPrior {
    /// The model's order turned into a solution by `task.complete`, or `task.fallback()` with a
    /// warning; the report is the record's `details.llm`.
    func order<Solution>(_ task: LLMOrderTask<Solution>, fallbackName: String) throws -> (Solution, LanguageModelReport)
    /// The name of the prior the model picked from `menu` (or the menu's default).
    func choose(_ menu: LLMChoiceMenu) throws -> (String, LanguageModelReport)
}

/// What the model did, for the record.
public struct LanguageModelReport: Sendable {
    public var usedModel: Bool
    public var fallbackPrior: String?
    public var json: JSONValue

    public init(usedModel: Bool, fallbackPrior: String?, json: JSONValue) {
        self.usedModel = usedModel
        self.fallbackPrior = fallbackPrior
        self.json = json
    }

    /// The record's `prior` when the model was asked for a start: `llm`, or `llm-fallback:NAME`.
    public var orderLabel: String {
        usedModel ? "llm" : fallbackPrior.map { "llm-fallback:\($0)" } ?? "llm-fallback"
    }
}
