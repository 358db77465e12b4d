import HunchExact

/// Generalized large multistar inequalities (Gouveia 1995; Letchford, Eglese & Lysgaard 2002,
/// "Multistars, partial multistars and the capacitated vehicle routing problem"), separated
/// heuristically by greedy growth of the nucleus, as CVRPSEP does (Lysgaard, Letchford & Eglese
/// 2004, §4.3).
///
/// For a customer set N (the nucleus) and the customers j outside it (satellites),
/// x(δ(N)) ≥ (2/Q)·(q(N) + Σ_{i∈N} Σ_{j∉N, j≠0} q_j x_ij), stated here times Q with integer
/// coefficients: Σ_{i∈N, j∉N} (Q − 2q_j)·x_ij ≥ 2q(N), where q_0 = 0 (a depot edge weighs Q).
/// Valid because each route's crossings of δ(N) pay for its load: a route that enters N once
/// carries its customers in N and the two satellites next to them, at most Q; one that enters
/// k ≥ 2 times has 2k crossings and at most 4Q of demand to cover on them.
struct MultistarSeparation {
    let demands: [Int]
    let capacity: Int
    /// Violation (in edge units, the inequality divided by Q) below which a set is not reported.
    let minimumViolation: Double

    /// The inequality for `nucleus` over the model's columns (`column[a * n + b]`).
    func row(nucleus: [Int], column: [Int]) -> MIPRow {
        let n = demands.count
        var inside = [Bool](repeating: false, count: n)
        var demand = 0
        for v in nucleus { inside[v] = true; demand += demands[v] }
        var terms: [MIPTerm] = []
        for i in nucleus {
            for j in 0..<n where !inside[j] {
                let coefficient = capacity - 2 * (j == 0 ? 0 : demands[j])
                if coefficient != 0 { terms.append(MIPTerm(column[i * n + j], Double(coefficient))) }
            }
        }
        return MIPRow(terms, .greaterOrEqual(Double(2 * demand)))
    }

    /// Left side minus right side of the inequality for `nucleus` at the point `weight`
    /// (symmetric n×n), divided by Q: negative when violated.
    func slack(nucleus: [Int], weight: [Double]) -> Double {
        let n = demands.count
        var inside = [Bool](repeating: false, count: n)
        var total = 0.0
        for v in nucleus { inside[v] = true; total -= Double(2 * demands[v]) }
        for i in nucleus {
            for j in 0..<n where !inside[j] { total += Double(capacity - 2 * (j == 0 ? 0 : demands[j])) * weight[i * n + j] }
        }
        return total / Double(capacity)
    }

    /// Nuclei grown greedily from every customer: each step adds the customer tied to the set
    /// (x(k, N) > 0) that lowers the slack most, and the set of smallest slack along the way is
    /// kept when it is violated.
    func violatedNuclei(weight: [Double]) -> [[Int]] {
        let n = demands.count
        let q = Double(capacity)
        // w_j: the weight of a crossing edge whose outside end is j.
        var w = [Double](repeating: q, count: n)
        for j in 1..<n { w[j] = q - 2 * Double(demands[j]) }
        // all[k] = Σ_j w_j x_kj: what k's edges weigh when k alone is the nucleus.
        var all = [Double](repeating: 0, count: n)
        for k in 0..<n { for j in 0..<n { all[k] += w[j] * weight[k * n + j] } }
        var tie = [Double](repeating: 0, count: n)       // x(k : N)
        var tieWeight = [Double](repeating: 0, count: n) // Σ_{i∈N} w_i x_ki
        var inside = [Bool](repeating: false, count: n)
        var found: [[Int]] = []
        var seen = Set<[Int]>()
        for seed in 1..<n {
            for v in 0..<n { tie[v] = 0; tieWeight[v] = 0; inside[v] = false }
            var set: [Int] = []
            var slack = 0.0
            var best: (slack: Double, size: Int) = (.infinity, 0)
            var next = seed
            while next > 0 {
                // Adding k: its edges to N stop crossing (−w_k·x(k:N)), its other edges start
                // (all[k] − Σ_{i∈N} w_i x_ki), and the right side grows by 2q_k.
                slack += -w[next] * tie[next] + all[next] - tieWeight[next] - 2 * Double(demands[next])
                inside[next] = true
                set.append(next)
                for v in 0..<n { tie[v] += weight[next * n + v]; tieWeight[v] += w[next] * weight[next * n + v] }
                if slack < best.slack { best = (slack, set.count) }
                next = -1
                var nextSlack = Double.infinity
                for k in 1..<n where !inside[k] && tie[k] > 1e-6 {
                    let change = -w[k] * tie[k] + all[k] - tieWeight[k] - 2 * Double(demands[k])
                    if change < nextSlack { nextSlack = change; next = k }
                }
                if set.count >= n - 1 { break }
            }
            if best.slack / q < -minimumViolation {
                let nucleus = Array(set.prefix(best.size)).sorted()
                if seen.insert(nucleus).inserted { found.append(nucleus) }
            }
        }
        return found
    }
}
