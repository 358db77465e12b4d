import Foundation
import HunchCore

/// The VRPTW's working solution for the engine's search loop. Every customer keeps the
/// time-warp segment (Vidal et al. 2013) of its route from the depot up to it and from it back
/// to the depot, so relocate, swap and 2-opt* between routes are priced in O(1) by joining at
/// most four segments.
///
/// Inside a local descent, late arrivals and overloads are allowed and cost a penalty per unit
/// (time warp, excess load), with weights that adapt so that about half of the descents end
/// feasible, as HGS and PyVRP do (Vidal 2022). A descent that ends infeasible is repaired with
/// ten-fold weights; if it is still infeasible the step is undone. So every state the engine
/// sees is feasible, and `objective` is the convention's: distance (DIMACS), or routes first
/// and then distance (hierarchical).
///
/// Operators (the policy's actions), each a ruin, a cheapest reinsertion and a descent:
/// `string-removal` (SISR, Christiaens & Vanden Berghe 2020), `random-removal`,
/// `related-removal` (Shaw 1998, by distance and window), `route-removal` (so fleets shrink).
public final class VRPTWSearchState: SearchState {
    public static let operators = ["string-removal", "random-removal", "related-removal", "route-removal"]
    public static let problemFeatures = 3
    public static let featureCount = SearchFeatures.engineFeatureCount(operatorCount: operators.count) + problemFeatures
    /// Neighbours per customer in the granular neighbourhood (PyVRP's default is 40).
    public static let granularity = 30
    /// Share of descents that should end feasible; the weights adapt towards it.
    static let targetFeasible = 0.5
    /// Descents between two weight updates.
    static let updateEvery = 40

    public let instance: VRPTWInstance
    let n: Int
    let capacity: Int
    let dist: [Int32]
    let nodeSegment: [TimeWarpSegment]
    let depotSegment: TimeWarpSegment
    let vehicleLimit: Int
    /// Hierarchical convention: a route costs more than any total distance.
    let routeWeight: Double
    /// Charge per route above the fleet: more than any route can cost.
    let routeCharge: Double
    let near: [Int32]
    let k: Int

    // The solution.
    var routes: [[Int]]
    var routeOf: [Int]
    var position: [Int]
    /// Segments from the depot up to and including each customer, and from it back to the depot.
    var forward: [TimeWarpSegment]
    var backward: [TimeWarpSegment]
    /// Each route whole, depot to depot.
    var whole: [TimeWarpSegment]
    var total = 0
    var usedRoutes = 0
    var warpTotal = 0
    var excessTotal = 0

    // Penalty weights (per unit of time warp, per unit of excess load) and their statistics.
    var warpWeight = 1
    var loadWeight = 1
    var descents = 0
    var timeFeasible = 0
    var loadFeasible = 0

    // The trial's undo log.
    var trialStamp = 1
    var savedStamp: [Int]
    var savedRoutes: [(route: Int, start: Int, count: Int)] = []
    var savedNodes: [Int] = []
    var savedTotal = 0
    var savedUsed = 0

    var bestRoutes: [[Int]] = []

    // Scratch, kept between steps so no step allocates.
    var removed: [Int] = []
    var scratch: [Int] = []
    var isRemoved: [Bool]
    var ruined: [Bool]
    var queue: [Int] = []
    var queued: [Bool]
    var work = 0

    public init(instance: VRPTWInstance, solution: VRPTWSolution) {
        self.instance = instance
        n = instance.dimension
        capacity = instance.capacity
        dist = instance.matrix
        nodeSegment = (0..<instance.dimension).map {
            TimeWarpSegment(node: $0, load: instance.demands[$0], service: instance.service[$0],
                            ready: instance.ready[$0], due: instance.due[$0])
        }
        depotSegment = nodeSegment[0]
        vehicleLimit = instance.vehicleCount
        let longest = (0..<instance.dimension).map { instance.distance(0, $0) }.max() ?? 0
        let routeBound = Double(2 * longest + 1) * Double(max(1, instance.dimension))
        routeWeight = instance.convention == .hierarchical ? routeBound : 0
        routeCharge = routeBound * Double(max(1, instance.dimension))
        k = min(Self.granularity, max(0, instance.dimension - 2))
        near = Self.neighbours(instance, k: k)
        let maxDemand = instance.demands.max() ?? 1
        loadWeight = max(1, longest / max(1, maxDemand))
        routes = solution.routes
        let slots = solution.routes.count + instance.dimension
        for _ in solution.routes.count..<slots { routes.append([]) }
        savedStamp = Array(repeating: 0, count: slots)
        routeOf = Array(repeating: -1, count: n)
        position = Array(repeating: 0, count: n)
        forward = nodeSegment
        backward = nodeSegment
        whole = Array(repeating: depotSegment, count: slots)
        isRemoved = Array(repeating: false, count: n)
        queued = Array(repeating: false, count: n)
        ruined = Array(repeating: false, count: slots)
        recount()
    }

    /// The `k` customers nearest each node by distance plus a share of the window gap, as
    /// Vidal et al. 2013 (§5.2) correlate customers under windows: a close customer whose
    /// window is long past is no use as a neighbour.
    static func neighbours(_ instance: VRPTWInstance, k: Int) -> [Int32] {
        let n = instance.dimension
        var near = [Int32](repeating: 0, count: n * k)
        guard k > 0 else { return near }
        var candidates: [(Int, Int)] = []
        for i in 0..<n {
            candidates.removeAll(keepingCapacity: true)
            for j in 1..<n where j != i {
                let d = instance.distance(i, j)
                let gap = i == 0 ? 0 : max(0, instance.ready[j] - instance.service[i] - d - instance.due[i])
                    + max(0, instance.ready[i] - instance.service[j] - d - instance.due[j])
                candidates.append((d + gap / 5, j))
            }
            candidates.sort { $0 < $1 }
            for r in 0..<min(k, candidates.count) { near[i * k + r] = Int32(candidates[r].1) }
        }
        return near
    }

    // MARK: SearchState

    public var objective: Double {
        var value = Double(total) + Double(usedRoutes) * routeWeight
        if usedRoutes > vehicleLimit { value += Double(usedRoutes - vehicleLimit) * routeCharge }
        if warpTotal + excessTotal > 0 { value += Double(warpTotal + excessTotal) * routeCharge }
        return value
    }

    public var isFeasible: Bool { warpTotal == 0 && excessTotal == 0 }
    public var operatorNames: [String] { Self.operators }
    public var problemFeatureCount: Int { Self.problemFeatures }

    public func writeProblemFeatures(to buffer: UnsafeMutableBufferPointer<Double>) {
        guard buffer.count >= Self.problemFeatures else { return }
        buffer[0] = log10(Double(max(2, n))) - 2.5
        buffer[1] = min(1, Double(instance.customerCount) / Double(max(1, usedRoutes)) / 25)
        let horizon = Double(max(1, instance.due[0] - instance.ready[0]))
        var width = 0.0
        for c in 1..<max(1, n) { width += Double(instance.due[c] - instance.ready[c]) }
        buffer[2] = min(1, width / Double(max(1, n - 1)) / horizon)
    }

    public func descend(stop: StopCondition) -> Int {
        work = 0
        beginTrial()
        for c in 1..<max(1, n) { push(c) }
        localSearch(stop: stop)
        settle(stop: stop)
        return work
    }

    public func beginTrial() {
        trialStamp += 1
        savedRoutes.removeAll(keepingCapacity: true)
        savedNodes.removeAll(keepingCapacity: true)
        savedTotal = total
        savedUsed = usedRoutes
    }

    public func apply(action: Int, rng: inout SeededGenerator, stop: StopCondition) -> Int {
        work = 0
        removed.removeAll(keepingCapacity: true)
        switch action {
        case 0: removeStrings(rng: &rng)
        case 1: removeRandom(rng: &rng)
        case 2: removeRelated(rng: &rng)
        default: removeRoute(rng: &rng)
        }
        reinsert(rng: &rng)
        localSearch(stop: stop)
        settle(stop: stop)
        return work
    }

    public func commitTrial() {}

    public func rollbackTrial() {
        for record in savedRoutes.reversed() {
            let r = record.route
            routes[r].removeAll(keepingCapacity: true)
            routes[r].append(contentsOf: savedNodes[record.start..<(record.start + record.count)])
        }
        for record in savedRoutes { reindex(record.route) }
        savedRoutes.removeAll(keepingCapacity: true)
        recountTotals()
        trialStamp += 1
    }

    public func saveBest() { bestRoutes = routes.filter { !$0.isEmpty } }

    public func restoreBest() {
        for r in routes.indices { routes[r].removeAll(keepingCapacity: true) }
        for (r, route) in bestRoutes.enumerated() { routes[r].append(contentsOf: route) }
        recount()
    }

    public var solution: VRPTWSolution { VRPTWSolution(routes: routes.filter { !$0.isEmpty }) }

    /// After a descent: counts it for the weights; repairs an infeasible result with ten-fold
    /// weights, and undoes the step if that fails too.
    func settle(stop: StopCondition) {
        descents += 1
        if warpTotal == 0 { timeFeasible += 1 }
        if excessTotal == 0 { loadFeasible += 1 }
        if descents == Self.updateEvery { adaptWeights() }
        guard !isFeasible else { return }
        let (warp, load) = (warpWeight, loadWeight)
        warpWeight = min(warp * 10, Int.max / 1_000_000)
        loadWeight = min(load * 10, Int.max / 1_000_000)
        for c in 1..<max(1, n) where routeOf[c] >= 0 && (whole[routeOf[c]].warp > 0 || whole[routeOf[c]].load > capacity) {
            push(c)
        }
        localSearch(stop: stop)
        (warpWeight, loadWeight) = (warp, load)
        if !isFeasible { rollbackTrial() }
    }

    func adaptWeights() {
        func adapt(_ weight: Int, feasible: Int) -> Int {
            let share = Double(feasible) / Double(descents)
            if share < Self.targetFeasible - 0.05 { return min(Int.max / 1_000_000_000, Int(Double(weight) * 1.2) + 1) }
            if share > Self.targetFeasible + 0.05 { return max(1, Int(Double(weight) * 0.85)) }
            return weight
        }
        warpWeight = adapt(warpWeight, feasible: timeFeasible)
        loadWeight = adapt(loadWeight, feasible: loadFeasible)
        descents = 0
        timeFeasible = 0
        loadFeasible = 0
    }

    // MARK: Bookkeeping

    @inline(__always) func d(_ i: Int, _ j: Int) -> Int { Int(dist[i &* n &+ j]) }

    @inline(__always) func join(_ a: TimeWarpSegment, _ b: TimeWarpSegment) -> TimeWarpSegment {
        TimeWarpSegment.join(a, b, travel: d(a.last, b.first))
    }

    /// The penalised cost of a whole route (depot to depot); 0 for an empty one.
    @inline(__always) func cost(_ s: TimeWarpSegment) -> Int {
        s.distance &+ warpWeight &* s.warp &+ loadWeight &* max(0, s.load &- capacity)
    }

    @inline(__always) func routeCost(_ r: Int) -> Int { routes[r].isEmpty ? 0 : cost(whole[r]) }

    /// The segment from the depot up to `c` (the depot alone for c = 0).
    @inline(__always) func prefix(_ c: Int) -> TimeWarpSegment { c == 0 ? depotSegment : forward[c] }
    /// The segment from `c` back to the depot (the depot alone for c = 0).
    @inline(__always) func suffix(_ c: Int) -> TimeWarpSegment { c == 0 ? depotSegment : backward[c] }

    @inline(__always) func before(_ c: Int) -> Int {
        let p = position[c]
        return p == 0 ? 0 : routes[routeOf[c]][p - 1]
    }

    @inline(__always) func after(_ c: Int) -> Int {
        let route = routeOf[c], p = position[c] + 1
        return p == routes[route].count ? 0 : routes[route][p]
    }

    /// Logs route `r` before its first change in the trial.
    @inline(__always) func save(_ r: Int) {
        guard savedStamp[r] != trialStamp else { return }
        savedStamp[r] = trialStamp
        savedRoutes.append((r, savedNodes.count, routes[r].count))
        savedNodes.append(contentsOf: routes[r])
    }

    /// Recomputes route `r`'s positions and segments.
    func reindex(_ r: Int) {
        let route = routes[r]
        var segment = depotSegment
        for (p, c) in route.enumerated() {
            routeOf[c] = r
            position[c] = p
            segment = join(segment, nodeSegment[c])
            forward[c] = segment
        }
        whole[r] = join(segment, depotSegment)
        segment = depotSegment
        for c in route.reversed() {
            segment = join(nodeSegment[c], segment)
            backward[c] = segment
        }
    }

    /// Takes route `r` out of the totals; call before editing it.
    @inline(__always) func subtract(_ r: Int) {
        guard !routes[r].isEmpty else { return }
        total -= whole[r].distance
        warpTotal -= whole[r].warp
        excessTotal -= max(0, whole[r].load - capacity)
        usedRoutes -= 1
    }

    /// Puts route `r` back into the totals after `reindex`.
    @inline(__always) func add(_ r: Int) {
        guard !routes[r].isEmpty else { return }
        total += whole[r].distance
        warpTotal += whole[r].warp
        excessTotal += max(0, whole[r].load - capacity)
        usedRoutes += 1
    }

    func recount() {
        for r in routes.indices { reindex(r) }
        recountTotals()
    }

    func recountTotals() {
        total = 0
        warpTotal = 0
        excessTotal = 0
        usedRoutes = 0
        for r in routes.indices where !routes[r].isEmpty {
            total += whole[r].distance
            warpTotal += whole[r].warp
            excessTotal += max(0, whole[r].load - capacity)
            usedRoutes += 1
        }
    }

    func push(_ c: Int) {
        guard c > 0, !queued[c] else { return }
        queued[c] = true
        queue.append(c)
    }

    /// Queues a customer and its route neighbours.
    func touch(_ c: Int) {
        guard c > 0, routeOf[c] >= 0 else { return }
        push(c)
        push(before(c))
        push(after(c))
    }

    func emptyRoute() -> Int {
        for r in routes.indices where routes[r].isEmpty { return r }
        return routes.count - 1
    }

    // MARK: Edits (each logs the routes it changes)

    func remove(_ c: Int) {
        let r = routeOf[c]
        save(r)
        subtract(r)
        routes[r].remove(at: position[c])
        routeOf[c] = -1
        reindex(r)
        add(r)
    }

    func insert(_ c: Int, into r: Int, at p: Int) {
        save(r)
        subtract(r)
        routes[r].insert(c, at: p)
        reindex(r)
        add(r)
    }
}
