import HunchCore
@testable import HunchTSP
import XCTest

/// Checks every deeper descent move must pass (the Or-3opt chain, the 5-opt move): `move` is
/// the move searched from one node, true when it changed the tour.
enum DescentMoveChecks {
    typealias Move = (TSPSearchState, Int) -> Bool

    /// From random tours, on nearest and α-nearness lists, in an array and in a two-level list,
    /// every applied move (chains included) shortens the tour by exactly the gain it accounted;
    /// the tour stays a permutation with consistent links, and nothing is left in the trial log
    /// outside a trial.
    static func assertGainEqualsLengthChange(_ move: Move, file: StaticString = #filePath, line: UInt = #line) throws {
        for (n, seed, linked) in [(9, 1, false), (40, 2, false), (200, 3, false), (9, 1, true), (40, 2, true), (200, 3, true)]
            as [(Int, UInt64, Bool)] {
            let instance = TSPSearchStateTests.randomInstance(n: n, seed: seed)
            let listsByRule = [CandidateLists(instance: instance, k: 5), try XCTUnwrap(AlphaCandidateBuilder.build(instance, budget: nil))]
            for lists in listsByRule {
                var rng = SeededGenerator(seed: seed)
                let start = TSPPrior.random.construct(instance, candidates: lists, rng: &rng)
                let state = TSPSearchState(instance: instance, candidates: lists, tour: start, linkedList: linked)
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
                TSPSearchStateTests.assertConsistent(state, file: file, line: line)
                XCTAssertGreaterThan(moves, 0, "n \(n): a random tour has improving moves", file: file, line: line)
                XCTAssertTrue(state.log.isEmpty, "chains outside a trial must not leave log entries", file: file, line: line)
            }
        }
    }

    /// Inside a trial the moves log their reversals: a rolled-back trial restores the tour.
    static func assertRollbackUndoes(_ move: Move, file: StaticString = #filePath, line: UInt = #line) {
        for linked in [false, true] {
            let (instance, state) = OrOptMoveTests.state(n: 150, seed: 6, from: .random, linked: linked)
            let tour = state.currentTour, length = state.length
            state.beginTrial()
            var moved = false
            for t1 in 0..<instance.dimension { moved = move(state, t1) || moved }
            XCTAssertTrue(moved, file: file, line: line)
            state.rollbackTrial()
            TSPSearchStateTests.assertRestored(state, to: tour, file: file, line: line)
            XCTAssertEqual(state.length, length, file: file, line: line)
        }
    }
}
