import Foundation
import HunchCore

/// Pulls the list of integers a model meant out of its reply: a JSON array, an object holding
/// one (`{"order": [...]}`), either inside code fences or prose, a reply cut off mid-list, or —
/// last resort — the longest run of comma/space/arrow-separated integers in plain text.
///
/// Nothing here judges the values: range, duplicates and completeness are `PermutationRepair`'s
/// business.
///
/// Linear time in the reply, and only its first `inputLimit` characters (after any reasoning)
/// are looked at: a reply is whatever a server sends, and 2 MB of `[` must not take minutes.
public enum IntegerListExtractor {
    /// Unicode scalars of the answer looked at: far more than any order Hunch asks for (10,000
    /// ids take about 60,000), few enough that a pathological reply is dealt with in milliseconds.
    public static let inputLimit = 262_144

    /// Where the integers came from, from most to least trustworthy.
    public enum Source: String, Sendable, Codable {
        /// The whole reply (fences and surrounding space removed) is JSON.
        case json
        /// A JSON value found inside other text.
        case jsonFragment = "json-fragment"
        /// Integers read without a JSON parse (truncated JSON, or a plain list).
        case looseIntegers = "loose-integers"
    }

    public struct Extraction: Sendable, Equatable {
        public var values: [Int]
        public var source: Source
    }

    /// Object keys searched first, in this order, for the list.
    public static let preferredKeys = ["order", "tour", "permutation", "route", "sequence", "path",
                                       "cities", "clusters", "ids", "nodes", "visit", "answer", "solution", "result"]

    /// The integer list in `reply`, or nil when it holds none.
    public static func extract(from reply: String, keys: [String] = preferredKeys) -> Extraction? {
        let text = bounded(stripReasoning(reply))
        let trimmed = stripFences(text).trimmingCharacters(in: .whitespacesAndNewlines)
        if let value = parseJSON(trimmed), let list = integers(in: value, keys: keys), !list.isEmpty {
            return Extraction(values: list, source: .json)
        }
        for fragment in jsonFragments(in: text) {
            if let value = parseJSON(fragment), let list = integers(in: value, keys: keys), !list.isEmpty {
                return Extraction(values: list, source: .jsonFragment)
            }
        }
        // A list cut off by the token limit: `{"order": [3, 1, 4,` — read from its opening bracket.
        let scalars = Array(text.unicodeScalars)
        if let open = openingBracket(in: scalars, keys: keys) {
            let list = longestRun(in: scalars[open...])
            if !list.isEmpty { return Extraction(values: list, source: .looseIntegers) }
        }
        let list = longestRun(in: scalars[...])
        return list.isEmpty ? nil : Extraction(values: list, source: .looseIntegers)
    }

    // MARK: Pieces

    /// Drops `<think>…</think>` reasoning that some models print before the answer (one
    /// backward pass over the bytes).
    static func stripReasoning(_ text: String) -> String {
        let marker = Array("</think>".utf8)
        let bytes = text.utf8
        var end = bytes.endIndex
        var matched = 0   // marker bytes matched, from its end backwards
        while end > bytes.startIndex {
            end = bytes.index(before: end)
            let byte = bytes[end]
            if byte == marker[marker.count - 1 - matched] {
                matched += 1
                if matched == marker.count {
                    return String(text[bytes.index(end, offsetBy: marker.count)...])
                }
            } else {
                matched = byte == marker[marker.count - 1] ? 1 : 0
            }
        }
        return text
    }

    /// The first `inputLimit` unicode scalars of `text`.
    static func bounded(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let end = scalars.index(scalars.startIndex, offsetBy: inputLimit, limitedBy: scalars.endIndex),
              end < scalars.endIndex else { return text }
        return String(scalars[..<end])
    }

    /// The contents of the first ``` fenced block, or the text itself.
    static func stripFences(_ text: String) -> String {
        guard let open = text.range(of: "```") else { return text }
        var body = text[open.upperBound...]
        // Skip an info string such as `json`.
        if let newline = body.firstIndex(of: "\n") {
            let info = body[..<newline].trimmingCharacters(in: .whitespaces)
            if info.allSatisfy({ $0.isLetter || $0.isNumber }) { body = body[body.index(after: newline)...] }
        }
        if let close = body.range(of: "```") { body = body[..<close.lowerBound] }
        return String(body)
    }

    static func parseJSON(_ text: String) -> JSONValue? {
        guard let first = text.first, first == "{" || first == "[" else { return nil }
        return try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }

    /// Balanced `{…}` and `[…]` substrings, outermost first, in order of appearance (strings
    /// respected, so brackets inside them don't count), at most 32.
    ///
    /// One pass with a stack of open brackets pairs every bracket with its match; an opening
    /// bracket that is never closed simply has none. (Rescanning from each unclosed bracket, as
    /// this once did, is quadratic: 200 KB of `{` took 22 s.)
    static func jsonFragments(in text: String) -> [String] {
        let chars = Array(text.unicodeScalars)
        var match = [Int](repeating: -1, count: chars.count)
        var open: [Int] = []
        var inString = false, escaped = false
        for (j, c) in chars.enumerated() {
            if open.isEmpty {
                // Outside every bracket is prose: quotes there open no string.
                if c == "{" || c == "[" { open.append(j) }
                continue
            }
            if inString {
                if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == "\"" { inString = false }
            } else if c == "\"" {
                inString = true
            } else if c == "{" || c == "[" {
                open.append(j)
            } else if c == "}" || c == "]" {
                match[open.removeLast()] = j
            }
        }
        var fragments: [String] = []
        var i = 0
        while i < chars.count, fragments.count < 32 {
            guard match[i] >= 0 else { i += 1; continue }
            var s = String.UnicodeScalarView()
            s.append(contentsOf: chars[i...match[i]])
            fragments.append(String(s))
            i = match[i] + 1
        }
        return fragments
    }

    /// The list in a JSON value: an array of integers (or of numeric strings such as `"7"` or
    /// `"city 7"`), searched for in objects by preferred key first, then depth-first.
    static func integers(in value: JSONValue, keys: [String]) -> [Int]? {
        switch value {
        case .array(let items):
            if let list = integerArray(items) { return list }
            for item in items { if let list = integers(in: item, keys: keys), !list.isEmpty { return list } }
            return nil
        case .object(let fields):
            let lowered = Dictionary(fields.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { a, _ in a })
            for key in keys {
                if let v = lowered[key], let list = integers(in: v, keys: keys), !list.isEmpty { return list }
            }
            for key in fields.keys.sorted() {
                if let list = integers(in: fields[key]!, keys: keys), !list.isEmpty { return list }
            }
            return nil
        case .string(let s):
            // A JSON string that itself holds JSON (some models double-encode).
            if let inner = parseJSON(s.trimmingCharacters(in: .whitespaces)) { return integers(in: inner, keys: keys) }
            return nil
        default:
            return nil
        }
    }

    private static func integerArray(_ items: [JSONValue]) -> [Int]? {
        guard !items.isEmpty else { return nil }
        var out: [Int] = []
        out.reserveCapacity(items.count)
        for item in items {
            switch item {
            case .int(let i): out.append(i)
            case .double(let d):
                guard d.isFinite, d == d.rounded(), abs(d) < 1e15 else { return nil }
                out.append(Int(d))
            case .string(let s):
                let numbers = longestRun(in: Array(bounded(s).unicodeScalars)[...])
                guard numbers.count == 1 else { return nil }
                out.append(numbers[0])
            default:
                return nil
            }
        }
        return out
    }

    /// Where the list starts in text that did not parse: the first `[` after the earliest
    /// `"key"` of the most preferred key present, else the first `[`. One pass over the text.
    static func openingBracket(in chars: [Unicode.Scalar], keys: [String]) -> Int? {
        let longest = keys.map(\.unicodeScalars.count).max() ?? 0
        var firstAfterKey: [String: Int] = [:]   // key → index just past its first `"key"`
        var brackets: [Int] = []
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "[" { brackets.append(i) }
            guard c == "\"" else { i += 1; continue }
            // A quoted word of at most `longest` scalars: is it a key?
            var word = String.UnicodeScalarView()
            var j = i + 1
            while j < chars.count, j - i - 1 <= longest, chars[j] != "\"" {
                word.append(chars[j])
                j += 1
            }
            if j < chars.count, chars[j] == "\"", j - i - 1 <= longest {
                let key = String(word).lowercased()
                if firstAfterKey[key] == nil { firstAfterKey[key] = j + 1 }
            }
            i += 1
        }
        for key in keys {
            guard let start = firstAfterKey[key] else { continue }
            // The first bracket at or after `start` (brackets are in increasing order).
            var low = 0, high = brackets.count
            while low < high {
                let mid = (low + high) / 2
                if brackets[mid] < start { low = mid + 1 } else { high = mid }
            }
            if low < brackets.count { return brackets[low] }
        }
        return brackets.first
    }

    /// The longest run of integers separated only by commas, spaces, arrows, dashes, brackets
    /// or quotes (ties: the first). A `-` (or `−`) right before a digit and not right after one
    /// is a minus sign: `[-1, 2]` holds −1, which repair then rejects as out of range, while
    /// `1-2-3` is a route, not subtractions.
    static func longestRun(in text: ArraySlice<Unicode.Scalar>) -> [Int] {
        var best: [Int] = []
        var run: [Int] = []
        var digits = ""
        var negative = false
        func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 48 && c.value <= 57 }
        func endNumber() {
            guard !digits.isEmpty else { return }
            let magnitude = digits.count > 18 ? Int.max : Int(digits)!
            run.append(negative ? (digits.count > 18 ? Int.min : -magnitude) : magnitude)
            digits = ""
            negative = false
        }
        func endRun() {
            endNumber()
            if run.count > best.count { best = run }
            run = []
        }
        var k = text.startIndex
        while k < text.endIndex {
            let c = text[k]
            defer { k += 1 }
            if isDigit(c) {
                digits.unicodeScalars.append(c)
                continue
            }
            endNumber()
            if c == "-" || c == "\u{2212}",
               k + 1 < text.endIndex, isDigit(text[k + 1]),
               k == text.startIndex || !isDigit(text[k - 1]) {
                negative = true
                continue
            }
            switch c {
            case ",", " ", "\n", "\r", "\t", ";", "-", ">", "→", "[", "]", "(", ")", "\"", "'", "|", "=":
                continue
            default:
                if c.properties.isWhitespace { continue }
                endRun()
            }
        }
        endRun()
        return best
    }

    /// `longestRun` over a piece of text.
    static func longestRun(in text: Substring) -> [Int] {
        longestRun(in: Array(bounded(String(text)).unicodeScalars)[...])
    }
}
