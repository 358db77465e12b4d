import ArgumentParser
import Foundation
import HunchCore

/// Options shared by every command that runs a search (solve, batch, bench).
struct SearchOptions: ParsableArguments {
    @Option(name: .long, help: "Wall-clock limit in seconds for the whole command (solve) or per instance (batch); default 10 unless --max-steps is given.")
    var timeLimit: Double?

    @Option(name: .long, help: "Stop after this many search steps (with a seed: reproducible).")
    var maxSteps: Int?

    @Option(name: .long, help: "Construction heuristic giving the first solution (tsp: greedy, nearest-neighbour, space-filling-curve, farthest-insertion, cheapest-insertion, random), or llm (the model proposes a solution), or llm-choice (the model picks one of the family's heuristics).")
    var prior: String?

    @Option(name: .long, help: "LLM prior: the server's base URL, as OpenAI clients take it (else $HUNCH_LLM_URL, else http://127.0.0.1:8811/v1).")
    var llmURL: String?

    @Option(name: .long, help: "LLM prior: the model name (else $HUNCH_LLM_MODEL).")
    var llmModel: String?

    @Option(name: .long, help: "LLM prior: the API key (better: $HUNCH_LLM_API_KEY, which stays out of shell history). Never printed.")
    var llmApiKey: String?

    @Option(name: .long, help: "LLM prior: seconds per request attempt (else $HUNCH_LLM_TIMEOUT).")
    var llmTimeout: Double?

    @Flag(name: .long, help: "LLM prior: ask the model even when its reply to the same prompt is cached.")
    var noCache = false

    @Flag(name: .long, help: "LLM prior: fail instead of falling back to the default prior when the model is unusable.")
    var requireLlm = false

    @Option(name: .long, help: "Operator-selection policy: \(NamedPolicy.names.joined(separator: ", ")), or a weights file (.json) from `hunch train`; default: the family's (tsp: learned from 150 nodes, else roulette).")
    var policy: String?

    @Option(name: .long, help: "Trial acceptance: better (no worse than current) or threshold[:fraction]; default: the family's (tsp, jobshop: better; binpacking: threshold:0.002; packing3d: threshold:0.02).")
    var acceptance: String?

    @Flag(name: .long, inversion: .prefixedNo, help: "Compute a lower bound (TSP: Held–Karp) when no optimum is known, for a proven gap.")
    var bound = true

    @Option(name: .long, help: "Random seed; the same seed, input and --max-steps give the same answer.")
    var seed: UInt64 = 1

    @Option(name: .long, help: "packing3d only: volume (the most volume in one container; default) or containers (every box, in as few containers as possible).")
    var objective: String?

    @Option(name: .long, help: "Force the problem family instead of detecting it (tsp).")
    var problem: String?

    func validate() throws {
        if let timeLimit, !(timeLimit > 0 && timeLimit.isFinite) {
            throw ValidationError("--time-limit must be a positive number of seconds")
        }
        if let maxSteps, maxSteps < 0 { throw ValidationError("--max-steps must be ≥ 0") }
        if let policy, !(NamedPolicy.names.contains(policy) || policy.hasSuffix(".json")) {
            throw ValidationError("unknown --policy '\(policy)'; expected one of: \(NamedPolicy.names.joined(separator: ", ")), or a weights file ending in .json")
        }
        if let objective, !["volume", "containers"].contains(objective) {
            throw ValidationError("unknown --objective '\(objective)'; expected volume or containers (packing3d)")
        }
        if let acceptance, Acceptance(name: acceptance) == nil {
            throw ValidationError("unknown --acceptance '\(acceptance)'; expected better, threshold or threshold:FRACTION")
        }
    }

    /// The policy named by --policy, else the family's default (`learned` only where the trained
    /// policy won the family's evaluation: TSP), checked against the family (see `PolicyChoice`).
    func makePolicy(family: String, operators: [String], featureCount: Int, defaultPolicy: String = "roulette",
                    bundled: () throws -> PolicyWeights) throws -> NamedPolicy {
        try PolicyChoice.make(policy ?? defaultPolicy, family: family, operators: operators,
                              featureCount: featureCount, bundled: bundled)
    }

    /// The acceptance rule named by --acceptance, else the family's own default.
    func makeAcceptance(default familyDefault: Acceptance) -> Acceptance {
        acceptance.flatMap { Acceptance(name: $0) } ?? familyDefault
    }

    /// The wall-clock limit in force: --time-limit, else 10 s unless a step limit was given
    /// (a step limit alone keeps runs reproducible).
    var effectiveTimeLimit: Double? { timeLimit ?? (maxSteps == nil ? 10 : nil) }
}
