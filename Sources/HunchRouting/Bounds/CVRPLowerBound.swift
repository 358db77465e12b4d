/// Lower bounds on the total distance that hold at every size, computed in O(n²):
///
/// - **radial** (Haimovich & Rinnooy Kan 1985): a route is at least twice as long as the
///   shortest path from the depot to its farthest customer, and that is at least the
///   demand-weighted mean over its customers; summed over routes: 2 Σᵢ sp(0,i) qᵢ / Q. Shortest
///   paths, not the matrix itself: EXPLICIT matrices need not satisfy the triangle inequality
///   (E-n31-k7 does not, and d(0,i) there gave a "bound" of 412 above the optimum 379).
/// - **spanning tree**: removing one depot edge from each of the K ≥ ⌈Σq/Q⌉ routes leaves a
///   spanning tree, so the total is at least the minimum spanning tree plus K times the shortest
///   depot edge.
///
/// Both are weak next to the LP of the two-index formulation (`hunch exact`), but cost
/// nothing and give every answer a gap certificate.
public enum CVRPLowerBound {
    public static func compute(_ instance: CVRPInstance) -> Int {
        max(radial(instance), spanningTree(instance))
    }

    public static func radial(_ instance: CVRPInstance) -> Int {
        let depotPaths = shortestPathsFromDepot(instance)
        var sum = 0.0
        for c in 1..<max(1, instance.dimension) {
            sum += Double(depotPaths[c]) * Double(instance.demands[c])
        }
        return max(0, Int((2 * sum / Double(instance.capacity) - 1e-9).rounded(.up)))
    }

    /// Dijkstra from the depot over the full matrix, O(n²).
    static func shortestPathsFromDepot(_ instance: CVRPInstance) -> [Int] {
        let n = instance.dimension
        var distance = (0..<n).map { instance.distance(0, $0) }
        var done = [Bool](repeating: false, count: n)
        done[0] = true
        for _ in 1..<max(1, n) {
            var u = -1
            for v in 1..<n where !done[v] && (u < 0 || distance[v] < distance[u]) { u = v }
            guard u >= 0 else { break }
            done[u] = true
            for v in 1..<n where !done[v] && distance[u] + instance.distance(u, v) < distance[v] {
                distance[v] = distance[u] + instance.distance(u, v)
            }
        }
        return distance
    }

    public static func spanningTree(_ instance: CVRPInstance) -> Int {
        let n = instance.dimension
        guard n > 1 else { return 0 }
        var inTree = [Bool](repeating: false, count: n)
        var best = [Int](repeating: Int.max, count: n)
        best[0] = 0
        var weight = 0
        for _ in 0..<n {
            var u = -1
            for v in 0..<n where !inTree[v] && (u < 0 || best[v] < best[u]) { u = v }
            inTree[u] = true
            weight += best[u]
            for v in 0..<n where !inTree[v] {
                let d = instance.distance(u, v)
                if d < best[v] { best[v] = d }
            }
        }
        let shortestDepotEdge = (1..<n).map { instance.distance(0, $0) }.min() ?? 0
        return weight + instance.minimumRoutes * shortestDepotEdge
    }
}
