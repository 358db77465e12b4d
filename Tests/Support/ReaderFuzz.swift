import Foundation
import HunchCore

/// A seeded mutation fuzzer for the families' readers and solution decoders (issue 18), shared by
/// every family's fuzz test so that they mangle inputs and judge outcomes the same way.
///
/// Property checked for every mutated input: the code under test returns, or throws an error a
/// user can read — it names the file (and a line ≥ 1 when it gives one), is at most
/// `maxMessageLength` characters and holds no control bytes (so a hostile file can neither flood
/// nor drive the terminal) — and it takes at most a CPU time proportional to the input. A trap
/// (overflow, index out of range) kills the test process: the run fails.
///
/// CI runs `ReaderFuzz.iterations(default:)` mutations per source (seconds in all); set
/// `HUNCH_FUZZ_ITERATIONS=N` for N per source on demand (`HUNCH_FUZZ_SEED` changes the seed).
public enum ReaderFuzz {
    public static let maxMessageLength = 500

    /// Mutations per source: `HUNCH_FUZZ_ITERATIONS`, else `ci`.
    public static func iterations(default ci: Int) -> Int {
        ProcessInfo.processInfo.environment["HUNCH_FUZZ_ITERATIONS"].flatMap { Int($0) }.map { max(1, $0) } ?? ci
    }

    /// The generator's seed: `HUNCH_FUZZ_SEED` mixed into the test's own.
    public static func seed(_ base: UInt64) -> UInt64 {
        base ^ (ProcessInfo.processInfo.environment["HUNCH_FUZZ_SEED"].flatMap { UInt64($0) } ?? 0)
    }

    /// CPU seconds an input of `bytes` bytes may take: 0.5 s plus 10 µs per byte (debug builds
    /// are slow; a quadratic reader blows far past it on the 1 MB lines the mutator makes).
    public static func timeBound(bytes: Int) -> Double { 0.5 + 10e-6 * Double(bytes) }

    /// Tokens that have broken readers: huge, negative, not-a-number, hexadecimal, control bytes.
    public static let garbage = [
        "nan", "NaN", "inf", "-inf", "1e400", "-1e400", "1e9", "3.5", "-0", "+7", "0x10", "0b11", "1_000",
        "9223372036854775807", "-9223372036854775808", "9223372036854775808", "99999999999999999999999",
        "2147483648", "4294967296", "1000000000000", "1000000", "100000", "-1", "-7", "0", "1", "2",
        "abc", "Times", "Machines", "Nb", "#", ",", ":", "-", "\u{1B}[2J\u{1B}[31m", "\r", "\u{0}", "\u{7F}",
        "\u{9B}", "\u{202E}", "\u{FEFF}", "é", "\t",
    ]

    /// One to three random mutations of `bytes`; `words` adds the format's own keywords to the
    /// garbage a token may be replaced by.
    public static func mangle(_ bytes: [UInt8], using generator: inout FuzzGenerator, words: [String] = []) -> [UInt8] {
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        for _ in 0..<Int.random(in: 1...3, using: &generator) {
            guard !lines.isEmpty else { lines = [[]]; continue }
            let at = Int.random(in: 0..<lines.count, using: &generator)
            switch Int.random(in: 0..<16, using: &generator) {
            case 0:
                lines.remove(at: at)
            case 1:
                lines.insert(lines[at], at: at)
            case 2:
                lines.swapAt(at, Int.random(in: 0..<lines.count, using: &generator))
            case 3:
                // Truncation, possibly inside a line.
                lines.removeLast(Int.random(in: 0..<lines.count, using: &generator))
                if var last = lines.popLast() {
                    last.removeLast(Int.random(in: 0...last.count, using: &generator))
                    lines.append(last)
                }
            case 4, 5, 6, 7:
                // One token replaced by garbage.
                var tokens = lines[at].split(whereSeparator: { $0 == 0x20 || $0 == 0x09 }).map(Array.init)
                let word = Array((garbage + words).randomElement(using: &generator)!.utf8)
                if tokens.isEmpty { tokens = [word] } else { tokens[Int.random(in: 0..<tokens.count, using: &generator)] = word }
                lines[at] = Array(tokens.joined(separator: [0x20]))
            case 8:
                // Random bytes, invalid UTF-8 included.
                for _ in 0..<Int.random(in: 1...4, using: &generator) {
                    lines[at].insert(UInt8.random(in: 0...255, using: &generator),
                                     at: Int.random(in: 0...lines[at].count, using: &generator))
                }
            case 9:
                // Windows line ends everywhere.
                lines = lines.map { $0.last == 0x0D ? $0 : $0 + [0x0D] }
            case 10:
                // A byte-order mark.
                lines[0] = [0xEF, 0xBB, 0xBF] + lines[0]
            case 11:
                // Tabs for spaces.
                lines[at] = lines[at].map { $0 == 0x20 ? 0x09 : $0 }
            case 12:
                // A number made huge or negative.
                var tokens = lines[at].split(separator: 0x20).map(Array.init)
                if let k = tokens.indices.first(where: { Int(String(decoding: tokens[$0], as: UTF8.self)) != nil }) {
                    tokens[k] = Array(["-", "99999999999", "1000000", "-1000000", "0"].randomElement(using: &generator)!.utf8) + (Bool.random(using: &generator) ? tokens[k] : [])
                    lines[at] = Array(tokens.joined(separator: [0x20]))
                }
            case 13:
                // A long line (rarely a megabyte: the flood that made 1 MB error lines).
                let length = Int.random(in: 0..<20, using: &generator) == 0 ? 1 << 20 : Int.random(in: 100...5000, using: &generator)
                let fill = [UInt8(ascii: "9"), UInt8(ascii: "x"), 0x1B].randomElement(using: &generator)!
                lines[at] = [UInt8](repeating: fill, count: length)
            case 14:
                // A control byte inside a token.
                let position = Int.random(in: 0...lines[at].count, using: &generator)
                lines[at].insert([0x1B, 0x0D, 0x00, 0x08, 0x7F].randomElement(using: &generator)!, at: position)
            default:
                // Pure noise for the whole input, now and then.
                if Int.random(in: 0..<8, using: &generator) == 0 {
                    lines = [(0..<Int.random(in: 0...300, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }]
                } else {
                    lines.append([])
                }
            }
        }
        return Array(lines.joined(separator: [0x0A]))
    }

    /// Nil when `error` is readable as the property demands (`file`: the name the reader was
    /// given, nil when the error need not name one); else what is wrong with it.
    public static func unreadable(_ error: Error, file: String?) -> String? {
        let text = "\(error)"
        if text.isEmpty { return "empty message" }
        if text.count > maxMessageLength { return "message of \(text.count) characters: \(text.prefix(120))…" }
        if let bad = text.unicodeScalars.first(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) {
            return String(format: "control byte 0x%02X in the message: ", bad.value) + InstanceFileError.excerpt(Substring(text), limit: 160)
        }
        if let file {
            if let e = error as? InstanceFileError {
                if e.file != file { return "names \(e.file), expected \(file)" }
                if let line = e.line, line < 1 { return "line \(line)" }
            } else if !text.hasPrefix(file) {
                return "does not start with the file name \(file): \(text.prefix(160))"
            }
        }
        return nil
    }

    /// What a run saw.
    public struct Summary: CustomStringConvertible {
        public var accepted = 0
        public var refused = 0
        public var failures: [String] = []
        public var description: String { "\(accepted) accepted, \(refused) refused, \(failures.count) failures" }
    }

    /// Mangles each source `iterations` times and runs `body` on every mutant, timing it on the
    /// thread's CPU clock. `body` returns the size of what it read (items, operations, boxes:
    /// a 30-byte cutting-stock file may hold a million items; 0 when only the bytes count) or
    /// throws (refused); the time bound is proportional to the larger of the bytes and 20 × that
    /// size. `file` is the name errors must carry (nil: any). Failures are collected, at most 20.
    public static func run(sources: [(name: String, bytes: [UInt8])], iterations: Int, seed: UInt64, file: String?,
                           body: ([UInt8], String) throws -> Int) -> Summary {
        var generator = FuzzGenerator(seed: ReaderFuzz.seed(seed))
        var summary = Summary()
        let clock = ThreadCPUClock()
        for (name, original) in sources {
            for iteration in 0..<iterations {
                let mangled = mangle(original, using: &generator)
                let started = clock.now()
                var size = 0
                do {
                    size = try body(mangled, name)
                    summary.accepted += 1
                } catch {
                    summary.refused += 1
                    if let problem = unreadable(error, file: file ?? nil), summary.failures.count < 20 {
                        summary.failures.append("\(name) #\(iteration): \(problem)")
                    }
                }
                let seconds = clock.now() - started
                if seconds > timeBound(bytes: max(mangled.count, 20 * size)), summary.failures.count < 20 {
                    summary.failures.append(String(format: "%@ #%d: %.2f s of CPU for %d bytes", name, iteration, seconds, mangled.count))
                }
            }
        }
        return summary
    }

    /// JSON values made hostile: numbers at the limits of 64 bits, wrong types, missing and
    /// extra members, deep nesting. One to three changes of `value`.
    public static func mangle(json value: JSONValue, using generator: inout FuzzGenerator) -> JSONValue {
        var result = value
        for _ in 0..<Int.random(in: 1...3, using: &generator) { result = mutate(result, using: &generator, depth: 0) }
        return result
    }

    static let hostileNumbers: [JSONValue] = [
        .int(Int.max), .int(Int.min), .int(Int.max - 1), .int(-1), .int(0), .int(1), .int(1 << 31), .int(1 << 53),
        .int(1_000_000), .double(1e300), .double(-1e300), .double(0.5), .string("7"), .null, .bool(true),
        .array([]), .object([:]),
    ]

    static func mutate(_ value: JSONValue, using generator: inout FuzzGenerator, depth: Int) -> JSONValue {
        switch value {
        case .array(var items) where !items.isEmpty && depth < 6:
            let k = Int.random(in: 0..<items.count, using: &generator)
            switch Int.random(in: 0..<6, using: &generator) {
            case 0: items.remove(at: k)
            case 1: items.append(items[k])
            case 2: items.swapAt(k, Int.random(in: 0..<items.count, using: &generator))
            default: items[k] = mutate(items[k], using: &generator, depth: depth + 1)
            }
            return .array(items)
        case .object(var members) where !members.isEmpty && depth < 6:
            let key = members.keys.sorted()[Int.random(in: 0..<members.count, using: &generator)]
            switch Int.random(in: 0..<6, using: &generator) {
            case 0: members.removeValue(forKey: key)
            case 1: members["n" + key] = hostileNumbers.randomElement(using: &generator)!
            default: members[key] = mutate(members[key]!, using: &generator, depth: depth + 1)
            }
            return .object(members)
        default:
            if Int.random(in: 0..<12, using: &generator) == 0 {
                var deep: JSONValue = value
                for _ in 0..<Int.random(in: 1...200, using: &generator) { deep = .array([deep]) }
                return deep
            }
            return hostileNumbers.randomElement(using: &generator)!
        }
    }
}

/// The fuzzers' seeded generator: the project's own (HunchCore's xoshiro256**).
public typealias FuzzGenerator = SeededGenerator

/// The same property for what follows reading: an accepted instance can be used (context,
/// default prior, validation, objective, bound, the solution's JSON round trip) without a trap,
/// and the `--initial` decoders take any JSON without one.
public enum ProblemFuzz<P: Problem> {
    /// Uses an instance the reader accepted; throws (readably) or returns the prior's solution.
    @discardableResult
    public static func use(_ instance: P.Instance, seconds: Double = 0.5) throws -> (P.Solution, P.Context) {
        let clock = MonotonicClock()
        let stop = StopCondition(deadline: clock.now() + seconds, clock: clock, interruption: Interruption())
        let context = try P.context(instance, options: FamilyOptions(), stop: stop)
        var rng = SeededGenerator(seed: 1)
        let (solution, _) = P.construct(prior: P.defaultPrior, instance, context, rng: &rng, stop: stop)
        try P.validate(solution, instance, context)
        _ = P.objective(solution, instance, context)
        _ = P.bound(instance, context, budget: seconds, incumbent: nil, stop: stop)
        let json = P.encode(solution, instance, context)
        _ = try P.decode(json, instance, context)
        _ = P.details(solution, instance, context)
        return (solution, context)
    }

    /// Decodes mangled versions of `solution`'s JSON, as values and as text in a file (the way
    /// `--initial` reads it); every outcome is a valid solution or a readable error.
    /// `use`, then `decode` with files in a temporary folder that is removed afterwards: the
    /// whole decoder fuzz of one instance, as every family's test runs it.
    public static func decodeMangledSolutions(of instance: P.Instance, iterations: Int, seed: UInt64) throws -> ReaderFuzz.Summary {
        let (solution, context) = try use(instance)
        let directory = NSTemporaryDirectory() + "hunch-\(P.name)-fuzz-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        return decode(solution, instance, context, iterations: iterations, seed: seed, directory: directory)
    }

    public static func decode(_ solution: P.Solution, _ instance: P.Instance, _ context: P.Context, iterations: Int,
                              seed: UInt64, directory: String) -> ReaderFuzz.Summary {
        var generator = FuzzGenerator(seed: ReaderFuzz.seed(seed))
        var summary = ReaderFuzz.Summary()
        let original = P.encode(solution, instance, context)
        let text = Array(JSONValue.object(["solution": original]).jsonString().utf8)
        let clock = ThreadCPUClock()
        for iteration in 0..<iterations {
            let started = clock.now()
            let path = directory + "/initial-\(iteration % 7).json"
            do {
                if iteration % 4 == 3 {
                    FileManager.default.createFile(atPath: path, contents: Data(ReaderFuzz.mangle(text, using: &generator)))
                    // Read as `--initial` reads it: structure, then feasibility, errors naming the file.
                    let decoded = try P.readFeasibleSolution(path: path, instance, context)
                    _ = P.objective(decoded, instance, context)
                } else {
                    let decoded = try P.decode(ReaderFuzz.mangle(json: original, using: &generator), instance, context)
                    // What `hunch check` computes of any solution that reads: never a trap.
                    _ = P.objective(decoded, instance, context)
                    _ = P.violations(decoded, instance, context)
                    try P.validate(decoded, instance, context)
                }
                summary.accepted += 1
            } catch {
                summary.refused += 1
                if let problem = ReaderFuzz.unreadable(error, file: iteration % 4 == 3 ? path : nil), summary.failures.count < 20 {
                    summary.failures.append("#\(iteration): \(problem)")
                }
            }
            let seconds = clock.now() - started
            if seconds > ReaderFuzz.timeBound(bytes: text.count * 4), summary.failures.count < 20 {
                summary.failures.append(String(format: "#%d: %.2f s of CPU", iteration, seconds))
            }
        }
        return summary
    }
}
