import Foundation
import HunchCore

/// Everything about one exchange with the model, for the result's `details.llm`: what was asked,
/// what came back, how much of it was usable, and — when the model's answer was not used — why.
public struct LLMPriorReport: Sendable, Equatable {
    /// `order`, `cluster-order`, `choice`, … (the family's name for what it asked).
    public var mode: String
    public var model: String
    /// The chat-completions URL (never the key).
    public var url: String
    public var messages: [ChatMessage] = []
    /// True when a JSON schema went with the request.
    public var schemaRequested = false
    /// The `response_format` form the server accepted (`json_schema`, `json_object`, `none`).
    public var responseFormat: String?
    /// The reply's text (nil when there was none), as `recordReply` keeps it: the API key
    /// redacted, and cut to `ReplyExcerpt.limit` characters with a note of the full length.
    public private(set) var rawReply: String?
    /// The reply's full length in characters (nil when there was none).
    public private(set) var rawReplyLength: Int?
    public var finishReason: String?
    /// Where the integers came from (`json`, `json-fragment`, `loose-integers`).
    public var extraction: String?
    /// Integers read from the reply.
    public var parsed = 0
    /// Ids the answer should contain.
    public var expected = 0
    /// Valid distinct ids kept, in the model's order.
    public var kept = 0
    public var duplicates = 0
    public var outOfRange = 0
    /// Ids the model left out, inserted by the family's repair.
    public var missing = 0
    /// Choice mode: the option the model picked (or the default used).
    public var choice: String?
    /// Why the model's answer was not used; nil when it was.
    public var fallbackReason: String?
    /// The prior used instead.
    public var fallbackPrior: String?
    /// True when the reply came from the on-disk cache.
    public var cached = false
    /// Set when the reply could not be stored in the cache (the solve goes on).
    public var cacheWarning: String?
    /// Seconds spent asking (0 for a cached reply).
    public var latency = 0.0
    /// HTTP attempts (0 for a cached reply).
    public var attempts = 0

    public init(mode: String, model: String, url: String) {
        self.mode = mode
        self.model = model
        self.url = url
    }

    /// Keeps `reply` for the report: the key (should the server have echoed it) replaced by
    /// `[redacted]`, then cut to `ReplyExcerpt.limit` characters. Redacting first means a key
    /// that straddles the cut cannot leave a piece of itself behind.
    public mutating func recordReply(_ reply: String, redacting secret: String?) {
        let excerpt = ReplyExcerpt.make(SecretRedaction.redact(reply, secret: secret))
        rawReply = excerpt.text
        rawReplyLength = excerpt.length
    }

    /// True when the solution came from the model's answer (repaired or not).
    public var usedModel: Bool { fallbackReason == nil }

    /// Ids dropped or inserted by repair.
    public var repairs: Int { duplicates + outOfRange + missing }

    /// The one-line warning to print when the model's answer was not used.
    public var warning: String? {
        guard let fallbackReason else { return nil }
        return "warning: LLM prior not used (\(fallbackReason)); using \(fallbackPrior ?? "the default prior")"
    }

    /// One line for logs and progress output.
    public var summary: String {
        if let warning { return warning }
        if mode == "choice" { return "LLM prior: model chose \(choice ?? "?")\(cached ? " (cached)" : "")" }
        return "LLM prior: \(kept)/\(expected) ids from the model, \(repairs) repaired "
            + "(\(duplicates) duplicate, \(outOfRange) out of range, \(missing) missing)\(cached ? ", cached" : "")"
    }

    /// The report as the JSON object stored under the result's `details.llm`.
    public var jsonValue: JSONValue {
        var o: [String: JSONValue] = [
            "mode": .string(mode),
            "model": .string(model),
            "url": .string(url),
            "prompt": .array(messages.map { .object(["role": .string($0.role), "content": .string($0.content)]) }),
            "schema_requested": .bool(schemaRequested),
            "response_format": responseFormat.map(JSONValue.string) ?? .null,
            "raw_reply": rawReply.map(JSONValue.string) ?? .null,
            "finish_reason": finishReason.map(JSONValue.string) ?? .null,
            "extraction": extraction.map(JSONValue.string) ?? .null,
            "parsed": .int(parsed),
            "expected": .int(expected),
            "kept": .int(kept),
            "duplicates": .int(duplicates),
            "out_of_range": .int(outOfRange),
            "missing": .int(missing),
            "repairs": .int(repairs),
            "used_model": .bool(usedModel),
            "fallback_reason": fallbackReason.map(JSONValue.string) ?? .null,
            "fallback_prior": fallbackPrior.map(JSONValue.string) ?? .null,
            "cached": .bool(cached),
            "latency_s": .double(latency),
            "attempts": .int(attempts),
        ]
        if let choice { o["choice"] = .string(choice) }
        if let rawReplyLength, rawReplyLength > ReplyExcerpt.limit { o["raw_reply_chars"] = .int(rawReplyLength) }
        if let cacheWarning { o["cache_warning"] = .string(cacheWarning) }
        return .object(o)
    }
}
