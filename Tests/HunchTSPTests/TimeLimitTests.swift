import XCTest
import HunchCore
@testable import HunchTSP

/// Issue 18, item 8: a huge TSP keeps a short limit. Candidate lists (seconds on a million nodes)
/// stop when told, and the pipeline says at once that the instance could not be prepared; the
/// greedy prior joins its fragments the cheap way once time is up.
final class TimeLimitTests: XCTestCase {
    func testCandidateListsStopWhenTold() {
        let instance = TSPGenerator.generate(size: 5000, seed: 2, clustered: false)
        let expired = StopCondition(deadline: 0, clock: ManualClock(), interruption: Interruption())
        XCTAssertNil(CandidateLists(instance: instance, k: 10, stop: expired))
        XCTAssertThrowsError(try TSPProblem.context(instance, options: FamilyOptions(), stop: expired)) {
            XCTAssertTrue($0 is PreparationStopped)
        }
        let open = StopCondition(clock: ManualClock(), interruption: Interruption())
        XCTAssertEqual(CandidateLists(instance: instance, k: 10, stop: open)?.neighbours, CandidateLists(instance: instance, k: 10).neighbours)
    }

    func testGreedyStillGivesATourWhenTimeIsUp() throws {
        let instance = TSPGenerator.generate(size: 20_000, seed: 3, clustered: true)
        let candidates = CandidateLists(instance: instance, k: 10)
        let expired = StopCondition(deadline: 0, clock: ManualClock(), interruption: Interruption())
        let clock = ThreadCPUClock()
        let started = clock.now()
        let tour = GreedyEdgeTour.build(instance, candidates: candidates, stop: expired)
        XCTAssertLessThan(clock.now() - started, 10)
        XCTAssertNoThrow(try TourValidation.check(tour: tour, dimension: instance.dimension))
    }

    func testThePipelineSaysAtOnceWhenPreparingTakesTheWholeLimit() throws {
        let directory = try TestData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/big.tsp"
        try TSPLIBWriter.format(TSPGenerator.generate(size: 60_000, seed: 5, clustered: false)).write(toFile: path, atomically: true, encoding: .utf8)
        var settings = SolveSettings()
        settings.timeLimit = 0.05
        let clock = MonotonicClock()
        let started = clock.now()
        XCTAssertThrowsError(try SolvePipeline<TSPProblem>.solve(SolveRequest(
            path: path, settings: settings, commandStart: started, stop: StopCondition(clock: clock, interruption: Interruption())))) { error in
            XCTAssertTrue("\(error)".contains("more than the time limit of 0.05 s"), "\(error)")
        }
        XCTAssertLessThan(clock.now() - started, 3)
    }
}
