/// Whitespace-separated tokens of a text with their 1-based line numbers, for the reader's
/// error messages. CRLF and blank lines are tolerated.
struct BinPackingTokens {
    struct Token {
        var text: Substring
        var line: Int
    }

    let file: String
    private var tokens: [Token] = []
    private var cursor = 0
    private(set) var last: Token?

    init(text: String, file: String) {
        self.file = file
        // Bytes, not Characters: "\r\n" is one Character in Swift and would hide line ends.
        let bytes = Array(text.utf8)
        var lineNumber = 1
        var start = -1
        func flush(_ end: Int) {
            guard start >= 0 else { return }
            let piece = String(decoding: bytes[start..<end], as: UTF8.self)
            tokens.append(Token(text: Substring(piece), line: lineNumber))
            start = -1
        }
        for (k, byte) in bytes.enumerated() {
            switch byte {
            case UInt8(ascii: "\n"):
                flush(k)
                lineNumber += 1
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: ","):
                flush(k)
            default:
                if start < 0 { start = k }
            }
        }
        flush(bytes.count)
    }

    /// File name without directory and extension: the instance name.
    var baseName: String {
        let last = file.split(separator: "/").last.map(String.init) ?? file
        if let dot = last.lastIndex(of: "."), dot != last.startIndex { return String(last[..<dot]) }
        return last
    }

    var firstLine: Int { tokens.first?.line ?? 1 }

    func peek(_ offset: Int) -> Token? {
        let i = cursor + offset
        return i < tokens.count ? tokens[i] : nil
    }

    mutating func next() -> Token? {
        guard cursor < tokens.count else { return nil }
        defer { cursor += 1 }
        last = tokens[cursor]
        return tokens[cursor]
    }

    /// The next token as an integer in `range`; `sameLine` demands it on the previous token's line.
    mutating func integer(_ what: String, range: ClosedRange<Int>, sameLine: Bool = false) throws -> Int {
        let previousLine = last?.line
        guard let token = next() else {
            throw error(at: nil, "expected \(what), found the end of the file")
        }
        if sameLine, let previousLine, token.line != previousLine {
            throw error(at: token, "expected \(what) on line \(previousLine), found nothing there")
        }
        guard let value = Int(token.text) else {
            throw error(at: token, "expected \(what), found \"\(token.text)\"")
        }
        guard range.contains(value) else {
            throw error(at: token, "expected \(what) in \(range.lowerBound)…\(range.upperBound), found \(value)")
        }
        return value
    }

    mutating func expectEnd(_ context: String) throws {
        if let extra = peek(0) {
            throw error(at: extra, "unexpected \"\(extra.text)\" \(context): the count and the data disagree")
        }
    }

    /// An error at `token`'s line, or at the last line when `token` is nil (end of file).
    func error(at token: Token?, _ message: String) -> BinPackingFormatError {
        BinPackingFormatError(file: file, line: token?.line ?? tokens.last?.line, message: message)
    }
}
