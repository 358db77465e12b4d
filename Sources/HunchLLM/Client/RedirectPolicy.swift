import Foundation

/// Which redirects the client follows. URLSession on its own follows any redirect and copies the
/// request's headers, so a server could send `Authorization: Bearer <key>` (and, on 307/308, the
/// prompt) to a host of its choosing. Hunch follows a redirect only within the origin it was
/// configured with (same scheme, host and port), at most `maxRedirects` times, and refuses the
/// rest with `LLMError.redirectRefused`: a chat endpoint has no reason to send clients elsewhere.
public enum RedirectPolicy {
    /// Redirects followed within one exchange before giving up (a loop ends here).
    public static let maxRedirects = 5

    /// Scheme, host and port: where a request goes, and so who may see its key.
    public struct Origin: Equatable, Sendable, CustomStringConvertible {
        public var scheme: String
        public var host: String
        public var port: Int

        /// nil for a URL without an http(s) scheme or a host.
        public init?(_ url: URL?) {
            guard let url, let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
                  let host = url.host?.lowercased(), !host.isEmpty else { return nil }
            self.scheme = scheme
            self.host = host
            self.port = url.port ?? (scheme == "https" ? 443 : 80)
        }

        /// `scheme://host:port`: no path, query or user info, so printing it leaks nothing.
        public var description: String { "\(scheme)://\(host.contains(":") ? "[\(host)]" : host):\(port)" }
    }

    /// Why a redirect from `origin` to `target` must not be followed, or nil when it may be.
    /// `followed` is how many redirects this exchange has already followed.
    static func refusal(status: Int, from origin: Origin, to target: URL?, followed: Int) -> String? {
        guard let destination = Origin(target) else {
            return "HTTP \(status) redirect to a location that is not an http(s) URL"
        }
        guard destination == origin else {
            return "HTTP \(status) redirect to another origin (\(destination)) refused; "
                + "the server is \(origin), and the API key and prompt are sent nowhere else"
        }
        guard followed < maxRedirects else {
            return "more than \(maxRedirects) redirects (HTTP \(status))"
        }
        return nil
    }
}
