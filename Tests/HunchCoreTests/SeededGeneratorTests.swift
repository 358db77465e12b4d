import XCTest
import HunchCore

final class SeededGeneratorTests: XCTestCase {
    func testSameSeedSameSequenceDifferentSeedDifferentSequence() {
        var a = SeededGenerator(seed: 42), b = SeededGenerator(seed: 42), c = SeededGenerator(seed: 43)
        let sa = (0..<100).map { _ in a.next() }
        XCTAssertEqual(sa, (0..<100).map { _ in b.next() })
        XCTAssertNotEqual(sa, (0..<100).map { _ in c.next() })
    }

    func testBelowStaysInRangeAndCoversIt() {
        var rng = SeededGenerator(seed: 1)
        var counts = [Int](repeating: 0, count: 7)
        for _ in 0..<70_000 { counts[rng.below(7)] += 1 }
        // Each bucket expects 10,000; 5 standard deviations is about ±470.
        for c in counts { XCTAssertEqual(Double(c), 10_000, accuracy: 500) }
    }

    func testUnitIsInHalfOpenInterval() {
        var rng = SeededGenerator(seed: 9)
        var sum = 0.0
        for _ in 0..<10_000 {
            let u = rng.unit()
            XCTAssertTrue(u >= 0 && u < 1)
            sum += u
        }
        XCTAssertEqual(sum / 10_000, 0.5, accuracy: 0.02)
    }
}
