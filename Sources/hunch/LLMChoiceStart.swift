import Foundation
import HunchCore
import HunchLLM

/// `--prior llm-choice`: a decision small enough for a weak model. The model picks one of the
/// family's construction heuristics, described in words with the instance's shape; that prior
/// then builds the first solution. Falls back to the family's default prior (with a warning) when
/// the model is unusable, unless --require-llm.
extension FamilyRunner {
    static func solveResolvingChoice(_ request: SolveRequest) throws -> FamilyRun {
        guard request.options.prior == "llm-choice" else { return try solve(request) }
        let menu = try choiceMenu(path: request.path)
        let llm = try LLMStart.prior(options: request.options, commandStart: request.commandStart, clock: request.stop.clock)
        let name: String
        let report: LLMPriorReport
        do {
            (name, report) = try llm.choose(menu)
        } catch {
            throw CLIError("\(error)")
        }
        if let warning = report.warning { FileHandle.standardError.write(Data((warning + "\n").utf8)) }
        var chosen = request
        chosen.options.prior = name
        var run = try solve(chosen)
        run.record.prior = report.usedModel ? "llm-choice:\(name)" : "llm-fallback:\(name)"
        var details = run.record.details ?? [:]
        details["llm"] = report.jsonValue
        run.record.details = details
        return run
    }

    /// The family's priors as a menu for the model: names, what each does, and the instance.
    static func choiceMenu(path: String) throws -> LLMChoice {
        let options = benchPriorNames.map { LLMChoice.Option(name: $0, description: priorDescriptions[$0] ?? $0) }
        return LLMChoice(context: "A \(family) instance of size \(try size(path: path)) (\(sizeUnit)).",
                         options: options, defaultOption: defaultPriorName)
    }
}
