/// Joins the components of a sparse candidate graph. A k-nearest graph falls apart on clustered
/// instances (rl5915 and rl11849 have two components at k = 10), and a 1-tree, so the sparse
/// ascent and α-nearness, needs a connected graph: without this the search fell back to the
/// 10 nearest neighbours, twice the breadth α gives, which made the 5-opt search tens of times
/// dearer per step on rl11849.
///
/// Each component but the largest gets its shortest edge to the rest of the graph, found by
/// scanning (O(s·n) for a component of s nodes), until one component is left. LKH avoids the
/// problem with quadrant neighbours (Helsgaun 2006); the scan is simpler and exact, and the
/// clustered instances where it is needed have few, small components.
enum ComponentBridges {
    /// Adds bridging edges to the symmetric adjacency `sets`; false (nothing added) when the
    /// scans would take more than `maxPairs` distance evaluations.
    static func connect(_ sets: inout [Set<Int>], _ instance: TSPInstance, maxPairs: Int = 100_000_000) -> Bool {
        let n = sets.count
        while true {
            let component = label(sets)
            var sizes = [Int](repeating: 0, count: n)
            for v in 0..<n { sizes[component[v]] += 1 }
            let present = (0..<n).filter { sizes[$0] > 0 }
            if present.count <= 1 { return true }
            let largest = present.max { sizes[$0] < sizes[$1] }!
            let scanned = present.reduce(0) { $0 + ($1 == largest ? 0 : sizes[$1]) }
            if scanned > maxPairs / max(1, n) { return false }
            for c in present where c != largest {
                var best = Int.max, from = -1, to = -1
                for u in 0..<n where component[u] == c {
                    for v in 0..<n where component[v] != c {
                        let d = instance.distance(u, v)
                        if d < best { best = d; from = u; to = v }
                    }
                }
                sets[from].insert(to)
                sets[to].insert(from)
            }
        }
    }

    /// The component of every node (labels in 0..<n).
    private static func label(_ sets: [Set<Int>]) -> [Int] {
        let n = sets.count
        var component = [Int](repeating: -1, count: n)
        var stack: [Int] = []
        for start in 0..<n where component[start] < 0 {
            component[start] = start
            stack.append(start)
            while let v = stack.popLast() {
                for w in sets[v] where component[w] < 0 {
                    component[w] = start
                    stack.append(w)
                }
            }
        }
        return component
    }
}
