import Foundation

/// Reads the OR-Library thpack format of the Bischoff–Ratcliff BR0–BR15 files:
///
/// ```
/// P                      number of problems
/// p seed                 per problem: its number (1…P) and the generator seed
/// L W H                  container
/// n                      box types
/// id l fl w fw h fh q    n lines: dimensions, "may be vertical" flags (0/1), quantity
/// ```
/// Numbers are read as whitespace-separated tokens that keep their line numbers, so a problem
/// spread over unusual line breaks still reads, and every error names the line to blame.
public enum ThpackReader {
    /// Largest dimension accepted (keeps every volume well inside 64 bits).
    public static let maxDimension = 100_000
    /// Largest quantity of one box type accepted.
    public static let maxQuantity = 1_000_000

    /// Number of problems the file declares (its first number).
    public static func problemCount(path: String) throws -> Int {
        var tokens = try ThpackTokens(text: load(path), file: path)
        return try tokens.int("the number of problems", min: 1, max: 1_000_000)
    }

    /// Problem `problem` (counted from 1) of the file; the file is checked up to that problem.
    public static func read(path: String, problem: Int) throws -> ContainerInstance {
        let text = try load(path)
        var tokens = ThpackTokens(text: text, file: path)
        let count = try tokens.int("the number of problems", min: 1, max: 1_000_000)
        guard problem >= 1 && problem <= count else {
            throw ThpackError(file: path, line: nil,
                              message: "problem \(problem) requested, but the file holds problems 1…\(count)")
        }
        let base = (path as NSString).lastPathComponent
        for k in 1...problem {
            let instance = try readProblem(&tokens, number: k, name: "\(base)#\(k)")
            if k == problem { return instance }
        }
        throw ThpackError(file: path, line: nil, message: "problem \(problem) not found")
    }

    /// Every problem of a thpack text; `path` names it in errors and instance names.
    public static func parse(_ text: String, path: String) throws -> [ContainerInstance] {
        var tokens = ThpackTokens(text: text, file: path)
        let count = try tokens.int("the number of problems", min: 1, max: 1_000_000)
        let base = (path as NSString).lastPathComponent
        var result: [ContainerInstance] = []
        for k in 1...count {
            result.append(try readProblem(&tokens, number: k, name: "\(base)#\(k)"))
        }
        if let extra = tokens.peek() {
            throw ThpackError(file: path, line: extra.line,
                              message: "expected end of file after \(count) problems, found \"\(extra.text)\"")
        }
        return result
    }

    static func load(_ path: String) throws -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ThpackError(file: path, line: nil, message: "no such file")
        }
        guard !isDirectory.boolValue else { throw ThpackError(file: path, line: nil, message: "is a directory, expected a thpack file") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ThpackError(file: path, line: nil, message: "cannot be read")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ThpackError(file: path, line: nil, message: "is not UTF-8 text")
        }
        return text
    }

    static func readProblem(_ tokens: inout ThpackTokens, number k: Int, name: String) throws -> ContainerInstance {
        let (p, pLine) = try tokens.intWithLine("the number of problem \(k)", min: Int.min, max: Int.max)
        guard p == k else {
            throw ThpackError(file: tokens.file, line: pLine, message: "expected problem number \(k), found \(p)")
        }
        _ = try tokens.int("the seed of problem \(k)", min: Int.min, max: Int.max)
        let length = try tokens.int("the container length L", min: 1, max: maxDimension)
        let width = try tokens.int("the container width W", min: 1, max: maxDimension)
        let height = try tokens.int("the container height H", min: 1, max: maxDimension)
        let container = [length, width, height]
        let n = try tokens.int("the number of box types", min: 1, max: 100_000)
        var types: [BoxType] = []
        types.reserveCapacity(n)
        for i in 1...n {
            let (id, idLine) = try tokens.intWithLine("box type id \(i)", min: Int.min, max: Int.max)
            guard id == i else {
                throw ThpackError(file: tokens.file, line: idLine,
                                  message: "expected box type id \(i) of \(n) (problem \(k)), found \(id)")
            }
            var dims: [Int] = []
            var flags: [Bool] = []
            for label in ["l", "w", "h"] {
                dims.append(try tokens.int("box dimension \(label) of box type \(i)", min: 1, max: maxDimension))
                flags.append(try tokens.int("flag f\(label) (0 or 1) of box type \(i)", min: 0, max: 1) == 1)
            }
            let quantity = try tokens.int("the quantity of box type \(i)", min: 0, max: maxQuantity)
            let box = BoxType(dimensions: dims, mayBeVertical: flags, quantity: quantity)
            guard flags.contains(true) else {
                throw ThpackError(file: tokens.file, line: idLine,
                                  message: "box type \(i) has no dimension allowed vertically (flags fl fw fh all 0)")
            }
            guard box.orientations.contains(where: { $0.0 <= length && $0.1 <= width && $0.2 <= height }) else {
                throw ThpackError(file: tokens.file, line: idLine,
                                  message: "box type \(i) (\(dims[0])×\(dims[1])×\(dims[2])) is larger than the container \(length)×\(width)×\(height) in every allowed orientation")
            }
            types.append(box)
        }
        return ContainerInstance(name: name, container: container, boxTypes: types)
    }
}

/// Whitespace-separated tokens with their 1-based line numbers.
struct ThpackTokens {
    let file: String
    private var items: [(text: Substring, line: Int)] = []
    private var index = 0
    private let lastLine: Int

    init(text: String, file: String) {
        self.file = file
        // Bytes, not Characters: "\r\n" is one Character in Swift and would hide line breaks.
        var line = 1
        var start: String.UTF8View.Index?
        let utf8 = text.utf8
        var i = utf8.startIndex
        while i != utf8.endIndex {
            let byte = utf8[i]
            let separator = byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A
            if separator {
                if let s = start {
                    items.append((Substring(text.utf8[s..<i]), line))
                    start = nil
                }
                if byte == 0x0A { line += 1 }
            } else if start == nil {
                start = i
            }
            i = utf8.index(after: i)
        }
        if let s = start { items.append((Substring(text.utf8[s..<utf8.endIndex]), line)) }
        lastLine = line
    }

    func peek() -> (text: Substring, line: Int)? { index < items.count ? items[index] : nil }

    mutating func int(_ what: String, min: Int, max: Int) throws -> Int {
        try intWithLine(what, min: min, max: max).0
    }

    mutating func intWithLine(_ what: String, min: Int, max: Int) throws -> (Int, Int) {
        guard index < items.count else {
            throw ThpackError(file: file, line: lastLine, message: "expected \(what), found end of file")
        }
        let (text, line) = items[index]
        index += 1
        guard let value = Int(text) else {
            throw ThpackError(file: file, line: line, message: "expected \(what) as an integer, found \"\(text)\"")
        }
        guard value >= min && value <= max else {
            let range = max == Int.max ? "≥ \(min)" : "in \(min)…\(max)"
            throw ThpackError(file: file, line: line, message: "expected \(what) \(range), found \(value)")
        }
        return (value, line)
    }
}
