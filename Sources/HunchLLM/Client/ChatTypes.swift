import Foundation
import HunchCore

/// One message of a chat, in the OpenAI format.
public struct ChatMessage: Codable, Sendable, Equatable, Hashable {
    public var role: String
    public var content: String

    public init(role: String, content: String) {
        self.role = role
        self.content = content
    }

    public static func system(_ text: String) -> ChatMessage { ChatMessage(role: "system", content: text) }
    public static func user(_ text: String) -> ChatMessage { ChatMessage(role: "user", content: text) }
}

/// What a caller asks: the messages, and optionally a JSON schema the reply must follow.
public struct ChatRequest: Sendable, Equatable {
    public var messages: [ChatMessage]
    /// A JSON schema for the reply; sent as `response_format` where the server takes it.
    public var schema: JSONValue?
    /// The schema's name (OpenAI requires one: letters, digits, `_` and `-`).
    public var schemaName: String
    public var maxTokens: Int?
    /// Overrides the configuration's temperature.
    public var temperature: Double?
    public var seed: Int?

    public init(messages: [ChatMessage], schema: JSONValue? = nil, schemaName: String = "answer",
                maxTokens: Int? = nil, temperature: Double? = nil, seed: Int? = nil) {
        self.messages = messages
        self.schema = schema
        self.schemaName = schemaName
        self.maxTokens = maxTokens
        self.temperature = temperature
        self.seed = seed
    }
}

/// A successful reply.
public struct ChatReply: Sendable, Equatable {
    /// The first choice's message content.
    public var content: String
    /// The model the server says answered, when it says.
    public var model: String?
    /// `stop`, `length` (cut off by max_tokens), … when the server says.
    public var finishReason: String?
    /// HTTP attempts made (1 when the first one succeeded).
    public var attempts: Int
    /// Seconds from the first attempt to the reply.
    public var latency: Double
    /// The `response_format` form the server accepted: `json_schema`, `json_object` or `none`.
    public var responseFormat: String

    public init(content: String, model: String? = nil, finishReason: String? = nil, attempts: Int = 1,
                latency: Double = 0, responseFormat: String = "none") {
        self.content = content
        self.model = model
        self.finishReason = finishReason
        self.attempts = attempts
        self.latency = latency
        self.responseFormat = responseFormat
    }
}

/// The body of `POST /v1/chat/completions`.
public struct ChatCompletionRequest: Encodable, Sendable {
    public var model: String
    public var messages: [ChatMessage]
    public var temperature: Double?
    public var maxTokens: Int?
    public var seed: Int?
    public var responseFormat: JSONValue?
    public var stream = false

    enum CodingKeys: String, CodingKey {
        case model, messages, temperature, seed, stream
        case maxTokens = "max_tokens"
        case responseFormat = "response_format"
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(model, forKey: .model)
        try c.encode(messages, forKey: .messages)
        try c.encodeIfPresent(temperature, forKey: .temperature)
        try c.encodeIfPresent(maxTokens, forKey: .maxTokens)
        try c.encodeIfPresent(seed, forKey: .seed)
        try c.encodeIfPresent(responseFormat, forKey: .responseFormat)
        try c.encode(stream, forKey: .stream)
    }

    /// The `response_format` value for a schema in the given form (nil for `none`).
    public static func responseFormat(_ mode: ResponseFormatMode, schema: JSONValue, name: String) -> JSONValue? {
        switch mode {
        case .jsonSchema, .auto:
            return .object(["type": .string("json_schema"),
                            "json_schema": .object(["name": .string(name), "schema": schema, "strict": .bool(true)])])
        case .jsonObject:
            return .object(["type": .string("json_object"), "schema": schema])
        case .none:
            return nil
        }
    }
}

/// The parts of an OpenAI chat-completion reply that Hunch reads; everything else is ignored,
/// and every field is optional so that a lenient server still decodes.
public struct ChatCompletionResponse: Decodable, Sendable {
    public struct Message: Decodable, Sendable {
        public var role: String?
        public var content: String?
    }

    public struct Choice: Decodable, Sendable {
        public var index: Int?
        public var message: Message?
        /// Legacy completions put the text here.
        public var text: String?
        public var finishReason: String?

        enum CodingKeys: String, CodingKey {
            case index, message, text
            case finishReason = "finish_reason"
        }
    }

    public var id: String?
    public var model: String?
    public var choices: [Choice]?

    /// The first choice's content, or nil.
    public var firstContent: String? {
        guard let first = choices?.first else { return nil }
        return first.message?.content ?? first.text
    }
}
