/// A sparse symmetric graph on the nodes of an instance, used to run the Held–Karp subgradient
/// ascent cheaply on large instances.
///
/// A 1-tree on a subgraph can cost more than the true minimum 1-tree, so its value is never
/// reported as a bound; only 1-trees over the complete graph are (see ``HeldKarpBound``).
struct CandidateGraph {
    var neighbours: [[Int]]

    /// Each node's `k` cheapest partners under the penalised cost `d(i, j) + π[i] + π[j]`, plus
    /// the edges of `tree` (which keeps the graph connected), made symmetric. O(n² + nk) time.
    static func nearest(_ instance: TSPInstance, penalties pi: [Double], k: Int, including tree: OneTree?) -> CandidateGraph {
        let n = instance.dimension
        var sets = [Set<Int>](repeating: [], count: n)
        func link(_ a: Int, _ b: Int) {
            guard a != b else { return }
            sets[a].insert(b)
            sets[b].insert(a)
        }
        let k = min(k, n - 1)
        var bestNodes = [Int](repeating: -1, count: k)
        var bestCosts = [Double](repeating: .infinity, count: k)
        for i in 0..<n {
            for slot in 0..<k { bestNodes[slot] = -1; bestCosts[slot] = .infinity }
            for j in 0..<n where j != i {
                let c = Double(instance.distance(i, j)) + pi[j]
                guard c < bestCosts[k - 1] else { continue }
                var slot = k - 1
                while slot > 0 && bestCosts[slot - 1] > c {
                    bestCosts[slot] = bestCosts[slot - 1]
                    bestNodes[slot] = bestNodes[slot - 1]
                    slot -= 1
                }
                bestCosts[slot] = c
                bestNodes[slot] = j
            }
            for j in bestNodes where j >= 0 { link(i, j) }
        }
        if let tree {
            for v in 0..<n where tree.parent[v] >= 0 { link(v, tree.parent[v]) }
            link(0, tree.special.first)
            link(0, tree.special.second)
        }
        return CandidateGraph(neighbours: sets.map { $0.sorted() })
    }
}
