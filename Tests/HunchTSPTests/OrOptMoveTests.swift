import HunchCore
@testable import HunchTSP
import XCTest

/// The Or-3opt move (`TSPSearchState+OrOpt.swift`): each kind reconnects the tour as its edges
/// say, the gain it reports equals the change of the tour's length, the tour stays a
/// permutation, and a chain that does not pay leaves the tour as it was.
final class OrOptMoveTests: XCTestCase {
    /// The undirected edge set of a tour.
    private func edges(_ tour: [Int]) -> Set<[Int]> {
        Set((0..<tour.count).map { p in [tour[p], tour[(p + 1) % tour.count]].sorted() })
    }

    private func lineState(n: Int, linked: Bool) -> TSPSearchState {
        let instance = TSPSearchStateTests.randomInstance(n: n, seed: 2)
        return TSPSearchState(instance: instance, candidates: CandidateLists(instance: instance, k: 5), tour: Array(0..<n),
                              linkedList: linked)
    }

    /// Each kind, read in both directions, removes {t1,t2}, {t3,t4}, {t5,t6} and adds {t2,t3},
    /// {t4,t5}, {t6,t1} (kind 1: the 2-opt move, {t1,t2}, {t3,t4} → {t2,t3}, {t4,t1}).
    func testEveryKindReconnectsAsItsEdgesSay() {
        // Tour 0…11; forward moves from t1 = 0, backward from t1 = 11 (mirrored).
        let cases: [(kind: Int, t: [Int])] = [
            (1, [0, 1, 6, 5, 0, 0]),
            (2, [0, 1, 6, 5, 3, 4]),   // t5 on t2…t4: t6 after it
            (2, [0, 1, 6, 5, 8, 7]),   // t5 beyond t3: t6 before it
            (3, [0, 1, 6, 7, 3, 4]),   // pieces 1…3 and 4…6 swap
            (4, [0, 1, 6, 7, 4, 3]),   // pieces 1…3 and 4…6 reversed
        ]
        for (mirrored, linked) in [(false, false), (true, false), (false, true), (true, true)] {
            for (kind, raw) in cases {
                let state = lineState(n: 12, linked: linked)
                let t = mirrored ? raw.map { 11 - $0 } : raw
                let before = edges(state.currentTour)
                state.applyOrOpt(kind: kind, t1: t[0], t2: t[1], t3: t[2], t4: t[3], t5: t[4], t6: t[5])
                var expected = before
                if kind == 1 {
                    expected.subtract([[t[0], t[1]].sorted(), [t[2], t[3]].sorted()])
                    expected.formUnion([[t[1], t[2]].sorted(), [t[3], t[0]].sorted()])
                } else {
                    expected.subtract([[t[0], t[1]].sorted(), [t[2], t[3]].sorted(), [t[4], t[5]].sorted()])
                    expected.formUnion([[t[1], t[2]].sorted(), [t[3], t[4]].sorted(), [t[5], t[0]].sorted()])
                }
                XCTAssertEqual(edges(state.currentTour), expected, "kind \(kind) \(t)")
                XCTAssertEqual(Set(state.currentTour).count, 12)
            }
        }
    }

    func testReportedGainEqualsLengthChange() throws {
        try DescentMoveChecks.assertGainEqualsLengthChange { $0.orOpt(from: $1) }
    }

    /// A random instance of `n` nodes and a search state on its 5 nearest candidates, from the
    /// prior's tour.
    static func state(n: Int, seed: UInt64, from prior: TSPPrior, linked: Bool = false) -> (TSPInstance, TSPSearchState) {
        let instance = TSPSearchStateTests.randomInstance(n: n, seed: seed)
        let lists = CandidateLists(instance: instance, k: 5)
        var rng = SeededGenerator(seed: seed)
        return (instance, TSPSearchState(instance: instance, candidates: lists,
                                         tour: prior.construct(instance, candidates: lists, rng: &rng), linkedList: linked))
    }

    /// At a local optimum of the Or-3opt descent no move from any node gains, and the tour is
    /// unchanged by a failed search (the chains undo what they tried).
    func testFailedSearchLeavesTheTourUntouched() {
        for linked in [false, true] {
            let (instance, state) = Self.state(n: 200, seed: 4, from: .greedy, linked: linked)
            _ = state.descend(stop: StopCondition(maxSteps: 1))
            let tour = state.currentTour
            for t1 in 0..<instance.dimension {
                XCTAssertFalse(state.orOpt(from: t1), "node \(t1) still had a move after the descent")
                TSPSearchStateTests.assertRestored(state, to: tour)
            }
        }
    }

    func testRollbackUndoesOrOptMoves() {
        DescentMoveChecks.assertRollbackUndoes { $0.orOpt(from: $1) }
    }
}
