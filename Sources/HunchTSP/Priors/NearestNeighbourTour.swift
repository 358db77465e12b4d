/// Nearest neighbour (Rosenkrantz, Stearns & Lewis 1977): always go to the closest unvisited
/// node. Candidate lists answer most steps; when all candidates are visited, a scan over the
/// unvisited nodes (kept in a swap-remove array) answers the rest.
enum NearestNeighbourTour {
    static func build(_ instance: TSPInstance, candidates: CandidateLists, start: Int) -> [Int] {
        let n = instance.dimension
        var unvisited = Array(0..<n)
        var slot = Array(0..<n)   // where each node sits in `unvisited`
        var remaining = n
        func visit(_ v: Int) {
            let s = slot[v], last = unvisited[remaining - 1]
            unvisited[s] = last
            slot[last] = s
            remaining -= 1
            slot[v] = -1
        }
        var tour = [Int]()
        tour.reserveCapacity(n)
        var current = start
        visit(current)
        tour.append(current)
        while remaining > 0 {
            var next = -1
            for r in 0..<candidates.k {
                let c = candidates.neighbour(current, r)
                if slot[c] >= 0 { next = c; break }
            }
            if next < 0 {
                var best = Int.max
                for s in 0..<remaining {
                    let c = unvisited[s]
                    let dc = instance.distance(current, c)
                    if dc < best || (dc == best && c < next) { best = dc; next = c }
                }
            }
            visit(next)
            tour.append(next)
            current = next
        }
        return tour
    }
}
