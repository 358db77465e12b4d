/// The arc-flow graph of Valério de Carvalho (1999), *Exact solution of bin-packing problems
/// using column generation and branch-and-bound*, Annals of OR 86.
///
/// Nodes are the loads 0…C a bin can reach; a bin is a path from 0 to C. Items are merged by
/// size: one arc (d, d + w) per distinct weight w and reachable load d, plus loss arcs (d, C).
/// Reductions from the paper: weights are taken in decreasing order along a path (an arc of w
/// leaves d only if d is reachable with weights ≥ w), and a path uses at most `demand(w)` arcs of w.
struct ArcFlowGraph {
    struct Arc {
        var tail: Int
        var head: Int
        /// Index into `weights`, or -1 for a loss arc.
        var type: Int
    }

    let capacity: Int
    /// Distinct weights, decreasing, and how many items have each.
    let weights: [Int]
    let demands: [Int]
    /// Items of each type (indices into the instance).
    let itemsOfType: [[Int]]
    private(set) var arcs: [Arc] = []
    /// Reachable loads, increasing (0 first; C is always a node).
    private(set) var nodes: [Int] = []
    /// Item arc leaving `tail` with `type`: key tail × typeCount + type.
    private(set) var arcIndex: [Int: Int] = [:]
    /// Loss arc leaving each load (−1: none).
    private(set) var lossArc: [Int] = []

    enum Built {
        case built(ArcFlowGraph)
        case tooLarge
        case outOfTime
    }

    /// Builds the graph, watching `timeUp` every 65,536 arcs.
    static func build(_ instance: BinPackingInstance, maxArcs: Int, timeUp: () -> Bool) -> Built {
        var outOfTime = false
        let graph = ArcFlowGraph(instance, maxArcs: maxArcs) {
            if timeUp() { outOfTime = true }
            return outOfTime
        }
        if let graph { return .built(graph) }
        return outOfTime ? .outOfTime : .tooLarge
    }

    /// Builds the graph; nil when it would have more than `maxArcs` arcs, or when `stop` says so.
    init?(_ instance: BinPackingInstance, maxArcs: Int, stop: () -> Bool = { false }) {
        capacity = instance.capacity
        var byWeight: [Int: [Int]] = [:]
        for (i, w) in instance.weights.enumerated() { byWeight[w, default: []].append(i) }
        weights = byWeight.keys.sorted(by: >)
        itemsOfType = weights.map { byWeight[$0]! }
        demands = itemsOfType.map(\.count)

        let c = capacity
        var reachable = [Bool](repeating: false, count: c + 1)
        reachable[0] = true
        var reached = [0]
        var markType = [Int](repeating: -1, count: c + 1)
        let typeCount = weights.count
        for t in 0..<typeCount {
            let w = weights[t], m = demands[t]
            let snapshot = reached
            for d in snapshot {
                var k = 1
                while k <= m {
                    let a = d + (k - 1) * w, b = d + k * w
                    if b > c { break }
                    if markType[a] != t {
                        markType[a] = t
                        arcIndex[a * typeCount + t] = arcs.count
                        arcs.append(Arc(tail: a, head: b, type: t))
                        if arcs.count > maxArcs { return nil }
                        if arcs.count & 0xFFFF == 0 && stop() { return nil }
                        if !reachable[b] { reachable[b] = true; reached.append(b) }
                    }
                    k += 1
                }
            }
        }
        lossArc = [Int](repeating: -1, count: c + 1)
        for d in reached where d > 0 && d < c {
            lossArc[d] = arcs.count
            arcs.append(Arc(tail: d, head: c, type: -1))
        }
        if arcs.count > maxArcs { return nil }
        reachable[c] = true
        nodes = (0...c).filter { reachable[$0] }
    }

    /// Arc flows that represent `solution` (items taken by decreasing weight in each bin), or nil
    /// when a bin's path is not in the graph (never for a valid packing).
    func flows(of solution: BinPackingSolution, instance: BinPackingInstance) -> [Double]? {
        var typeOfWeight: [Int: Int] = [:]
        for (t, w) in weights.enumerated() { typeOfWeight[w] = t }
        var x = [Double](repeating: 0, count: arcs.count)
        for bin in solution.bins where !bin.isEmpty {
            var d = 0
            for w in bin.map({ instance.weights[$0] }).sorted(by: >) {
                guard let t = typeOfWeight[w], let a = arcIndex[d * weights.count + t] else { return nil }
                x[a] += 1
                d += w
            }
            if d < capacity {
                guard lossArc[d] >= 0 else { return nil }
                x[lossArc[d]] += 1
            }
        }
        return x
    }

    /// Splits an integral flow into paths from 0 to C and gives each path's arcs real items.
    /// Arcs beyond an item type's demand (the model allows over-covering) stay empty.
    func packing(fromFlows values: [Double]) -> BinPackingSolution {
        var remaining = values.map { Int($0.rounded()) }
        var outgoing = [Int: [Int]]()
        for (a, arc) in arcs.enumerated() where remaining[a] > 0 { outgoing[arc.tail, default: []].append(a) }
        var stock = itemsOfType
        var bins: [[Int]] = []
        while true {
            guard let first = outgoing[0]?.first(where: { remaining[$0] > 0 }) else { break }
            var bin: [Int] = []
            var a = first
            while true {
                remaining[a] -= 1
                let arc = arcs[a]
                if arc.type >= 0, let item = stock[arc.type].popLast() { bin.append(item) }
                if arc.head == capacity { break }
                guard let next = outgoing[arc.head]?.first(where: { remaining[$0] > 0 }) else { break }
                a = next
            }
            if !bin.isEmpty { bins.append(bin) }
        }
        return BinPackingSolution(bins: bins)
    }
}
