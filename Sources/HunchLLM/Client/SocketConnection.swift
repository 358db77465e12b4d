#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A TCP connection whose every step (connect, send, receive) ends by a deadline, for the plain
/// HTTP client. Non-blocking socket and `poll`: nothing here can wait past the deadline, and
/// `close()` ends the exchange at once, whatever the server is still sending.
final class SocketConnection {
    /// The deadline passed; the caller reports its own time-out.
    struct DeadlinePassed: Error {}

    private var fd: Int32

    private init(fd: Int32) { self.fd = fd }

    deinit { close() }

    /// Connects to `host:port` (every address it resolves to, in turn). `connectTimeout` bounds
    /// the connect alone, `deadline` (monotonic seconds) everything.
    static func open(host: String, port: Int, connectTimeout: Double, deadline: Double) throws -> SocketConnection {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
        hints.ai_socktype = SOCK_STREAM
        #endif
        var list: UnsafeMutablePointer<addrinfo>?
        let resolved = getaddrinfo(host, String(port), &hints, &list)
        guard resolved == 0, let first = list else {
            throw LLMError.connection("cannot resolve \(host): \(String(cString: gai_strerror(resolved)))")
        }
        defer { freeaddrinfo(list) }

        let connectDeadline = min(deadline, now() + connectTimeout)
        var lastError = "connection refused"
        var entry: UnsafeMutablePointer<addrinfo>? = first
        while let ai = entry {
            entry = ai.pointee.ai_next
            let fd = socket(ai.pointee.ai_family, ai.pointee.ai_socktype, ai.pointee.ai_protocol)
            if fd < 0 { lastError = String(cString: strerror(errno)); continue }
            let connection = SocketConnection(fd: fd)
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL, 0) | O_NONBLOCK)
            #if canImport(Darwin)
            var yes: Int32 = 1
            setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &yes, socklen_t(MemoryLayout<Int32>.size))
            #endif
            if connect(fd, ai.pointee.ai_addr, ai.pointee.ai_addrlen) == 0 { return connection }
            guard errno == EINPROGRESS else { lastError = String(cString: strerror(errno)); continue }
            switch connection.wait(for: Int16(POLLOUT), until: connectDeadline) {
            case .timedOut:
                if connectDeadline >= deadline { throw DeadlinePassed() }
                throw LLMError.connection("connecting to \(host):\(port) timed out after \(LLMError.seconds(connectTimeout))")
            case .failed(let message):
                lastError = message
                continue
            case .ready:
                var code: Int32 = 0
                var length = socklen_t(MemoryLayout<Int32>.size)
                getsockopt(fd, SOL_SOCKET, SO_ERROR, &code, &length)
                if code == 0 { return connection }
                lastError = String(cString: strerror(code))
            }
        }
        throw LLMError.connection("cannot connect to \(host):\(port): \(lastError.lowercased())")
    }

    /// Sends all of `data` by `deadline`.
    func send(_ data: Data, deadline: Double) throws {
        try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < raw.count {
                #if canImport(Darwin)
                let n = Darwin.send(fd, raw.baseAddress! + offset, raw.count - offset, 0)
                #else
                let n = Glibc.send(fd, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                #endif
                if n > 0 { offset += n; continue }
                guard n < 0, errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR else {
                    throw LLMError.connection("connection closed while sending the request")
                }
                switch wait(for: Int16(POLLOUT), until: deadline) {
                case .ready: continue
                case .timedOut: throw DeadlinePassed()
                case .failed(let message): throw LLMError.connection("sending the request failed: \(message)")
                }
            }
        }
    }

    /// Up to `limit` bytes, as soon as any arrive; empty at the end of the stream.
    func receive(limit: Int, deadline: Double) throws -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: limit)
        while true {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, limit, 0) }
            if n >= 0 { return Array(buffer[0..<n]) }
            guard errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR else {
                throw LLMError.connection("connection closed before the reply was complete")
            }
            switch wait(for: Int16(POLLIN), until: deadline) {
            case .ready: continue
            case .timedOut: throw DeadlinePassed()
            case .failed: throw LLMError.connection("connection closed before the reply was complete")
            }
        }
    }

    func close() {
        guard fd >= 0 else { return }
        #if canImport(Darwin)
        _ = Darwin.close(fd)
        #else
        _ = Glibc.close(fd)
        #endif
        fd = -1
    }

    private enum Readiness { case ready, timedOut, failed(String) }

    private func wait(for events: Int16, until deadline: Double) -> Readiness {
        var pfd = pollfd(fd: fd, events: events, revents: 0)
        while true {
            let left = deadline - SocketConnection.now()
            if left <= 0 { return .timedOut }
            let ready = poll(&pfd, 1, Int32(min(Double(Int32.max), (left * 1000).rounded(.up))))
            if ready > 0 {
                // An error or hang-up still lets recv/connect report the details.
                return .ready
            }
            if ready == 0 { continue }
            if errno != EINTR { return .failed(String(cString: strerror(errno)).lowercased()) }
        }
    }

    static func now() -> Double { ChatClient.now() }
}
