import Foundation
import HunchCore
import HunchLLM

/// Joins a family's prompt (from its module) with the chat client (HunchLLM): the client set up
/// from flags and environment, within the command's budget, and the one-line fallback warning.
enum LLMStart {
    /// The LLM prior as the command line configured it. The model may use at most half of what
    /// is left of the command's time limit.
    static func prior(options: SearchOptions, commandStart: Double, clock: any SearchClock) throws -> LLMPrior {
        var overrides = LLMConfiguration.Overrides(url: options.llmURL, model: options.llmModel, apiKey: options.llmApiKey,
                                                   requestTimeout: options.llmTimeout)
        if let limit = options.effectiveTimeLimit {
            overrides.totalTimeout = max(0.1, (commandStart + limit - clock.now()) * 0.5)
            overrides.requestTimeout = min(options.llmTimeout ?? .infinity, overrides.totalTimeout!)
        }
        let configuration: LLMConfiguration
        do {
            configuration = try LLMConfiguration.fromEnvironment(overrides: overrides)
        } catch {
            throw CLIError("LLM prior: \(error)")
        }
        return LLMPrior(client: ChatClient(configuration: configuration),
                        cache: options.noCache ? nil : ReplyCache(directory: ReplyCache.defaultDirectory()),
                        requireLLM: options.requireLlm)
    }

    /// The `prior` of a result whose start the LLM prior was asked for: `llm` when the model's
    /// answer was used, else `llm-fallback:NAME` (the heuristic prior that replaced it).
    static func priorLabel(_ report: JSONValue) -> String {
        if case .bool(true)? = report["used_model"] { return "llm" }
        if case .string(let name)? = report["fallback_prior"] { return "llm-fallback:\(name)" }
        return "llm-fallback"
    }

    /// Asks for an order of `count` things (numbered 1…count in the prompt) and builds the
    /// family's solution from it: `complete` gets the ids the model gave, 0-based and in its order,
    /// then those it left out (in their natural order), and must return a valid solution.
    /// Falls back to `fallback` with a warning when the model is unusable (unless --require-llm).
    static func order<Solution>(mode: String, system: String, user: String, count: Int, fallbackName: String,
                                options: SearchOptions, commandStart: Double, clock: any SearchClock,
                                complete: ([Int]) throws -> Solution, fallback: () -> Solution) throws -> (Solution, JSONValue) {
        let llm = try prior(options: options, commandStart: commandStart, clock: clock)
        let task = LLMPermutationTask(mode: mode, messages: [.system(system), .user(user)],
                                      schema: LLMPermutationTask.orderSchema(count: count), schemaName: "order",
                                      count: count, firstID: 1, maxTokens: 6 * count + 32)
        do {
            let (solution, report) = try llm.permutation(for: task, fallbackName: fallbackName,
                                                         complete: { try complete($0.kept + $0.missing) },
                                                         fallback: fallback)
            if let warning = report.warning { FileHandle.standardError.write(Data((warning + "\n").utf8)) }
            return (solution, report.jsonValue)
        } catch {
            throw CLIError("\(error)")
        }
    }
}
