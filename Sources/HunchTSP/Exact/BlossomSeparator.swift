import HunchExact

/// Finds violated blossom (2-matching) inequalities with the odd-component heuristic of
/// Padberg & Hong (1980):
///
///     x(E(H)) + Σ_{e ∈ T} x(e) ≤ |H| + (|T| − 1) / 2
///
/// for a handle H and an odd number |T| ≥ 3 of node-disjoint teeth T, each an edge with one end
/// in H. Valid for every tour (each tour is a 2-matching), they cut off the half-integral
/// points that subtour rows leave, which closes much of the gap on instances such as pr76.
///
/// Heuristic: the handles are the connected components of the edges with fractional value, the
/// teeth the edges with value ≈ 1 leaving them. Two teeth that share their outer node are
/// absorbed by adding that node to the handle (which keeps the parity of |T|).
struct BlossomSeparator {
    let edges: [(Int, Int)]
    let nodeCount: Int
    let minimumViolation: Double

    func cuts(_ values: [Double]) -> [MIPRow] {
        let n = nodeCount
        let lowEpsilon = 1e-6, highEpsilon = 1 - 1e-6
        // Components of the fractional edges.
        var parent = Array(0..<n)
        func find(_ v: Int) -> Int {
            var v = v
            while parent[v] != v {
                parent[v] = parent[parent[v]]
                v = parent[v]
            }
            return v
        }
        var hasFractional = [Bool](repeating: false, count: n)
        for (j, (a, b)) in edges.enumerated() where values[j] > lowEpsilon && values[j] < highEpsilon {
            hasFractional[a] = true
            hasFractional[b] = true
            let ra = find(a), rb = find(b)
            if ra != rb { parent[ra] = rb }
        }
        var handles: [Int: [Int]] = [:]
        for v in 0..<n where hasFractional[v] { handles[find(v), default: []].append(v) }

        var rows: [MIPRow] = []
        var inHandle = [Bool](repeating: false, count: n)
        for handle in handles.values.sorted(by: { $0[0] < $1[0] }) where handle.count >= 3 {
            var members = handle
            for v in members { inHandle[v] = true }
            defer { for v in members { inHandle[v] = false } }
            // Absorb outer nodes touched by two teeth until the teeth are disjoint.
            var teeth: [Int] = []
            while true {
                teeth = []
                var outerCount = [Int: Int]()
                for (j, (a, b)) in edges.enumerated() where values[j] >= highEpsilon && inHandle[a] != inHandle[b] {
                    teeth.append(j)
                    outerCount[inHandle[a] ? b : a, default: 0] += 1
                }
                let shared = outerCount.filter { $0.value > 1 }.keys
                if shared.isEmpty { break }
                for v in shared {
                    inHandle[v] = true
                    members.append(v)
                }
            }
            guard teeth.count >= 3 && teeth.count % 2 == 1 && members.count < n else { continue }
            var terms: [MIPTerm] = []
            var lhs = 0.0
            for (j, (a, b)) in edges.enumerated() where inHandle[a] && inHandle[b] {
                terms.append(MIPTerm(j, 1))
                lhs += values[j]
            }
            for j in teeth {
                terms.append(MIPTerm(j, 1))
                lhs += values[j]
            }
            let rhs = Double(members.count) + Double(teeth.count - 1) / 2
            if lhs > rhs + minimumViolation {
                rows.append(MIPRow(terms, .lessOrEqual(rhs)))
            }
        }
        return rows
    }
}
