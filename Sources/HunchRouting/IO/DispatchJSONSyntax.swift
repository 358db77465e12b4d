import Foundation
import HunchCore

/// The dispatch reader's JSON parser: RFC 8259 text to a `JSONValue`, with every refusal placed
/// by line and column — Foundation's decoder only says "not valid JSON", and a planner editing a
/// 2,000-line day by hand needs the line.
///
/// It also refuses what Foundation's decoder lets through or reports without a place: a member
/// name twice in one object (`{"count": 2, "count": 9}` — which of the two counts is a guess), a
/// number beyond a double's range (`1e400`), bytes that are not UTF-8 inside a string, and
/// nesting deeper than `maxDepth` (so a hostile file cannot exhaust the stack). Numbers follow
/// `JSONValue`'s decoding: an integer literal within `Int` is `.int`, as is a decimal or
/// exponent form of an integer that `Int` holds exactly (`300.0`, `1e2`); anything else is
/// `.double`. A text in UTF-16 or UTF-32 with a byte-order mark is converted first.
enum DispatchJSONSyntax {
    struct Problem: Equatable {
        /// 1-based.
        var line: Int
        var column: Int
        var message: String
    }

    /// Deeper nesting is reported rather than followed.
    static let maxDepth = 512

    /// The first error, nil when `bytes` is one JSON value (with blanks around it).
    static func firstError<Bytes: Collection>(in bytes: Bytes) -> Problem? where Bytes.Element == UInt8 {
        do {
            _ = try parse(bytes)
            return nil
        } catch {
            return error as? Problem
        }
    }

    /// The one JSON value of `bytes`, or the first `Problem`.
    static func parse<Bytes: Collection>(_ bytes: Bytes) throws -> JSONValue where Bytes.Element == UInt8 {
        var scanner = Scanner(bytes: transcoded(Array(bytes)))
        let value = try scanner.value(depth: 0)
        scanner.skipBlanks()
        if scanner.position < scanner.bytes.count { throw scanner.fail("expected the end of the text after the top-level value") }
        return value
    }

    /// UTF-16 and UTF-32 texts (with a byte-order mark) as UTF-8; others unchanged.
    static func transcoded(_ bytes: [UInt8]) -> [UInt8] {
        let marks: [([UInt8], String.Encoding)] = [([0x00, 0x00, 0xFE, 0xFF], .utf32BigEndian), ([0xFF, 0xFE, 0x00, 0x00], .utf32LittleEndian),
                                                   ([0xFE, 0xFF], .utf16BigEndian), ([0xFF, 0xFE], .utf16LittleEndian)]
        for (mark, encoding) in marks where bytes.starts(with: mark) {
            guard let text = String(data: Data(bytes.dropFirst(mark.count)), encoding: encoding) else { return bytes }
            return Array(text.utf8)
        }
        return bytes
    }

    private struct Scanner {
        let bytes: [UInt8]
        var position = 0

        init(bytes: [UInt8]) {
            self.bytes = bytes
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
        }

        func fail(_ expected: String, at place: Int? = nil) -> Problem {
            let (line, column) = Self.place(of: place ?? position, in: bytes)
            let at = place ?? position
            let found: String
            if at >= bytes.count {
                found = "the end of the text"
            } else {
                let end = min(bytes.count, at + 12)
                let piece = String(decoding: bytes[at..<end], as: UTF8.self).prefix { $0 != "\n" && $0 != "\r" }
                found = "'\(InstanceFileError.excerpt(piece))'"
            }
            return Problem(line: line, column: column, message: "\(expected), found \(found) (column \(column))")
        }

        /// 1-based line and column (in characters) of byte `offset`.
        static func place(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
            var line = 1, column = 1
            for byte in bytes[..<min(offset, bytes.count)] {
                if byte == 0x0A { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
            }
            return (line, column)
        }

        var current: UInt8? { position < bytes.count ? bytes[position] : nil }

        mutating func skipBlanks() {
            while position < bytes.count {
                let byte = bytes[position]
                guard byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D else { return }
                position += 1
            }
        }

        mutating func expect(_ byte: UInt8, _ what: String) throws {
            skipBlanks()
            guard current == byte else { throw fail(what) }
            position += 1
        }

        mutating func value(depth: Int) throws -> JSONValue {
            skipBlanks()
            guard depth < DispatchJSONSyntax.maxDepth else { throw fail("nesting deeper than \(DispatchJSONSyntax.maxDepth) levels") }
            let anyValue = "expected a value (an object, array, string, number, true, false or null)"
            guard let byte = current else { throw fail(anyValue) }
            switch byte {
            case UInt8(ascii: "{"):
                position += 1
                skipBlanks()
                var members: [String: JSONValue] = [:]
                var nameAt: [String: Int] = [:]
                if current == UInt8(ascii: "}") { position += 1; return .object(members) }
                while true {
                    skipBlanks()
                    guard current == UInt8(ascii: "\"") else { throw fail("expected a member name in double quotes") }
                    let start = position
                    let name = try string()
                    if let first = nameAt[name] {
                        let line = Self.place(of: first, in: bytes).line
                        throw fail("expected each member name once in an object, but \"\(InstanceFileError.excerpt(Substring(name)))\" "
                                   + "is already a member (line \(line))", at: start)
                    }
                    nameAt[name] = start
                    try expect(UInt8(ascii: ":"), "expected ':' after the member name")
                    members[name] = try value(depth: depth + 1)
                    skipBlanks()
                    if current == UInt8(ascii: ",") { position += 1; continue }
                    if current == UInt8(ascii: "}") { position += 1; return .object(members) }
                    throw fail("expected ',' or '}' after a member")
                }
            case UInt8(ascii: "["):
                position += 1
                skipBlanks()
                var items: [JSONValue] = []
                if current == UInt8(ascii: "]") { position += 1; return .array(items) }
                while true {
                    items.append(try value(depth: depth + 1))
                    skipBlanks()
                    if current == UInt8(ascii: ",") { position += 1; continue }
                    if current == UInt8(ascii: "]") { position += 1; return .array(items) }
                    throw fail("expected ',' or ']' after an array element")
                }
            case UInt8(ascii: "\""):
                return .string(try string())
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                return try number()
            default:
                for (word, value) in [("true", JSONValue.bool(true)), ("false", .bool(false)), ("null", .null)]
                    where bytes[position...].starts(with: word.utf8) {
                    position += word.utf8.count
                    return value
                }
                throw fail(anyValue)
            }
        }

        mutating func hex4() throws -> UInt32 {
            var code: UInt32 = 0
            for _ in 0..<4 {
                guard let hex = current else { throw fail("expected 4 hexadecimal digits after \\u") }
                let digit: UInt8
                switch hex {
                case 0x30...0x39: digit = hex - 0x30
                case 0x41...0x46: digit = hex - 0x41 + 10
                case 0x61...0x66: digit = hex - 0x61 + 10
                default: throw fail("expected 4 hexadecimal digits after \\u")
                }
                code = code << 4 | UInt32(digit)
                position += 1
            }
            return code
        }

        mutating func string() throws -> String {
            let opening = position
            position += 1
            var out: [UInt8] = []
            var plain = position
            while position < bytes.count {
                let byte = bytes[position]
                switch byte {
                case UInt8(ascii: "\""):
                    out.append(contentsOf: bytes[plain..<position])
                    position += 1
                    guard let text = String(validating: out, as: UTF8.self) else {
                        throw fail("expected UTF-8 text in the string (it holds bytes that are not UTF-8)", at: opening)
                    }
                    return text
                case UInt8(ascii: "\\"):
                    out.append(contentsOf: bytes[plain..<position])
                    position += 1
                    guard let escaped = current, Array("\"\\/bfnrtu".utf8).contains(escaped) else {
                        throw fail("expected an escape (\\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\uXXXX)")
                    }
                    position += 1
                    switch escaped {
                    case UInt8(ascii: "b"): out.append(0x08)
                    case UInt8(ascii: "f"): out.append(0x0C)
                    case UInt8(ascii: "n"): out.append(0x0A)
                    case UInt8(ascii: "r"): out.append(0x0D)
                    case UInt8(ascii: "t"): out.append(0x09)
                    case UInt8(ascii: "u"):
                        let escapeStart = position - 2
                        var code = try hex4()
                        if (0xD800..<0xDC00).contains(code) {
                            guard bytes[position...].starts(with: Array("\\u".utf8)) else {
                                throw fail("expected a low surrogate \\uDC00…\\uDFFF after the high surrogate", at: escapeStart)
                            }
                            position += 2
                            let low = try hex4()
                            guard (0xDC00..<0xE000).contains(low) else {
                                throw fail("expected a low surrogate \\uDC00…\\uDFFF after the high surrogate", at: escapeStart)
                            }
                            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        } else if (0xDC00..<0xE000).contains(code) {
                            throw fail("expected a high surrogate \\uD800…\\uDBFF before the low one", at: escapeStart)
                        }
                        out.append(contentsOf: Array(String(Character(Unicode.Scalar(code)!)).utf8))
                    default: out.append(escaped)
                    }
                    plain = position
                case 0..<0x20:
                    throw fail("expected the closing '\"' of the string (a line break or control character inside a string must be escaped)")
                default:
                    position += 1
                }
            }
            throw fail("expected the closing '\"' of the string")
        }

        mutating func number() throws -> JSONValue {
            let start = position
            func digits() -> Int {
                let first = position
                while position < bytes.count, bytes[position] >= 0x30 && bytes[position] <= 0x39 { position += 1 }
                return position - first
            }
            if current == UInt8(ascii: "-") { position += 1 }
            if current == UInt8(ascii: "0") {
                position += 1
            } else if digits() == 0 {
                throw fail("expected a digit")
            }
            var integral = true
            if current == UInt8(ascii: ".") {
                integral = false
                position += 1
                guard digits() > 0 else { throw fail("expected a digit after the decimal point") }
            }
            if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
                integral = false
                position += 1
                if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { position += 1 }
                guard digits() > 0 else { throw fail("expected a digit in the exponent") }
            }
            let text = String(decoding: bytes[start..<position], as: UTF8.self)
            if integral, let value = Int(text) { return .int(value) }
            guard let value = Double(text), value.isFinite else {
                throw fail("expected a number within ±1.8e308 (a double's range)", at: start)
            }
            if let exact = Int(exactly: value) { return .int(exact) }
            return .double(value)
        }
    }
}

extension DispatchJSONSyntax.Problem: Error {}
