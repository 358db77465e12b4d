import XCTest
import Foundation
import HunchCore

final class SolveRecordTests: XCTestCase {
    func testJSONLineHasStableKeysAndNulls() throws {
        var record = SolveRecord(problem: "tsp", instance: "a.tsp", status: .feasible, timeSeconds: 1.5)
        record.objective = 10
        record.solution = .object(["tour": .array([.int(1), .int(2)])])
        let line = record.jsonLine()
        XCTAssertFalse(line.contains("\n"))
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        for key in ["problem", "instance", "objective", "bound", "gap", "status", "time_s", "seed", "prior", "policy", "solution"] {
            XCTAssertTrue(object.keys.contains(key), "missing \(key)")
        }
        XCTAssertTrue(object["bound"] is NSNull)
        XCTAssertEqual(object["time_s"] as? Double, 1.5)
    }

    func testRelativeGap() {
        XCTAssertEqual(SolveRecord.relativeGap(objective: 110, reference: 100)!, 0.1, accuracy: 1e-12)
        XCTAssertNil(SolveRecord.relativeGap(objective: 110, reference: nil))
        XCTAssertNil(SolveRecord.relativeGap(objective: 110, reference: 0))
    }
}

final class WilcoxonSignedRankTests: XCTestCase {
    func testClearShiftIsSignificantAndNoShiftIsNot() {
        var rng = SeededGenerator(seed: 4)
        let base = (0..<30).map { _ in rng.unit() }
        let better = base.map { $0 - 0.2 - rng.unit() * 0.05 }
        let shifted = WilcoxonSignedRank(better, base)
        XCTAssertEqual(shifted.n, 30)
        XCTAssertEqual(shifted.positiveRankSum, 0)
        XCTAssertLessThan(shifted.z, 0)
        XCTAssertLessThan(shifted.pValue, 0.001)
        let noise = base.map { $0 + (rng.unit() - 0.5) * 0.01 }
        XCTAssertGreaterThan(WilcoxonSignedRank(noise, base).pValue, 0.01)
    }

    func testHandComputedSmallCase() {
        // Differences 1, -2, 3, 4 (one zero dropped): ranks 1, 2, 3, 4; W+ = 1 + 3 + 4 = 8.
        let w = WilcoxonSignedRank([1, 0, 3, 4, 5], [0, 2, 0, 0, 5])
        XCTAssertEqual(w.n, 4)
        XCTAssertEqual(w.positiveRankSum, 8)
        // mean 5, variance 7.5, z = (3 − 0.5)/√7.5
        XCTAssertEqual(w.z, 2.5 / 7.5.squareRoot(), accuracy: 1e-12)
    }
}
