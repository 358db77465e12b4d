import Foundation
import HunchCore

/// A JSON value with the path that reached it (`jobs[12].time_windows[0]`), so that the
/// dispatch reader and the plan decoder can say where a bad value is and what was expected
/// there without threading the path by hand.
struct DispatchJSONField {
    /// A bad value: its path and what was expected; `description` is `path: message`.
    struct Failure: Error, CustomStringConvertible {
        var path: String
        var message: String
        var description: String { path.isEmpty ? message : "\(path): \(message)" }
    }

    let value: JSONValue
    let path: String

    init(_ value: JSONValue, path: String = "") {
        self.value = value
        self.path = path
    }

    func fail(_ message: String) -> Failure { Failure(path: path, message: message) }

    /// The value as a message quotes it: a number or short string as written, a container by kind.
    var found: String { Self.describe(value) }

    static func describe(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int, .double: return value.jsonString()
        case .string(let s): return "\"\(InstanceFileError.excerpt(Substring(s)))\""
        case .array(let items): return items.isEmpty ? "an empty array" : "an array of \(items.count)"
        case .object: return "an object"
        }
    }

    static func isNumber(_ value: JSONValue) -> Bool {
        switch value {
        case .int, .double: return true
        default: return false
        }
    }

    // MARK: Navigation

    /// The member `key`, nil when absent (or when this is not an object).
    func child(_ key: String) -> DispatchJSONField? {
        guard case .object(let members) = value, let member = members[key] else { return nil }
        return DispatchJSONField(member, path: path.isEmpty ? key : "\(path).\(key)")
    }

    func require(_ key: String) throws -> DispatchJSONField {
        guard let member = child(key) else { throw fail("missing \"\(key)\"") }
        return member
    }

    func index(_ k: Int, _ item: JSONValue) -> DispatchJSONField {
        DispatchJSONField(item, path: "\(path)[\(k)]")
    }

    func array() throws -> [DispatchJSONField] {
        guard case .array(let items) = value else { throw fail("expected an array, found \(found)") }
        return items.enumerated().map { index($0.offset, $0.element) }
    }

    func object() throws -> [String: JSONValue] {
        guard case .object(let members) = value else { throw fail("expected an object, found \(found)") }
        return members
    }

    /// Unknown keys first (a typo is the likelier mistake, and it explains a "missing" key),
    /// then missing required ones.
    func checkKeys(_ allowed: [String], required: [String], in members: [String: JSONValue]) throws {
        let unknown = members.keys.filter { !allowed.contains($0) }.sorted()
        if let first = unknown.first {
            let quoted = unknown.prefix(5).map { "\"\(InstanceFileError.excerpt(Substring($0)))\"" }.joined(separator: ", ")
            let hint = Self.closest(first, among: allowed).map { "did you mean \"\($0)\"?" }
                ?? "expected " + allowed.filter { !$0.hasPrefix("$") }.map { "\"\($0)\"" }.joined(separator: ", ")
            throw fail("unknown key\(unknown.count > 1 ? "s" : "") \(quoted)\(unknown.count > 5 ? ", …" : "") (\(hint))")
        }
        let missing = required.filter { members[$0] == nil }
        if !missing.isEmpty {
            throw fail("missing " + missing.map { "\"\($0)\"" }.joined(separator: ", "))
        }
    }

    /// The allowed key within edit distance 2 of `key`, for "did you mean".
    static func closest(_ key: String, among allowed: [String]) -> String? {
        let word = Array(key.lowercased().utf8.prefix(64))
        var best: (String, Int)?
        for candidate in allowed {
            let target = Array(candidate.utf8)
            var row = Array(0...target.count)
            for (i, a) in word.enumerated() {
                var next = [i + 1]
                for (j, b) in target.enumerated() {
                    next.append(min(row[j + 1] + 1, next[j] + 1, row[j] + (a == b ? 0 : 1)))
                }
                row = next
            }
            let distance = row[target.count]
            if distance <= 2, distance < (best?.1 ?? .max) { best = (candidate, distance) }
        }
        return best?.0
    }

    // MARK: Scalars

    func string() throws -> String {
        guard case .string(let text) = value else { throw fail("expected a string, found \(found)") }
        return text
    }

    func bool() throws -> Bool {
        guard case .bool(let flag) = value else { throw fail("expected true or false, found \(found)") }
        return flag
    }

    /// A finite number, at least `minimum` when given.
    func number(minimum: Double? = nil, what: String) throws -> Double {
        let number: Double
        switch value {
        case .int(let i): number = Double(i)
        case .double(let d) where d.isFinite: number = d
        default: throw fail("expected \(what), found \(found)")
        }
        if let minimum, number < minimum { throw fail("expected \(what), found \(found)") }
        return number
    }

    /// An x or y coordinate: finite, of magnitude at most `DispatchReader.largestCoordinate`.
    func coordinate() throws -> Double {
        let value = try number(what: "a coordinate")
        guard abs(value) <= DispatchReader.largestCoordinate else {
            throw fail("expected a coordinate of magnitude at most 10⁹, found \(found)")
        }
        return value
    }

    /// A non-negative integer up to `DispatchReader.largestValue` (every integer of the format
    /// is a count, a time, a distance or a demand). `300.0` is 300; `300.5` is refused.
    func integer(what: String) throws -> Int {
        let number: Int
        switch value {
        case .int(let i): number = i
        case .double(let d) where d.isFinite && d == d.rounded() && abs(d) <= 9e15: number = Int(d)
        default: throw fail("expected \(what), found \(found)")
        }
        guard number >= 0 else { throw fail("expected \(what), found \(found)") }
        guard number <= DispatchReader.largestValue else {
            throw fail("expected \(what) of at most \(DispatchReader.largestValue), found \(found)")
        }
        return number
    }

    /// A demand vector: non-negative integers, or one number for a single dimension.
    /// `dimensions` (when known) only shapes the message for a lone number.
    func demand(what: String, dimensions: Int?) throws -> [Int] {
        switch value {
        case .int, .double:
            if let dimensions, dimensions != 1 {
                throw fail("expected \(dimensions) numbers (one per capacity dimension), found the single number \(found)")
            }
            return [try integer(what: "a non-negative \(what)")]
        case .array(let items):
            guard !items.isEmpty else { throw fail("expected at least one number") }
            if dimensions == nil, items.count > DispatchReader.maxDimensions {
                throw fail("\(items.count) dimensions; at most \(DispatchReader.maxDimensions) are supported")
            }
            return try items.enumerated().map { try index($0.offset, $0.element).integer(what: "a non-negative \(what)") }
        default:
            throw fail("expected a number or an array of numbers, found \(found)")
        }
    }

    /// `[open, close]` with open ≤ close: a time window or a shift.
    func window(what: String) throws -> [Int] {
        guard case .array(let items) = value, items.count == 2 else {
            throw fail("expected [open, close], found \(found)")
        }
        let open = try index(0, items[0]).integer(what: "a non-negative time")
        let close = try index(1, items[1]).integer(what: "a non-negative time")
        guard close >= open else { throw fail("\(what) closes (\(close)) before it opens (\(open))") }
        return [open, close]
    }
}
