import Foundation

/// How to ask for structured output: `auto` tries the OpenAI `json_schema` form, then the
/// `json_object` + `schema` form (llama-cpp-python, Anyscale), then none, and remembers what the
/// server accepted.
public enum ResponseFormatMode: String, Sendable, CaseIterable, Codable {
    case auto
    case jsonSchema = "json_schema"
    case jsonObject = "json_object"
    case none
}

/// Where and how to reach an OpenAI-compatible chat-completions server.
///
/// The API key is never part of `description`, `debugDescription` or the mirror, so printing a
/// configuration (or a report that embeds one) cannot leak it.
public struct LLMConfiguration: Sendable, Equatable {
    public static let defaultBaseURL = "http://127.0.0.1:8811/v1"
    public static let defaultModel = "local"
    /// 4 MiB: hundreds of times a real answer (an order of 10,000 ids is about 60 KB), small
    /// enough that a server streaming without end cannot exhaust memory.
    public static let defaultMaxReplyBytes = 4 << 20

    /// Environment variables read by `fromEnvironment`.
    public enum Environment {
        public static let url = "HUNCH_LLM_URL"
        public static let model = "HUNCH_LLM_MODEL"
        public static let apiKey = "HUNCH_LLM_API_KEY"
        public static let timeout = "HUNCH_LLM_TIMEOUT"
        public static let connectTimeout = "HUNCH_LLM_CONNECT_TIMEOUT"
        public static let retries = "HUNCH_LLM_RETRIES"
        public static let cache = "HUNCH_LLM_CACHE"
    }

    /// The base URL as OpenAI clients take it, e.g. `http://127.0.0.1:8811/v1`; requests go to
    /// `<base>/chat/completions`.
    public var baseURL: URL
    /// The model name sent with each request (local servers often ignore it).
    public var model: String
    /// Sent as `Authorization: Bearer …` when set; never printed.
    public var apiKey: String?
    /// Seconds to establish the TCP connection.
    public var connectTimeout: Double = 5
    /// Seconds for one attempt, from connecting to the last byte of the reply.
    public var requestTimeout: Double = 60
    /// Seconds for the whole call: every attempt and the back-off between them.
    public var totalTimeout: Double = 180
    /// Attempts after the first, on 5xx, 408, 429, time-outs and connection errors (never on
    /// other 4xx).
    public var maxRetries: Int = 2
    /// Back-off before retry r (1-based) is `min(backoffMaximum, backoffInitial · 2^(r−1))` seconds.
    public var backoffInitial: Double = 0.5
    public var backoffMaximum: Double = 8
    /// Sampling temperature; 0 makes replies repeatable (and the cache meaningful).
    public var temperature: Double = 0
    public var responseFormat: ResponseFormatMode = .auto
    /// The most bytes read of one reply body (error bodies included); past it the exchange is
    /// cancelled and fails with `LLMError.replyTooLarge`.
    public var maxReplyBytes: Int = LLMConfiguration.defaultMaxReplyBytes

    public init(baseURL: URL = URL(string: LLMConfiguration.defaultBaseURL)!,
                model: String = LLMConfiguration.defaultModel, apiKey: String? = nil) {
        self.baseURL = baseURL
        self.model = model
        self.apiKey = apiKey
    }

    /// Values given on the command line; each one that is set wins over the environment.
    public struct Overrides: Sendable, Equatable {
        public var url: String?
        public var model: String?
        public var apiKey: String?
        public var connectTimeout: Double?
        public var requestTimeout: Double?
        public var totalTimeout: Double?
        public var maxRetries: Int?
        public var responseFormat: ResponseFormatMode?

        public init(url: String? = nil, model: String? = nil, apiKey: String? = nil,
                    connectTimeout: Double? = nil, requestTimeout: Double? = nil, totalTimeout: Double? = nil,
                    maxRetries: Int? = nil, responseFormat: ResponseFormatMode? = nil) {
            self.url = url
            self.model = model
            self.apiKey = apiKey
            self.connectTimeout = connectTimeout
            self.requestTimeout = requestTimeout
            self.totalTimeout = totalTimeout
            self.maxRetries = maxRetries
            self.responseFormat = responseFormat
        }
    }

    /// A configuration from flags over environment over defaults, validated.
    ///
    /// Reads `HUNCH_LLM_URL`, `HUNCH_LLM_MODEL`, `HUNCH_LLM_API_KEY`, `HUNCH_LLM_TIMEOUT`
    /// (seconds per attempt), `HUNCH_LLM_CONNECT_TIMEOUT` and `HUNCH_LLM_RETRIES`. When only the
    /// per-attempt timeout is given, the total becomes enough for every attempt.
    public static func fromEnvironment(
        _ environment: [String: String] = ProcessInfo.processInfo.environment,
        overrides: Overrides = Overrides()
    ) throws -> LLMConfiguration {
        func value(_ flag: String?, _ key: String) -> (String, String)? {
            if let flag, !flag.isEmpty { return (flag, "flag") }
            if let env = environment[key], !env.trimmingCharacters(in: .whitespaces).isEmpty {
                return (env.trimmingCharacters(in: .whitespaces), key)
            }
            return nil
        }
        func number(_ flag: Double?, _ key: String, _ field: String) throws -> Double? {
            if let flag { return flag }
            guard let (text, _) = value(nil, key) else { return nil }
            guard let v = Double(text) else {
                throw LLMError.invalidConfiguration(field: field, reason: "\(key)='\(text)' is not a number of seconds")
            }
            return v
        }

        var config = LLMConfiguration()
        if let (text, source) = value(overrides.url, Environment.url) {
            config.baseURL = try parseBaseURL(text, source: source)
        }
        if let (text, _) = value(overrides.model, Environment.model) { config.model = text }
        if let (text, _) = value(overrides.apiKey, Environment.apiKey) { config.apiKey = text }
        if let v = try number(overrides.connectTimeout, Environment.connectTimeout, "connectTimeout") { config.connectTimeout = v }
        let perAttempt = try number(overrides.requestTimeout, Environment.timeout, "requestTimeout")
        if let perAttempt { config.requestTimeout = perAttempt }
        if let retries = overrides.maxRetries {
            config.maxRetries = retries
        } else if let (text, _) = value(nil, Environment.retries) {
            guard let v = Int(text) else {
                throw LLMError.invalidConfiguration(field: "maxRetries", reason: "\(Environment.retries)='\(text)' is not an integer")
            }
            config.maxRetries = v
        }
        if let total = overrides.totalTimeout {
            config.totalTimeout = total
        } else if perAttempt != nil {
            config.totalTimeout = config.requestTimeout * Double(max(0, config.maxRetries) + 1)
                + config.backoffMaximum * Double(max(0, config.maxRetries))
        }
        if let format = overrides.responseFormat { config.responseFormat = format }
        try config.validate()
        return config
    }

    /// Accepts `http(s)://host[:port][/path]`; a trailing slash is dropped.
    public static func parseBaseURL(_ text: String, source: String = "url") throws -> URL {
        var trimmed = text.trimmingCharacters(in: .whitespaces)
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard let url = URL(string: trimmed), let scheme = url.scheme?.lowercased(),
              scheme == "http" || scheme == "https", let host = url.host, !host.isEmpty else {
            throw LLMError.invalidConfiguration(
                field: "baseURL", reason: "\(source): '\(text)' is not an http(s) URL; expected e.g. \(defaultBaseURL)")
        }
        return url
    }

    /// Throws `LLMError.invalidConfiguration` naming the first bad field.
    public func validate() throws {
        func positive(_ v: Double, _ field: String) throws {
            guard v.isFinite, v > 0 else {
                throw LLMError.invalidConfiguration(field: field, reason: "\(v) must be a positive number of seconds")
            }
        }
        _ = try LLMConfiguration.parseBaseURL(baseURL.absoluteString, source: "baseURL")
        guard !model.isEmpty else { throw LLMError.invalidConfiguration(field: "model", reason: "must not be empty") }
        try positive(connectTimeout, "connectTimeout")
        try positive(requestTimeout, "requestTimeout")
        try positive(totalTimeout, "totalTimeout")
        guard (0...20).contains(maxRetries) else {
            throw LLMError.invalidConfiguration(field: "maxRetries", reason: "\(maxRetries) must be in 0...20")
        }
        guard backoffInitial >= 0, backoffMaximum >= backoffInitial, backoffMaximum.isFinite else {
            throw LLMError.invalidConfiguration(field: "backoffInitial", reason: "need 0 ≤ backoffInitial ≤ backoffMaximum")
        }
        guard maxReplyBytes >= 1024 else {
            throw LLMError.invalidConfiguration(field: "maxReplyBytes", reason: "\(maxReplyBytes) must be at least 1024")
        }
        guard temperature.isFinite, temperature >= 0 else {
            throw LLMError.invalidConfiguration(field: "temperature", reason: "\(temperature) must be ≥ 0")
        }
    }

    /// `<base>/chat/completions` (a base that already ends so is used as is).
    public var chatCompletionsURL: URL {
        let base = baseURL.absoluteString.hasSuffix("/") ? String(baseURL.absoluteString.dropLast()) : baseURL.absoluteString
        if base.hasSuffix("/chat/completions") { return URL(string: base)! }
        return URL(string: base + "/chat/completions")!
    }

    /// `<base>/models`, for a readiness check.
    public var modelsURL: URL {
        var base = baseURL.absoluteString
        if base.hasSuffix("/chat/completions") { base.removeLast("/chat/completions".count) }
        if base.hasSuffix("/") { base.removeLast() }
        return URL(string: base + "/models")!
    }

    /// Seconds to wait before retry `retry` (1-based).
    public func backoff(beforeRetry retry: Int) -> Double {
        min(backoffMaximum, backoffInitial * pow(2, Double(max(0, retry - 1))))
    }
}

extension LLMConfiguration: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// One line, the key shown only as set or not.
    public var description: String {
        "url=\(baseURL.absoluteString) model=\(model) api-key=\(apiKey == nil ? "none" : "set (redacted)") "
            + "connect-timeout=\(connectTimeout)s timeout=\(requestTimeout)s total=\(totalTimeout)s retries=\(maxRetries)"
    }

    public var debugDescription: String { "LLMConfiguration(\(description))" }

    /// What `dump` and the debugger show: everything but the key.
    public var customMirror: Mirror {
        Mirror(self, children: [
            "baseURL": baseURL.absoluteString, "model": model,
            "apiKey": apiKey == nil ? "none" : "redacted",
            "connectTimeout": connectTimeout, "requestTimeout": requestTimeout, "totalTimeout": totalTimeout,
            "maxRetries": maxRetries, "responseFormat": responseFormat.rawValue,
        ], displayStyle: .struct)
    }
}
