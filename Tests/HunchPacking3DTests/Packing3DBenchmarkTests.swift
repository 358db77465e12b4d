import Foundation
import XCTest
import HunchCore
import HunchPacking3D

/// Utilisation on the BR classes under a time limit: a benchmark, not a test. Runs only with
/// HUNCH_BENCH=1, in a release build:
///
///     HUNCH_BENCH=1 swift test -c release --filter Packing3DBenchmarkTests
///
/// HUNCH_BENCH_FILES (default "BR1.txt,BR7.txt", paths under /work/shared/instances/packing3d or
/// instances/packing3d), HUNCH_BENCH_PROBLEMS (default 10), HUNCH_BENCH_SECONDS (default 2),
/// HUNCH_BENCH_POLICY (uniform or roulette; default roulette), HUNCH_BENCH_SUPPORT (1/0; default 1),
/// HUNCH_BENCH_ACCEPT (better, threshold:0.01, …; default better).
final class Packing3DBenchmarkTests: XCTestCase {
    func testUtilisationOnBRClasses() throws {
        let env = ProcessInfo.processInfo.environment
        guard env["HUNCH_BENCH"] == "1" else {
            throw XCTSkip("benchmark: set HUNCH_BENCH=1 and build with -c release to run it")
        }
        let files = (env["HUNCH_BENCH_FILES"] ?? "BR1.txt,BR7.txt").split(separator: ",").map(String.init)
        let problems = Int(env["HUNCH_BENCH_PROBLEMS"] ?? "") ?? 10
        let seconds = Double(env["HUNCH_BENCH_SECONDS"] ?? "") ?? 2
        let policyName = env["HUNCH_BENCH_POLICY"] ?? "roulette"
        let support = env["HUNCH_BENCH_SUPPORT"] != "0"
        for file in files {
            let shared = "/work/shared/instances/packing3d/" + file
            let path = FileManager.default.fileExists(atPath: shared) ? shared : TestData.path(file)
            var sumPrior = 0.0, sumFinal = 0.0, sumBound = 0.0, steps = 0
            for k in 1...problems {
                let instance = try ThpackReader.read(path: path, problem: k)
                var options = Packing3DSolveOptions()
                options.fullSupport = support
                options.seed = 1
                if let name = env["HUNCH_BENCH_ACCEPT"], let a = Acceptance(name: name) { options.acceptance = a }
                var policy = NamedPolicy(name: policyName) ?? .roulette(RoulettePolicy())
                let clock = MonotonicClock()
                let stop = StopCondition(deadline: clock.now() + seconds, interruption: Interruption())
                let outcome = Packing3DSolver.solve(instance, options: options, policy: &policy, stop: stop)
                try PlacementValidation.check(outcome.plan, instance: instance, requireFullSupport: support)
                sumPrior += outcome.priorUtilisation
                sumFinal += outcome.utilisation
                sumBound += Packing3DBound.utilisationUpperBound(instance)
                steps += outcome.statistics.steps
            }
            let p = Double(problems)
            print(String(format: "BENCH %@ problems 1-%d %.1fs support=%@ policy=%@: prior %.2f%%, search %.2f%%, bound %.2f%%, steps/instance %d",
                         file, problems, seconds, support ? "on" : "off", policyName, sumPrior / p, sumFinal / p, sumBound / p, steps / problems))
        }
    }
}
