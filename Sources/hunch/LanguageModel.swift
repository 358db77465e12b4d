import Foundation
import HunchCore
import HunchLLM

/// The pipeline's language model (`LanguageModelPrior`) made of HunchLLM's client, configured from
/// the command line and the environment, within the seconds the pipeline allows, with the
/// one-line fallback warning on standard error.
struct LanguageModel: LanguageModelPrior {
    let prior: LLMPrior

    init(options: SearchOptions, seconds: Double?) throws {
        var overrides = LLMConfiguration.Overrides(url: options.llmURL, model: options.llmModel, apiKey: options.llmApiKey,
                                                   requestTimeout: options.llmTimeout)
        if let seconds {
            overrides.totalTimeout = seconds
            overrides.requestTimeout = min(options.llmTimeout ?? .infinity, seconds)
        }
        let configuration: LLMConfiguration
        do {
            configuration = try LLMConfiguration.fromEnvironment(overrides: overrides)
        } catch {
            throw CLIError("LLM prior: \(error)")
        }
        prior = LLMPrior(client: ChatClient(configuration: configuration),
                         cache: options.noCache ? nil : ReplyCache(directory: ReplyCache.defaultDirectory()),
                         requireLLM: options.requireLlm)
    }

    func order<Solution>(_ task: LLMOrderTask<Solution>, fallbackName: String) throws -> (Solution, LanguageModelReport) {
        let question = LLMPermutationTask(
            mode: task.mode, messages: [.system(task.system), .user(task.user)],
            schema: task.schema ?? LLMPermutationTask.orderSchema(count: task.count), schemaName: task.schemaName,
            count: task.count, firstID: task.firstID, maxTokens: task.maxTokens ?? 6 * task.count + 32)
        do {
            let (solution, report) = try prior.permutation(for: question, fallbackName: fallbackName,
                                                           complete: { try task.complete($0.kept, $0.missing) },
                                                           fallback: { task.fallback(task.seed) })
            warn(report.warning)
            return (solution, LanguageModelReport(usedModel: report.usedModel, fallbackPrior: report.fallbackPrior,
                                                  json: report.jsonValue))
        } catch {
            throw CLIError("\(error)")
        }
    }

    func choose(_ menu: LLMChoiceMenu) throws -> (String, LanguageModelReport) {
        let choice = LLMChoice(context: menu.context,
                               options: menu.options.map { LLMChoice.Option(name: $0.name, description: $0.description) },
                               defaultOption: menu.defaultOption)
        do {
            let (name, report) = try prior.choose(choice)
            warn(report.warning)
            return (name, LanguageModelReport(usedModel: report.usedModel, fallbackPrior: report.fallbackPrior,
                                              json: report.jsonValue))
        } catch {
            throw CLIError("\(error)")
        }
    }

    private func warn(_ warning: String?) {
        if let warning { FileHandle.standardError.write(Data((warning + "\n").utf8)) }
    }
}
