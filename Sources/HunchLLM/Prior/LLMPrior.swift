import Foundation
import HunchCore

/// A family's question to the model: a prompt whose answer is an order of the ids
/// `firstID ..< firstID + count` (cities, clusters, jobs…).
public struct LLMPermutationTask: Sendable, Equatable {
    /// What is being ordered, for the report: `order`, `cluster-order`, …
    public var mode: String
    public var messages: [ChatMessage]
    /// JSON schema of the answer (nil: ask for free text).
    public var schema: JSONValue?
    public var schemaName: String
    public var count: Int
    public var firstID: Int
    public var maxTokens: Int?

    public init(mode: String, messages: [ChatMessage], schema: JSONValue? = nil, schemaName: String = "order",
                count: Int, firstID: Int = 0, maxTokens: Int? = nil) {
        self.mode = mode
        self.messages = messages
        self.schema = schema
        self.schemaName = schemaName
        self.count = count
        self.firstID = firstID
        self.maxTokens = maxTokens
    }
}

/// The LLM prior failed and the caller said it must not fall back (`--require-llm`).
public struct LLMPriorError: Error, Sendable, Equatable, CustomStringConvertible {
    public var reason: String
    public var report: LLMPriorReport

    public var description: String { "LLM prior required but not usable: \(reason)" }
}

/// The plumbing shared by every family's LLM prior: ask (through the cache), pull out the
/// answer, repair it generically, let the family complete and validate it, and fall back to the
/// family's default prior — with a report saying why — whenever anything goes wrong.
///
/// Never prints; the caller prints `report.warning` when it is set.
public struct LLMPrior: Sendable {
    public var client: ChatClient
    /// nil: always ask (`--no-cache`).
    public var cache: ReplyCache?
    /// Throw `LLMPriorError` instead of falling back (`--require-llm`).
    public var requireLLM: Bool

    public init(client: ChatClient, cache: ReplyCache? = nil, requireLLM: Bool = false) {
        self.client = client
        self.cache = cache
        self.requireLLM = requireLLM
    }

    /// Asks for an order and turns the answer into a solution.
    ///
    /// - Parameters:
    ///   - complete: builds the family's full solution from the repaired order (it inserts
    ///     `repair.missing` its own way) and throws if the result does not validate.
    ///   - fallback: the default prior's solution, used when the model's answer is unusable.
    /// - Returns: the solution and the report (`report.fallbackReason` set when the fallback
    ///   was used).
    public func permutation<Solution>(
        for task: LLMPermutationTask, fallbackName: String,
        complete: (PermutationRepair) throws -> Solution,
        fallback: () -> Solution
    ) throws -> (solution: Solution, report: LLMPriorReport) {
        var report = newReport(mode: task.mode, messages: task.messages, schema: task.schema)
        report.expected = task.count
        func giveUp(_ message: String) throws -> (solution: Solution, report: LLMPriorReport) {
            let reason = SecretRedaction.redact(message, secret: client.configuration.apiKey)
            report.fallbackReason = reason
            report.fallbackPrior = fallbackName
            if requireLLM { throw LLMPriorError(reason: reason, report: report) }
            return (fallback(), report)
        }

        let request = ChatRequest(messages: task.messages, schema: task.schema, schemaName: task.schemaName,
                                  maxTokens: task.maxTokens, temperature: client.configuration.temperature)
        let fetched: Fetched
        do {
            fetched = try fetch(request, into: &report)
        } catch let error as LLMError {
            return try giveUp(error.description)
        }
        guard let extraction = IntegerListExtractor.extract(from: fetched.content) else {
            return try giveUp("the reply holds no list of integers")
        }
        report.extraction = extraction.source.rawValue
        report.parsed = extraction.values.count
        let repair = PermutationRepair(values: extraction.values, count: task.count, firstID: task.firstID)
        report.kept = repair.kept.count
        report.duplicates = repair.duplicates
        report.outOfRange = repair.outOfRange
        report.missing = repair.missing.count
        guard !repair.kept.isEmpty else {
            return try giveUp("no valid id in the reply (\(repair.outOfRange) of \(repair.received) out of range)")
        }
        let solution: Solution
        do {
            solution = try complete(repair)
        } catch {
            return try giveUp("the repaired answer is invalid: \(error)")
        }
        remember(fetched, request: request, into: &report)
        return (solution, report)
    }

    /// Asks the model to pick one option; the default option when that fails.
    public func choose(_ choice: LLMChoice) throws -> (choice: String, report: LLMPriorReport) {
        var report = newReport(mode: choice.mode, messages: choice.messages, schema: choice.schema)
        report.expected = 1
        func giveUp(_ message: String) throws -> (choice: String, report: LLMPriorReport) {
            let reason = SecretRedaction.redact(message, secret: client.configuration.apiKey)
            report.fallbackReason = reason
            report.fallbackPrior = choice.defaultOption
            report.choice = choice.defaultOption
            if requireLLM { throw LLMPriorError(reason: reason, report: report) }
            return (choice.defaultOption, report)
        }
        let request = ChatRequest(messages: choice.messages, schema: choice.schema, schemaName: "choice",
                                  maxTokens: 64, temperature: client.configuration.temperature)
        let fetched: Fetched
        do {
            fetched = try fetch(request, into: &report)
        } catch let error as LLMError {
            return try giveUp(error.description)
        }
        guard let name = choice.parse(fetched.content) else {
            return try giveUp("the reply names none of the options")
        }
        report.parsed = 1
        report.kept = 1
        report.choice = name
        remember(fetched, request: request, into: &report)
        return (name, report)
    }

    // MARK: Asking through the cache

    private struct Fetched {
        var content: String
        var fromCache: Bool
        var finishReason: String?
        var responseFormat: String?
    }

    private func newReport(mode: String, messages: [ChatMessage], schema: JSONValue?) -> LLMPriorReport {
        var report = LLMPriorReport(mode: mode, model: client.configuration.model,
                                    url: client.configuration.chatCompletionsURL.absoluteString)
        report.messages = messages
        report.schemaRequested = schema != nil
        return report
    }

    /// The reply, from the cache or the server. Its content is free of the API key either way:
    /// the client redacts what the server sends, and an entry stored before redaction existed is
    /// redacted here.
    private func fetch(_ request: ChatRequest, into report: inout LLMPriorReport) throws -> Fetched {
        let model = client.configuration.model
        let key = client.configuration.apiKey
        if let cache, let entry = cache.lookup(ReplyCache.key(model: model, request: request, server: client.configuration.chatCompletionsURL.absoluteString)), entry.model == model {
            let content = SecretRedaction.redact(entry.content, secret: key)
            report.cached = true
            report.recordReply(content, redacting: key)
            report.finishReason = entry.finishReason
            report.responseFormat = entry.responseFormat
            return Fetched(content: content, fromCache: true, finishReason: entry.finishReason,
                           responseFormat: entry.responseFormat)
        }
        let start = ChatClient.now()
        do {
            let reply = try client.complete(request)
            report.latency = reply.latency
            report.attempts = reply.attempts
            report.recordReply(reply.content, redacting: key)
            report.finishReason = reply.finishReason
            report.responseFormat = reply.responseFormat
            return Fetched(content: reply.content, fromCache: false, finishReason: reply.finishReason,
                           responseFormat: reply.responseFormat)
        } catch {
            report.latency = ChatClient.now() - start
            throw error
        }
    }

    /// Caches a reply that proved usable (an unusable one is asked again next time).
    private func remember(_ fetched: Fetched, request: ChatRequest, into report: inout LLMPriorReport) {
        guard let cache, !fetched.fromCache else { return }
        let model = client.configuration.model
        do {
            // The whole reply (an order may be long), never the key.
            let content = SecretRedaction.redact(fetched.content, secret: client.configuration.apiKey)
            try cache.store(ReplyCache.Entry(model: model, content: content, finishReason: fetched.finishReason,
                                             responseFormat: fetched.responseFormat),
                            forKey: ReplyCache.key(model: model, request: request, server: client.configuration.chatCompletionsURL.absoluteString))
        } catch {
            report.cacheWarning = SecretRedaction.redact("reply not cached: \(error)", secret: client.configuration.apiKey)
        }
    }
}
