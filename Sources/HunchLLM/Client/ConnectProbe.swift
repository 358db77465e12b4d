#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A TCP connect with a time limit, made before each request: URLSession on Linux has no
/// connect timeout of its own, and an unreachable host should fail in seconds, not minutes.
enum ConnectProbe {
    /// Returns when a TCP connection to `host:port` opens within `timeout` seconds; throws
    /// `LLMError.connection` otherwise. The connection is closed at once.
    static func check(host: String, port: Int, timeout: Double) throws {
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

        let deadline = now() + timeout
        var lastError = "connection refused"
        var entry: UnsafeMutablePointer<addrinfo>? = first
        while let ai = entry {
            entry = ai.pointee.ai_next
            let fd = socket(ai.pointee.ai_family, ai.pointee.ai_socktype, ai.pointee.ai_protocol)
            if fd < 0 { lastError = String(cString: strerror(errno)); continue }
            defer { close(fd) }
            let flags = fcntl(fd, F_GETFL, 0)
            _ = fcntl(fd, F_SETFL, flags | O_NONBLOCK)
            if connect(fd, ai.pointee.ai_addr, ai.pointee.ai_addrlen) == 0 { return }
            guard errno == EINPROGRESS else { lastError = String(cString: strerror(errno)); continue }
            var ready: Int32 = 0
            var pfd = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
            repeat {
                let remaining = Int32(max(0, min(Double(Int32.max), (deadline - now()) * 1000)))
                ready = poll(&pfd, 1, remaining)
            } while ready < 0 && errno == EINTR
            if ready == 0 {
                throw LLMError.connection("connecting to \(host):\(port) timed out after \(LLMError.seconds(timeout))")
            }
            if ready < 0 { lastError = String(cString: strerror(errno)); continue }
            var code: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            getsockopt(fd, SOL_SOCKET, SO_ERROR, &code, &length)
            if code == 0 { return }
            lastError = String(cString: strerror(code))
        }
        throw LLMError.connection("cannot connect to \(host):\(port): \(lastError.lowercased())")
    }

    private static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
    }
}
