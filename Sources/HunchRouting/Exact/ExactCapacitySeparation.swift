import Foundation
import HunchExact

/// Exact separation of the rounded capacity inequalities x(δ(S)) ≥ 2⌈q(S)/Q⌉ by one small MIP
/// per demand band (as in Fukasawa et al. 2006, §4, and the exact RCI separation of Lysgaard,
/// Letchford & Eglese 2004, §4.1, which shows the problem NP-hard in general): for k = 0, 1, …,
/// binary y_i (customer i in S) and crossing weights w_e ≥ |y_a − y_b| on the support edges
/// (y_0 = 0 for the depot), kQ + 1 ≤ Σ q_i y_i ≤ (k + 1)Q, minimise Σ x_e w_e. A set whose cut is
/// below 2(k + 1) is a violated inequality, and when none is, no inequality with q(S) in that
/// band is violated. Used at the root only, after the heuristics find nothing: the MIPs are
/// small (one binary per customer) but not free.
struct ExactCapacitySeparation {
    let demands: [Int]
    let capacity: Int
    /// A set is reported when its cut is below 2(k + 1) by more than this.
    let minimumViolation: Double

    /// The most violated set of each demand band where one is violated, at the point `weight`
    /// (symmetric n×n edge values); nil when the time ran out before every band was checked
    /// (the sets found so far are lost: they are valid but the caller cannot tell what is left).
    func violatedSets(weight: [Double], timeLimit: Double) -> [[Int]]? {
        let n = demands.count
        let total = demands.dropFirst().reduce(0, +)
        let started = Date()
        var found: [[Int]] = []
        var k = 0
        while k * capacity + 1 <= total {
            let left = timeLimit - Date().timeIntervalSince(started)
            guard left > 0 else { return nil }
            var model = MIPModel(sense: .minimize)
            var y = [Int](repeating: -1, count: n)
            var band: [MIPTerm] = []
            for i in 1..<n {
                guard let j = try? model.addColumn(kind: .binary) else { return nil }
                y[i] = j
                band.append(MIPTerm(j, Double(demands[i])))
            }
            for a in 0..<n {
                for b in (a + 1)..<n where weight[a * n + b] > 1e-9 {
                    guard let w = try? model.addColumn(kind: .continuous, lower: 0, objective: weight[a * n + b]) else { return nil }
                    // w ≥ y_b − y_a and w ≥ y_a − y_b (y_0 = 0).
                    var up = [MIPTerm(w, 1), MIPTerm(y[b], -1)]
                    if a > 0 { up.append(MIPTerm(y[a], 1)) }
                    _ = try? model.addRow(up, .greaterOrEqual(0))
                    if a > 0 { _ = try? model.addRow([MIPTerm(w, 1), MIPTerm(y[a], -1), MIPTerm(y[b], 1)], .greaterOrEqual(0)) }
                }
            }
            let upper = min(Double((k + 1) * capacity), Double(total))
            _ = try? model.addRow(band, .ranged(lower: Double(k * capacity + 1), upper: upper))
            guard let result = try? MIPSolver.solve(model, options: MIPOptions(timeLimit: left)) else { return nil }
            switch result.status {
            case .optimal:
                if let objective = result.objective, objective < Double(2 * (k + 1)) - minimumViolation {
                    found.append((1..<n).filter { result.values[y[$0]] > 0.5 })
                }
            case .infeasible:
                break
            default:
                return nil
            }
            k += 1
        }
        return found
    }
}
