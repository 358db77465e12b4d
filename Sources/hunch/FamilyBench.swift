import Foundation
import HunchCore

/// The bench of one instance, for any registered family: each prior alone; the
/// full search per start (the default prior, or another prior's solution given as the start),
/// policy and seed, all at the same wall time; the family's bound; and GLPK where the instance is
/// small enough.
struct FamilyBench {
    let settings: BenchCommand
    let runner: any RegisteredFamily

    func benchOne(_ item: InstanceSource.Item, log: (BenchRow) -> Void) throws -> [BenchRow] {
        let size = try runner.size(path: item.path)
        guard size <= settings.maxSize else { return [] }
        let clock = MonotonicClock()
        var rows: [BenchRow] = []
        var knownOptimum: Double?
        var sense = ObjectiveSense.minimise
        func add(_ row: BenchRow, _ record: SolveRecord? = nil) {
            var row = row
            if let known = record?.knownOptimum { knownOptimum = known }
            row.knownOptimum = record?.knownOptimum ?? knownOptimum
            rows.append(row)
            log(row)
        }
        func solve(_ arguments: [String], priorOnly: Bool = false, initial: String? = nil) throws -> (SolveRecord, Double) {
            let options = try SearchOptions.parse(arguments + settings.llmArguments)
            let t0 = clock.now()
            var request = options.request(path: item.path, commandStart: t0, stop: StopCondition(clock: clock))
            request.priorOnly = priorOnly
            request.initialPath = initial
            let run = try runner.solve(request)
            sense = run.sense
            return (run.record, clock.now() - t0)
        }

        // Each prior alone; their solutions are kept as starts for the searches that ask for them.
        var starts: [String: SolveRecord] = [:]
        let searchStarts = settings.searchStartNames(for: runner)
        for prior in Set(settings.priorNames(for: runner) + searchStarts.filter { $0 != "default" }).sorted() {
            // The time limit of a prior alone only matters to the LLM prior, which may use half of it.
            let limit = prior == "llm" ? 2 * settings.llmLimit : 60
            let (record, time) = try solve(["--prior", prior, "--seed", "1", "--no-bound", "--time-limit", String(limit)],
                                           priorOnly: true)
            starts[prior] = record
            if settings.priorNames(for: runner).contains(prior) {
                add(BenchRow(instance: item.name, size: size, kind: .prior, method: "prior:\(record.prior ?? prior)",
                             value: record.objective, time: time, status: record.status.rawValue), record)
            }
        }

        var best: SolveRecord?
        var bound: Double?
        for start in searchStarts {
            // A non-default start is handed to the search as --initial, so every search gets the
            // same wall time whatever the prior cost (a model's answer can take seconds).
            var initial: String?
            if start != "default", let record = starts[start] {
                initial = try temporaryJSON(record)
            }
            defer { if let initial { try? FileManager.default.removeItem(atPath: initial) } }
            for policy in settings.policyList {
                for seed in settings.firstSeed..<(settings.firstSeed + settings.seeds) {
                    var arguments = ["--policy", policy, "--seed", String(seed), "--time-limit", String(settings.timeLimit)]
                    if !runner.boundIsCheap { arguments.append("--no-bound") }
                    let (record, time) = try solve(arguments, initial: initial)
                    if let b = record.bound { bound = b }
                    if let value = record.objective, best?.objective.map({ sense.isBetter(value, than: $0) }) ?? true {
                        best = record
                    }
                    let method = "search:\(record.policy ?? policy)" + (start == "default" ? "" : "+\(start)")
                    add(BenchRow(instance: item.name, size: size, kind: .search, method: method, seed: seed,
                                 value: record.objective, time: time, status: record.stopReason ?? record.status.rawValue), record)
                }
            }
        }

        if settings.boundLimit > 0 {
            let t0 = clock.now()
            if !runner.boundIsCheap, let value = try runner.benchBound(path: item.path, best: best?.objective, timeLimit: settings.boundLimit) {
                add(BenchRow(instance: item.name, size: size, kind: .bound, method: "bound:\(runner.boundName)",
                             value: value, time: clock.now() - t0, status: "bound"))
            } else if let bound {
                add(BenchRow(instance: item.name, size: size, kind: .bound, method: "bound:\(runner.boundName)",
                             value: bound, time: 0, status: "bound"))
            }
        }

        if settings.exactMaxSize > 0 && size <= settings.exactMaxSize {
            let t0 = clock.now()
            var request = ExactRequest(path: item.path, timeLimit: settings.exactLimit, commandStart: t0, clock: clock)
            request.initialSolution = best?.solution
            let run = try runner.exact(request)
            add(BenchRow(instance: item.name, size: size, kind: .exact, method: "exact:glpk", value: run.record.objective,
                         lowerBound: run.record.bound, time: clock.now() - t0, status: run.record.status.rawValue), run.record)
        }
        return BenchRunner.withGaps(rows, maximise: sense == .maximise)
    }

    /// Writes a result as a JSON file that `--initial` reads.
    private func temporaryJSON(_ record: SolveRecord) throws -> String {
        let path = (NSTemporaryDirectory() as NSString).appendingPathComponent("hunch-bench-\(UUID().uuidString).json")
        try AtomicFile.write(record.jsonLine(), to: path)
        return path
    }
}
