import HunchCore

/// Random instances in the classic families, for training and scaling studies.
public enum BinPackingGenerator {
    /// Weights uniform in minWeight…maxWeight (Falkenauer's u class: 20…100 with C = 150).
    /// Weights are clamped to 1…capacity.
    public static func uniform(items: Int, capacity: Int, minWeight: Int, maxWeight: Int,
                               seed: UInt64, name: String) -> BinPackingInstance {
        var rng = SeededGenerator(seed: seed)
        let c = max(1, capacity)
        let lo = min(max(1, minWeight), c), hi = max(lo, min(maxWeight, c))
        let weights = (0..<max(0, items)).map { _ in lo + rng.below(hi - lo + 1) }
        return BinPackingInstance(name: name, capacity: c, weights: weights)
    }

    /// Falkenauer's triplets: `3·bins` items in bins of 1000, each bin filled exactly by three
    /// items (first uniform in 380…490, second in 250…(1000 − first)/2, third the rest), shuffled.
    /// The optimum is `bins`, and every optimal bin is full, which makes them hard for heuristics.
    public static func triplets(bins: Int, seed: UInt64, name: String) -> BinPackingInstance {
        var rng = SeededGenerator(seed: seed)
        var weights: [Int] = []
        weights.reserveCapacity(3 * max(0, bins))
        for _ in 0..<max(0, bins) {
            let a = 380 + rng.below(111)
            let rest = 1000 - a
            let bMax = rest / 2
            let b = 250 + rng.below(max(1, bMax - 250 + 1))
            weights.append(a); weights.append(b); weights.append(rest - b)
        }
        for i in stride(from: weights.count - 1, to: 0, by: -1) { weights.swapAt(i, rng.below(i + 1)) }
        return BinPackingInstance(name: name, capacity: 1000, weights: weights)
    }
}
