import Foundation
import HunchCore

/// Reads 1D bin-packing instances.
///
/// Formats (detected from the text):
/// - **BPPLIB** (Delorme, Iori & Martello 2018), used by every file in `instances/bpp`: line 1 the
///   item count n, line 2 the capacity, then n weights (one per line; any whitespace is accepted).
/// - **BPPLIB cutting-stock variant**: line 1 the number m of item *types*, line 2 the capacity,
///   then m lines `weight demand`; each type is expanded into `demand` items.
/// - **OR-Library binpack1–8** (Falkenauer's u/t sets as Beasley distributes them): line 1 the
///   number of problems P, then per problem a name line (e.g. `u120_00`), a line
///   `capacity n best-known`, and n weights. Address problem K (from 1) as `file#K`; without it
///   the first is read, and `readAll` reads every one.
///
/// Every error names the file and line and says what was expected there.
public enum BinPackingReader {
    /// Largest accepted capacity: keeps every sum of loads well inside `Int`.
    public static let maxCapacity = 1_000_000_000_000
    /// Largest accepted item count (a guard against absurd allocations from a bad header).
    public static let maxItems = 5_000_000

    /// Reads `path`, or problem K of an OR-Library file given as `path#K`.
    public static func read(path: String) throws -> BinPackingInstance {
        let (file, problem) = splitProblemSuffix(path)
        var tokens = InstanceTokens(bytes: try load(file, shownAs: path), file: file, commas: true)
        return try parse(&tokens, problem: problem)
    }

    /// Every problem of `path` (one for BPPLIB files, all of an OR-Library file).
    public static func readAll(path: String) throws -> [BinPackingInstance] {
        var tokens = InstanceTokens(bytes: try load(path, shownAs: path), file: path, commas: true)
        return try parseAll(&tokens)
    }

    /// Parses `text`; `path` names the source in errors and gives the instance its name.
    public static func parse(_ text: String, path: String) throws -> BinPackingInstance {
        try parse(text, path: path, problem: nil)
    }

    /// Parses the bytes of a file (any encoding: only numbers and names matter).
    public static func parse(bytes: [UInt8], path: String, problem: Int? = nil) throws -> BinPackingInstance {
        var tokens = InstanceTokens(bytes: bytes, file: path, commas: true)
        return try parse(&tokens, problem: problem)
    }

    /// Parses problem `problem` (1-based; nil: the first) of `text`.
    public static func parse(_ text: String, path: String, problem: Int?) throws -> BinPackingInstance {
        var tokens = InstanceTokens(text: text, file: path, commas: true)
        return try parse(&tokens, problem: problem)
    }

    static func parse(_ tokens: inout InstanceTokens, problem: Int?) throws -> BinPackingInstance {
        let path = tokens.file
        let layout = try detect(&tokens)
        switch layout {
        case .orLibrary(let count):
            let k = problem ?? 1
            guard k >= 1 && k <= count else {
                throw BinPackingFormatError(file: path, line: 1, message: "problem #\(k) requested, but the file holds \(count) problems (1…\(count))")
            }
            var result: BinPackingInstance?
            for index in 1...k {
                let instance = try readORLibraryProblem(&tokens, index: index, of: count)
                if index == k { result = instance }
            }
            guard let result else { throw tokens.error(at: nil, "problem #\(k) not found") }
            return result
        case .bpplib, .cuttingStock:
            if let problem, problem != 1 {
                throw BinPackingFormatError(file: path, line: nil, message: "problem #\(problem) requested, but a BPPLIB file holds one problem")
            }
            return try readSingle(&tokens, layout: layout)
        }
    }

    /// Parses every problem of `text`.
    public static func parseAll(_ text: String, path: String) throws -> [BinPackingInstance] {
        var tokens = InstanceTokens(text: text, file: path, commas: true)
        return try parseAll(&tokens)
    }

    static func parseAll(_ tokens: inout InstanceTokens) throws -> [BinPackingInstance] {
        let layout = try detect(&tokens)
        if case .orLibrary(let count) = layout {
            var all: [BinPackingInstance] = []
            for index in 1...count { all.append(try readORLibraryProblem(&tokens, index: index, of: count)) }
            try tokens.expectEnd("after the last of \(count) problems: the count and the data disagree")
            return all
        }
        return [try readSingle(&tokens, layout: layout)]
    }

    // MARK: - Layouts

    enum Layout {
        case bpplib
        case cuttingStock
        case orLibrary(problemCount: Int)
    }

    /// Looks at the first lines without consuming them.
    static func detect(_ tokens: inout InstanceTokens) throws -> Layout {
        guard let first = tokens.peek(0) else {
            throw BinPackingFormatError(file: tokens.file, line: nil, message: "empty file: expected the item count on line 1")
        }
        guard let second = tokens.peek(1) else {
            throw BinPackingFormatError(file: tokens.file, line: first.line, message: "expected the bin capacity after the item count, found the end of the file")
        }
        if InstanceTokens.integer(second.text) == nil && second.line != first.line {
            guard let count = InstanceTokens.integer(first.text), count >= 1 else {
                throw tokens.error(at: first, "expected the number of problems (a positive integer), found \(first.quoted)")
            }
            return .orLibrary(problemCount: count)
        }
        // Cutting-stock variant: the first data line holds two numbers (weight demand).
        if let third = tokens.peek(2), let fourth = tokens.peek(3), third.line == fourth.line,
           third.line != second.line, tokens.peek(4).map({ $0.line != third.line }) ?? true {
            return .cuttingStock
        }
        return .bpplib
    }

    static func readSingle(_ tokens: inout InstanceTokens, layout: Layout) throws -> BinPackingInstance {
        let isStock: Bool
        if case .cuttingStock = layout { isStock = true } else { isStock = false }
        let count = try tokens.integer(isStock ? "the number of item types" : "the item count n", range: 1...maxItems)
        let capacity = try tokens.integer("the bin capacity", range: 1...maxCapacity)
        var weights: [Int] = []
        if isStock {
            for k in 1...count {
                let w = try weight(&tokens, capacity: capacity, what: "the weight of item type \(k) of \(count)")
                let d = try tokens.integer("the demand of item type \(k) (a positive integer)", range: 1...maxItems, sameLine: true)
                guard weights.count + d <= maxItems else {
                    throw tokens.error(at: tokens.last, "demands add up to more than \(maxItems) items")
                }
                weights.append(contentsOf: repeatElement(w, count: d))
            }
        } else {
            weights.reserveCapacity(count)
            for k in 1...count {
                weights.append(try weight(&tokens, capacity: capacity, what: "weight \(k) of \(count)"))
            }
        }
        try tokens.expectEnd("after \(count) \(isStock ? "item types" : "weights") (the count on line \(tokens.firstLine)): the count and the data disagree")
        return BinPackingInstance(name: baseName(tokens.file), capacity: capacity, weights: weights)
    }

    static func readORLibraryProblem(_ tokens: inout InstanceTokens, index: Int, of count: Int) throws -> BinPackingInstance {
        if index == 1 { _ = try tokens.integer("the number of problems", range: 1...maxItems) }
        guard let nameToken = tokens.next() else {
            throw tokens.error(at: nil, "expected the name of problem \(index) of \(count), found the end of the file")
        }
        let problemName = InstanceFileError.excerpt(nameToken.text)
        let capacity = try tokens.integer("the capacity of problem \(problemName)", range: 1...maxCapacity)
        let n = try tokens.integer("the item count of problem \(problemName)", range: 1...maxItems, sameLine: true)
        _ = try tokens.integer("the best-known bin count of problem \(problemName)", range: 0...maxItems, sameLine: true)
        var weights: [Int] = []
        weights.reserveCapacity(n)
        for k in 1...n {
            weights.append(try weight(&tokens, capacity: capacity, what: "weight \(k) of \(n) of problem \(problemName)"))
        }
        return BinPackingInstance(name: String(nameToken.text), capacity: capacity, weights: weights)
    }

    static func weight(_ tokens: inout InstanceTokens, capacity: Int, what: String) throws -> Int {
        guard let token = tokens.next() else {
            throw tokens.error(at: nil, "expected \(what), found the end of the file (too few weights)")
        }
        guard let w = InstanceTokens.integer(token.text), w >= 1 else {
            throw tokens.error(at: token, "expected \(what) (a positive integer), found \(token.quoted)")
        }
        guard w <= capacity else {
            throw tokens.error(at: token, "\(what) is \(w), above the bin capacity \(capacity): it fits in no bin")
        }
        return w
    }

    static func load(_ path: String, shownAs shown: String) throws -> Data {
        try InstanceTokens.load(path, shownAs: shown)
    }

    /// File name without directory and extension: the instance name.
    static func baseName(_ file: String) -> String {
        let last = file.split(separator: "/").last.map(String.init) ?? file
        if let dot = last.lastIndex(of: "."), dot != last.startIndex { return String(last[..<dot]) }
        return last
    }

    /// `file#K` → (file, K) when the file itself does not exist under the full name.
    static func splitProblemSuffix(_ path: String) -> (String, Int?) {
        guard let hash = path.lastIndex(of: "#"), !FileManager.default.fileExists(atPath: path),
              let k = Int(path[path.index(after: hash)...]) else { return (path, nil) }
        return (String(path[..<hash]), k)
    }
}
