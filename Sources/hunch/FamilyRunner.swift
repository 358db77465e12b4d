import Foundation
import HunchCore
import HunchLLM

/// What the commands need from a problem family. One conforming type per family (`TSPRunner`,
/// `JobShopRunner`, `BinPackingRunner`, `Packing3DRunner`) joins that family's module to the
/// command line; the commands themselves never name a family's types.
protocol FamilyRunner {
    /// The family's name in JSON results and manifests (`tsp`, `jobshop`, …).
    static var family: String { get }
    /// True when the objective is maximised (packing3d's volume utilisation): gaps and bounds
    /// are then read the other way round.
    static var maximises: Bool { get }
    /// Names `--prior` accepts (besides `llm`), and those `bench` runs alone by default.
    static var priorNames: [String] { get }
    static var benchPriorNames: [String] { get }
    /// The prior used when none is named (and when the LLM prior falls back).
    static var defaultPriorName: String { get }
    /// What each prior does, in a sentence, for `--prior llm-choice`'s menu.
    static var priorDescriptions: [String: String] { get }
    /// What `size(path:)` counts, in words ("cities", "operations", …).
    static var sizeUnit: String { get }
    /// The menu `--prior llm-choice` puts to the model (a default is built from the above).
    static func choiceMenu(path: String) throws -> LLMChoice
    /// The kind of file `--out` writes, for help and messages (e.g. "TSPLIB .tour").
    static var solutionFileKind: String { get }

    /// Reads the instance, runs prior → policy-guided search (or the prior alone), validates.
    static func solve(_ request: SolveRequest) throws -> FamilyRun
    /// GLPK: a proven optimum, or the best solution and a proven bound at the limit.
    static func exact(_ request: ExactRequest) throws -> FamilyRun
    /// Size of the instance at `path` for `bench --max-size` (nodes, operations, items, boxes).
    static func size(path: String) throws -> Int
    /// The instances a file holds, as addresses `solve` takes (a thpack file: `FILE#1` … `FILE#P`).
    static func addresses(inFile path: String) throws -> [String]
    /// A random instance in the family's standard file format (`hunch generate`).
    static func generate(_ settings: GenerateSettings) throws -> String
    /// The family's RL training environment (`hunch train`): generated instances of sizes in
    /// `minSize…maxSize` (the family's size unit; nil: its defaults) or the given files, with a
    /// work budget per size unit (nil: the family's default).
    static func trainingEnvironment(minSize: Int?, maxSize: Int?, workPerUnit: Int?, workPerEpisode: Int?,
                                    files: [String]) throws -> any TrainingEnvironment
    /// The trained policy shipped in the binary (`--policy learned`); throws when none is.
    static func bundledWeights() throws -> PolicyWeights
    /// True when `solve` computes its bound in negligible time (so bench keeps it on); false
    /// when it costs search time (TSP's Held–Karp ascent), and bench computes it apart.
    static var cheapBound: Bool { get }
    /// A bound that bench computes apart from the searches (value and name), or nil to use the
    /// one `solve` reports.
    static func benchBound(path: String, best: SolveRecord?, timeLimit: Double) throws -> (Double, String)?
}

/// One solve, as the commands ask for it.
struct SolveRequest {
    var path: String
    var options: SearchOptions
    /// A starting solution (family format or a JSON result); the answer is never worse.
    var initialPath: String?
    /// Fail before the search when the instance cannot be drawn (`--svg`).
    var requireDrawing = false
    /// Only the prior, no search (bench rows that measure a prior alone).
    var priorOnly = false
    /// Start of the whole command on `stop.clock`: the time limit covers reading and writing.
    var commandStart: Double
    var stop: StopCondition
    /// Makes the progress observer once the reference value (known optimum) is known.
    var progress: ((Double?) -> ProgressLine?)?

    init(path: String, options: SearchOptions, commandStart: Double, stop: StopCondition) {
        self.path = path
        self.options = options
        self.commandStart = commandStart
        self.stop = stop
    }

    /// The deadline for the search, keeping `reserve` seconds back for validation and output.
    func searchDeadline(reserve: Double) -> Double? {
        guard let limit = options.effectiveTimeLimit else { return nil }
        return commandStart + limit - min(reserve, limit * 0.1)
    }
}

/// One exact solve.
struct ExactRequest {
    var path: String
    var timeLimit: Double
    var initialPath: String?
    /// A solution to start from, as a JSON result's `solution` object (bench passes its best).
    var initialSolution: JSONValue?
    var verbose = false
    var commandStart: Double
    var clock: any SearchClock
}

/// What a solve produced: the public record, and ways to write and draw the solution.
struct FamilyRun {
    var record: SolveRecord
    /// "ft06 (jobshop, 6 jobs × 6 machines)": the instance line of the text report.
    var headline: String
    /// Writes the solution in the family's own format (`--out`).
    var writeSolution: (String) throws -> Void
    /// The solution as SVG with this title, or nil when the instance has nothing to draw.
    var drawing: (String) -> String?
    /// True when the record's `knownOptimum` is a proven optimum (a manifest says so), not just
    /// the best value published.
    var knownIsProven = false
}

/// The families the command line knows, and which one a file holds.
enum Families {
    static let all: [any FamilyRunner.Type] = [TSPRunner.self, JobShopRunner.self, BinPackingRunner.self, Packing3DRunner.self]

    static var names: [String] { all.map { $0.family } }

    /// The family name used in results for a manifest's family column (`jssp` → `jobshop`).
    static func canonical(_ manifestFamily: String) -> String {
        switch manifestFamily {
        case "jssp": return "jobshop"
        case "bpp": return "binpacking"
        default: return manifestFamily
        }
    }

    static func runner(_ family: String) throws -> any FamilyRunner.Type {
        guard let runner = all.first(where: { $0.family == canonical(family) }) else {
            throw CLIError("unknown problem family '\(family)'; supported: \(names.joined(separator: ", "))")
        }
        return runner
    }

    /// The runner for `path`, from `--problem` when given, else detected from the file.
    static func runner(path: String, forced: String?) throws -> any FamilyRunner.Type {
        if let forced { return try runner(forced) }
        return try runner(FamilyDetector.detect(path: path))
    }
}

extension FamilyRunner {
    static func addresses(inFile path: String) throws -> [String] { [path] }
    static var cheapBound: Bool { true }
    static func benchBound(path: String, best: SolveRecord?, timeLimit: Double) throws -> (Double, String)? { nil }

    /// The known optimum (or best known value) of the instance at `path`, from a nearby manifest.
    static func manifestEntry(path: String) -> KnownOptima.Entry? {
        guard let entry = KnownOptima.lookup(instancePath: path), Families.canonical(entry.family) == family else {
            return nil
        }
        return entry
    }

    /// Gap of `objective` to `reference`, positive when the objective is worse.
    static func gap(objective: Double?, reference: Double?) -> Double? {
        guard let objective, let reference, reference != 0 else { return nil }
        return maximises ? (reference - objective) / abs(reference) : (objective - reference) / abs(reference)
    }

    /// Refuses options that belong to another family (`--objective` is packing3d's).
    static func checkFamilyOptions(_ options: SearchOptions) throws {
        if options.objective != nil && family != "packing3d" {
            throw CLIError("--objective applies to packing3d only, not \(family)")
        }
    }

    /// The prior named by --prior, or nil for the family's default; a clear error otherwise.
    static func checkedPriorName(_ options: SearchOptions) throws -> String? {
        guard let name = options.prior, name != "llm" else { return nil }
        guard priorNames.contains(name) else {
            throw CLIError("unknown --prior '\(name)' for \(family); expected one of: \((priorNames + ["llm", "llm-choice"]).joined(separator: ", "))")
        }
        return name
    }

    /// Operator statistics of a search, for the record's details.
    static func operatorDetails(_ stats: SearchStatistics) -> JSONValue {
        .object(Dictionary(uniqueKeysWithValues: stats.operatorNames.enumerated().map { i, name in
            (name, JSONValue.object(["applied": .int(stats.applications[i]), "improved": .int(stats.improvements[i]),
                                     "new_best": .int(stats.newBests[i]), "work": .int(stats.work[i])]))
        }))
    }

    /// Fills the search part of a record (prior, policy, steps, stop reason, statistics).
    static func recordSearch(_ record: inout SolveRecord, stats: SearchStatistics, options: SearchOptions,
                             acceptance: Acceptance, policy: String, prior: String, initialObjective: Double) {
        record.seed = options.seed
        record.prior = prior
        record.policy = policy
        record.initialObjective = initialObjective
        record.steps = stats.steps
        record.stopReason = stats.stopReason.rawValue
        record.timeLimit = options.effectiveTimeLimit
        record.maxSteps = options.maxSteps
        var details = record.details ?? [:]
        details["acceptance"] = .string(acceptance.name)
        details["time_to_best_s"] = .double(stats.timeToBest)
        details["operators"] = operatorDetails(stats)
        record.details = details
    }
}
