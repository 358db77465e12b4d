import ArgumentParser
import Foundation
import HunchCore

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmark priors, search policies, the Held–Karp bound and GLPK on a set of instances.",
        discussion: """
        Per instance: each prior alone; the full search (default prior + local search) under each
        policy and seed at the same wall time; the Held–Karp lower bound; and GLPK's exact model
        where the instance is small enough. Writes a CSV (one row per run), a markdown report
        (per-instance gaps, a summary per method, paired comparisons of the policies with wins,
        losses and a Wilcoxon signed-rank test) and an SVG chart of the gaps.
        Gaps are measured against the known optimum when the manifest has one, else the exact
        optimum, else the best lower bound, else the best objective found in the run.
        """)

    @Argument(help: "A folder of instances, a MANIFEST.csv, or one instance file.")
    var source: String?

    @Option(name: .long, parsing: .unconditional, help: "Search time per run, seconds.", transform: NumberArgument.seconds)
    var timeLimit: Double = 10

    @Option(name: .long, help: "Priors to run alone (comma-separated names of any family's priors), 'default' (each family's usual set) or 'none'.")
    var priors = "default"

    @Option(name: .long, help: "What the full search starts from (comma-separated): 'default' (the family's default prior) and/or prior names, e.g. default,llm; a non-default start is built once per instance and handed to every search as its initial solution, so all searches get the same wall time.")
    var searchPriors = "default"

    @Option(name: .long, help: "LLM prior: the server's base URL (else $HUNCH_LLM_URL).")
    var llmURL: String?

    @Option(name: .long, help: "LLM prior: the model name (else $HUNCH_LLM_MODEL).")
    var llmModel: String?

    @Option(name: .long, parsing: .unconditional, help: "LLM prior: seconds per request attempt (else $HUNCH_LLM_TIMEOUT).", transform: NumberArgument.seconds)
    var llmTimeout: Double?

    @Option(name: .long, parsing: .unconditional, help: "LLM prior: seconds the model may take per instance.", transform: NumberArgument.seconds)
    var llmLimit: Double = 60

    @Flag(name: .long, help: "LLM prior: ask the model even when its reply is cached.")
    var noCache = false

    @Option(name: .long, help: "Search policies to compare (comma-separated names or weights files).")
    var policies = "roulette"

    @Option(name: .long, parsing: .unconditional, help: "Seeds per instance and policy (seeds F…F+N−1, F = --first-seed).")
    var seeds = 1

    @Option(name: .long, parsing: .unconditional, help: "First search seed, so that a replication can run on fresh seeds.")
    var firstSeed = 1

    @Option(name: .long, parsing: .unconditional, help: "GLPK time limit per instance, seconds.", transform: NumberArgument.decimal)
    var exactLimit: Double = 60

    @Option(name: .long, parsing: .unconditional, help: "Run GLPK on instances with at most this many nodes (0: never).")
    var exactMaxSize = 0

    @Option(name: .long, parsing: .unconditional, help: "Held–Karp bound time limit per instance, seconds (0: skip).", transform: NumberArgument.decimal)
    var boundLimit: Double = 5

    @Option(name: .long, parsing: .unconditional, help: "Skip instances larger than this.")
    var maxSize = Int.max

    @Option(name: .long, help: "Also generate random instances of these sizes (comma-separated) in the family of --problem (default: the first registered, tsp).")
    var generate: String?

    @Option(name: .long, parsing: .unconditional, help: "Generated instances per size (seeds 1…N).")
    var generateCount = 1

    @Option(name: .long, help: "Folder for generated instances.")
    var generatedDir = "bench-generated"

    @Option(name: .long, parsing: .unconditional, help: "Runs in parallel (1 keeps timings comparable).")
    var jobs = 1

    @Option(name: .long, help: "Markdown report.")
    var report = "bench-report.md"

    @Option(name: .long, help: "CSV of all runs.")
    var csv = "bench-results.csv"

    @Option(name: .long, help: "SVG chart of gaps per instance and method.")
    var svg = "bench-gaps.svg"

    @Option(name: .long, help: "Force the problem family instead of detecting it.")
    var problem: String?

    @Flag(name: .long, help: "No per-run lines on standard error.")
    var quiet = false

    func validate() throws {
        guard timeLimit > 0, exactLimit >= 0, boundLimit >= 0, seeds >= 1, firstSeed >= 0, jobs >= 1, generateCount >= 1 else {
            throw ValidationError("time limits must be positive, --seeds/--jobs/--generate-count ≥ 1, --first-seed ≥ 0")
        }
        guard source != nil || generate != nil else { throw ValidationError("give a SOURCE, --generate, or both") }
        let known = Set(Families.all.flatMap { $0.priorNames } + ["llm", "llm-choice"])
        for p in priorList + searchPriorList where p != "default" && !known.contains(p) {
            throw ValidationError("unknown prior '\(p)'; expected: \(known.sorted().joined(separator: ", "))")
        }
        for p in policyList where !(NamedPolicy.names.contains(p) || p.hasSuffix(".json")) {
            throw ValidationError("unknown policy '\(p)'")
        }
        if let generate { _ = try sizes(generate) }
    }

    var priorList: [String] { ["none", "default"].contains(priors) ? [] : priors.split(separator: ",").map(String.init) }

    var searchPriorList: [String] { searchPriors.split(separator: ",").map(String.init) }

    /// The priors to run alone on an instance of this family.
    func priorNames(for runner: any RegisteredFamily) -> [String] {
        switch priors {
        case "none": return []
        case "default": return runner.benchPriorNames
        default: return priorList.filter { $0 == "llm" || $0 == "llm-choice" || runner.priorNames.contains($0) }
        }
    }

    /// The starts of the full search on an instance of this family (`default` or prior names).
    func searchStartNames(for runner: any RegisteredFamily) -> [String] {
        searchPriorList.filter { $0 == "default" || $0 == "llm" || $0 == "llm-choice" || runner.priorNames.contains($0) }
    }

    /// The LLM settings, passed on to every solve.
    var llmArguments: [String] {
        var arguments: [String] = []
        if let llmURL { arguments += ["--llm-url", llmURL] }
        if let llmModel { arguments += ["--llm-model", llmModel] }
        if let llmTimeout { arguments += ["--llm-timeout", String(llmTimeout)] }
        if noCache { arguments.append("--no-cache") }
        return arguments
    }
    var policyList: [String] { policies.split(separator: ",").map(String.init) }

    func sizes(_ text: String) throws -> [Int] {
        try text.split(separator: ",").map {
            guard let n = Int($0), n >= 5 else { throw ValidationError("--generate expects sizes ≥ 5, e.g. 200,1000") }
            return n
        }
    }

    /// A random instance of `family` whose size setting (its generator's first integer knob:
    /// nodes, jobs, items, box types) is `size`, written once into --generated-dir.
    func generated(family: any RegisteredFamily, size: Int, seed: UInt64) throws -> InstanceSource.Item {
        let name = "uniform\(size)-s\(seed)"
        var given: [String: String] = [:]
        if let knob = family.generatorParameters.first(where: { if case .integer = $0.kind { return true } else { return false } }) {
            given[knob.name] = String(size)
        }
        let values: GeneratorValues
        do {
            values = try GeneratorValues(parameters: family.generatorParameters, given: given, seed: seed, name: name,
                                         family: family.name)
        } catch { throw CLIError("--generate: \(error)") }
        let path = (generatedDir as NSString).appendingPathComponent("\(name).\(family.fileExtensions.first ?? "txt")")
        if !FileManager.default.fileExists(atPath: path) { try AtomicFile.write(try family.generate(values), to: path) }
        return InstanceSource.Item(path: path, family: family.name, name: name)
    }

    func run() throws {
        Interruption.installSignalHandlers()
        try OutputPaths.checkWritable([report, csv, svg])
        var items: [InstanceSource.Item] = []
        if let source { items = try InstanceSource.list(source) }
        if let problem { items = items.map { var item = $0; item.family = problem; return item } }
        if let generate {
            let family = try Families.named(problem ?? Families.names[0])
            try FileManager.default.createDirectory(atPath: generatedDir, withIntermediateDirectories: true)
            for size in try sizes(generate) {
                for s in 1...generateCount {
                    items.append(try generated(family: family, size: size, seed: UInt64(s)))
                }
            }
        }
        let bench = BenchRunner(settings: self)
        let rows = try bench.run(items: items, quiet: quiet)
        try AtomicFile.write(BenchReport.csv(rows), to: csv)
        let markdown = BenchReport.markdown(rows, settings: self,
                                            command: (["hunch"] + CommandLine.arguments.dropFirst()).joined(separator: " "))
        try AtomicFile.write(markdown, to: report)
        try AtomicFile.write(BenchReport.chart(rows), to: svg)
        print(BenchReport.summaryTable(rows))
        print("wrote \(report), \(csv), \(svg)")
    }
}
