import Foundation
import HunchCore

/// What the commands need from a family, as one existential type: `Family<P>` wraps any
/// `Problem` from a family module, so no command names a family's types.
protocol RegisteredFamily: Sendable {
    var name: String { get }
    var aliases: [String] { get }
    var summary: String { get }
    var objectiveName: String { get }
    var sizeUnit: String { get }
    var solutionFileKind: String { get }
    var fileExtensions: [String] { get }
    var priorNames: [String] { get }
    var benchPriorNames: [String] { get }
    var defaultPriorName: String { get }
    var operatorNames: [String] { get }
    var featureCount: Int { get }
    /// True when the bound costs search time (so bench computes it apart, at its own limit).
    var boundIsCheap: Bool { get }
    var boundName: String { get }
    var generatorParameters: [GeneratorParameter] { get }
    var exactModel: String? { get }

    func recognises(fileExtension: String, head: String) -> Bool
    func addresses(inFile path: String) throws -> [String]
    func size(path: String) throws -> Int
    func solve(_ request: SolveRequest) throws -> FamilyRun
    func exact(_ request: ExactRequest) throws -> FamilyRun
    /// `hunch check`: a given solution's objective, known value and every violation.
    func check(_ request: CheckRequest) throws -> CheckReport
    /// The bound bench computes apart (value), aiming at `best`, within `timeLimit`.
    func benchBound(path: String, best: Double?, timeLimit: Double) throws -> Double?
    func generate(_ values: GeneratorValues) throws -> String
    func trainingEnvironment(_ settings: TrainingSettings, files: [String]) throws -> any TrainingEnvironment
    func bundledWeights() throws -> PolicyWeights
}

/// What a solve produced, for the commands: the public record, and ways to write and draw it.
struct FamilyRun {
    var record: SolveRecord
    /// "ft06 (jobshop, 6 jobs × 6 machines)": the instance line of the text report.
    var headline: String
    var sense: ObjectiveSense
    /// True when the record's `knownOptimum` is a proven optimum (a manifest says so).
    var knownIsProven: Bool
    /// Writes the solution in the family's own format (`--out`).
    var writeSolution: (String) throws -> Void
    /// The solution as SVG with this title, or nil when the instance has nothing to draw.
    var drawing: (String) -> String?
}

/// Any `Problem` as a `RegisteredFamily`: manifest lookup, the pipeline, the outputs.
struct Family<P: Problem>: RegisteredFamily {
    private let exactSolve: (@Sendable (ExactRequest) throws -> SolveOutcome<P>)?

    init() { exactSolve = nil }
    init() where P: ExactlySolvable { exactSolve = { try ExactPipeline<P>.solve($0) } }

    var name: String { P.name }
    var aliases: [String] { P.aliases }
    var summary: String { P.summary }
    var objectiveName: String { P.objectiveName }
    var sizeUnit: String { P.sizeUnit }
    var solutionFileKind: String { P.solutionFileKind }
    var fileExtensions: [String] { P.fileExtensions }
    var priorNames: [String] { P.priors.map(\.name) }
    var benchPriorNames: [String] { P.priors.filter(\.benchByDefault).map(\.name) }
    var defaultPriorName: String { P.defaultPrior }
    var operatorNames: [String] { P.operatorNames }
    var featureCount: Int { P.featureCount }
    var boundIsCheap: Bool { P.boundIsCheap }
    var boundName: String { P.boundName }
    var generatorParameters: [GeneratorParameter] { P.generatorParameters }
    var exactModel: String? { (P.self as? any ExactlySolvable.Type)?.exactModel }

    func recognises(fileExtension: String, head: String) -> Bool { P.recognises(fileExtension: fileExtension, head: head) }
    func addresses(inFile path: String) throws -> [String] { try reading { try P.addresses(inFile: path) } }
    func size(path: String) throws -> Int { try reading { P.size(try P.read(path: path)) } }

    func solve(_ request: SolveRequest) throws -> FamilyRun {
        var request = request
        request.known = request.known ?? known(path: request.path)
        return run(try reading { try SolvePipeline<P>.solve(request) })
    }

    func exact(_ request: ExactRequest) throws -> FamilyRun {
        guard let exactSolve else { throw CLIError("\(P.name) has no exact model") }
        var request = request
        request.known = request.known ?? known(path: request.path)
        return run(try reading { try exactSolve(request) })
    }

    func check(_ request: CheckRequest) throws -> CheckReport {
        var request = request
        request.known = request.known ?? known(path: request.path)
        return try reading { try CheckPipeline<P>.check(request) }
    }

    func benchBound(path: String, best: Double?, timeLimit: Double) throws -> Double? {
        try reading {
            let instance = try P.read(path: path)
            let context = try P.context(instance, options: FamilyOptions())
            return P.bound(instance, context, budget: timeLimit, incumbent: best, stop: StopCondition())
        }
    }

    func generate(_ values: GeneratorValues) throws -> String { try reading { try P.generate(values) } }

    func trainingEnvironment(_ settings: TrainingSettings, files: [String]) throws -> any TrainingEnvironment {
        try reading { try P.trainingEnvironment(settings, instances: try files.map(P.read)) }
    }

    func bundledWeights() throws -> PolicyWeights { try P.bundledPolicy() }

    /// The manifest's value for this instance, when a manifest near it lists it under this family.
    private func known(path: String) -> KnownValue? {
        guard let entry = KnownOptima.lookup(instancePath: path), Families.canonical(entry.family) == P.name,
              let optimum = entry.optimum else { return nil }
        return KnownValue(name: entry.name, value: optimum, proven: entry.isOptimal)
    }

    private func run(_ outcome: SolveOutcome<P>) -> FamilyRun {
        let record = outcome.record
        let (instance, context) = (outcome.instance, outcome.context)
        return FamilyRun(
            record: record,
            headline: "\(record.name ?? P.instanceName(instance)) (\(P.name), \(P.describe(instance)))",
            sense: P.sense(context),
            knownIsProven: outcome.knownIsProven,
            writeSolution: { path in
                guard let solution = outcome.solution else {
                    throw CLIError("\(record.instance): no solution to write (\(record.status.rawValue))")
                }
                try AtomicFile.write(P.solutionFile(solution, instance, context, record: record), to: path)
            },
            drawing: { title in outcome.solution.flatMap { P.svg($0, instance, context, record: record, title: title) } })
    }

    /// Errors of the family's readers and the pipeline as the command line prints them.
    private func reading<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as CLIError { throw error } catch { throw CLIError("\(error)") }
    }
}

extension Families {
    static var names: [String] { all.map(\.name) }

    /// The family's one name for a name or an alias (`jssp` → `jobshop`); unknown names unchanged.
    static func canonical(_ name: String) -> String {
        all.first { $0.name == name || $0.aliases.contains(name) }?.name ?? name
    }

    static func named(_ name: String) throws -> any RegisteredFamily {
        guard let family = all.first(where: { $0.name == canonical(name) }) else {
            throw CLIError("unknown problem family '\(name)'; supported: \(names.joined(separator: ", "))")
        }
        return family
    }

    /// The family of the instance at `path`: `--problem` when given, else the first family that
    /// recognises the file's extension and first lines (`FILE#K` addresses a multi-problem file).
    static func family(path: String, forced: String?) throws -> any RegisteredFamily {
        if let forced { return try named(forced) }
        return try named(detect(path: path))
    }

    static func detect(path: String) throws -> String {
        let address: InstanceAddress
        do { address = try InstanceAddress(path) } catch { throw CLIError("\(error)") }
        let file = address.file
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory) else {
            throw CLIError("\(file): no such file")
        }
        guard !isDirectory.boolValue else { throw CLIError("\(file): is a folder, expected an instance file") }
        guard let head = InstanceHead.text(ofFile: file) else { throw CLIError("\(file): cannot read") }
        let ext = (file as NSString).pathExtension.lowercased()
        let candidates = all.filter { $0.recognises(fileExtension: ext, head: head) }
        if let family = candidates.first { return family.name }
        throw CLIError("\(file): cannot tell the problem family from the extension or the first lines; use --problem \(names.joined(separator: "|")) (hunch --help describes each)")
    }
}
