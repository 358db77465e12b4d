import Foundation
import HunchCore
import HunchLLM
import HunchTSP

/// Joins the TSP prompt and repair (HunchTSP) with the chat client (HunchLLM): asks the model for
/// a first tour, repairs it, and falls back to the default prior with a one-line warning when
/// the model is unreachable, slow or wrong (unless --require-llm).
enum TSPLLMStart {
    static func tour(instance: TSPInstance, candidates: CandidateLists, options: SearchOptions,
                     commandStart: Double, clock: any SearchClock) throws -> (tour: [Int], report: JSONValue) {
        let llm = try LLMStart.prior(options: options, commandStart: commandStart, clock: clock)
        let tsp = TSPLLMPrior(instance: instance, candidates: candidates, options: TSPLLMOptions())
        guard let prompt = tsp.prompt else {
            let reason = tsp.unavailableReason ?? "no prompt for this instance"
            if options.requireLlm { throw CLIError("LLM prior required but not usable: \(reason)") }
            warn("LLM prior: \(reason); using \(TSPPrior.default.rawValue)")
            return (tsp.fallbackTour(), .object(["fallback_reason": .string(reason), "fallback_prior": .string(TSPPrior.default.rawValue)]))
        }
        let task = LLMPermutationTask(mode: prompt.mode.rawValue, messages: [.system(prompt.system), .user(prompt.user)],
                                      schema: prompt.schema, schemaName: prompt.schemaName, count: prompt.count,
                                      firstID: prompt.firstID, maxTokens: prompt.maxTokens)
        do {
            let (tour, report) = try llm.permutation(for: task, fallbackName: TSPPrior.default.rawValue,
                                                     complete: { try tsp.complete(order: $0.kept) },
                                                     fallback: { tsp.fallbackTour() })
            if let warning = report.warning { FileHandle.standardError.write(Data((warning + "\n").utf8)) }
            return (tour, report.jsonValue)
        } catch {
            throw CLIError("\(error)")
        }
    }

    private static func warn(_ message: String) {
        FileHandle.standardError.write(Data("warning: \(message)\n".utf8))
    }
}
