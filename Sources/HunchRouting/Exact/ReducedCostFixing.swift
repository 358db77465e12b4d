/// Reduced-cost fixing (e.g. Nemhauser & Wolsey 1988, §II.2.2; in the CVRP branch-and-cut of
/// Lysgaard, Letchford & Eglese 2004) after the root's cutting planes: with an LP optimum of
/// value z and reduced costs d, every point of that LP costs at least z + d_j·(x_j − l_j) for a
/// column at its lower bound l_j (d_j > 0) and z + |d_j|·(u_j − x_j) for one at its upper bound
/// u_j (d_j < 0). The costs are integers, so with an incumbent of cost U only solutions of cost
/// ≤ U − 1 are still wanted: a column whose move by k units would cost more than U − 1 cannot
/// move that far in any of them. The cuts of the branch-and-cut only shrink the LP's region, so
/// the fixings stay valid as rows are added.
///
/// GLPK fixes by reduced cost too (`fix_by_red_cost`, at every node), but against U itself
/// (z + d_j ≥ U), not U − 1, and only at its own LPs, which start from the model without the
/// root's cuts; it does round node bounds up to the objective's integer grid (`ios_round_bound`).
struct ReducedCostFixing {
    /// New bounds for one column.
    struct Change: Equatable {
        var column: Int
        var lower: Double
        var upper: Double
    }

    /// Slack kept below the threshold against the LP's floating-point error.
    static let tolerance = 1e-6

    /// The tightened bounds of integer columns with bounds `lower`/`upper`, from an LP optimum
    /// `objective` with `reducedCosts`, against an integral incumbent of cost `incumbentCost`
    /// with column values `incumbent` (its values always stay inside the new bounds, so it
    /// remains a feasible starting solution).
    static func changes(objective: Double, reducedCosts: [Double], lower: [Double], upper: [Double],
                        incumbentCost: Int, incumbent: [Double]) -> [Change] {
        let room = Double(incumbentCost - 1) - objective + tolerance * max(1, abs(objective))
        var changes: [Change] = []
        for j in reducedCosts.indices where lower[j].isFinite && upper[j].isFinite && lower[j] < upper[j] {
            let d = reducedCosts[j]
            var lo = lower[j], hi = upper[j]
            if d > 0 {
                // Rising by k units costs at least k·d: the largest k with k·d ≤ room stays.
                let steps = (room / d).rounded(.down)
                if steps < hi - lo { hi = lo + max(0, steps) }
            } else if d < 0 {
                let steps = (room / -d).rounded(.down)
                if steps < hi - lo { lo = hi - max(0, steps) }
            }
            // Never cut the incumbent off: it stays the starting solution.
            lo = min(lo, incumbent[j])
            hi = max(hi, incumbent[j])
            if lo != lower[j] || hi != upper[j] { changes.append(Change(column: j, lower: lo, upper: hi)) }
        }
        return changes
    }
}
