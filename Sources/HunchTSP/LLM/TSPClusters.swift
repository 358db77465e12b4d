import HunchCore

/// A partition of the cities into spatial clusters (seeded k-means: k-means++ seeding, Arthur &
/// Vassilvitskii 2007, then Lloyd's iterations), so that a language model can order a few dozen
/// clusters instead of thousands of cities.
///
/// Large instances are fitted on a seeded sample of `sampleLimit` points, then every city is
/// assigned to its nearest centre. Empty clusters are dropped, so `count` may be below the k asked.
///
/// Complexity: O(s·k·iterations + n·k) for a sample of s points.
public struct TSPClusters: Sendable, Equatable {
    /// Cluster of each city (0-based).
    public let assignment: [Int]
    /// Cities of each cluster, ascending.
    public let members: [[Int]]
    /// Centre of each cluster (mean of its members).
    public let centreX: [Double]
    public let centreY: [Double]

    public var count: Int { members.count }

    /// Clusters of the points (x[i], y[i]); `k` is clamped to 1...n.
    public init(x: [Double], y: [Double], k requested: Int, seed: UInt64,
                iterations: Int = 20, sampleLimit: Int = 4000) {
        precondition(x.count == y.count && !x.isEmpty)
        let n = x.count
        let k = max(1, min(requested, n))
        var rng = SeededGenerator(seed: seed)

        // The points k-means is fitted on.
        var sample = Array(0..<n)
        if n > sampleLimit {
            for i in 0..<sampleLimit { sample.swapAt(i, i + rng.below(n - i)) }
            sample.removeLast(n - sampleLimit)
        }

        // k-means++ seeding: each new centre drawn with probability ∝ squared distance to the nearest one.
        var cx: [Double] = [], cy: [Double] = []
        let first = sample[rng.below(sample.count)]
        cx.append(x[first]); cy.append(y[first])
        var nearest = sample.map { TSPClusters.squared(x[$0] - cx[0], y[$0] - cy[0]) }
        while cx.count < k {
            let total = nearest.reduce(0, +)
            var pick = sample[rng.below(sample.count)]
            if total > 0 {
                var target = rng.unit() * total
                for (s, d) in nearest.enumerated() {
                    target -= d
                    if target <= 0 { pick = sample[s]; break }
                }
            }
            cx.append(x[pick]); cy.append(y[pick])
            let c = cx.count - 1
            for (s, i) in sample.enumerated() {
                nearest[s] = min(nearest[s], TSPClusters.squared(x[i] - cx[c], y[i] - cy[c]))
            }
        }

        // Lloyd's iterations on the sample.
        var label = [Int](repeating: -1, count: sample.count)
        for _ in 0..<iterations {
            var changed = false
            for (s, i) in sample.enumerated() {
                let c = TSPClusters.closest(x[i], y[i], cx, cy)
                if c != label[s] { label[s] = c; changed = true }
            }
            if !changed { break }
            var sx = [Double](repeating: 0, count: k), sy = sx, m = sx
            for (s, i) in sample.enumerated() { sx[label[s]] += x[i]; sy[label[s]] += y[i]; m[label[s]] += 1 }
            for c in 0..<k where m[c] > 0 { cx[c] = sx[c] / m[c]; cy[c] = sy[c] / m[c] }
        }

        // Every city to its nearest centre; empty clusters dropped; centres recomputed.
        var raw = [Int](repeating: 0, count: n)
        var groups = [[Int]](repeating: [], count: k)
        for i in 0..<n {
            raw[i] = TSPClusters.closest(x[i], y[i], cx, cy)
            groups[raw[i]].append(i)
        }
        var renumber = [Int](repeating: -1, count: k)
        var members: [[Int]] = []
        for c in 0..<k where !groups[c].isEmpty {
            renumber[c] = members.count
            members.append(groups[c])
        }
        self.assignment = raw.map { renumber[$0] }
        self.members = members
        self.centreX = members.map { group in group.reduce(0.0) { $0 + x[$1] } / Double(group.count) }
        self.centreY = members.map { group in group.reduce(0.0) { $0 + y[$1] } / Double(group.count) }
    }

    /// About √n clusters, kept within 20...40 (fewer when there are few cities): small enough
    /// for a compact prompt, large enough that the order matters.
    public static func suggestedCount(cities n: Int) -> Int {
        max(1, min(n / 2, max(20, min(40, Int(Double(n).squareRoot().rounded())))))
    }

    @inline(__always)
    static func squared(_ dx: Double, _ dy: Double) -> Double { dx * dx + dy * dy }

    @inline(__always)
    static func closest(_ px: Double, _ py: Double, _ cx: [Double], _ cy: [Double]) -> Int {
        var best = 0, bestD = Double.infinity
        for c in 0..<cx.count {
            let d = squared(px - cx[c], py - cy[c])
            if d < bestD { bestD = d; best = c }
        }
        return best
    }
}
