import Foundation
import HunchCore

/// The bench for every family through its `FamilyRunner`: each prior alone, the full search per
/// policy and seed at the same wall time, the family's cheap bound, and GLPK where the instance
/// is small enough. (TSP has its own `TSPBench`, which shares candidate lists and feeds the
/// Held–Karp ascent the best tour.)
struct FamilyBench {
    let settings: BenchCommand
    let runner: any FamilyRunner.Type

    func benchOne(_ item: InstanceSource.Item, log: (BenchRow) -> Void) throws -> [BenchRow] {
        let size = try runner.size(path: item.path)
        guard size <= settings.maxSize else { return [] }
        let clock = MonotonicClock()
        let name = item.name
        var rows: [BenchRow] = []
        var knownOptimum: Double?
        func add(_ row: BenchRow, _ record: SolveRecord? = nil) {
            var row = row
            if let known = record?.knownOptimum { knownOptimum = known }
            row.knownOptimum = record?.knownOptimum ?? knownOptimum
            rows.append(row)
            log(row)
        }

        for prior in settings.priorNames(for: runner) {
            let options = try SearchOptions.parse(["--prior", prior, "--seed", "1", "--no-bound"])
            let t0 = clock.now()
            var request = SolveRequest(path: item.path, options: options, commandStart: t0, stop: StopCondition(clock: clock))
            request.priorOnly = true
            let record = try runner.solve(request).record
            add(BenchRow(instance: name, size: size, kind: .prior, method: "prior:\(record.prior ?? prior)",
                         value: record.objective, time: clock.now() - t0, status: record.status), record)
        }

        var best: SolveRecord?
        var bound: Double?
        for policy in settings.policyList {
            for seed in 1...settings.seeds {
                let options = try SearchOptions.parse(["--policy", policy, "--seed", String(seed),
                                                       "--time-limit", String(settings.timeLimit)])
                let t0 = clock.now()
                let record = try runner.solve(SolveRequest(path: item.path, options: options, commandStart: t0,
                                                           stop: StopCondition(clock: clock))).record
                if let b = record.bound { bound = b }
                if let value = record.objective, best?.objective.map({ runner.maximises ? value > $0 : value < $0 }) ?? true {
                    best = record
                }
                add(BenchRow(instance: name, size: size, kind: .search, method: "search:\(record.policy ?? policy)", seed: seed,
                             value: record.objective, time: clock.now() - t0, status: record.stopReason ?? record.status), record)
            }
        }

        if settings.boundLimit > 0, let bound {
            add(BenchRow(instance: name, size: size, kind: .bound, method: "bound:\(runner.family)",
                         value: bound, time: 0, status: "bound"))
        }

        if settings.exactMaxSize > 0 && size <= settings.exactMaxSize {
            let t0 = clock.now()
            let run = try runner.exact(ExactRequest(path: item.path, timeLimit: settings.exactLimit,
                                                    initialSolution: best?.solution, commandStart: t0, clock: clock))
            add(BenchRow(instance: name, size: size, kind: .exact, method: "exact:glpk", value: run.record.objective,
                         lowerBound: run.record.bound, time: clock.now() - t0, status: run.record.status), run.record)
        }
        return TSPBench.withGaps(rows, maximise: runner.maximises)
    }
}
