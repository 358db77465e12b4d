import HunchCore

/// The ruins shared by the routing search states: which customers a perturbation takes out
/// before the recreate puts them back. SISR's adjacent strings in nearby routes (Christiaens &
/// Vanden Berghe 2020), uniform draws, a seed with its nearest customers (Shaw 1998), and a
/// whole short route so that fleets can shrink.
protocol RouteRuin: AnyObject {
    var n: Int { get }
    /// `k` correlated customers per node, row-major.
    var near: [Int32] { get }
    var k: Int { get }
    var routes: [[Int]] { get }
    var routeOf: [Int] { get }
    var position: [Int] { get }
    var usedRoutes: Int { get }
    var removed: [Int] { get }
    var isRemoved: [Bool] { get }
    /// Scratch marks, one per route slot, all false between ruins.
    var ruined: [Bool] { get set }
    /// Takes customer `c` out of its route and into `removed`.
    func take(_ c: Int)
}

/// Average number of customers removed per ruin (SISR's c̄).
let averageRemoved = 10.0
/// Longest string removed from one route (SISR's L^max).
let longestString = 10.0

extension RouteRuin {
    /// SISR: strings of customers around a random seed, in up to k_s routes.
    func removeStrings(rng: inout SeededGenerator) {
        guard n > 1, usedRoutes > 0 else { return }
        let averageRoute = Double(n - 1) / Double(usedRoutes)
        let maxString = min(longestString, averageRoute)
        let maxStrings = 4 * averageRemoved / (1 + maxString) - 1
        let stringCount = Int(rng.unit() * maxStrings) + 1
        let seed = 1 + rng.below(n - 1)
        var ruinedRoutes: [Int] = []
        var candidates = [seed]
        for r in 0..<k { candidates.append(Int(near[seed &* k &+ r])) }
        for c in candidates where ruinedRoutes.count < stringCount {
            guard !isRemoved[c], routeOf[c] >= 0 else { continue }
            let r = routeOf[c]
            guard !ruined[r] else { continue }
            ruined[r] = true
            ruinedRoutes.append(r)
            let size = routes[r].count
            let longest = min(Double(size), maxString)
            let l = min(size, Int(rng.unit() * longest) + 1)
            // The string: l consecutive customers of the route that contain c.
            let p = position[c]
            let start = max(0, min(p - rng.below(l), size - l))
            let string = Array(routes[r][start..<(start + l)])
            for customer in string { take(customer) }
        }
        for r in ruinedRoutes { ruined[r] = false }
    }

    /// `c̄` customers drawn uniformly.
    func removeRandom(rng: inout SeededGenerator) {
        guard n > 1 else { return }
        let count = min(n - 1, Int(averageRemoved))
        var attempts = 0
        while removed.count < count && attempts < 4 * count {
            attempts += 1
            let c = 1 + rng.below(n - 1)
            if !isRemoved[c] { take(c) }
        }
    }

    /// A random seed and its nearest customers (Shaw's relatedness, as the neighbour lists rank it).
    func removeRelated(rng: inout SeededGenerator) {
        guard n > 1 else { return }
        let count = min(n - 1, Int(averageRemoved))
        let seed = 1 + rng.below(n - 1)
        take(seed)
        for r in 0..<k where removed.count < count {
            let c = Int(near[seed &* k &+ r])
            if !isRemoved[c] { take(c) }
        }
    }

    /// One of the shortest of three random routes (by customers), so the fleet can shrink.
    func removeRoute(rng: inout SeededGenerator) {
        var chosen = -1, fewest = Int.max
        for _ in 0..<3 {
            guard usedRoutes > 0, n > 1 else { return }
            let c = 1 + rng.below(n - 1)
            let r = routeOf[c]
            if r >= 0 && routes[r].count < fewest { (chosen, fewest) = (r, routes[r].count) }
        }
        guard chosen >= 0 else { return }
        for c in Array(routes[chosen]) { take(c) }
    }
}
