import HunchCore
@testable import HunchTSP
import XCTest

/// Checks every deeper descent move must pass (the Or-3opt chain, the 5-opt move): `move` is
/// the move searched from one node, true when it changed the tour.
enum DescentMoveChecks {
    typealias Move = (TSPSearchState, Int) -> Bool

    /// From random tours, on nearest and α-nearness lists, every applied move (chains included)
    /// shortens the tour by exactly the gain it accounted; the tour stays a permutation with a
    /// consistent position index, and nothing is left in the trial log outside a trial.
    static func assertGainEqualsLengthChange(_ move: Move, file: StaticString = #filePath, line: UInt = #line) throws {
        for (n, seed) in [(9, 1), (40, 2), (200, 3)] as [(Int, UInt64)] {
            let instance = TSPSearchStateTests.randomInstance(n: n, seed: seed)
            let listsByRule = [CandidateLists(instance: instance, k: 5), try XCTUnwrap(AlphaCandidateBuilder.build(instance, budget: nil))]
            for lists in listsByRule {
                var rng = SeededGenerator(seed: seed)
                let start = TSPPrior.random.construct(instance, candidates: lists, rng: &rng)
                let state = TSPSearchState(instance: instance, candidates: lists, tour: start)
                var moves = 0
                for round in 0..<3 {
                    for t1 in 0..<n {
                        let before = state.length
                        if move(state, t1) {
                            moves += 1
                            XCTAssertLessThan(state.length, before, file: file, line: line)
                        }
                        XCTAssertEqual(state.length, instance.tourLength(state.currentTour), "n \(n) round \(round) t1 \(t1)",
                                       file: file, line: line)
                    }
                }
                let tour = state.currentTour
                XCTAssertEqual(Set(tour).count, n, file: file, line: line)
                for (p, v) in tour.enumerated() { XCTAssertEqual(Int(state.position[v]), p, file: file, line: line) }
                XCTAssertGreaterThan(moves, 0, "n \(n): a random tour has improving moves", file: file, line: line)
                XCTAssertTrue(state.log.isEmpty, "chains outside a trial must not leave log entries", file: file, line: line)
            }
        }
    }

    /// Inside a trial the moves log their reversals: a rolled-back trial restores the tour.
    static func assertRollbackUndoes(_ move: Move, file: StaticString = #filePath, line: UInt = #line) {
        let (instance, state) = OrOptMoveTests.state(n: 150, seed: 6, from: .random)
        let tour = state.currentTour, length = state.length
        state.beginTrial()
        var moved = false
        for t1 in 0..<instance.dimension { moved = move(state, t1) || moved }
        XCTAssertTrue(moved, file: file, line: line)
        state.rollbackTrial()
        XCTAssertEqual(state.currentTour, tour, file: file, line: line)
        XCTAssertEqual(state.length, length, file: file, line: line)
    }
}
