/// Minimum cuts of a small weighted graph by Stoer & Wagner (1997): n − 1 maximum-adjacency
/// phases, each ending with a "cut of the phase" (the last vertex, as a merged group of original
/// nodes, against the rest); the lightest of them is a global minimum cut.
///
/// All phase cuts are reported, not only the minimum: when separating subtour constraints every
/// phase cut lighter than 2 is a violated inequality, so one run yields several cuts.
/// - Complexity: O(n³) time, O(n²) memory (dense arrays; meant for n up to a few hundred).
struct StoerWagnerMinCut {
    /// The node groups whose phase cut weighs less than the threshold, with their weights.
    struct PhaseCut {
        var nodes: [Int]
        var weight: Double
    }

    /// Runs the algorithm on the symmetric row-major n×n `weights` (diagonal ignored) and returns
    /// every phase cut lighter than `threshold`, plus the global minimum cut.
    static func cuts(weights: [Double], n: Int, lighterThan threshold: Double) -> (light: [PhaseCut], minimum: PhaseCut?) {
        guard n >= 2 else { return ([], nil) }
        var w = weights
        var groups = (0..<n).map { [$0] }
        var alive = Array(0..<n)
        var light: [PhaseCut] = []
        var minimum: PhaseCut?
        var key = [Double](repeating: 0, count: n)
        var added = [Bool](repeating: false, count: n)
        while alive.count > 1 {
            for v in alive {
                key[v] = 0
                added[v] = false
            }
            var previous = alive[0]
            var last = alive[0]
            added[last] = true
            for v in alive where v != last { key[v] = w[last * n + v] }
            for _ in 1..<alive.count {
                var best = -1
                var bestKey = -Double.infinity
                for v in alive where !added[v] && key[v] > bestKey {
                    best = v
                    bestKey = key[v]
                }
                previous = last
                last = best
                added[best] = true
                for v in alive where !added[v] { key[v] += w[best * n + v] }
            }
            let cut = PhaseCut(nodes: groups[last], weight: key[last])
            if cut.weight < threshold { light.append(cut) }
            if minimum == nil || cut.weight < minimum!.weight { minimum = cut }
            // Merge `last` into `previous`.
            for v in alive where v != last && v != previous {
                w[previous * n + v] += w[last * n + v]
                w[v * n + previous] = w[previous * n + v]
            }
            groups[previous] += groups[last]
            alive.removeAll { $0 == last }
        }
        return (light, minimum)
    }
}
