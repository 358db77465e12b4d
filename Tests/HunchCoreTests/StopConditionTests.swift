import XCTest
import HunchCore

final class StopConditionTests: XCTestCase {
    func testDeadlineOnInjectedClock() {
        let clock = ManualClock(start: 100)
        let stop = StopCondition(deadline: 105, clock: clock, interruption: Interruption())
        XCTAssertFalse(stop.timeIsUp())
        XCTAssertEqual(stop.fractionUsed(step: 0, startedAt: 100), 0, accuracy: 1e-12)
        clock.advance(by: 2.5)
        XCTAssertEqual(stop.fractionUsed(step: 0, startedAt: 100), 0.5, accuracy: 1e-12)
        clock.advance(by: 2.5)
        XCTAssertTrue(stop.timeIsUp())
    }

    func testStepLimitAndInterruption() {
        let interruption = Interruption()
        let stop = StopCondition(maxSteps: 3, clock: ManualClock(), interruption: interruption)
        XCTAssertFalse(stop.shouldStop(beforeStep: 2))
        XCTAssertTrue(stop.shouldStop(beforeStep: 3))
        interruption.request()
        XCTAssertTrue(stop.shouldStop(beforeStep: 0))
    }
}
