import ArgumentParser
import Foundation
import HunchCore

/// Options shared by every command that runs a search (solve, batch, bench).
struct SearchOptions: ParsableArguments {
    @Option(name: .long, parsing: .unconditional,
            help: "Wall-clock limit in seconds for the whole command (solve) or per instance (batch); default 10 unless --max-steps is given.",
            transform: NumberArgument.seconds)
    var timeLimit: Double?

    @Option(name: .long, parsing: .unconditional, help: "Stop after this many search steps (with a seed: reproducible).")
    var maxSteps: Int?

    @Option(name: .long, help: ArgumentHelp("Construction heuristic giving the first solution, or llm (the model proposes a solution), or llm-choice (the model picks one of the family's heuristics). The family's priors, default first: " + Families.all.map { "\($0.name): \($0.priorNames.joined(separator: ", "))" }.joined(separator: "; ") + "."))
    var prior: String?

    @Option(name: .long, help: "LLM prior: the server's base URL, as OpenAI clients take it (else $HUNCH_LLM_URL, else http://127.0.0.1:8811/v1).")
    var llmURL: String?

    @Option(name: .long, help: "LLM prior: the model name (else $HUNCH_LLM_MODEL).")
    var llmModel: String?

    @Option(name: .long, help: "LLM prior: the API key (better: $HUNCH_LLM_API_KEY, which stays out of shell history). Never printed.")
    var llmApiKey: String?

    @Option(name: .long, parsing: .unconditional, help: "LLM prior: seconds per request attempt (else $HUNCH_LLM_TIMEOUT).",
            transform: NumberArgument.seconds)
    var llmTimeout: Double?

    @Flag(name: .long, help: "LLM prior: ask the model even when its reply to the same prompt is cached.")
    var noCache = false

    @Flag(name: .long, help: "LLM prior: fail instead of falling back to the default prior when the model is unusable.")
    var requireLlm = false

    @Option(name: .long, help: "Operator-selection policy: \(NamedPolicy.names.joined(separator: ", ")), or a weights file (.json) from `hunch train`; default: the family's (docs/commands.md says which).")
    var policy: String?

    @Option(name: .long, help: "Trial acceptance: better (no worse than current), threshold[:fraction] (within a fraction of the best) or anneal:START:END (a threshold falling from START to END over the budget); default: the family's (docs/commands.md lists them).")
    var acceptance: String?

    @Flag(name: .long, inversion: .prefixedNo, help: "Compute a bound that costs search time (where a family has one) when no optimum is known, for a proven gap.")
    var bound = true

    @Option(name: .long, parsing: .unconditional, help: "Random seed; the same seed, input and --max-steps give the same answer.", transform: NumberArgument.seed)
    var seed: UInt64 = 1

    @Option(name: .long, help: "The family's objective variant where it has several (packing3d: volume, the default, or containers: every box in as few containers as possible).")
    var objective: String?

    @Option(name: .long, help: "packing3d: full (the default: every box rests on the floor or on boxes) or none (boxes may rest at any height).")
    var support: String?

    @Option(name: .long, help: "Force the problem family instead of detecting it (hunch --help lists them).")
    var problem: String?

    func validate() throws {
        if let timeLimit, !(timeLimit > 0 && timeLimit.isFinite) {
            throw ValidationError("--time-limit must be a positive number of seconds")
        }
        if let maxSteps, maxSteps < 0 { throw ValidationError("--max-steps must be a number of steps ≥ 0, found \(maxSteps)") }
        if let policy, !(NamedPolicy.names.contains(policy) || policy.hasSuffix(".json")) {
            throw ValidationError("unknown --policy '\(policy)'; expected one of: \(NamedPolicy.names.joined(separator: ", ")), or a weights file ending in .json")
        }
        if let support, !["full", "none"].contains(support) {
            throw ValidationError("unknown --support '\(support)'; expected full or none")
        }
        if let acceptance, Acceptance(name: acceptance) == nil {
            throw ValidationError("unknown --acceptance '\(acceptance)'; expected better, threshold, threshold:FRACTION or anneal:START:END")
        }
    }

    /// The settings of the pipeline, as these flags give them.
    var settings: SolveSettings {
        var settings = SolveSettings()
        settings.seed = seed
        settings.prior = prior
        settings.policy = policy
        settings.acceptance = acceptance.flatMap { Acceptance(name: $0) }
        settings.timeLimit = effectiveTimeLimit
        settings.maxSteps = maxSteps
        settings.bound = bound
        settings.familyOptions = FamilyOptions(objective: objective, support: support)
        settings.requireLanguageModel = requireLlm
        return settings
    }

    /// A solve of `path` with these flags; the language model is made only if a prior asks for it.
    func request(path: String, commandStart: Double, stop: StopCondition) -> SolveRequest {
        var request = SolveRequest(path: path, settings: settings, commandStart: commandStart, stop: stop)
        let options = self
        request.languageModel = { seconds in try LanguageModel(options: options, seconds: seconds) }
        return request
    }

    /// The wall-clock limit in force: --time-limit, else 10 s unless a step limit was given
    /// (a step limit alone keeps runs reproducible).
    var effectiveTimeLimit: Double? { timeLimit ?? (maxSteps == nil ? 10 : nil) }
}
