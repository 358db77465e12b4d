/// Nearest-neighbour construction: each route leaves the depot for the nearest unvisited
/// customer that still fits, and returns when none does.
enum NearestNeighbourRoutes {
    static func solve(_ instance: CVRPInstance) -> CVRPSolution {
        let n = instance.dimension
        var visited = [Bool](repeating: false, count: n)
        visited[0] = true
        var left = n - 1
        var routes: [[Int]] = []
        let limit = instance.maximumDuration ?? Int.max / 4
        while left > 0 {
            var route: [Int] = [], load = 0, length = 0, at = 0
            while true {
                var best = -1, bestDistance = Int.max
                for c in 1..<n where !visited[c] && load + instance.demands[c] <= instance.capacity {
                    let dc = instance.distance(at, c)
                    let duration = length + dc + instance.distance(c, 0) + instance.serviceTime * (route.count + 1)
                    if dc < bestDistance && duration <= limit { (best, bestDistance) = (c, dc) }
                }
                if best < 0 { break }
                visited[best] = true
                left -= 1
                route.append(best)
                load += instance.demands[best]
                length += bestDistance
                at = best
            }
            if route.isEmpty {
                // A customer no route can take within DISTANCE alone: give it its own route.
                let c = (1..<n).first { !visited[$0] }!
                visited[c] = true
                left -= 1
                route = [c]
            }
            routes.append(route)
        }
        return CVRPSolution(routes: routes)
    }

    /// One tour through every customer from the depot, always to the nearest unvisited.
    static func giantTour(_ instance: CVRPInstance) -> [Int] {
        let n = instance.dimension
        var visited = [Bool](repeating: false, count: n)
        var tour: [Int] = []
        tour.reserveCapacity(n - 1)
        var at = 0
        for _ in 1..<n {
            var best = -1, bestDistance = Int.max
            for c in 1..<n where !visited[c] {
                let dc = instance.distance(at, c)
                if dc < bestDistance { (best, bestDistance) = (c, dc) }
            }
            visited[best] = true
            tour.append(best)
            at = best
        }
        return tour
    }
}
