import Foundation
import HunchCore

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
    /// Largest number of box types of one problem.
    public static let maxBoxTypes = 100_000
    /// Largest total volume of a problem's boxes (sum of volume × quantity): every sum of
    /// volumes the engine, the bound and the validator form stays far inside 64 bits.
    public static let maxTotalVolume = 1 << 60

    /// Number of problems the file declares (its first number).
    public static func problemCount(path: String) throws -> Int {
        var tokens = try tokenize(path)
        return try tokens.integer("the number of problems", range: 1...1_000_000)
    }

    /// Problem `problem` (counted from 1) of the file; the file is checked up to that problem.
    public static func read(path: String, problem: Int) throws -> ContainerInstance {
        var tokens = try tokenize(path)
        let count = try tokens.integer("the number of problems", range: 1...1_000_000)
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
        try parse(tokens: InstanceTokens(text: text, file: path), path: path)
    }

    /// Every problem of a file's bytes (any encoding: only numbers matter).
    public static func parse(bytes: [UInt8], path: String) throws -> [ContainerInstance] {
        try parse(tokens: InstanceTokens(bytes: bytes, file: path), path: path)
    }

    static func parse(tokens: InstanceTokens, path: String) throws -> [ContainerInstance] {
        var tokens = tokens
        let count = try tokens.integer("the number of problems", range: 1...1_000_000)
        let base = (path as NSString).lastPathComponent
        var result: [ContainerInstance] = []
        for k in 1...count {
            result.append(try readProblem(&tokens, number: k, name: "\(base)#\(k)"))
        }
        if let extra = tokens.peek() {
            throw ThpackError(file: path, line: extra.line,
                              message: "expected end of file after \(count) problems, found \(extra.quoted)")
        }
        return result
    }

    /// The file's tokens (`InstanceTokens`: BOM, CRLF, tabs tolerated).
    static func tokenize(_ path: String) throws -> InstanceTokens {
        InstanceTokens(bytes: try InstanceTokens.load(path, expected: "a thpack file"), file: path)
    }

    static func readProblem(_ tokens: inout InstanceTokens, number k: Int, name: String) throws -> ContainerInstance {
        let (p, pLine) = try tokens.integerWithLine("the number of problem \(k)", range: Int.min...Int.max)
        guard p == k else {
            throw ThpackError(file: tokens.file, line: pLine, message: "expected problem number \(k), found \(p)")
        }
        _ = try tokens.integer("the seed of problem \(k)", range: Int.min...Int.max)
        let length = try tokens.integer("the container length L", range: 1...maxDimension)
        let width = try tokens.integer("the container width W", range: 1...maxDimension)
        let height = try tokens.integer("the container height H", range: 1...maxDimension)
        let container = [length, width, height]
        let n = try tokens.integer("the number of box types", range: 1...maxBoxTypes)
        var types: [BoxType] = []
        types.reserveCapacity(min(n, 1024))
        var totalVolume = 0
        for i in 1...n {
            let (id, idLine) = try tokens.integerWithLine("box type id \(i)", range: Int.min...Int.max)
            guard id == i else {
                throw ThpackError(file: tokens.file, line: idLine,
                                  message: "expected box type id \(i) of \(n) (problem \(k)), found \(id)")
            }
            var dims: [Int] = []
            var flags: [Bool] = []
            for label in ["l", "w", "h"] {
                dims.append(try tokens.integer("box dimension \(label) of box type \(i)", range: 1...maxDimension))
                flags.append(try tokens.integer("flag f\(label) (0 or 1) of box type \(i)", range: 0...1) == 1)
            }
            let quantity = try tokens.integer("the quantity of box type \(i)", range: 0...maxQuantity)
            let box = BoxType(dimensions: dims, mayBeVertical: flags, quantity: quantity)
            guard flags.contains(true) else {
                throw ThpackError(file: tokens.file, line: idLine,
                                  message: "box type \(i) has no dimension allowed vertically (flags fl fw fh all 0)")
            }
            guard box.orientations.contains(where: { $0.0 <= length && $0.1 <= width && $0.2 <= height }) else {
                throw ThpackError(file: tokens.file, line: idLine,
                                  message: "box type \(i) (\(dims[0])×\(dims[1])×\(dims[2])) is larger than the container \(length)×\(width)×\(height) in every allowed orientation")
            }
            // Sides ≤ 10⁵ give a volume ≤ 10¹⁵; times a quantity ≤ 10⁶ it may pass 2⁶³: check.
            let (typeVolume, overflow) = box.volume.multipliedReportingOverflow(by: quantity)
            totalVolume += overflow ? maxTotalVolume + 1 : min(typeVolume, maxTotalVolume + 1)
            guard totalVolume <= maxTotalVolume else {
                throw ThpackError(file: tokens.file, line: idLine,
                                  message: "the boxes of problem \(k) add up to a volume above 2⁶⁰ (box type \(i) alone: \(dims[0])×\(dims[1])×\(dims[2]) × \(quantity))")
            }
            types.append(box)
        }
        return ContainerInstance(name: name, container: container, boxTypes: types)
    }
}
