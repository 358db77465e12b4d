/// Exact separation of the fractional capacity inequalities x(δ(S)) ≥ 2·q(S)/Q by minimum cuts
/// (McCormick, Rao & Rinaldi 2003; Lysgaard, Letchford & Eglese 2004, §4.1), as a source of
/// customer sets for the rounded inequalities x(δ(S)) ≥ 2⌈q(S)/Q⌉, which are at least as violated
/// on the same set.
///
/// x(δ(S)) − 2q(S)/Q = x(δ(S)) + 2q(V∖S∖{0})/Q − 2q(V)/Q, so with a source joined to every
/// customer i by an arc of capacity 2qᵢ/Q and the depot as the sink, a minimum source–depot cut
/// {source} ∪ S minimises the left side over every customer set S. Forcing one customer into S
/// (an infinite source arc) gives the best set containing it, so several sets come out of one
/// call.
struct FractionalCapacitySeparation {
    /// Nodes: 0 the depot (sink), 1…n−1 the customers, n the source.
    private let n: Int
    private var capacity: [Double]
    private var flow: [Double]
    private var level: [Int]
    private var nextArc: [Int]
    private var queue: [Int]

    /// `weight[a * n + b]` is the LP value of edge {a, b} (symmetric), `demands[0]` unused.
    init(weight: [Double], demands: [Int], vehicleCapacity: Int) {
        n = demands.count
        let nodes = n + 1
        capacity = [Double](repeating: 0, count: nodes * nodes)
        for a in 0..<n { for b in 0..<n where a != b { capacity[a * nodes + b] = weight[a * n + b] } }
        for i in 1..<n { capacity[n * nodes + i] = 2 * Double(demands[i]) / Double(vehicleCapacity) }
        flow = [Double](repeating: 0, count: nodes * nodes)
        level = [Int](repeating: -1, count: nodes)
        nextArc = [Int](repeating: 0, count: nodes)
        queue = []
        queue.reserveCapacity(nodes)
    }

    /// The customer set of a minimum cut with `forced` on the source side (nil: none forced).
    mutating func minimumCutSet(forcing forced: Int?) -> [Int] {
        let nodes = n + 1
        let source = n
        for k in 0..<flow.count { flow[k] = 0 }
        var saved = 0.0
        if let forced { saved = capacity[source * nodes + forced]; capacity[source * nodes + forced] = .infinity }
        defer { if let forced { capacity[source * nodes + forced] = saved } }
        while buildLevels(source: source, sink: 0) {
            for v in 0..<nodes { nextArc[v] = 0 }
            while augment(source, sink: 0, limit: .infinity) > 1e-12 {}
        }
        // Source side of the cut: reachable in the residual graph (the last BFS's levels).
        return (1..<n).filter { level[$0] >= 0 }
    }

    private mutating func buildLevels(source: Int, sink: Int) -> Bool {
        let nodes = n + 1
        for v in 0..<nodes { level[v] = -1 }
        level[source] = 0
        queue.removeAll(keepingCapacity: true)
        queue.append(source)
        var head = 0
        while head < queue.count {
            let v = queue[head]; head += 1
            for w in 0..<nodes where level[w] < 0 && capacity[v * nodes + w] - flow[v * nodes + w] > 1e-9 {
                level[w] = level[v] + 1
                queue.append(w)
            }
        }
        return level[sink] >= 0
    }

    /// One blocking-flow path search of Dinic's algorithm (recursive over at most n+1 levels).
    private mutating func augment(_ v: Int, sink: Int, limit: Double) -> Double {
        if v == sink { return limit }
        let nodes = n + 1
        while nextArc[v] < nodes {
            let w = nextArc[v]
            let residual = capacity[v * nodes + w] - flow[v * nodes + w]
            if level[w] == level[v] + 1 && residual > 1e-9 {
                let pushed = augment(w, sink: sink, limit: min(limit, residual))
                if pushed > 1e-12 {
                    flow[v * nodes + w] += pushed
                    flow[w * nodes + v] -= pushed
                    return pushed
                }
            }
            nextArc[v] += 1
        }
        return 0
    }
}
