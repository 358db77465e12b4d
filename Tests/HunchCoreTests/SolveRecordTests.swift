import XCTest
import Foundation
import HunchCore

final class SolveRecordTests: XCTestCase {
    func testJSONLineHasStableKeysAndNulls() throws {
        var record = SolveRecord(problem: "tsp", instance: "a.tsp", status: "feasible", timeSeconds: 1.5)
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
