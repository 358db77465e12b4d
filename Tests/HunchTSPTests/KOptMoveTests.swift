import HunchCore
@testable import HunchTSP
import XCTest

/// The 5-opt basis move (`TSPSearchState+KOpt.swift`): the feasibility test agrees with building
/// the new edge set and walking it, a feasible move reconnects the tour exactly as its edges
/// say, the gain reported equals the change in length, and failed or rolled-back searches leave
/// the tour as it was.
final class KOptMoveTests: XCTestCase {
    private typealias Edge = [Int]

    private func edge(_ a: Int, _ b: Int) -> Edge { [min(a, b), max(a, b)] }

    private func edges(_ tour: [Int]) -> [Edge] {
        (0..<tour.count).map { p in edge(tour[p], tour[(p + 1) % tour.count]) }
    }

    /// Whether the multiset of edges is one Hamiltonian cycle on `n` nodes.
    private func isHamiltonianCycle(_ edges: [Edge], n: Int) -> Bool {
        guard edges.count == n else { return false }
        var adjacent = [[Int]](repeating: [], count: n)
        for e in edges { adjacent[e[0]].append(e[1]); adjacent[e[1]].append(e[0]) }
        guard adjacent.allSatisfy({ $0.count == 2 }) else { return false }
        var previous = -1, current = 0, visited = 0
        repeat {
            let next = adjacent[current][0] != previous ? adjacent[current][0] : adjacent[current][1]
            previous = current; current = next; visited += 1
        } while current != 0 && visited <= n
        return visited == n
    }

    /// A random sequential move of `k` exchanges on the state's tour: removed edges are distinct
    /// tour edges, added edges are distinct non-tour edges; nil when the draw got stuck.
    private func randomMove(_ state: TSPSearchState, k: Int, rng: inout SeededGenerator) -> [Int]? {
        let n = state.instance.dimension
        let tourEdges = Set(edges(state.currentTour))
        var t = [rng.below(n)]
        t.append(rng.below(2) == 0 ? state.succ(t[0]) : state.pred(t[0]))
        var removed: Set<Edge> = [edge(t[0], t[1])], added: Set<Edge> = []
        for _ in 1..<k {
            var placed = false
            for _ in 0..<50 where !placed {
                let last = t[t.count - 1]
                let next = rng.below(n)
                let partner = rng.below(2) == 0 ? state.succ(next) : state.pred(next)
                let a = edge(last, next), r = edge(next, partner)
                if next == last || next == t[0] || partner == t[0] || tourEdges.contains(a) || added.contains(a)
                    || removed.contains(r) { continue }
                added.insert(a); removed.insert(r)
                t.append(next); t.append(partner)
                placed = true
            }
            if !placed { return nil }
        }
        if tourEdges.contains(edge(t[t.count - 1], t[0])) || added.contains(edge(t[t.count - 1], t[0])) { return nil }
        return t
    }

    /// The edge set after the move `t`.
    private func edgesAfter(_ tour: [Int], move t: [Int]) -> [Edge] {
        var result = edges(tour)
        for j in stride(from: 0, to: t.count, by: 2) {
            result.remove(at: result.firstIndex(of: edge(t[j], t[j + 1]))!)
        }
        for j in stride(from: 1, to: t.count, by: 2) { result.append(edge(t[j], t[(j + 1) % t.count])) }
        return result
    }

    func testFeasibilityAndApplicationAgreeWithTheEdgeSet() throws {
        let n = 14
        var rng = SeededGenerator(seed: 11)
        var feasible = 0, infeasible = 0
        let scratch = UnsafeMutablePointer<Int>.allocate(capacity: TSPSearchState.kOptScratchSize)
        let t = UnsafeMutablePointer<Int>.allocate(capacity: 2 * TSPSearchState.kOptDepth + 2)
        defer { scratch.deallocate(); t.deallocate() }
        for trial in 0..<3000 {
            let instance = TSPSearchStateTests.randomInstance(n: n, seed: UInt64(trial % 7 + 1))
            var order = Array(0..<n)
            order.shuffle(using: &rng)
            let state = TSPSearchState(instance: instance, candidates: CandidateLists(instance: instance, k: 5), tour: order)
            let k = 2 + trial % 4
            guard let move = randomMove(state, k: k, rng: &rng) else { continue }
            for (i, v) in move.enumerated() { t[i] = v }
            let expected = edgesAfter(state.currentTour, move: move)
            let oneTour = isHamiltonianCycle(expected, n: n)
            XCTAssertEqual(state.withTourView { state.isTour(t, count: move.count, scratch: scratch, $0) }, oneTour, "move \(move) on \(order)")
            guard oneTour else { infeasible += 1; continue }
            feasible += 1
            state.makeKOpt(t, count: move.count, scratch: scratch)
            let tour = state.currentTour
            XCTAssertEqual(Set(tour).count, n)
            XCTAssertEqual(edges(tour).sorted { $0.lexicographicallyPrecedes($1) },
                           expected.sorted { $0.lexicographicallyPrecedes($1) }, "move \(move) on \(order)")
            for (p, v) in tour.enumerated() { XCTAssertEqual(Int(state.position[v]), p) }
        }
        XCTAssertGreaterThan(feasible, 300)
        XCTAssertGreaterThan(infeasible, 300)
    }

    func testReportedGainEqualsLengthChange() throws {
        try DescentMoveChecks.assertGainEqualsLengthChange { $0.kOpt(from: $1) }
    }

    /// At a local optimum of the descent no search gains and none changes the tour; the 5-opt
    /// optimum is shorter than the Or-3opt one from the same start.
    func testLocalOptimumIsStableAndDeeperThanOrThreeOpt() {
        var shorter = 0
        for seed in [4, 5, 6] as [UInt64] {
            let (instance, state) = OrOptMoveTests.state(n: 300, seed: seed, from: .random, linked: seed == 6)
            let (_, baseline) = OrOptMoveTests.state(n: 300, seed: seed, from: .random)
            state.descent = .fiveOpt
            baseline.descent = .orThreeOpt
            _ = state.descend(stop: StopCondition(maxSteps: 1))
            _ = baseline.descend(stop: StopCondition(maxSteps: 1))
            if state.length < baseline.length { shorter += 1 }
            let tour = state.currentTour
            for t1 in 0..<instance.dimension {
                XCTAssertFalse(state.kOpt(from: t1), "node \(t1) still had a move after the descent")
                TSPSearchStateTests.assertRestored(state, to: tour)
            }
        }
        XCTAssertGreaterThanOrEqual(shorter, 2)
    }

    /// LKH's restricted search: once a best tour is saved, no search starts with one of its edges
    /// (nothing is evaluated, even on a random tour full of improving moves); after a 2-opt kick
    /// the four nodes at the new edges are searched again.
    func testRestrictedSearchStartsOnlyOutsideTheBestTour() {
        for linked in [false, true] {
            let (instance, state) = OrOptMoveTests.state(n: 300, seed: 7, from: .random, linked: linked)
            state.restricted = true
            state.saveBest()
            let before = state.evaluations
            for t1 in 0..<instance.dimension { XCTAssertFalse(state.kOpt(from: t1)) }
            XCTAssertEqual(state.evaluations, before)
            for kicked in 0..<4 {
                let (_, state) = OrOptMoveTests.state(n: 300, seed: 7, from: .random, linked: linked)
                state.restricted = true
                state.saveBest()
                let a = 17, b = state.succ(a), c = 150, d = state.succ(c)
                state.exchange(a, b, c, d)
                state.length = instance.tourLength(state.currentTour)
                let t1 = [a, b, c, d][kicked]
                _ = state.kOpt(from: t1)
                XCTAssertGreaterThan(state.evaluations, 0, "node \(t1) has an edge outside the best tour")
                XCTAssertEqual(state.length, instance.tourLength(state.currentTour))
            }
        }
    }

    func testRollbackUndoesKOptMoves() {
        DescentMoveChecks.assertRollbackUndoes { $0.kOpt(from: $1) }
    }
}
