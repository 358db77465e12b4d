/// Solomon's (1987) time-oriented nearest neighbour, and the greedy cut of a customer order
/// into on-time routes (the random prior's and the language model's).
enum TimeOrientedNearestNeighbour {
    /// Each route starts at the depot and moves to the reachable customer minimising
    /// 0.4·distance + 0.4·(start of service − now) + 0.2·(due − arrival) (Solomon's δ weights);
    /// a customer is reachable when it fits the load, its service can start by its due time,
    /// and the vehicle can still be back by the depot's due time.
    static func solve(_ instance: VRPTWInstance) -> VRPTWSolution {
        let n = instance.dimension
        var routed = [Bool](repeating: false, count: n)
        var left = n - 1
        var routes: [[Int]] = []
        while left > 0 {
            var route: [Int] = []
            var at = 0, now = instance.ready[0], load = 0
            while true {
                var best = -1, bestScore = Double.infinity, bestStart = 0
                for j in 1..<n where !routed[j] && load + instance.demands[j] <= instance.capacity {
                    let arrival = now + instance.distance(at, j)
                    let start = max(arrival, instance.ready[j])
                    guard start <= instance.due[j],
                          start + instance.service[j] + instance.distance(j, 0) <= instance.due[0] else { continue }
                    let score = 0.4 * Double(instance.distance(at, j)) + 0.4 * Double(start - now)
                        + 0.2 * Double(instance.due[j] - arrival)
                    if score < bestScore { (best, bestScore, bestStart) = (j, score, start) }
                }
                guard best >= 0 else { break }
                route.append(best)
                routed[best] = true
                left -= 1
                load += instance.demands[best]
                now = bestStart + instance.service[best]
                at = best
            }
            // A customer no fresh route can serve on time still needs a route: alone.
            if route.isEmpty, let j = (1..<n).first(where: { !routed[$0] }) {
                route = [j]
                routed[j] = true
                left -= 1
            }
            routes.append(route)
        }
        return VRPTWSolution(routes: routes)
    }

    /// `order` cut into routes: each customer joins the current route when it fits the load and
    /// its window and the vehicle can still return in time, else it starts the next route.
    static func cut(_ instance: VRPTWInstance, order: [Int]) -> VRPTWSolution {
        var routes: [[Int]] = []
        var route: [Int] = []
        var at = 0, now = instance.ready[0], load = 0
        for j in order {
            let start = max(now + instance.distance(at, j), instance.ready[j])
            let fits = load + instance.demands[j] <= instance.capacity && start <= instance.due[j]
                && start + instance.service[j] + instance.distance(j, 0) <= instance.due[0]
            if !fits && !route.isEmpty {
                routes.append(route)
                route = []
                (at, now, load) = (0, instance.ready[0], 0)
            }
            let begin = max(now + instance.distance(at, j), instance.ready[j])
            route.append(j)
            load += instance.demands[j]
            now = begin + instance.service[j]
            at = j
        }
        if !route.isEmpty { routes.append(route) }
        return VRPTWSolution(routes: routes)
    }
}
