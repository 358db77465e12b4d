import Foundation

/// An HTTP/1.1 response, read as its bytes arrive, with hard limits: at most `headerLimit` bytes
/// of head (and of trailers), at most `cap` bytes of body. Bodies by `Content-Length`, `chunked`,
/// or until the connection closes; interim 1xx answers are skipped. Work and memory are linear in
/// the bytes fed, so a hostile server gets an error, never a hang or a heap.
struct HTTPResponseParser {
    enum Failure: Error, Equatable {
        /// The body passed `cap` bytes (or declared more).
        case tooLarge
        /// Not HTTP, or HTTP this parser refuses; the reason is for the error message.
        case malformed(String)
    }

    static let headerLimit = 65_536

    let cap: Int
    private(set) var status = 0
    /// Header names lowercased; a repeated header keeps its first value.
    private(set) var headers: [String: String] = [:]
    private(set) var body = Data()
    private(set) var isComplete = false

    private enum Framing { case length(Int), chunked, untilClose }
    private enum ChunkStep { case size, data(Int), dataEnd, trailers }
    private enum Stage { case head, body(Framing), chunk(ChunkStep), done }

    private var stage = Stage.head
    private var buffer: [UInt8] = []
    private var cursor = 0          // bytes of `buffer` already consumed
    private var scanFrom = 0        // where the search for the end of a line resumes
    private var headBytes = 0       // head or trailer bytes read so far

    init(cap: Int) { self.cap = cap }

    /// True once the status line and headers of the final (non-1xx) response are in.
    var hasHead: Bool {
        if case .head = stage { return false }
        return true
    }

    /// Takes the next bytes from the connection.
    mutating func feed(_ bytes: [UInt8]) throws {
        guard !isComplete else { return }
        buffer.append(contentsOf: bytes)
        try advance()
        if cursor > 65_536, cursor * 2 > buffer.count {   // drop consumed bytes, now and then
            buffer.removeFirst(cursor)
            scanFrom -= cursor
            cursor = 0
        }
    }

    /// The connection closed: fine for a body that runs until close, else the reply was cut.
    mutating func finish() throws {
        guard !isComplete else { return }
        if case .body(.untilClose) = stage {
            isComplete = true
            stage = .done
            return
        }
        throw Failure.malformed(hasHead || status != 0 ? "connection closed before the reply was complete"
                                                      : "connection closed without a valid HTTP reply")
    }

    // MARK: Steps

    private mutating func advance() throws {
        while true {
            switch stage {
            case .done:
                return
            case .head:
                guard let line = try nextLine() else { return }
                try headLine(line)
            case .body(let framing):
                guard try bodyBytes(framing) else { return }
            case .chunk(let step):
                guard try chunkStep(step) else { return }
            }
        }
    }

    /// The next CRLF- (or LF-) terminated line, without its end; nil until one is complete.
    /// Head and trailer lines count against `headerLimit` together; the lines around chunks
    /// may have 4 KiB each.
    private mutating func nextLine() throws -> [UInt8]? {
        let counted: Bool
        switch stage {
        case .head, .chunk(.trailers): counted = true
        default: counted = false
        }
        let limit = counted ? HTTPResponseParser.headerLimit - headBytes : 4096
        var i = max(scanFrom, cursor)
        while i < buffer.count, buffer[i] != 10 { i += 1 }
        guard i < buffer.count else {
            scanFrom = i
            if buffer.count - cursor > limit { throw lineTooLong(counted) }
            return nil
        }
        guard i + 1 - cursor <= limit else { throw lineTooLong(counted) }
        var end = i
        if end > cursor, buffer[end - 1] == 13 { end -= 1 }
        let line = Array(buffer[cursor..<end])
        if counted { headBytes += i + 1 - cursor }
        cursor = i + 1
        scanFrom = cursor
        return line
    }

    private func lineTooLong(_ counted: Bool) -> Failure {
        .malformed(counted ? "headers larger than \(HTTPResponseParser.headerLimit / 1024) KiB" : "chunk framing line too long")
    }

    private mutating func headLine(_ line: [UInt8]) throws {
        if status == 0 {
            // "HTTP/1.1 200 OK"
            let text = String(decoding: line, as: UTF8.self)
            let parts = text.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
            guard parts.count >= 2, parts[0].hasPrefix("HTTP/"), let code = Int(parts[1]), (100...999).contains(code) else {
                throw Failure.malformed("not an HTTP reply")
            }
            status = code
            return
        }
        guard line.isEmpty else {
            guard let colon = line.firstIndex(of: 58) else { throw Failure.malformed("bad header line") }
            let name = String(decoding: line[..<colon], as: UTF8.self).trimmingCharacters(in: .whitespaces).lowercased()
            let value = String(decoding: line[(colon + 1)...], as: UTF8.self).trimmingCharacters(in: .whitespaces)
            if headers[name] == nil { headers[name] = value }
            return
        }
        // End of the head.
        if (100...199).contains(status), status != 101 {   // interim answer: the real one follows
            status = 0
            headers = [:]
            headBytes = 0
            return
        }
        stage = .body(try framing())
        headBytes = 0
    }

    private func framing() throws -> Framing {
        if status == 204 || status == 304 { return .length(0) }
        if let coding = headers["transfer-encoding"]?.lowercased() {
            guard coding.split(separator: ",").last?.trimmingCharacters(in: .whitespaces) == "chunked" else {
                throw Failure.malformed("unsupported transfer encoding '\(coding.prefix(40))'")
            }
            return .chunked
        }
        if let declared = headers["content-length"] {
            guard let length = Int(declared.trimmingCharacters(in: .whitespaces)), length >= 0 else {
                throw Failure.malformed("bad Content-Length")
            }
            guard length <= cap else { throw Failure.tooLarge }
            return .length(length)
        }
        return .untilClose
    }

    /// Moves body bytes; false when more input is needed.
    private mutating func bodyBytes(_ framing: Framing) throws -> Bool {
        switch framing {
        case .chunked:
            stage = .chunk(.size)
            return true
        case .length(let left):
            let n = min(left, buffer.count - cursor)
            try take(n)
            if left - n == 0 {
                isComplete = true
                stage = .done
                return false
            }
            stage = .body(.length(left - n))
            return false
        case .untilClose:
            try take(buffer.count - cursor)
            return false
        }
    }

    private mutating func chunkStep(_ step: ChunkStep) throws -> Bool {
        switch step {
        case .size:
            guard let line = try nextLine() else { return false }
            let digits = line.prefix { $0 != 59 && $0 != 32 && $0 != 9 }   // before extensions
            guard !digits.isEmpty, digits.count <= 15,
                  let size = Int(String(decoding: digits, as: UTF8.self), radix: 16), size >= 0 else {
                throw Failure.malformed("bad chunk size")
            }
            guard body.count + size <= cap else { throw Failure.tooLarge }
            stage = .chunk(size == 0 ? .trailers : .data(size))
            return true
        case .data(let left):
            let n = min(left, buffer.count - cursor)
            try take(n)
            guard left - n == 0 else {
                stage = .chunk(.data(left - n))
                return false
            }
            stage = .chunk(.dataEnd)
            return true
        case .dataEnd:
            guard let line = try nextLine() else { return false }
            guard line.isEmpty else { throw Failure.malformed("chunk not followed by CRLF") }
            stage = .chunk(.size)
            return true
        case .trailers:
            guard let line = try nextLine() else { return false }
            if line.isEmpty {
                isComplete = true
                stage = .done
                return false
            }
            return true
        }
    }

    /// Moves `n` buffered bytes into the body, within the cap.
    private mutating func take(_ n: Int) throws {
        guard n > 0 else { return }
        guard body.count + n <= cap else { throw Failure.tooLarge }
        body.append(contentsOf: buffer[cursor..<(cursor + n)])
        cursor += n
        scanFrom = cursor
    }
}
