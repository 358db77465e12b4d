import HunchCore

/// Greedy edge matching: add candidate edges shortest first when both ends have degree < 2 and
/// no cycle closes early; then join the fragments end to end by nearest free endpoint (found in
/// an `EndpointGrid` for planar metrics, by a scan otherwise).
enum GreedyEdgeTour {
    /// With `stop`, fragments are still joined by nearest free endpoint, but once it says stop
    /// and more than 2,048 endpoints remain (a huge instance at a short limit), to any free
    /// endpoint: O(n) instead of O(fragments²), and still a tour.
    /// `endpointGrid: false` joins by the scan alone (for the test that the grid changes nothing).
    static func build(_ instance: TSPInstance, candidates: CandidateLists, stop: StopCondition? = nil,
                      endpointGrid: Bool = true) -> [Int] {
        let n = instance.dimension
        // Candidate edges i<j, sorted by length then ids (deterministic).
        var edges: [(d: Int32, i: Int32, j: Int32)] = []
        edges.reserveCapacity(n * candidates.k)
        for i in 0..<n {
            for r in 0..<candidates.k {
                let j = candidates.neighbour(i, r)
                if i < j || !containsNeighbour(candidates, j, i) {
                    edges.append((candidates.distances[i * candidates.k + r], Int32(min(i, j)), Int32(max(i, j))))
                }
            }
        }
        edges.sort { ($0.d, $0.i, $0.j) < ($1.d, $1.i, $1.j) }

        var link = [Int](repeating: -1, count: 2 * n)  // two adjacency slots per node
        var degree = [Int](repeating: 0, count: n)
        var parent = Array(0..<n)
        func find(_ x: Int) -> Int {
            var x = x
            while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }
            return x
        }
        func connect(_ a: Int, _ b: Int) {
            link[2 * a + degree[a]] = b; degree[a] += 1
            link[2 * b + degree[b]] = a; degree[b] += 1
        }
        var added = 0
        var previous: (Int32, Int32) = (-1, -1)
        for e in edges where added < n - 1 {
            if (e.i, e.j) == previous { continue }
            previous = (e.i, e.j)
            let a = Int(e.i), b = Int(e.j)
            if degree[a] >= 2 || degree[b] >= 2 { continue }
            let ra = find(a), rb = find(b)
            if ra == rb { continue }
            parent[ra] = rb
            connect(a, b)
            added += 1
        }

        // Walk fragments, joining each path's end to the nearest free endpoint of another.
        var used = [Bool](repeating: false, count: n)
        var endpoints = (0..<n).filter { degree[$0] < 2 }
        var endpointSlot = [Int](repeating: -1, count: n)
        for (s, v) in endpoints.enumerated() { endpointSlot[v] = s }
        // Nearest free ends from a grid where the metric allows (the same ends as the scan).
        var grid = endpointGrid ? EndpointGrid(instance, ends: endpoints) : nil
        func removeEndpoint(_ v: Int) {
            let s = endpointSlot[v]
            guard s >= 0 else { return }
            grid?.remove(v)
            let last = endpoints.removeLast()
            if last != v { endpoints[s] = last; endpointSlot[last] = s }
            endpointSlot[v] = -1
        }
        var tour = [Int]()
        tour.reserveCapacity(n)
        var start = endpoints.first ?? 0
        while tour.count < n {
            // Traverse the fragment from `start`.
            removeEndpoint(start)
            var prev = -1, v = start
            while true {
                used[v] = true
                tour.append(v)
                var next = -1
                for s in 0..<degree[v] where link[2 * v + s] != prev && !used[link[2 * v + s]] {
                    next = link[2 * v + s]
                }
                if next < 0 { break }
                prev = v; v = next
            }
            removeEndpoint(v)
            if tour.count == n { break }
            var best = Int.max, bestNode = -1
            for r in 0..<candidates.k {
                let c = candidates.neighbour(v, r)
                if !used[c] && endpointSlot[c] >= 0 { bestNode = c; best = 0; break }
            }
            // The scan costs O(endpoints) per join: only worth cutting short when there are many.
            if bestNode < 0, endpoints.count > 2048, stop?.timeIsUp() == true, let any = endpoints.last(where: { !used[$0] }) {
                bestNode = any
            }
            if bestNode < 0, grid != nil, let nearest = grid!.nearest(to: v, distance: instance.distance) {
                bestNode = nearest
            }
            if bestNode < 0 {
                for c in endpoints where !used[c] {
                    let dc = instance.distance(v, c)
                    if dc < best || (dc == best && c < bestNode) { best = dc; bestNode = c }
                }
            }
            start = bestNode
        }
        return tour
    }

    private static func containsNeighbour(_ candidates: CandidateLists, _ i: Int, _ j: Int) -> Bool {
        for r in 0..<candidates.k where candidates.neighbour(i, r) == j { return true }
        return false
    }
}
