import Foundation
import XCTest
import HunchCore
@testable import HunchJobShop

/// Benchmarks, not tests: skipped unless HUNCH_BENCH=1. Run in release:
/// `HUNCH_BENCH=1 HUNCH_BENCH_SECONDS=3 HUNCH_BENCH_SET=la swift test -c release --filter JobShopBenchmarkTests`
/// Instances and best-known values come from /work/shared/instances (MANIFEST.csv).
final class JobShopBenchmarkTests: XCTestCase {
    func testMeanGapOnPublicInstances() throws {
        let env = ProcessInfo.processInfo.environment
        try XCTSkipUnless(env["HUNCH_BENCH"] == "1", "set HUNCH_BENCH=1 to run the benchmark")
        let seconds = Double(env["HUNCH_BENCH_SECONDS"] ?? "3") ?? 3
        let prefix = env["HUNCH_BENCH_SET"] ?? "la"
        let root = env["HUNCH_INSTANCES"] ?? "/work/shared/instances"
        let manifest = try String(contentsOfFile: root + "/MANIFEST.csv", encoding: .utf8)
        var rows: [(String, String, Int)] = []
        for line in manifest.split(whereSeparator: \.isNewline) {
            let f = line.split(separator: ",", omittingEmptySubsequences: false)
            guard f.count > 5, f[0] == "jssp", f[1].hasPrefix(prefix), let best = Int(f[4]) else { continue }
            if let only = env["HUNCH_BENCH_ONLY"], !only.split(separator: " ").contains(f[1]) { continue }
            rows.append((String(f[1]), root + "/" + f[2], best))
        }
        rows.sort { $0.0 < $1.0 }
        var gaps: [Double] = []
        var evaluations = 0, elapsed = 0.0
        for (name, path, best) in rows {
            let instance = try JobShopReader.read(path: path)
            var policy = NamedPolicy(name: env["HUNCH_BENCH_POLICY"] ?? "uniform")!
            var options = JobShopSolveOptions()
            options.seed = 1
            let clock = MonotonicClock()
            let stop = StopCondition(deadline: clock.now() + seconds, clock: clock, interruption: Interruption())
            let started = clock.now()
            let counter = EvaluationCounter()
            let outcome = JobShopSolver.solve(instance, options: options, policy: &policy, stop: stop, observer: counter)
            elapsed += clock.now() - started
            evaluations += counter.work
            try JobShopValidation.check(outcome.schedule, instance: instance)
            let gap = Double(outcome.makespan - best) / Double(best) * 100
            gaps.append(gap)
            print(String(format: "%@ %@ best %d found %d prior %d gap %.2f%% (lb %d) steps %d", name, "\(instance.jobCount)x\(instance.machineCount)",
                         best, outcome.makespan, outcome.priorMakespan, gap, JobShopLowerBound.compute(instance), outcome.statistics.steps))
        }
        let mean = gaps.reduce(0, +) / Double(max(1, gaps.count))
        print(String(format: "BENCH %@*: %d instances, %.0f s each, mean gap %.3f%%, %.0f move evaluations/s", prefix, gaps.count, seconds, mean,
                     Double(evaluations) / max(1e-9, elapsed)))
    }
}

/// Sums the work (move evaluations) of every step.
private final class EvaluationCounter: SearchObserver {
    var work = 0
    func searchDidStep(_ event: SearchStepEvent) { work += event.work }
}
