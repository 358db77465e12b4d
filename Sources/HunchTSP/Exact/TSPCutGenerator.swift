import HunchExact

/// The rows the TSP model adds during GLPK's branch-and-cut: subtour elimination constraints
/// `x(E(S)) ≤ |S| − 1` (Dantzig, Fulkerson & Johnson 1954), lazily, and blossom inequalities as
/// cuts.
///
/// - Integral point: the connected components of the chosen edges; more than one means
///   subtours, and each component gives a violated row. (With degree 2 everywhere, one
///   component is a tour.) This is what makes the model exact.
/// - Fractional point: the components of the support graph (edges with x > 0) if it is
///   disconnected; otherwise every Stoer–Wagner phase cut with x(δ(S)) < 2 (which includes a
///   global minimum cut), plus the blossoms of ``BlossomSeparator``, so the root LP reaches the
///   subtour bound and more before branching. Below the root, fractional points get
///   `roundsBelowRoot` rounds per node.
///
/// Subtour rows use the smaller side of the cut, so they stay sparse.
struct TSPCutGenerator: LazyConstraintGenerator {
    /// Column j of the model is the edge `edges[j]`.
    let edges: [(Int, Int)]
    let nodeCount: Int
    /// A fractional cut must be violated by at least this much to be worth an LP re-solve.
    let minimumViolation = 0.02
    /// Below the root, stop cutting a node's fractional points after this many rounds.
    let roundsBelowRoot = 5

    func constraints(at point: MIPPoint) -> [MIPRow] {
        let components = connectedComponents(point.values, threshold: point.isIntegral ? 0.5 : 1e-6)
        if components.count > 1 {
            return components.map(row(for:))
        }
        if point.isIntegral { return [] }
        if point.depth > 0 && point.round >= roundsBelowRoot { return [] }
        let n = nodeCount
        var weights = [Double](repeating: 0, count: n * n)
        for (j, (a, b)) in edges.enumerated() where point.values[j] > 1e-9 {
            weights[a * n + b] += point.values[j]
            weights[b * n + a] += point.values[j]
        }
        let cuts = StoerWagnerMinCut.cuts(weights: weights, n: n, lighterThan: 2 - minimumViolation).light
        var seen = Set<[Int]>()
        var rows = BlossomSeparator(edges: edges, nodeCount: n, minimumViolation: minimumViolation).cuts(point.values)
        for cut in cuts {
            let side = smallerSide(cut.nodes)
            if seen.insert(side).inserted { rows.append(row(for: side)) }
        }
        return rows
    }

    /// Node sets of the connected components of the edges with x > threshold: 0.5 at integral
    /// points (values within GLPK's tolerance of 0 must not join two subtours), about 0 at
    /// fractional ones (any disconnected support graph violates a subtour row).
    func connectedComponents(_ values: [Double], threshold: Double) -> [[Int]] {
        var parent = Array(0..<nodeCount)
        func find(_ v: Int) -> Int {
            var v = v
            while parent[v] != v {
                parent[v] = parent[parent[v]]
                v = parent[v]
            }
            return v
        }
        for (j, (a, b)) in edges.enumerated() where values[j] > threshold {
            let ra = find(a), rb = find(b)
            if ra != rb { parent[ra] = rb }
        }
        var byRoot: [Int: [Int]] = [:]
        for v in 0..<nodeCount { byRoot[find(v), default: []].append(v) }
        return byRoot.values.sorted { $0[0] < $1[0] }
    }

    private func smallerSide(_ nodes: [Int]) -> [Int] {
        guard 2 * nodes.count > nodeCount else { return nodes.sorted() }
        var inside = [Bool](repeating: false, count: nodeCount)
        for v in nodes { inside[v] = true }
        return (0..<nodeCount).filter { !inside[$0] }
    }

    /// `Σ x(e) for e inside S ≤ |S| − 1`.
    func row(for nodes: [Int]) -> MIPRow {
        var inside = [Bool](repeating: false, count: nodeCount)
        for v in nodes { inside[v] = true }
        var terms: [MIPTerm] = []
        for (j, (a, b)) in edges.enumerated() where inside[a] && inside[b] {
            terms.append(MIPTerm(j, 1))
        }
        return MIPRow(terms, .lessOrEqual(Double(nodes.count - 1)))
    }
}
