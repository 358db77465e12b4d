import Foundation
import XCTest
import HunchCore
@testable import HunchBinPacking

/// Quality and speed over the public sets; runs only with HUNCH_BENCH=1 (release build advised):
/// `HUNCH_BENCH=1 swift test -c release --filter HunchBinPackingTests.BenchmarkTests`.
/// HUNCH_BPP_SECONDS (default 1), HUNCH_BPP_SETS (default `falkenauer,scholl`),
/// HUNCH_BPP_SAMPLE (every k-th file of each set; default 1), HUNCH_BPP_ROOT (default
/// /work/shared/instances).
final class BenchmarkTests: XCTestCase {
    private var env: [String: String] { ProcessInfo.processInfo.environment }

    private func rows() throws -> [(name: String, path: String, optimum: Int)] {
        let root = env["HUNCH_BPP_ROOT"] ?? "/work/shared/instances"
        let sets = (env["HUNCH_BPP_SETS"] ?? "falkenauer,scholl").split(separator: ",").map(String.init)
        let sample = max(1, Int(env["HUNCH_BPP_SAMPLE"] ?? "1") ?? 1)
        let manifest = try String(contentsOfFile: root + "/MANIFEST.csv", encoding: .utf8)
        var result: [(String, String, Int)] = []
        var counters: [String: Int] = [:]
        for line in manifest.split(whereSeparator: \.isNewline) where line.hasPrefix("bpp,") {
            let f = line.split(separator: ",").map(String.init)
            guard f.count > 5, let opt = Int(f[4]) else { continue }
            let set = f[2].split(separator: "/").dropFirst().first.map(String.init) ?? ""
            guard sets.contains(set) else { continue }
            counters[set, default: 0] += 1
            if (counters[set]! - 1) % sample == 0 { result.append((f[1], root + "/" + f[2], opt)) }
        }
        return result
    }

    func testHeuristicReachesOptimum() throws {
        try XCTSkipUnless(env["HUNCH_BENCH"] == "1", "benchmark: set HUNCH_BENCH=1 (and use -c release) to run")
        let seconds = Double(env["HUNCH_BPP_SECONDS"] ?? "1") ?? 1
        var solved = 0, total = 0, atBound = 0
        var failures: [String] = []
        var totalTime = 0.0
        for row in try rows() {
            let instance = try BinPackingReader.read(path: row.path)
            var options = BinPackingSolveOptions()
            options.seed = 1
            if let v = env["HUNCH_BPP_ITER"].flatMap(Int.init) { options.poolIterationsPerBin = v }
            if let v = env["HUNCH_BPP_ACCEPT"].flatMap(Acceptance.init(name:)) { options.acceptance = v }
            if let v = env["HUNCH_BPP_TENURE"].flatMap(Int.init) { options.tabuTenure = v }
            var policy = NamedPolicy(name: "roulette")!
            let clock = MonotonicClock()
            let t0 = clock.now()
            let outcome = BinPackingSolver.solve(instance, options: options, policy: &policy,
                                                 stop: StopCondition(deadline: t0 + seconds, interruption: Interruption()))
            let t = clock.now() - t0
            totalTime += t
            try BinPackingValidation.check(outcome.solution, instance: instance)
            total += 1
            if outcome.binCount == row.optimum { solved += 1 } else {
                failures.append("\(row.name): \(outcome.binCount) vs \(row.optimum) (prior \(outcome.priorBinCount), LB \(outcome.lowerBound))")
            }
            if outcome.binCount == outcome.lowerBound { atBound += 1 }
        }
        print("BPP bench: \(solved)/\(total) optimal at \(seconds) s (\(String(format: "%.1f", 100 * Double(solved) / Double(max(1, total))))%), \(atBound) proven by the bound, total time \(String(format: "%.1f", totalTime)) s")
        for f in failures { print("  not optimal: \(f)") }
    }

    /// Arc-flow proof times without an incumbent (HUNCH_BPP_EXACT_LIMIT seconds each, default 10).
    func testArcFlowProofTimes() throws {
        try XCTSkipUnless(env["HUNCH_BENCH"] == "1", "benchmark: set HUNCH_BENCH=1 (and use -c release) to run")
        let limit = Double(env["HUNCH_BPP_EXACT_LIMIT"] ?? "10") ?? 10
        var proven = 0, total = 0
        var times: [Double] = []
        for row in try rows() {
            let instance = try BinPackingReader.read(path: row.path)
            let r = try BinPackingExactSolver.solve(instance, incumbent: nil, timeLimit: limit, verbose: false)
            total += 1
            if r.status == .optimal {
                XCTAssertEqual(r.binCount, row.optimum, row.name)
                proven += 1
                times.append(r.time)
            }
            print(String(format: "  exact %@: %@ %@ bound %d, %.2f s, %d arcs", row.name, r.status.name,
                         r.binCount.map(String.init) ?? "-", r.bound, r.time, r.arcCount))
        }
        times.sort()
        let median = times.isEmpty ? 0 : times[times.count / 2]
        print("BPP exact: \(proven)/\(total) proven optimal within \(limit) s; median proof \(String(format: "%.2f", median)) s, max \(String(format: "%.2f", times.last ?? 0)) s")
    }
}
