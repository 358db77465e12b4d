/// Split (Beasley 1983; Prins 2004): the optimal cut of a giant tour into routes that keep
/// their order, by a shortest path over the tour's positions; each arc (i, j) is the route
/// serving customers i+1…j, allowed while its load fits (and its duration, under DISTANCE).
/// O(n · B) where B is the most customers a route can hold.
public enum Split {
    public static func routes(_ instance: CVRPInstance, order: [Int]) -> CVRPSolution {
        let m = order.count
        guard m > 0 else { return CVRPSolution(routes: []) }
        let limit = instance.maximumDuration ?? Int.max / 4
        var cost = [Int](repeating: Int.max, count: m + 1)
        var from = [Int](repeating: 0, count: m + 1)
        cost[0] = 0
        for i in 0..<m where cost[i] < Int.max {
            var load = 0, inner = 0
            for j in i..<m {
                let c = order[j]
                load += instance.demands[c]
                if load > instance.capacity && j > i { break }
                if j > i { inner += instance.distance(order[j - 1], c) }
                let length = instance.distance(0, order[i]) + inner + instance.distance(c, 0)
                if length + instance.serviceTime * (j - i + 1) > limit && j > i { break }
                if cost[i] + length < cost[j + 1] {
                    cost[j + 1] = cost[i] + length
                    from[j + 1] = i
                }
            }
        }
        var routes: [[Int]] = []
        var j = m
        while j > 0 {
            let i = from[j]
            routes.append(Array(order[i..<j]))
            j = i
        }
        return CVRPSolution(routes: routes.reversed())
    }

    /// Cuts `order` into routes greedily: a new route when the next customer does not fit.
    static func greedy(_ instance: CVRPInstance, order: [Int]) -> CVRPSolution {
        var routes: [[Int]] = [[]]
        var load = 0, length = 0
        let limit = instance.maximumDuration ?? Int.max / 4
        for c in order {
            let last = routes[routes.count - 1].last ?? 0
            let grown = length - instance.distance(last, 0) + instance.distance(last, c) + instance.distance(c, 0)
            let fits = load + instance.demands[c] <= instance.capacity
                && grown + instance.serviceTime * (routes[routes.count - 1].count + 1) <= limit
            if !fits && !routes[routes.count - 1].isEmpty {
                routes.append([])
                load = 0
                length = 0
            }
            let tail = routes[routes.count - 1].last ?? 0
            length = length - instance.distance(tail, 0) + instance.distance(tail, c) + instance.distance(c, 0)
            load += instance.demands[c]
            routes[routes.count - 1].append(c)
        }
        return CVRPSolution(routes: routes)
    }
}
