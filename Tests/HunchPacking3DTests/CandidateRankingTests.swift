import XCTest
@testable import HunchPacking3D

final class CandidateRankingTests: XCTestCase {
    /// Score descending, then larger foot; equal entries keep the order offered; exact
    /// duplicates are dropped; only `capacity` entries stay; every offer is counted.
    func testRanksDeduplicatesAndKeepsTheBest() {
        var ranking = CandidateRanking(capacity: 3)
        ranking.consider(0, 0, 1, 1, 1, 10, 4)   // 10, foot 4
        ranking.consider(1, 0, 2, 1, 1, 10, 4)   // 20, foot 8
        ranking.consider(1, 0, 2, 1, 1, 10, 4)   // duplicate
        ranking.consider(2, 0, 1, 1, 1, 10, 5)   // 10, foot 5: before type 0
        ranking.consider(3, 0, 1, 1, 1, 5, 4)    // 5: ranked fourth, dropped
        XCTAssertEqual(ranking.count, 3)
        XCTAssertEqual(ranking.entries.prefix(3).map(\.type), [1, 2, 0])
        XCTAssertEqual(ranking.evaluations, 5)
    }

    /// `rejects(below:)` holds only when a block scoring under the bound could not enter: the
    /// ranking is full and its last entry scores more.
    func testRejectsOnlyWhatInsertWouldDrop() {
        var ranking = CandidateRanking(capacity: 2)
        XCTAssertFalse(ranking.rejects(below: 0))
        ranking.consider(0, 0, 1, 1, 1, 10, 1)
        XCTAssertFalse(ranking.rejects(below: 0), "not full")
        ranking.consider(1, 0, 1, 1, 1, 8, 1)
        XCTAssertTrue(ranking.rejects(below: 7.9))
        XCTAssertFalse(ranking.rejects(below: 8), "an equal score may still enter on its foot")
        let before = ranking.entries.prefix(2).map(\.type)
        ranking.consider(2, 0, 1, 1, 1, 7.9, 9)
        XCTAssertEqual(ranking.entries.prefix(2).map(\.type), before)
        ranking.consider(3, 0, 1, 1, 1, 8, 2)
        XCTAssertEqual(ranking.entries.prefix(2).map(\.type), [0, 3])
    }
}
