import Foundation

/// The first kilobytes of an instance file, tokenised once for the families' `recognises`: a
/// UTF-8 byte-order mark dropped, CR/LF and tabs treated as whitespace, comment lines (`#`, `//`)
/// and blank lines skipped.
public struct InstanceHead: Sendable {
    /// Non-blank, non-comment lines, trimmed, runs of spaces and tabs collapsed to one space.
    public let lines: [String]

    public init(_ text: String) {
        var body = Substring(text)
        if body.hasPrefix("\u{FEFF}") { body = body.dropFirst() }
        lines = body.split(whereSeparator: \.isNewline).compactMap { raw in
            let words = raw.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            let line = words.joined(separator: " ")
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix("//") { return nil }
            return line
        }
    }

    public var firstLine: String? { lines.first }

    /// How many bytes of a file `recognises` gets to see.
    public static let byteCount = 8192

    /// The first `byteCount` bytes of a file as text (invalid UTF-8 replaced), or nil when it
    /// cannot be opened: what family detection reads, and what a family that reads two formats
    /// looks at to choose its reader.
    public static func text(ofFile path: String) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        return String(decoding: handle.readData(ofLength: byteCount), as: UTF8.self)
    }

    /// The first `count` lines as numbers (split on spaces and commas), stopping at the first
    /// line that is not all numbers; empty when the first line is not.
    public func numericLines(_ count: Int) -> [[Double]] {
        var result: [[Double]] = []
        for line in lines.prefix(count) {
            let tokens = line.split(whereSeparator: { $0 == " " || $0 == "," })
            let numbers = tokens.compactMap { Double($0) }
            guard numbers.count == tokens.count, !numbers.isEmpty else { break }
            result.append(numbers)
        }
        return result
    }

    /// The keyword of a TSPLIB-style `KEY : value` line (upper case), or nil.
    public static func keyword(of line: String) -> String? {
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let key = line[..<colon].trimmingCharacters(in: .whitespaces).uppercased()
        return key.isEmpty || key.contains(" ") ? nil : key
    }

    /// Every `KEY : value` of the head as (keyword, value), until the first line that is not one.
    public var keywords: [(key: String, value: String)] {
        var result: [(String, String)] = []
        for line in lines {
            guard let key = InstanceHead.keyword(of: line), let colon = line.firstIndex(of: ":") else {
                if line.uppercased().hasSuffix("_SECTION") || line.uppercased() == "EOF" { break }
                continue
            }
            result.append((key, line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        return result
    }
}
