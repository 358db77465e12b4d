/// Lower bounds on the bin count, cheap for any size.
///
/// - L1: ⌈Σw / C⌉, the continuous bound.
/// - L2: Martello & Toth (1990), *Knapsack Problems*, §8.3.1. For a threshold α ≤ C/2 the items
///   split into J1 (w > C − α, no other item of size ≥ α fits with them), J2 (C/2 < w ≤ C − α) and
///   J3 (α ≤ w ≤ C/2). Every item of J1 ∪ J2 needs its own bin, and J3's weight beyond the room
///   left in J2's bins needs more:
///   L(α) = |J1| + |J2| + max(0, ⌈(Σ_{J3} w − (|J2|·C − Σ_{J2} w)) / C⌉), and L2 = max over α.
///   Only α ∈ {0} ∪ {weights ≤ C/2} matter; with the weights sorted and prefix sums, each α is
///   two binary searches, so L2 is O(n log n).
public enum BinPackingLowerBound {
    public static func l1(_ instance: BinPackingInstance) -> Int {
        let c = instance.capacity
        guard c > 0 else { return instance.weights.count }
        let total = instance.totalWeight
        return (total + c - 1) / c
    }

    public static func l2(_ instance: BinPackingInstance) -> Int {
        let c = instance.capacity
        guard c > 0, !instance.weights.isEmpty else { return instance.weights.isEmpty ? 0 : instance.weights.count }
        let w = instance.weights.sorted()  // ascending
        let n = w.count
        var prefix = [Int](repeating: 0, count: n + 1)
        for i in 0..<n { prefix[i + 1] = prefix[i] + w[i] }
        /// Index of the first weight > x.
        func upper(_ x: Int) -> Int {
            var lo = 0, hi = n
            while lo < hi { let m = (lo + hi) / 2; if w[m] <= x { lo = m + 1 } else { hi = m } }
            return lo
        }
        /// Index of the first weight ≥ x.
        func lower(_ x: Int) -> Int {
            var lo = 0, hi = n
            while lo < hi { let m = (lo + hi) / 2; if w[m] < x { lo = m + 1 } else { hi = m } }
            return lo
        }
        let half = upper(c / 2)  // first index with w > C/2
        var best = 0
        var previous = -1
        var candidates = [0]
        for x in w where x <= c / 2 && x != previous { candidates.append(x); previous = x }
        for alpha in candidates {
            let j1Start = upper(c - alpha)  // w > C − α
            let j1 = n - j1Start
            let j2 = j1Start - half
            let j2Weight = prefix[j1Start] - prefix[half]
            let j3Start = lower(max(alpha, 1))
            let j3Weight = prefix[half] - prefix[min(j3Start, half)]
            let room = j2 * c - j2Weight
            let extra = max(0, j3Weight - room)
            let value = j1 + j2 + (extra + c - 1) / c
            best = max(best, value)
        }
        return best
    }

    /// The best of the bounds above.
    public static func compute(_ instance: BinPackingInstance) -> Int {
        max(l1(instance), l2(instance))
    }
}
