import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import HunchCore
import Synchronization

/// A synchronous client for `POST <base>/chat/completions` on any OpenAI-compatible server.
///
/// Safe to call from many threads at once (one `URLSession`, a semaphore per call): a batch's
/// workers can share one client. Every call is bounded by the configuration's total timeout;
/// each attempt, from connecting to the last byte, by the request timeout. Retries, with
/// exponential back-off, on server errors (5xx), 408/429, time-outs and connection errors; never
/// on other 4xx.
///
/// Hostile servers: a body is read up to `maxReplyBytes` and no further; a redirect is followed
/// only within the configured origin (`RedirectPolicy`); the API key is taken out of everything
/// the server sends back (`SecretRedaction`) before anyone else sees it.
///
/// Transport: `http://` without a proxy goes over a socket of its own (`PlainHTTPClient`), which
/// stops the moment the exchange is over; `https://`, or any URL when a proxy is configured, goes
/// through URLSession, with a delegate that enforces the same limits.
///
/// Structured output: with a schema, `response_format` is sent in the OpenAI `json_schema` form;
/// if the server answers 400/422 about it, the same request is sent in the `json_object` +
/// `schema` form (llama-cpp-python), then without `response_format`. The form that worked is
/// remembered for later calls (these steps are not counted as retries).
public final class ChatClient: Sendable {
    public let configuration: LLMConfiguration
    private let session: URLSession
    private let delegate = ChatSessionDelegate()
    private let probeConnections: Bool
    private let transport: Transport
    private let learnedFormat = Mutex<ResponseFormatMode?>(nil)

    /// Which code moves the bytes of an `http://` exchange.
    enum Transport {
        /// `PlainHTTPClient` for `http://` without a proxy, URLSession otherwise.
        case automatic
        /// URLSession always (tests use it to check the URLSession path over plain HTTP).
        case urlSession
    }

    /// - Parameter environment: only read to skip the connect probe and the plain HTTP client
    ///   when a proxy is configured (the proxy, not the server, is then what we connect to).
    public convenience init(configuration: LLMConfiguration,
                            environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.init(configuration: configuration, environment: environment, transport: .automatic)
    }

    init(configuration: LLMConfiguration, environment: [String: String], transport: Transport) {
        self.configuration = configuration
        self.transport = transport
        let sessionConfiguration = URLSessionConfiguration.ephemeral
        // Only a backstop: the semaphore in `perform` enforces the exact limit. (Linux's
        // URLSession truncates its timeouts to whole seconds, so 0.5 s would mean "at once".)
        let backstop = ChatClient.backstop(configuration.requestTimeout)
        sessionConfiguration.timeoutIntervalForRequest = backstop
        sessionConfiguration.timeoutIntervalForResource = backstop
        sessionConfiguration.requestCachePolicy = .reloadIgnoringLocalCacheData
        sessionConfiguration.urlCache = nil
        sessionConfiguration.httpCookieStorage = nil
        session = URLSession(configuration: sessionConfiguration, delegate: delegate,
                             delegateQueue: DelegateEventQueue(throttle: { [delegate] in delegate.hasLiveExchanges }))
        let proxyKeys = ["http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"]
        probeConnections = !proxyKeys.contains { !(environment[$0] ?? "").isEmpty }
    }

    deinit {
        // On another thread: Linux's URLSession waits for its work queue here. Tasks that have
        // answered a redirect are not cancelled (see `ChatSessionDelegate.mayCancel`).
        let session = self.session, delegate = self.delegate
        ChatClient.cancelQueue.async {
            session.getAllTasks { tasks in
                for task in tasks where delegate.mayCancel(task) { task.cancel() }
                session.finishTasksAndInvalidate()
            }
        }
    }

    /// Sends `request` and returns the first choice's content.
    ///
    /// Throws `LLMError`: `.connection`, `.timedOut`, `.http`, `.badResponse` or `.emptyReply`.
    public func complete(_ request: ChatRequest) throws -> ChatReply {
        let config = configuration
        let start = ChatClient.now()
        let deadline = start + config.totalTimeout
        var formats = formatLadder(for: request)
        var attempts = 0
        var failures = 0
        var lastError: LLMError = .timedOut(seconds: config.totalTimeout)

        while true {
            let remaining = deadline - ChatClient.now()
            guard remaining > 0.01 else {
                throw attempts == 0 ? LLMError.timedOut(seconds: config.totalTimeout) : lastError
            }
            let attemptTimeout = min(config.requestTimeout, remaining)
            // One deadline for the whole attempt: connect, headers and body together.
            let attemptDeadline = ChatClient.now() + attemptTimeout
            let format = formats[0]
            attempts += 1
            do {
                if probeConnections, !usesPlainHTTP(config.chatCompletionsURL), let host = config.chatCompletionsURL.host {
                    let port = config.chatCompletionsURL.port ?? (config.chatCompletionsURL.scheme == "https" ? 443 : 80)
                    try ConnectProbe.check(host: host, port: port, timeout: min(config.connectTimeout, attemptTimeout))
                }
                let body = try encode(request, format: format)
                let (status, data) = try perform(body: body, deadline: attemptDeadline, timeout: attemptTimeout)
                if (200..<300).contains(status) {
                    let content = try ChatClient.content(of: data, redacting: config.apiKey)
                    if config.responseFormat == .auto, request.schema != nil { learnedFormat.withLock { $0 = format } }
                    return ChatReply(content: content.text, model: content.model, finishReason: content.finishReason,
                                     attempts: attempts, latency: ChatClient.now() - start,
                                     responseFormat: request.schema == nil ? "none" : format.rawValue)
                }
                let message = ChatClient.excerpt(data, redacting: config.apiKey)
                if formats.count > 1, ChatClient.refusesResponseFormat(status: status, body: String(decoding: data.prefix(65_536), as: UTF8.self)) {
                    formats.removeFirst()   // the server refuses this form of response_format: try the next
                    continue
                }
                throw LLMError.http(status: status, message: message)
            } catch let error as LLMError {
                guard error.isRetryable else { throw error }
                lastError = error
            } catch {
                throw LLMError.badResponse("\(error)")
            }
            failures += 1
            guard failures <= config.maxRetries else { throw lastError }
            let pause = min(config.backoff(beforeRetry: failures), max(0, deadline - ChatClient.now()))
            if pause > 0 { Thread.sleep(forTimeInterval: pause) }
        }
    }

    /// True when `GET <base>/models` answers 2xx within `timeout` seconds (a readiness check).
    public func isServerReady(timeout: Double = 2) -> Bool {
        if probeConnections, !usesPlainHTTP(configuration.modelsURL), let host = configuration.modelsURL.host {
            let port = configuration.modelsURL.port ?? (configuration.modelsURL.scheme == "https" ? 443 : 80)
            guard (try? ConnectProbe.check(host: host, port: port, timeout: min(timeout, configuration.connectTimeout))) != nil else {
                return false
            }
        }
        var request = URLRequest(url: configuration.modelsURL, cachePolicy: .reloadIgnoringLocalCacheData,
                                 timeoutInterval: ChatClient.backstop(timeout))
        request.httpMethod = "GET"
        authorize(&request)
        guard let (status, _) = try? perform(request, deadline: ChatClient.now() + timeout, timeout: timeout) else { return false }
        return (200..<300).contains(status)
    }

    // MARK: Request

    /// The `response_format` forms to try, best first.
    private func formatLadder(for request: ChatRequest) -> [ResponseFormatMode] {
        guard request.schema != nil else { return [.none] }
        switch configuration.responseFormat {
        case .auto:
            let all: [ResponseFormatMode] = [.jsonSchema, .jsonObject, .none]
            guard let learned = learnedFormat.withLock({ $0 }), let index = all.firstIndex(of: learned) else { return all }
            return Array(all[index...])
        case .jsonSchema: return [.jsonSchema, .none]
        case .jsonObject: return [.jsonObject, .none]
        case .none: return [.none]
        }
    }

    private func encode(_ request: ChatRequest, format: ResponseFormatMode) throws -> Data {
        var body = ChatCompletionRequest(model: configuration.model, messages: request.messages)
        body.temperature = request.temperature ?? configuration.temperature
        body.maxTokens = request.maxTokens
        body.seed = request.seed
        if let schema = request.schema {
            body.responseFormat = ChatCompletionRequest.responseFormat(format, schema: schema, name: request.schemaName)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(body)
    }

    private func authorize(_ request: inout URLRequest) {
        if let key = configuration.apiKey, !key.isEmpty {
            request.setValue("Bearer \(key)", forHTTPHeaderField: "Authorization")
        }
    }

    private func perform(body: Data, deadline: Double, timeout: Double) throws -> (Int, Data) {
        var request = URLRequest(url: configuration.chatCompletionsURL, cachePolicy: .reloadIgnoringLocalCacheData,
                                 timeoutInterval: ChatClient.backstop(timeout))
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        request.setValue("hunch", forHTTPHeaderField: "User-Agent")
        authorize(&request)
        request.httpBody = body
        return try perform(request, deadline: deadline, timeout: timeout)
    }

    /// One HTTP exchange, waited for until `deadline` (monotonic seconds) and not a moment
    /// longer: past it, or past the size cap, the task is cancelled and the caller goes on without
    /// waiting for the rest of the body. `timeout` is only what a time-out error reports.
    private func perform(_ request: URLRequest, deadline: Double, timeout: Double) throws -> (Int, Data) {
        if usesPlainHTTP(request.url) {
            return try PlainHTTPClient.perform(request, connectTimeout: configuration.connectTimeout, deadline: deadline,
                                               timeout: timeout, cap: configuration.maxReplyBytes)
        }
        let exchange = HTTPExchange(cap: configuration.maxReplyBytes, origin: RedirectPolicy.Origin(request.url))
        let task = session.dataTask(with: request)
        delegate.register(exchange, for: task)
        defer { delegate.unregister(task) }
        task.resume()
        guard let outcome = exchange.wait(until: deadline) else {
            exchange.finish(.failure(LLMError.timedOut(seconds: timeout)))
            ChatClient.cancel(task, after: exchange)
            throw LLMError.timedOut(seconds: timeout)
        }
        switch outcome {
        case .reply(let status, let data):
            return (status, data)
        case .failure(let error as LLMError):
            if case .replyTooLarge = error { ChatClient.cancel(task, after: exchange) }
            throw error
        case .failure(let error):
            throw ChatClient.map(error, timeout: timeout)
        }
    }

    /// True when `url` goes over `PlainHTTPClient`: plain `http`, no proxy, not told otherwise.
    private func usesPlainHTTP(_ url: URL?) -> Bool {
        transport == .automatic && probeConnections && url?.scheme?.lowercased() == "http"
    }

    /// Cancels a task whose exchange is over, on another thread: `cancel()` waits for the
    /// session's busy work queue, and the caller must not. Foundation on Linux traps when a task
    /// is cancelled after a redirect decision (`HTTPURLProtocol`: "Received callback for HTTP
    /// redirection, but we're not waiting for it"; a delay of 0.5 s did not avoid it), so a task
    /// that has answered a redirect is never cancelled: the caller has its answer already, and
    /// the task ends on its own, within the session's resource timeout, its body still capped.
    static func cancel(_ task: URLSessionTask, after exchange: HTTPExchange?) {
        if exchange?.secondsSinceRedirectAnswer != nil { return }
        cancelQueue.async { task.cancel() }
    }

    /// A serial queue of its own (so a thread of its own): Dispatch's shared pool may be busy.
    static let cancelQueue = DispatchQueue(label: "hunch.llm.cancel")

    // MARK: Reply

    private static func content(of data: Data, redacting key: String?) throws -> (text: String, model: String?, finishReason: String?) {
        let reply: ChatCompletionResponse
        do {
            reply = try JSONDecoder().decode(ChatCompletionResponse.self, from: data)
        } catch {
            throw LLMError.badResponse("body is not chat-completion JSON: \(excerpt(data, redacting: key))")
        }
        guard let choices = reply.choices else {
            throw LLMError.badResponse("no choices in \(excerpt(data, redacting: key))")
        }
        guard let text = reply.firstContent, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw LLMError.emptyReply
        }
        // From here on the reply is stored and printed: a key the server echoed goes no further.
        return (SecretRedaction.redact(text, secret: key), reply.model.map { SecretRedaction.redact($0, secret: key) },
                choices.first?.finishReason)
    }

    /// A short one-line excerpt of a body, with the API key (should a server echo it) removed.
    /// Only the first 4 KiB are read, and then, when the body was longer, the last key-length of
    /// characters is dropped: the read may have cut a key there, and a piece of a key is not
    /// recognised as one.
    static func excerpt(_ data: Data, redacting key: String?, limit: Int = 240) -> String {
        let keyLength = SecretRedaction.forms(of: key ?? "").map(\.utf8.count).max() ?? 0
        let window = 4096 + keyLength
        var text = SecretRedaction.redact(String(decoding: data.prefix(window), as: UTF8.self), secret: key)
        if key?.isEmpty == false, data.count > window { text.removeLast(min(keyLength, text.count)) }
        let oneLine = text.split(whereSeparator: { $0.isNewline || $0 == "\t" }).joined(separator: " ")
            .trimmingCharacters(in: .whitespaces)
        return oneLine.count > limit ? String(oneLine.prefix(limit)) + "…" : oneLine
    }

    /// True when an error answer refuses the request's form of `response_format`: a 400/422
    /// about it (OpenAI: "Invalid schema for response_format…"), or a 500 whose body is a
    /// validation error located at `response_format` (llama-cpp-python 0.3's server answers
    /// `json_schema` that way: "Input should be 'text' or 'json_object'").
    static func refusesResponseFormat(status: Int, body: String) -> Bool {
        switch status {
        case 400, 422: return mentionsResponseFormat(body)
        case 500: return body.lowercased().contains("response_format") && body.lowercased().contains("validation")
        default: return false
        }
    }

    /// A message about `response_format` or a schema.
    static func mentionsResponseFormat(_ message: String) -> Bool {
        let lower = message.lowercased()
        return lower.contains("response_format") || lower.contains("json_schema") || lower.contains("schema")
    }

    private static func map(_ error: Error, timeout: Double) -> LLMError {
        guard let urlError = error as? URLError else { return .connection("\(error)") }
        switch urlError.code {
        case .timedOut: return .timedOut(seconds: timeout)
        case .cannotConnectToHost: return .connection("connection refused")
        case .cannotFindHost, .dnsLookupFailed: return .connection("cannot resolve host")
        case .networkConnectionLost: return .connection("connection closed before the reply was complete")
        case .notConnectedToInternet: return .connection("no network")
        case .badServerResponse, .cannotParseResponse, .zeroByteResource:
            return .connection("connection closed without a valid HTTP reply")
        case .cancelled: return .timedOut(seconds: timeout)
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
             .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot, .clientCertificateRejected:
            return .connection("TLS error (\(urlError.code.rawValue))")
        default: return .connection("URL error \(urlError.code.rawValue)")
        }
    }

    static func now() -> Double { MonotonicClock().now() }

    /// URLSession's own limit: whole seconds, past ours, so that ours always fires first.
    static func backstop(_ timeout: Double) -> Double { (timeout + 1).rounded(.up) + 1 }
}
