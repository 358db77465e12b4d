/// The bytes of one TSPLIB file, with the helpers every section parser needs: lines, tokens,
/// quoting for error messages, and errors that carry the file name.
///
/// Parsing works on raw UTF-8 bytes rather than `String` lines: TSPLIB files are ASCII, a
/// 10,000-node file must parse in a few milliseconds, and a damaged file (stray bytes, invalid
/// UTF-8) must still give a clean error rather than a decoding failure.
package struct TSPLIBText {
    package let bytes: UnsafeBufferPointer<UInt8>
    /// The path or `"<input>"`, as errors report it.
    package let file: String
    /// Which keywords count as keywords (and so end a section) and which files are accepted.
    package let dialect: TSPLIBDialect

    package init(bytes: UnsafeBufferPointer<UInt8>, file: String, dialect: TSPLIBDialect = .tsp) {
        self.bytes = bytes
        self.file = file
        self.dialect = dialect
    }

    package func error(_ line: Int?, _ message: String) -> TSPLIBError {
        TSPLIBError(file: file, line: line, message: message)
    }

    /// The text in `range`, decoded leniently (invalid UTF-8 becomes U+FFFD).
    package func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// The text in `range` quoted and escaped for an error message, cut to 60 characters so a
    /// mangled megabyte-long line cannot flood the terminal.
    package func quote(_ range: Range<Int>) -> String {
        let limit = 60
        let cut = range.count > limit ? range.lowerBound..<(range.lowerBound + limit) : range
        let text = TSPLIBText.escaped(string(cut))
        return range.count > limit ? text + "…" : text
    }

    /// A value already decoded, quoted the same way: escaped, cut to 60 characters.
    package static func quote(_ value: String) -> String {
        let limit = 60
        return value.count > limit ? escaped(String(value.prefix(limit))) + "…" : escaped(value)
    }

    /// `debugDescription` escapes C0 controls and DEL; C1 controls (0x9B is a terminal's CSI)
    /// and bidirectional overrides pass through it, so they are escaped here.
    package static func escaped(_ value: String) -> String {
        var text = ""
        for scalar in value.debugDescription.unicodeScalars {
            let v = scalar.value
            if (0x80...0x9F).contains(v) || (0x2028...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0x200E || v == 0x200F {
                text += "\\u{" + String(v, radix: 16, uppercase: true) + "}"
            } else {
                text.unicodeScalars.append(scalar)
            }
        }
        return text
    }

    /// The text of a keyword or value, upper-cased for case-insensitive matching.
    package func upper(_ range: Range<Int>) -> String {
        string(range).uppercased()
    }
}

/// TSPLIB separates tokens by spaces and tabs; CR (from CRLF files), VT and FF are treated the
/// same so Windows line endings and odd editors are harmless.
@inline(__always)
package func isTSPLIBBlank(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0B || byte == 0x0C
}

/// Keyword lines start with a letter; data lines start with a digit, a sign or a point.
@inline(__always)
package func isASCIILetter(_ byte: UInt8) -> Bool {
    (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
}

/// One line of the file without its line break and surrounding blanks.
package struct TSPLIBLine {
    /// Byte range of the trimmed content; empty for a blank line.
    package let range: Range<Int>
    /// 1-based line number.
    package let number: Int

    package var isBlank: Bool { range.isEmpty }
}

/// Walks a file line by line, keeping count of line numbers, and can step back one line so a
/// section parser can leave the keyword that ends its section to the caller.
package struct TSPLIBLineCursor {
    package let bytes: UnsafeBufferPointer<UInt8>
    /// Byte offset of the next unread line.
    package private(set) var offset: Int
    /// Number of the line last returned by `next()` (0 before the first).
    package private(set) var lineNumber = 0

    /// A position to come back to.
    package struct Mark {
        fileprivate let offset: Int
        fileprivate let lineNumber: Int
    }

    package init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        // A UTF-8 byte-order mark is invisible in editors; skip it rather than report it.
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        offset = bytes.count >= 3 && Array(bytes[0..<3]) == bom ? 3 : 0
    }

    /// Bytes not yet read: an upper bound on how much data can still follow, used to refuse a
    /// huge DIMENSION before allocating anything for it.
    package var remainingBytes: Int { bytes.count - offset }

    package var mark: Mark { Mark(offset: offset, lineNumber: lineNumber) }

    package mutating func rewind(to mark: Mark) {
        offset = mark.offset
        lineNumber = mark.lineNumber
    }

    /// The next line, trimmed, or nil at the end of the bytes.
    package mutating func next() -> TSPLIBLine? {
        let count = bytes.count
        guard offset < count else { return nil }
        var end = offset
        while end < count && bytes[end] != 0x0A { end += 1 }
        var lo = offset, hi = end
        offset = end < count ? end + 1 : end
        lineNumber += 1
        while lo < hi && isTSPLIBBlank(bytes[lo]) { lo += 1 }
        while hi > lo && isTSPLIBBlank(bytes[hi - 1]) { hi -= 1 }
        return TSPLIBLine(range: lo..<hi, number: lineNumber)
    }
}

/// The blank-separated tokens of a byte range, as byte ranges.
package struct TSPLIBTokens: Sequence, IteratorProtocol {
    package let bytes: UnsafeBufferPointer<UInt8>
    private var position: Int
    private let end: Int

    package init(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        self.bytes = bytes
        position = range.lowerBound
        end = range.upperBound
    }

    /// Where the next token search starts: the rest of the line after the tokens read so far.
    package var rest: Range<Int> {
        var lo = position
        while lo < end && isTSPLIBBlank(bytes[lo]) { lo += 1 }
        return lo..<end
    }

    package mutating func next() -> Range<Int>? {
        while position < end && isTSPLIBBlank(bytes[position]) { position += 1 }
        guard position < end else { return nil }
        let start = position
        while position < end && !isTSPLIBBlank(bytes[position]) { position += 1 }
        return start..<position
    }
}
