import Foundation

/// A TCP connect with a time limit, made before each request: URLSession on Linux has no
/// connect timeout of its own, and an unreachable host should fail in seconds, not minutes.
enum ConnectProbe {
    /// Returns when a TCP connection to `host:port` opens within `timeout` seconds; throws
    /// `LLMError.connection` otherwise. The connection is closed at once.
    static func check(host: String, port: Int, timeout: Double) throws {
        // The connect of the plain-HTTP client, with a deadline past the connect timeout so that
        // only the connect timeout can end it; the connection closes when it goes out of scope.
        _ = try SocketConnection.open(host: host, port: port, connectTimeout: timeout,
                                      deadline: SocketConnection.now() + timeout + 1)
    }
}
