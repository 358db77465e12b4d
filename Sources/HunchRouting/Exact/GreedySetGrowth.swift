/// Greedy growth of customer sets on a fractional point (the capacity heuristics of Lysgaard,
/// Letchford & Eglese 2004's CVRPSEP): from a seed customer, add the outside customer most
/// strongly tied to the set (largest x(i, S)) one at a time, keeping x(δ(S)) up to date. Shared by
/// the capacity-cut separation and the choice of cutsets to branch on.
struct GreedySetGrowth {
    /// The point as a symmetric n×n matrix (node 0 the depot).
    let weight: [Double]
    let n: Int
    /// x(δ({v})) per node.
    private let degree: [Double]
    private var tie: [Double]
    private var inside: [Bool]

    init(weight: [Double], n: Int) {
        self.weight = weight
        self.n = n
        var degree = [Double](repeating: 0, count: n)
        for v in 0..<n { for w in 0..<n { degree[v] += weight[v * n + w] } }
        self.degree = degree
        tie = [Double](repeating: 0, count: n)
        inside = [Bool](repeating: false, count: n)
    }

    /// The customers in the order they join the set grown from `seed` (the seed first), and
    /// x(δ(S)) after each, until the set has `maxSize` customers or no outside customer is tied
    /// to it.
    mutating func grow(from seed: Int, maxSize: Int) -> (order: [Int], boundary: [Double]) {
        for v in 0..<n { tie[v] = weight[seed * n + v]; inside[v] = false }
        inside[seed] = true
        var order = [seed]
        var boundaries = [degree[seed]]
        var boundary = degree[seed]
        while order.count < maxSize {
            var next = -1
            for v in 1..<n where !inside[v] && tie[v] > 1e-6 && (next < 0 || tie[v] > tie[next]) { next = v }
            if next < 0 { break }
            boundary += degree[next] - 2 * tie[next]
            inside[next] = true
            order.append(next)
            boundaries.append(boundary)
            for v in 0..<n { tie[v] += weight[next * n + v] }
        }
        return (order, boundaries)
    }
}
