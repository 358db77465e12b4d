import Foundation

/// The one tokenizer of the whitespace-separated instance formats (job shop, bin packing,
/// thpack): numbers and words with their 1-based line numbers, for the readers' `file:line:`
/// errors.
///
/// Tolerated everywhere: a UTF-8 byte-order mark, LF, CRLF and lone CR line ends, spaces, tabs
/// and the other ASCII blanks (vertical tab, form feed), blank lines, and bytes that are not
/// UTF-8 (they can only make a token that is not a number). Optionally commas separate tokens
/// and `#` starts a comment that runs to the end of the line.
///
/// It works on bytes, not `Character`s: `"\r\n"` is one `Character` in Swift and would hide a
/// line end from a `split(separator: "\n")`.
public struct InstanceTokens: Sendable {
    public struct Token: Sendable {
        public var text: Substring
        /// 1-based line number.
        public var line: Int

        public init(text: Substring, line: Int) {
            self.text = text
            self.line = line
        }

        /// The token as an error message may quote it: escaped, cut to 40 characters, in quotes.
        public var quoted: String { "\"\(InstanceFileError.excerpt(text))\"" }
    }

    /// One line that holds tokens.
    public struct Line: Sendable {
        public var number: Int
        public var tokens: [Substring]
    }

    /// The file as errors name it.
    public let file: String
    public private(set) var tokens: [Token] = []
    /// The number of the last line of the text (one more than the line count when the text ends
    /// with a line break).
    public private(set) var lastLine = 1
    private var cursor = 0
    /// The token most recently returned by `next()`.
    public private(set) var last: Token?

    /// Tokenises `bytes`; `commas` makes commas separators, `hashComments` drops `#` to the end of the line.
    public init<Bytes: Collection>(bytes: Bytes, file: String, commas: Bool = false, hashComments: Bool = false)
    where Bytes.Element == UInt8 {
        self.file = file
        var buffer = Array(bytes)
        if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { buffer.removeFirst(3) }
        var line = 1
        var start = -1
        var inComment = false
        var k = 0
        let count = buffer.count
        var found: [Token] = []
        found.reserveCapacity(count / 4)
        func flush(_ end: Int) {
            guard start >= 0 else { return }
            let piece = String(decoding: buffer[start..<end], as: UTF8.self)
            found.append(Token(text: Substring(piece), line: line))
            start = -1
        }
        while k < count {
            let byte = buffer[k]
            switch byte {
            case 0x0A:
                flush(k)
                line += 1
                inComment = false
            case 0x0D:
                flush(k)
                // CRLF is one line end; a lone CR (classic Mac OS) is one too.
                if k + 1 < count && buffer[k + 1] == 0x0A { k += 1 }
                line += 1
                inComment = false
            case 0x20, 0x09, 0x0B, 0x0C:
                flush(k)
            case 0x2C where commas:
                flush(k)
            case 0x23 where hashComments:
                flush(k)
                inComment = true
            default:
                if start < 0 && !inComment { start = k }
            }
            k += 1
        }
        flush(count)
        tokens = found
        lastLine = line
    }

    public init(text: String, file: String, commas: Bool = false, hashComments: Bool = false) {
        self.init(bytes: text.utf8, file: file, commas: commas, hashComments: hashComments)
    }

    /// Reads the file at `path` as bytes; errors (no such file, a folder, unreadable) name `shownAs`.
    public static func load(_ path: String, shownAs shown: String? = nil, expected: String = "an instance file") throws -> Data {
        let name = shown ?? path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InstanceFileError(file: name, line: nil, message: "no such file")
        }
        guard !isDirectory.boolValue else {
            throw InstanceFileError(file: name, line: nil, message: "is a directory, expected \(expected)")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InstanceFileError(file: name, line: nil, message: "cannot read the file")
        }
        return data
    }

    // MARK: Lines

    /// The lines that hold tokens, in order, each with its tokens.
    public var lines: [Line] {
        var result: [Line] = []
        for token in tokens {
            if result.last?.number == token.line {
                result[result.count - 1].tokens.append(token.text)
            } else {
                result.append(Line(number: token.line, tokens: [token.text]))
            }
        }
        return result
    }

    // MARK: Reading in order

    public var isAtEnd: Bool { cursor >= tokens.count }
    /// Line of the first token (1 for an empty text).
    public var firstLine: Int { tokens.first?.line ?? 1 }

    public func peek(_ offset: Int = 0) -> Token? {
        let i = cursor + offset
        return i >= 0 && i < tokens.count ? tokens[i] : nil
    }

    public mutating func next() -> Token? {
        guard cursor < tokens.count else { return nil }
        defer { cursor += 1 }
        last = tokens[cursor]
        return tokens[cursor]
    }

    /// The next token as an integer in `range`; `sameLine` demands it on the previous token's line.
    /// Errors say `expected WHAT …, found …` at the token's line.
    public mutating func integer(_ what: String, range: ClosedRange<Int>, sameLine: Bool = false) throws -> Int {
        try integerWithLine(what, range: range, sameLine: sameLine).value
    }

    public mutating func integerWithLine(_ what: String, range: ClosedRange<Int>,
                                         sameLine: Bool = false) throws -> (value: Int, line: Int) {
        let previousLine = last?.line
        guard let token = next() else {
            throw error(at: nil, "expected \(what), found the end of the file")
        }
        if sameLine, let previousLine, token.line != previousLine {
            throw error(at: token, "expected \(what) on line \(previousLine), found nothing there")
        }
        guard let value = InstanceTokens.integer(token.text) else {
            throw error(at: token, "expected \(what) (an integer), found \(token.quoted)")
        }
        guard range.contains(value) else {
            let allowed = range.upperBound == Int.max ? "≥ \(range.lowerBound)" : "in \(range.lowerBound)…\(range.upperBound)"
            throw error(at: token, "expected \(what) \(allowed), found \(value)")
        }
        return (value, token.line)
    }

    /// Throws when tokens remain: `unexpected "…" CONTEXT`.
    public func expectEnd(_ context: String) throws {
        if let extra = peek(0) {
            throw error(at: extra, "unexpected \(extra.quoted) \(context)")
        }
    }

    /// An error at `token`'s line, or, when `token` is nil (the end of the file), at the line of
    /// the file's last token (1 for a file without any).
    public func error(at token: Token?, _ message: String) -> InstanceFileError {
        InstanceFileError(file: file, line: token?.line ?? tokens.last?.line ?? 1, message: message)
    }

    /// A decimal integer (optional sign, digits only): never hexadecimal, never a trap on
    /// overflow (nil instead).
    public static func integer(_ text: Substring) -> Int? {
        guard let first = text.utf8.first, text.utf8.count <= 40 else { return nil }
        let digits = first == UInt8(ascii: "+") || first == UInt8(ascii: "-") ? text.utf8.dropFirst() : text.utf8[...]
        guard !digits.isEmpty, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return Int(text)
    }
}
