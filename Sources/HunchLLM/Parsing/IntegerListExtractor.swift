import Foundation
import HunchCore

/// Pulls the list of integers a model meant out of its reply: a JSON array, an object holding
/// one (`{"order": [...]}`), either inside code fences or prose, a reply cut off mid-list, or —
/// last resort — the longest run of comma/space/arrow-separated integers in plain text.
///
/// Nothing here judges the values: range, duplicates and completeness are `PermutationRepair`'s
/// business.
public enum IntegerListExtractor {
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
        let text = stripReasoning(reply)
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
        if let open = openingBracket(in: text, keys: keys) {
            let list = longestRun(in: text[open...])
            if !list.isEmpty { return Extraction(values: list, source: .looseIntegers) }
        }
        let list = longestRun(in: text[...])
        return list.isEmpty ? nil : Extraction(values: list, source: .looseIntegers)
    }

    // MARK: Pieces

    /// Drops `<think>…</think>` reasoning that some models print before the answer.
    static func stripReasoning(_ text: String) -> String {
        guard let end = text.range(of: "</think>", options: .backwards) else { return text }
        return String(text[end.upperBound...])
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
    /// respected, so brackets inside them don't count).
    static func jsonFragments(in text: String) -> [String] {
        let chars = Array(text.unicodeScalars)
        var fragments: [String] = []
        var i = 0
        while i < chars.count, fragments.count < 32 {
            guard chars[i] == "{" || chars[i] == "[" else { i += 1; continue }
            var depth = 0, inString = false, escaped = false, j = i, end = -1
            while j < chars.count {
                let c = chars[j]
                if inString {
                    if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == "\"" { inString = false }
                } else if c == "\"" {
                    inString = true
                } else if c == "{" || c == "[" {
                    depth += 1
                } else if c == "}" || c == "]" {
                    depth -= 1
                    if depth == 0 { end = j; break }
                }
                j += 1
            }
            if end >= 0 {
                var s = String.UnicodeScalarView()
                s.append(contentsOf: chars[i...end])
                fragments.append(String(s))
                i = end + 1
            } else {
                i += 1
            }
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
                let numbers = longestRun(in: s[...])
                guard numbers.count == 1 else { return nil }
                out.append(numbers[0])
            default:
                return nil
            }
        }
        return out
    }

    /// Where the list starts in text that did not parse: the `[` after a preferred key, else
    /// the first `[`.
    static func openingBracket(in text: String, keys: [String]) -> String.Index? {
        let lower = text.lowercased()
        for key in keys {
            if let k = lower.range(of: "\"\(key)\""),
               let bracket = lower[k.upperBound...].firstIndex(of: "[") {
                return text.index(text.startIndex, offsetBy: lower.distance(from: lower.startIndex, to: bracket))
            }
        }
        return text.firstIndex(of: "[")
    }

    /// The longest run of integers separated only by commas, spaces, arrows, dashes, brackets
    /// or quotes (ties: the first). Signs are ignored: `1-2-3` is a route, not subtractions.
    static func longestRun(in text: Substring) -> [Int] {
        var best: [Int] = []
        var run: [Int] = []
        var digits = ""
        func endNumber() {
            guard !digits.isEmpty else { return }
            run.append(digits.count > 18 ? Int.max : Int(digits)!)
            digits = ""
        }
        func endRun() {
            endNumber()
            if run.count > best.count { best = run }
            run = []
        }
        for c in text.unicodeScalars {
            if c.value >= 48 && c.value <= 57 {
                digits.unicodeScalars.append(c)
            } else {
                endNumber()
                switch c {
                case ",", " ", "\n", "\r", "\t", ";", "-", ">", "→", "[", "]", "(", ")", "\"", "'", "|", "=":
                    continue
                default:
                    if c.properties.isWhitespace { continue }
                    endRun()
                }
            }
        }
        endRun()
        return best
    }
}
