import HunchCore
@testable import HunchRouting
import XCTest

/// `--threads`: independent runs side by side, the best kept.
final class MultiStartTests: XCTestCase {
    func solve(threads: Int, seed: UInt64, steps: Int, known: KnownValue? = nil) throws -> SolveRecord {
        var settings = SolveSettings()
        settings.maxSteps = steps
        settings.seed = seed
        settings.threads = threads
        let clock = MonotonicClock()
        var request = SolveRequest(path: Bundled.path("A-n32-k5"), settings: settings, commandStart: clock.now(),
                                   stop: StopCondition(clock: clock, interruption: Interruption()))
        request.known = known
        return try SolvePipeline<CVRPProblem>.solve(request).record
    }

    /// With a step limit, three runs give the best of the three single runs with seeds s, s+1,
    /// s+2 (so a multi-start run is as reproducible as one run), with all their steps counted.
    func testBestOfTheSingleRuns() throws {
        let unknown = KnownValue(value: 1, proven: false)  // no target: every run takes its steps
        let singles = try (0..<3).map { try solve(threads: 1, seed: 5 + UInt64($0), steps: 40, known: unknown) }
        let together = try solve(threads: 3, seed: 5, steps: 40, known: unknown)
        XCTAssertEqual(together.objective, singles.compactMap(\.objective).min())
        XCTAssertEqual(together.steps, singles.compactMap(\.steps).reduce(0, +))
        let best = singles.first { $0.objective == together.objective }!
        XCTAssertEqual(together.solution, best.solution)
        XCTAssertEqual(together.details?["threads"], .int(3))
    }

    /// The first run to reach a proven optimum stops the others.
    func testAProvenOptimumStopsEveryRun() throws {
        let record = try solve(threads: 2, seed: 1, steps: 1_000_000, known: KnownValue(value: 784, proven: true))
        XCTAssertEqual(record.objective, 784)
        XCTAssertEqual(record.status, .optimal)
        XCTAssertLessThan(record.steps ?? .max, 200_000)
    }
}
