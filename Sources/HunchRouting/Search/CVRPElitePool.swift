import Foundation

/// A few good, mutually different feasible solutions met by the search, for the crossover to
/// draw a second parent from (HGS keeps a population for the same reason; Vidal et al. 2012).
///
/// A solution enters when the pool has room or it beats the worst; one that is nearly the same
/// as an elite (broken-pairs distance below `closeness`, Prins 2009) only replaces that elite,
/// and only when it is better, so a single basin cannot fill the pool.
struct CVRPElitePool {
    struct Elite {
        var cost: Int
        /// Routes ordered by the polar angle of their customers' centre, so that neighbouring
        /// indices are neighbouring routes (SREX picks consecutive ones).
        var routes: [[Int]]
        /// Each customer's predecessor and successor (0 the depot), for the distance.
        var neighbours: [Int32]
    }

    let capacity: Int
    /// Share of customers whose neighbours differ below which two solutions count as one.
    let closeness: Double
    private(set) var elites: [Elite] = []

    init(capacity: Int = 8, closeness: Double = 0.1) {
        self.capacity = capacity
        self.closeness = closeness
    }

    var count: Int { elites.count }

    /// Whether a solution of this cost could enter (cheap test before building its neighbours).
    func mayAdmit(cost: Int) -> Bool {
        elites.count < capacity || cost < (elites.map(\.cost).max() ?? Int.max)
    }

    /// Offers a solution; `neighbours` as in `Elite`, `routes` in any order.
    mutating func offer(cost: Int, routes: [[Int]], neighbours: [Int32], angleOf: (Int) -> Double) {
        let customers = max(1, neighbours.count / 2 - 1)
        var closest = -1, closestDistance = Double.infinity
        for (i, elite) in elites.enumerated() {
            let distance = Double(Self.brokenPairs(elite.neighbours, neighbours)) / Double(customers)
            if distance < closestDistance { closestDistance = distance; closest = i }
        }
        let sorted = routes.filter { !$0.isEmpty }.map { route -> (Double, [Int]) in
            var sx = 0.0, sy = 0.0
            for c in route { let a = angleOf(c); sx += cos(a); sy += sin(a) }
            return (atan2(sy, sx), route)
        }.sorted { $0.0 < $1.0 }.map(\.1)
        let elite = Elite(cost: cost, routes: sorted, neighbours: neighbours)
        if closest >= 0 && closestDistance < closeness {
            if cost < elites[closest].cost { elites[closest] = elite }
            return
        }
        if elites.count < capacity {
            elites.append(elite)
        } else if let worst = elites.indices.max(by: { elites[$0].cost < elites[$1].cost }), cost < elites[worst].cost {
            elites[worst] = elite
        }
    }

    /// Customers whose pair of neighbours differs between two solutions (direction ignored).
    static func brokenPairs(_ a: [Int32], _ b: [Int32]) -> Int {
        var broken = 0
        var c = 2
        while c + 1 < a.count {
            let (p, s) = (a[c], a[c + 1]), (q, t) = (b[c], b[c + 1])
            if !((p == q && s == t) || (p == t && s == q)) { broken += 1 }
            c += 2
        }
        return broken
    }
}
