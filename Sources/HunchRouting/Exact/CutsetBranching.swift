/// Branching on cutsets (Augerat et al. 1995; Lysgaard, Letchford & Eglese 2004, §5): for a
/// customer set S with x(δ(S)) between 2 and 4 at the root LP, the two branches
/// x(δ(S)) = 2 and x(δ(S)) ≥ 4 move the LP much more than fixing one edge does. GLPK branches
/// on columns only, so each such S gets an integer column z_S with the row x(δ(S)) = 2·z_S
/// (every route crosses δ(S) an even number of times, so z_S is integral at every solution, and
/// z_S ≥ ⌈q(S)/Q⌉ is the rounded capacity inequality); branching on z_S is branching on the
/// cutset.
enum CutsetBranching {
    /// Fractional crossings are kept this far away from 2 and 4.
    static let margin = 0.1

    /// Up to `limit` customer sets with 2 + margin < x(δ(S)) < 4 − margin at the point `weight`
    /// (symmetric n×n), those nearest to 3 first: every set met by greedy growth from each
    /// customer (add the customer most tied to the set, as the capacity heuristics do).
    static func sets(weight: [Double], n: Int, limit: Int) -> [[Int]] {
        var scored: [(distance: Double, set: [Int])] = []
        var seen = Set<[Int]>()
        var growth = GreedySetGrowth(weight: weight, n: n)
        for seed in 1..<n {
            let (order, boundaries) = growth.grow(from: seed, maxSize: n - 2)
            for size in stride(from: 2, through: order.count, by: 1) {
                let boundary = boundaries[size - 1]
                if boundary > 2 + margin && boundary < 4 - margin {
                    let sorted = order.prefix(size).sorted()
                    if seen.insert(sorted).inserted { scored.append((abs(boundary - 3), sorted)) }
                }
            }
        }
        return scored.sorted { $0.distance < $1.distance }.prefix(limit).map(\.set)
    }
}
