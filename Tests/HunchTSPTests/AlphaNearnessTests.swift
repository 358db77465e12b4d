import HunchCore
@testable import HunchTSP
import XCTest

/// α-nearness (Helsgaun 2000 §4.1): the topological-order values equal the tree-path definition,
/// tree edges have α = 0, every α ≥ 0, the sparse method agrees with the dense one, and the
/// α-nearest lists hold nearly every edge of an optimal tour.
final class AlphaNearnessTests: XCTestCase {
    private func ascent(_ instance: TSPInstance, iterations: Int = 300) -> (OneTree, [Double]) {
        var ascent = HeldKarpAscent(instance: instance, timeLimit: nil, maxIterations: iterations, upperBound: nil)
        let outcome = ascent.run()
        return (outcome.tree!, outcome.bound.penalties)
    }

    private func alphaRows(_ instance: TSPInstance, tree: OneTree, pi: [Double]) -> [[Double]] {
        let n = instance.dimension
        let cost = { (i: Int, j: Int) -> Double in Double(instance.distance(i, j)) + (pi[i] + pi[j]) }
        let rooted = AlphaNearness.RootedTree(tree, cost: cost)
        var beta = [Double](repeating: 0, count: n), mark = [Int32](repeating: -1, count: n)
        return (0..<n).map { i in
            var row = [Double](repeating: -1, count: n)
            AlphaNearness.forEachAlpha(from: i, rooted, tree: tree, beta: &beta, mark: &mark, cost: cost) { j, a in row[j] = a }
            return row
        }
    }

    /// The O(n)-memory rows equal the O(n²) matrix of `OneTree.marginalCosts` (a plain traversal
    /// per node); tree edges are 0 and nothing is negative.
    func testTopologicalOrderValuesMatchTreePathDefinition() {
        let instance = TSPSearchStateTests.randomInstance(n: 120, seed: 5)
        let (tree, pi) = ascent(instance)
        let n = instance.dimension
        let rows = alphaRows(instance, tree: tree, pi: pi)
        let reference = tree.marginalCosts(instance, penalties: pi)
        for i in 0..<n {
            for j in 0..<n where j != i {
                XCTAssertGreaterThanOrEqual(rows[i][j], 0)
                XCTAssertEqual(rows[i][j], reference[i * n + j], accuracy: 1e-6, "α(\(i), \(j))")
            }
        }
        for v in 0..<n where tree.parent[v] >= 0 {
            XCTAssertEqual(rows[v][tree.parent[v]], 0, "tree edge \(v)–\(tree.parent[v])")
            XCTAssertEqual(rows[tree.parent[v]][v], 0)
        }
        XCTAssertEqual(rows[0][tree.special.first], 0)
        XCTAssertEqual(rows[0][tree.special.second], 0)
    }

    /// Each list is ordered by α, then by distance; its first entries are the node's tree edges.
    func testDenseListsAreOrderedByAlphaThenDistance() throws {
        let instance = TSPSearchStateTests.randomInstance(n: 90, seed: 8)
        let (tree, pi) = ascent(instance)
        let rows = alphaRows(instance, tree: tree, pi: pi)
        let lists = try XCTUnwrap(AlphaNearness.dense(instance, tree: tree, penalties: pi, count: 5))
        XCTAssertEqual(lists.k, 5)
        for i in 0..<instance.dimension {
            let row = (0..<5).map { lists.neighbour(i, $0) }
            XCTAssertEqual(Set(row).count, 5)
            XCTAssertFalse(row.contains(i))
            for r in 1..<5 {
                let (a, b) = (row[r - 1], row[r])
                XCTAssertTrue(rows[i][a] < rows[i][b] || (rows[i][a] == rows[i][b] && instance.distance(i, a) <= instance.distance(i, b)))
                XCTAssertEqual(Int(lists.distances[i * 5 + r]), instance.distance(i, b))
            }
            // Nothing outside the list beats its last entry.
            let worst = rows[i][row[4]]
            for j in 0..<instance.dimension where j != i && !row.contains(j) {
                XCTAssertGreaterThanOrEqual(rows[i][j], worst)
            }
        }
    }

    /// Binary lifting gives the same β as the topological walk: sparse lists drawn from a graph
    /// that holds every edge equal the dense lists.
    func testSparseMethodAgreesWithDense() throws {
        let instance = TSPSearchStateTests.randomInstance(n: 60, seed: 9)
        let (tree, pi) = ascent(instance)
        let everything = CandidateLists(instance: instance, k: 59)
        let dense = try XCTUnwrap(AlphaNearness.dense(instance, tree: tree, penalties: pi, count: 5))
        let sparse = try XCTUnwrap(AlphaNearness.sparse(instance, tree: tree, penalties: pi, graph: everything, count: 5))
        XCTAssertEqual(dense.neighbours, sparse.neighbours)
        XCTAssertEqual(dense.distances, sparse.distances)
    }

    /// The sparse path of the builder (forced by a low dense limit) gives full lists of real nodes.
    func testSparseBuilderGivesValidLists() throws {
        let instance = TSPSearchStateTests.randomInstance(n: 400, seed: 12)
        let lists = try XCTUnwrap(AlphaCandidateBuilder.build(instance, budget: nil, denseLimit: 100))
        XCTAssertEqual(lists.k, 5)
        for i in 0..<instance.dimension {
            for r in 0..<5 {
                let j = lists.neighbour(i, r)
                XCTAssertTrue(j != i && j >= 0 && j < instance.dimension)
                XCTAssertEqual(Int(lists.distances[i * 5 + r]), instance.distance(i, j))
            }
        }
    }

    /// Three clusters far apart: their 10-nearest graph has three components, which are bridged
    /// by the shortest edges between them, so the sparse path still gives α lists (it gave up
    /// before, and the search fell back to the 10 nearest neighbours).
    func testSparseBuilderBridgesAClusteredInstance() throws {
        var rng = SeededGenerator(seed: 5)
        var xs: [Double] = [], ys: [Double] = []
        for (cx, cy, count) in [(0.0, 0.0, 150), (100_000.0, 0.0, 30), (0.0, 80_000.0, 12)] {
            for _ in 0..<count { xs.append(cx + Double(rng.below(1000))); ys.append(cy + Double(rng.below(1000))) }
        }
        let instance = TSPInstance(name: "clusters", edgeWeightType: .euc2D, x: xs, y: ys)
        let nearest = CandidateLists(instance: instance, k: 10)
        var sets = [Set<Int>](repeating: [], count: instance.dimension)
        for i in 0..<instance.dimension {
            for r in 0..<nearest.k { sets[i].insert(nearest.neighbour(i, r)); sets[nearest.neighbour(i, r)].insert(i) }
        }
        let before = sets.map(\.count).reduce(0, +)
        XCTAssertTrue(ComponentBridges.connect(&sets, instance))
        XCTAssertEqual(sets.map(\.count).reduce(0, +), before + 4, "two bridges, each in both directions")
        // The bridge from the small cluster is its shortest edge to the rest.
        let small = 180..<192
        var shortest = Int.max
        for u in small { for v in 0..<180 { shortest = min(shortest, instance.distance(u, v)) } }
        XCTAssertTrue(small.contains { u in sets[u].contains { v in v < 180 && instance.distance(u, v) == shortest } })
        XCTAssertTrue(ComponentBridges.connect(&sets, instance, maxPairs: 10), "connected now: nothing to scan")
        var unbridged = [Set<Int>](repeating: [], count: instance.dimension)
        for i in 0..<instance.dimension { for r in 0..<nearest.k { unbridged[i].insert(nearest.neighbour(i, r)); unbridged[nearest.neighbour(i, r)].insert(i) } }
        XCTAssertFalse(ComponentBridges.connect(&unbridged, instance, maxPairs: 1000), "over the scan limit")

        let lists = try XCTUnwrap(AlphaCandidateBuilder.build(instance, budget: nil, nearest: nearest, denseLimit: 100))
        XCTAssertEqual(lists.k, 5)
    }

    /// Helsgaun's observation on TSPLIB: the 5 α-nearest hold nearly every optimal edge, more
    /// than the 5 nearest do. Counted per end: an edge {a, b} of the optimal tour counts twice,
    /// once if b is in a's list and once if a is in b's (a280: 98 % against 94 %).
    func testAlphaListsHoldMostOptimalTourEdges() throws {
        let instance = try TSPLIBReader.read(path: TestData.bundledTSP + "/a280.tsp")
        let optimal = try TourFile.read(path: TestData.bundledTSP + "/a280.opt.tour", dimension: instance.dimension)
        let alpha = try XCTUnwrap(AlphaCandidateBuilder.build(instance, budget: nil))
        let nearest = CandidateLists(instance: instance, k: 5)
        func covered(_ lists: CandidateLists) -> Double {
            var hits = 0
            for p in 0..<optimal.count {
                let a = optimal[p], b = optimal[(p + 1) % optimal.count]
                if (0..<lists.k).contains(where: { lists.neighbour(a, $0) == b }) { hits += 1 }
                if (0..<lists.k).contains(where: { lists.neighbour(b, $0) == a }) { hits += 1 }
            }
            return Double(hits) / Double(2 * optimal.count)
        }
        let a = covered(alpha), d = covered(nearest)
        print("a280: optimal tour edge ends in the 5 α-nearest \(a), in the 5 nearest \(d)")
        XCTAssertGreaterThanOrEqual(a, 0.95)
        XCTAssertGreaterThanOrEqual(a, d)
    }

    /// A stop request gives the lists up (the caller falls back to the nearest neighbours).
    func testStopRequestGivesTheListsUp() {
        let instance = TSPSearchStateTests.randomInstance(n: 200, seed: 13)
        let interruption = Interruption()
        interruption.request()
        XCTAssertNil(AlphaCandidateBuilder.build(instance, budget: nil, interruption: interruption))
        XCTAssertNil(AlphaCandidateBuilder.build(instance, budget: nil, interruption: interruption, denseLimit: 100))
    }
}
