import Foundation

/// Why a chat request failed. Every description is one line and never contains the API key.
public enum LLMError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A configuration value is unusable; `field` names it.
    case invalidConfiguration(field: String, reason: String)
    /// No connection could be made, or it broke before a complete reply.
    case connection(String)
    /// An attempt (or the whole call) ran past its time limit.
    case timedOut(seconds: Double)
    /// The server answered with a non-success status; `message` is a short excerpt of its body.
    case http(status: Int, message: String)
    /// A 200 reply that is not an OpenAI chat-completion object.
    case badResponse(String)
    /// A well-formed reply without any message content.
    case emptyReply
    /// The reply's body passed `limit` bytes (`LLMConfiguration.maxReplyBytes`); the rest was
    /// not read. A runaway or hostile server would otherwise fill memory.
    case replyTooLarge(limit: Int)
    /// The server redirected where Hunch does not follow (see `RedirectPolicy`).
    case redirectRefused(String)

    public var description: String {
        switch self {
        case .invalidConfiguration(let field, let reason): return "invalid LLM configuration: \(field): \(reason)"
        case .connection(let message): return "server unreachable: \(message)"
        case .timedOut(let seconds): return "no reply within \(LLMError.seconds(seconds))"
        case .http(let status, let message): return message.isEmpty ? "HTTP \(status)" : "HTTP \(status): \(message)"
        case .badResponse(let message): return "not a chat-completion reply: \(message)"
        case .emptyReply: return "empty reply"
        case .replyTooLarge(let limit): return "reply larger than \(LLMError.bytes(limit)); the rest was not read"
        case .redirectRefused(let message): return "redirect not followed: \(message)"
        }
    }

    /// Worth another attempt: server errors, throttling, time-outs and broken connections; a
    /// client error (4xx) will not fix itself.
    public var isRetryable: Bool {
        switch self {
        case .connection, .timedOut: return true
        case .http(let status, _): return status >= 500 || status == 408 || status == 429
        case .invalidConfiguration, .badResponse, .emptyReply, .replyTooLarge, .redirectRefused: return false
        }
    }

    /// `4 MiB`, `512 KiB` or `100 bytes`.
    static func bytes(_ n: Int) -> String {
        if n >= 1 << 20, n % (1 << 20) == 0 { return "\(n >> 20) MiB" }
        if n >= 1 << 10, n % (1 << 10) == 0 { return "\(n >> 10) KiB" }
        return "\(n) bytes"
    }

    static func seconds(_ v: Double) -> String {
        v == v.rounded() ? "\(Int(v)) s" : String(format: "%.2f s", v)
    }
}
