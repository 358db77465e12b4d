import HunchCore

/// Where a text stops being JSON, for the dispatch reader's error: Foundation's decoder only
/// says "not valid JSON", and a planner editing a 2,000-line day by hand needs the line.
///
/// A plain recursive-descent scan of RFC 8259 (no values are built); it runs only after the
/// decoder has refused the text.
enum DispatchJSONSyntax {
    struct Problem: Equatable {
        /// 1-based.
        var line: Int
        var column: Int
        var message: String
    }

    /// Deeper nesting is reported rather than followed, so a hostile file cannot exhaust the stack.
    static let maxDepth = 512

    /// The first syntax error, nil when `bytes` is one JSON value (with blanks around it).
    static func firstError<Bytes: Collection>(in bytes: Bytes) -> Problem? where Bytes.Element == UInt8 {
        var scanner = Scanner(bytes: Array(bytes))
        do {
            try scanner.value(depth: 0)
            scanner.skipBlanks()
            if scanner.position < scanner.bytes.count { throw scanner.fail("expected the end of the text after the top-level value") }
            return nil
        } catch let problem as Problem {
            return problem
        } catch {
            return nil
        }
    }

    private struct Scanner {
        let bytes: [UInt8]
        var position = 0

        init(bytes: [UInt8]) {
            self.bytes = bytes
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
        }

        func fail(_ expected: String) -> Problem {
            var line = 1, column = 1
            for byte in bytes[..<min(position, bytes.count)] {
                if byte == 0x0A { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
            }
            let found: String
            if position >= bytes.count {
                found = "the end of the text"
            } else {
                let end = min(bytes.count, position + 12)
                let piece = String(decoding: bytes[position..<end], as: UTF8.self).prefix { $0 != "\n" && $0 != "\r" }
                found = "'\(InstanceFileError.excerpt(piece))'"
            }
            return Problem(line: line, column: column, message: "\(expected), found \(found) (column \(column))")
        }

        var current: UInt8? { position < bytes.count ? bytes[position] : nil }

        mutating func skipBlanks() {
            while let byte = current, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { position += 1 }
        }

        mutating func expect(_ byte: UInt8, _ what: String) throws {
            skipBlanks()
            guard current == byte else { throw fail(what) }
            position += 1
        }

        mutating func value(depth: Int) throws {
            skipBlanks()
            guard depth < DispatchJSONSyntax.maxDepth else { throw fail("nesting deeper than \(DispatchJSONSyntax.maxDepth) levels") }
            let anyValue = "expected a value (an object, array, string, number, true, false or null)"
            guard let byte = current else { throw fail(anyValue) }
            switch byte {
            case UInt8(ascii: "{"):
                position += 1
                skipBlanks()
                if current == UInt8(ascii: "}") { position += 1; return }
                while true {
                    skipBlanks()
                    guard current == UInt8(ascii: "\"") else { throw fail("expected a member name in double quotes") }
                    try string()
                    try expect(UInt8(ascii: ":"), "expected ':' after the member name")
                    try value(depth: depth + 1)
                    skipBlanks()
                    if current == UInt8(ascii: ",") { position += 1; continue }
                    if current == UInt8(ascii: "}") { position += 1; return }
                    throw fail("expected ',' or '}' after a member")
                }
            case UInt8(ascii: "["):
                position += 1
                skipBlanks()
                if current == UInt8(ascii: "]") { position += 1; return }
                while true {
                    try value(depth: depth + 1)
                    skipBlanks()
                    if current == UInt8(ascii: ",") { position += 1; continue }
                    if current == UInt8(ascii: "]") { position += 1; return }
                    throw fail("expected ',' or ']' after an array element")
                }
            case UInt8(ascii: "\""):
                try string()
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                try number()
            default:
                for word in ["true", "false", "null"] where bytes[position...].starts(with: word.utf8) {
                    position += word.utf8.count
                    return
                }
                throw fail(anyValue)
            }
        }

        mutating func string() throws {
            position += 1
            while let byte = current {
                switch byte {
                case UInt8(ascii: "\""):
                    position += 1
                    return
                case UInt8(ascii: "\\"):
                    position += 1
                    guard let escaped = current, Array("\"\\/bfnrtu".utf8).contains(escaped) else {
                        throw fail("expected an escape (\\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\uXXXX)")
                    }
                    position += 1
                    if escaped == UInt8(ascii: "u") {
                        for _ in 0..<4 {
                            guard let hex = current, (hex >= 0x30 && hex <= 0x39) || (hex | 0x20 >= 0x61 && hex | 0x20 <= 0x66) else {
                                throw fail("expected 4 hexadecimal digits after \\u")
                            }
                            position += 1
                        }
                    }
                case 0..<0x20:
                    throw fail("expected the closing '\"' of the string (a line break or control character inside a string must be escaped)")
                default:
                    position += 1
                }
            }
            throw fail("expected the closing '\"' of the string")
        }

        mutating func number() throws {
            func digits() -> Int {
                let start = position
                while let byte = current, byte >= 0x30 && byte <= 0x39 { position += 1 }
                return position - start
            }
            if current == UInt8(ascii: "-") { position += 1 }
            if current == UInt8(ascii: "0") {
                position += 1
            } else if digits() == 0 {
                throw fail("expected a digit")
            }
            if current == UInt8(ascii: ".") {
                position += 1
                guard digits() > 0 else { throw fail("expected a digit after the decimal point") }
            }
            if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
                position += 1
                if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { position += 1 }
                guard digits() > 0 else { throw fail("expected a digit in the exponent") }
            }
        }
    }
}

extension DispatchJSONSyntax.Problem: Error {}

