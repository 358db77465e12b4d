#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A tiny HTTP/1.1 server on 127.0.0.1 (ephemeral port) that answers like an OpenAI
/// chat-completions server, one scripted action per request. Each connection gets its own
/// thread and one answer, then is closed. `stop()` (also run on deinit) ends every thread
/// within a fraction of a second: sleeps are sliced and reads time out, so no test can hang.
public final class StubChatServer: @unchecked Sendable {
    public struct Request {
        public var method: String
        public var path: String
        /// Header names lowercased.
        public var headers: [String: String]
        public var body: Data
        public var json: [String: Any]? { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] }
    }

    public indirect enum Action {
        /// Any status and body.
        case reply(status: Int, body: String)
        /// 200 with a chat completion whose message content is this text.
        case chat(String)
        /// Wait, then act (the wait stops early when the server stops).
        case delayed(Double, Action)
        /// Close the connection without a byte of answer.
        case close
        /// Send the status line and half the body of a chat completion, then close.
        case truncated(String)
        /// A redirect (301, 302, 303, 307, 308) to `location`, absolute or relative.
        case redirect(status: Int, location: String)
        /// 200, chunked, the start of a chat completion and then filler without end, in 64 KiB
        /// chunks `pause` seconds apart, until the client leaves or the server stops.
        case endless(pause: Double)
        /// 200 with a declared `Content-Length` of `bytes`: a chat completion whose content is
        /// filler, streamed in pieces (never held whole), until done or the client leaves.
        case huge(bytes: Int)
        /// A status line and then header lines without end.
        case endlessHeaders
    }

    public let port: Int
    public var baseURL: String { "http://127.0.0.1:\(port)/v1" }

    private let listener: Int32
    private let script: (Request, Int) -> Action
    private let lock = NSLock()
    private var stopping = false
    private var received: [Request] = []
    private var openConnections = 0
    private var streamed = 0
    private let acceptLoopDone = DispatchSemaphore(value: 0)

    /// `script(request, index)` decides the answer to the index-th request (0-based).
    public init(script: @escaping (Request, Int) -> Action) throws {
        self.script = script
        let fd = socket(AF_INET, Int32(SOCK_STREAM_VALUE), 0)
        guard fd >= 0 else { throw StubError("socket: \(errno)") }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 16) == 0 else { close(fd); throw StubError("bind/listen: \(errno)") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        port = Int(UInt16(bigEndian: address.sin_port))
        listener = fd
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    /// Answers the i-th request with `actions[i]` (the last action repeats).
    public convenience init(_ actions: [Action]) throws {
        precondition(!actions.isEmpty)
        try self.init { _, index in actions[min(index, actions.count - 1)] }
    }

    deinit { stop() }

    /// Requests received so far (connections that sent nothing, such as connect probes, are not counted).
    public var requests: [Request] { lock.withLock { received } }

    /// Bytes the streaming actions (`endless`, `huge`, `endlessHeaders`) managed to send.
    public var bytesStreamed: Int { lock.withLock { streamed } }

    /// Connections being answered right now (a stream still running counts).
    public var activeConnections: Int { lock.withLock { openConnections } }

    /// Stops accepting, cuts short pending delays, and waits (at most ~2 s) for threads to end.
    public func stop() {
        let first = lock.withLock { () -> Bool in
            defer { stopping = true }
            return !stopping
        }
        guard first else { return }
        _ = acceptLoopDone.wait(timeout: .now() + 2)
        let deadline = Date().addingTimeInterval(2)
        while lock.withLock({ openConnections }) > 0 && Date() < deadline { usleep(5_000) }
    }

    private var isStopping: Bool { lock.withLock { stopping } }

    private func acceptLoop() {
        defer { close(listener); acceptLoopDone.signal() }
        while !isStopping {
            var pfd = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
            guard poll(&pfd, 1, 20) > 0 else { continue }
            let client = accept(listener, nil, nil)
            guard client >= 0 else { continue }
            lock.withLock { openConnections += 1 }
            let thread = Thread { [self] in
                handle(client)
                close(client)
                lock.withLock { openConnections -= 1 }
            }
            thread.start()
        }
    }

    private func handle(_ fd: Int32) {
        var timeout = timeval(tv_sec: 0, tv_usec: 200_000)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        guard let request = readRequest(fd) else { return }
        let index = lock.withLock { () -> Int in
            received.append(request)
            return received.count - 1
        }
        perform(script(request, index), on: fd)
    }

    private func perform(_ action: Action, on fd: Int32) {
        switch action {
        case .reply(let status, let body):
            write(fd, response(status: status, body: Data(body.utf8)))
        case .chat(let content):
            write(fd, response(status: 200, body: StubChatServer.completion(content)))
        case .delayed(let seconds, let next):
            let end = Date().addingTimeInterval(seconds)
            while Date() < end {
                if isStopping { return }
                usleep(10_000)
            }
            perform(next, on: fd)
        case .close:
            shutdown(fd, Int32(SHUT_RDWR_VALUE))
        case .truncated(let content):
            let full = response(status: 200, body: StubChatServer.completion(content))
            write(fd, full.prefix(full.count - max(1, StubChatServer.completion(content).count / 2)))
            shutdown(fd, Int32(SHUT_RDWR_VALUE))
        case .redirect(let status, let location):
            let body = Data("moved".utf8)
            let head = "HTTP/1.1 \(status) Redirect\r\nLocation: \(location)\r\nContent-Type: text/plain\r\n"
                + "Content-Length: \(body.count)\r\nConnection: close\r\n\r\n"
            write(fd, Data(head.utf8) + body)
        case .endless(let pause):
            let head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
            guard stream(fd, Data(head.utf8)) else { return }
            let start = Data(#"{"id":"chatcmpl-stub","choices":[{"index":0,"message":{"role":"assistant","content":""#.utf8)
            guard stream(fd, StubChatServer.chunk(start)) else { return }
            let filler = StubChatServer.chunk(Data(repeating: UInt8(ascii: "a"), count: 65_536))
            while stream(fd, filler) {
                if pause > 0 && !sleep(pause) { return }
            }
        case .huge(let bytes):
            let start = Data(#"{"id":"chatcmpl-stub","choices":[{"index":0,"message":{"role":"assistant","content":""#.utf8)
            let end = Data(#""},"finish_reason":"stop"}]}"#.utf8)
            let head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: \(bytes)\r\nConnection: close\r\n\r\n"
            guard stream(fd, Data(head.utf8)), stream(fd, start) else { return }
            var left = max(0, bytes - start.count - end.count)
            let piece = Data(repeating: UInt8(ascii: "a"), count: 65_536)
            while left > 0 {
                let n = min(left, piece.count)
                guard stream(fd, piece.prefix(n)) else { return }
                left -= n
            }
            _ = stream(fd, end)
        case .endlessHeaders:
            guard stream(fd, Data("HTTP/1.1 200 OK\r\n".utf8)) else { return }
            var i = 0
            while stream(fd, Data("X-Filler-\(i): \(String(repeating: "h", count: 200))\r\n".utf8)) { i += 1 }
        }
    }

    /// A piece of a chunked body.
    private static func chunk(_ data: Data) -> Data {
        Data((String(data.count, radix: 16) + "\r\n").utf8) + data + Data("\r\n".utf8)
    }

    /// Sleeps `seconds` in slices; false when the server stopped meanwhile.
    private func sleep(_ seconds: Double) -> Bool {
        let end = Date().addingTimeInterval(seconds)
        while Date() < end {
            if isStopping { return false }
            usleep(5_000)
        }
        return true
    }

    /// Sends all of `data`, counting it in `bytesStreamed`; false once the client is gone or the
    /// server stops. Sends time out every 200 ms so that a client that stops reading without
    /// closing cannot keep this thread past `stop()`.
    private func stream(_ fd: Int32, _ data: Data) -> Bool {
        var timeout = timeval(tv_sec: 0, tv_usec: 200_000)
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        return data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Bool in
            var offset = 0
            while offset < raw.count {
                if isStopping { return false }
                let n = send(fd, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL_VALUE))
                if n < 0, errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR { continue }
                if n <= 0 { return false }
                offset += n
                lock.withLock { streamed += n }
            }
            return true
        }
    }

    /// An OpenAI chat-completion object whose first choice says `content`.
    static func completion(_ content: String) -> Data {
        let object: [String: Any] = [
            "id": "chatcmpl-stub", "object": "chat.completion", "created": 0, "model": "stub-model",
            "choices": [["index": 0, "message": ["role": "assistant", "content": content], "finish_reason": "stop"]],
            "usage": ["prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2],
        ]
        return try! JSONSerialization.data(withJSONObject: object)
    }

    private func response(status: Int, body: Data) -> Data {
        let reason = [200: "OK", 400: "Bad Request", 401: "Unauthorized", 404: "Not Found", 422: "Unprocessable Entity",
                      429: "Too Many Requests", 500: "Internal Server Error", 503: "Service Unavailable"][status] ?? "Status"
        var head = "HTTP/1.1 \(status) \(reason)\r\n"
        head += "Content-Type: application/json\r\nContent-Length: \(body.count)\r\nConnection: close\r\n\r\n"
        return Data(head.utf8) + body
    }

    private func write(_ fd: Int32, _ data: Data) {
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < raw.count {
                let n = send(fd, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL_VALUE))
                if n <= 0 { return }
                offset += n
            }
        }
    }

    /// Reads headers and a Content-Length body; nil on a connection that sends nothing usable.
    private func readRequest(_ fd: Int32) -> Request? {
        var buffer = Data()
        var chunk = [UInt8](repeating: 0, count: 4096)
        let separator = Data("\r\n\r\n".utf8)
        let giveUp = Date().addingTimeInterval(3)
        var headerEnd: Range<Data.Index>?
        while headerEnd == nil {
            if isStopping || Date() > giveUp { return nil }
            let n = recv(fd, &chunk, chunk.count, 0)
            if n == 0 { return nil }
            if n < 0 { if errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR { continue } else { return nil } }
            buffer.append(contentsOf: chunk[0..<n])
            headerEnd = buffer.range(of: separator)
        }
        let head = String(decoding: buffer[..<headerEnd!.lowerBound], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst().split(separator: " ")
        guard requestLine.count >= 2 else { return nil }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Data(buffer[headerEnd!.upperBound...])
        let expected = Int(headers["content-length"] ?? "0") ?? 0
        while body.count < expected {
            if isStopping || Date() > giveUp { return nil }
            let n = recv(fd, &chunk, chunk.count, 0)
            if n == 0 { break }
            if n < 0 { if errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR { continue } else { break } }
            body.append(contentsOf: chunk[0..<n])
        }
        return Request(method: String(requestLine[0]), path: String(requestLine[1]), headers: headers, body: body)
    }
}

public struct StubError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

#if canImport(Glibc)
private let SOCK_STREAM_VALUE = SOCK_STREAM.rawValue
private let SHUT_RDWR_VALUE = SHUT_RDWR
private let MSG_NOSIGNAL_VALUE = MSG_NOSIGNAL
#else
private let SOCK_STREAM_VALUE = SOCK_STREAM
private let SHUT_RDWR_VALUE = SHUT_RDWR
private let MSG_NOSIGNAL_VALUE: Int32 = 0
#endif
