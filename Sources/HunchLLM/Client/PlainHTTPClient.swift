import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `http://` requests on a socket of their own, for local model servers.
///
/// URLSession on Linux cannot be relied on to stop a transfer: while a server on the same machine
/// streams at full speed, its work queue never gets to the cancel, and the transfer (and the
/// memory it fills) goes on after the caller has given up. Here every byte is read by the caller's
/// thread, the exchange ends at the deadline or at `cap` bytes of body by closing the socket, and
/// redirects are followed only as `RedirectPolicy` allows. One request per connection
/// (`Connection: close`); no TLS, no proxy (those go through URLSession).
enum PlainHTTPClient {
    /// Sends `request` (and follows allowed redirects) by `deadline` (monotonic seconds).
    /// Returns the final status and body. `timeout` is what a time-out error reports.
    static func perform(_ request: URLRequest, connectTimeout: Double, deadline: Double, timeout: Double,
                        cap: Int) throws -> (status: Int, body: Data) {
        guard var url = request.url, let origin = RedirectPolicy.Origin(url) else {
            throw LLMError.connection("not an http(s) URL")
        }
        var method = request.httpMethod ?? "GET"
        var body = request.httpBody
        var followed = 0
        while true {
            let (status, headers, data) = try exchange(method: method, url: url, headers: request.allHTTPHeaderFields ?? [:],
                                                       body: body, connectTimeout: connectTimeout, deadline: deadline,
                                                       timeout: timeout, cap: cap)
            guard [301, 302, 303, 307, 308].contains(status), let location = headers["location"] else {
                return (status, data)
            }
            let target = URL(string: location, relativeTo: url)?.absoluteURL
            if let refusal = RedirectPolicy.refusal(status: status, from: origin, to: target, followed: followed) {
                throw LLMError.redirectRefused(refusal)
            }
            url = target!
            followed += 1
            if status == 303 || (status <= 302 && method == "POST") {   // as browsers and URLSession do
                method = "GET"
                body = nil
            }
        }
    }

    /// One request and its response on a fresh connection, closed before returning.
    private static func exchange(method: String, url: URL, headers: [String: String], body: Data?,
                                 connectTimeout: Double, deadline: Double, timeout: Double,
                                 cap: Int) throws -> (Int, [String: String], Data) {
        guard let host = url.host, !host.isEmpty else { throw LLMError.connection("URL without a host") }
        let port = url.port ?? 80
        do {
            let connection = try SocketConnection.open(host: host, port: port, connectTimeout: connectTimeout, deadline: deadline)
            defer { connection.close() }
            try connection.send(try head(method: method, url: url, host: host, port: port, headers: headers, body: body)
                                + (body ?? Data()), deadline: deadline)
            var parser = HTTPResponseParser(cap: cap)
            while !parser.isComplete {
                let bytes = try connection.receive(limit: 65_536, deadline: deadline)
                if bytes.isEmpty { try parser.finish() } else { try parser.feed(bytes) }
            }
            return (parser.status, parser.headers, parser.body)
        } catch is SocketConnection.DeadlinePassed {
            throw LLMError.timedOut(seconds: timeout)
        } catch HTTPResponseParser.Failure.tooLarge {
            throw LLMError.replyTooLarge(limit: cap)
        } catch HTTPResponseParser.Failure.malformed(let reason) {
            throw LLMError.connection(reason)
        }
    }

    /// The request line and headers. A header value with a line break would let it write headers
    /// of its own, so it is refused.
    private static func head(method: String, url: URL, host: String, port: Int, headers: [String: String],
                             body: Data?) throws -> Data {
        let components = URLComponents(url: url, resolvingAgainstBaseURL: true)
        var target = components?.percentEncodedPath ?? "/"
        if target.isEmpty { target = "/" }
        if let query = components?.percentEncodedQuery { target += "?" + query }
        let hostName = host.contains(":") ? "[\(host)]" : host
        var lines = ["\(method) \(target) HTTP/1.1", "Host: \(hostName)\(url.port.map { ":\($0)" } ?? "")"]
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) {
            let lower = name.lowercased()
            guard !["host", "content-length", "connection", "transfer-encoding"].contains(lower) else { continue }
            guard !name.contains(where: \.isNewline), !value.contains(where: \.isNewline) else {
                throw LLMError.invalidConfiguration(field: lower == "authorization" ? "apiKey" : name,
                                                    reason: "contains a line break")
            }
            lines.append("\(name): \(value)")
        }
        if body != nil || method == "POST" || method == "PUT" { lines.append("Content-Length: \(body?.count ?? 0)") }
        lines.append("Connection: close")
        return Data((lines.joined(separator: "\r\n") + "\r\n\r\n").utf8)
    }
}
