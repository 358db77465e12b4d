import Foundation
import HunchCore

/// The CVRP's working solution for the engine's search loop: routes as arrays of customers,
/// with every customer's route, position, load and distance from the depot up to it, so that
/// relocate, swap, 2-opt and 2-opt* are evaluated in O(1) (Vidal et al. 2013's concatenation
/// idea, reduced to loads and lengths). The DISTANCE limit is kept at every step; a VEHICLES
/// limit is enforced by a large charge per route above it.
///
/// Capacity (with `options.penalties`, the default) may be exceeded inside the local descent at
/// an adaptive price per unit of excess load (HGS-CVRP / PyVRP, Vidal 2022), so the descent can
/// cross infeasible space; a descent that ends infeasible is repaired with a 10× price (HGS),
/// then, if need be, by moving the worst-placed customers out of overloaded routes and
/// descending with capacity hard; a trial that still stays infeasible is undone by the state
/// itself, so every state the engine sees after `apply` is feasible (`objective` charges
/// excess load above any route's cost anyway). The price adapts every 100 descents towards
/// `targetFeasible` of them ending feasible.
/// SWAP* (Vidal 2022, section 4; `options.swapStar`) runs after the granular descent on route
/// pairs whose polar sectors overlap (CVRPSearchState+SwapStar.swift).
///
/// A trial logs each route the first time it changes (its customers, load and length into one
/// flat buffer); `rollbackTrial` puts them back, so a rejected step costs what it touched.
///
/// Operators (the policy's actions), each a ruin followed by greedy reinsertion and a granular
/// local descent from the touched customers:
/// - `string-removal`: SISR's adjacent strings in nearby routes, reinsertion with blinks
///   (Christiaens & Vanden Berghe 2020);
/// - `random-removal`: customers drawn uniformly;
/// - `related-removal`: a seed and its nearest customers (Shaw 1998);
/// - `route-removal`: a whole short route, so fleets can shrink.
public final class CVRPSearchState: SearchState {
    /// The four ruins, and the crossover when `HUNCH_CVRP_CROSSOVER=1` turns it on.
    public static let operators = ["string-removal", "random-removal", "related-removal", "route-removal"]
        + (CVRPSearchOptions.standard.crossover ? ["crossover"] : [])
    public static let problemFeatures = 3
    public static let featureCount = SearchFeatures.engineFeatureCount(operatorCount: operators.count) + problemFeatures
    /// Neighbours per customer in the granular neighbourhood.
    public static let granularity = 30

    public let instance: CVRPInstance
    public let options: CVRPSearchOptions
    let n: Int
    let capacity: Int
    let demand: [Int]
    let dist: [Int32]
    let service: Int
    let durationLimit: Int
    let routeLimit: Int
    /// Charge per route above VEHICLES: more than any route can cost.
    let routeCharge: Double
    /// `k` nearest customers of each node (row-major, `k` per node).
    let near: [Int32]
    let k: Int

    // The solution.
    var routes: [[Int]]
    var load: [Int]
    var length: [Int]
    var routeOf: [Int]
    var position: [Int]
    /// Load and distance from the depot up to and including each customer, along its route.
    var loadBefore: [Int]
    var lengthBefore: [Int]
    var total = 0
    var usedRoutes = 0
    /// Sum over routes of the load above capacity.
    var excessTotal = 0

    // Capacity penalties (CVRPSearchState+Penalty.swift). Move costs are fixed point: distance
    // deltas × `costScale` plus `penaltyUnit` (the price × `costScale`) per unit of excess load.
    var penalty = 1.0
    var penaltyUnit = 0
    /// A price that no distance gain can pay for: capacity kept hard.
    var hardUnit = 0
    var descents = 0
    var feasibleDescents = 0

    // SWAP* (CVRPSearchState+SwapStar.swift): polar angles (0..<65536) of the nodes, each
    // route's sector, routes changed since the last SWAP* pass, top-3 insertion scratch.
    var angle: [Int] = []
    var sectorStart: [Int]
    var sectorEnd: [Int]
    var dirty: [Bool]
    var dirtyList: [Int] = []
    var dirtyScratch: [Int] = []
    var insertCost: [Int]
    var insertAfter: [Int]
    var removalGain: [Int]
    var passMark: [Int]
    var passStamp = 0
    /// The fixed-point cost of the last SWAP* move applied (for tests).
    var lastSwapStarCost = 0

    // The trial's undo log.
    var trialStamp = 1
    var savedStamp: [Int]
    var savedRoutes: [(route: Int, start: Int, count: Int, load: Int, length: Int)] = []
    var savedNodes: [Int] = []
    var savedTotal = 0
    var savedUsed = 0
    var savedExcess = 0

    // The best solution, when the acceptance rule may leave it.
    var bestRoutes: [[Int]] = []

    // The crossover's second parents (CVRPSearchState+Crossover.swift) and its scratch.
    var elitePool = CVRPElitePool()
    var inExchange: [Bool]
    var overlap: [(Int, Int)] = []

    // Scratch, kept between steps so no step allocates.
    var removed: [Int] = []
    var isRemoved: [Bool]
    var ruined: [Bool]
    var queue: [Int] = []
    var queued: [Bool]
    var work = 0

    public init(instance: CVRPInstance, solution: CVRPSolution, options: CVRPSearchOptions = .standard) {
        self.instance = instance
        self.options = options
        n = instance.dimension
        capacity = instance.capacity
        demand = instance.demands
        dist = instance.matrix
        service = instance.serviceTime
        durationLimit = instance.maximumDuration ?? Int.max / 4
        routeLimit = instance.maximumRoutes ?? Int.max / 4
        let longest = (0..<instance.dimension).map { instance.distance(0, $0) }.max() ?? 0
        routeCharge = Double(4 * longest * max(1, instance.dimension) + 1)
        k = min(CVRPSearchState.granularity, max(0, instance.dimension - 2))
        near = CVRPNeighbours.nearest(instance, k: k)
        routes = solution.routes
        let slots = solution.routes.count + instance.dimension
        for _ in solution.routes.count..<slots { routes.append([]) }
        load = Array(repeating: 0, count: slots)
        length = Array(repeating: 0, count: slots)
        savedStamp = Array(repeating: 0, count: slots)
        routeOf = Array(repeating: -1, count: n)
        position = Array(repeating: 0, count: n)
        loadBefore = Array(repeating: 0, count: n)
        lengthBefore = Array(repeating: 0, count: n)
        isRemoved = Array(repeating: false, count: n)
        inExchange = Array(repeating: false, count: n)
        queued = Array(repeating: false, count: n)
        ruined = Array(repeating: false, count: slots)
        sectorStart = Array(repeating: 0, count: slots)
        sectorEnd = Array(repeating: 0, count: slots)
        dirty = Array(repeating: false, count: slots)
        insertCost = Array(repeating: 0, count: 3 * n)
        insertAfter = Array(repeating: 0, count: 3 * n)
        removalGain = Array(repeating: 0, count: n)
        passMark = Array(repeating: 0, count: slots)
        if let x = instance.x, let y = instance.y, x.count == n, y.count == n {
            angle = (0..<n).map { Self.polarAngle(x[$0] - x[0], y[$0] - y[0]) }
        }
        setUpPenalties()
        for r in routes.indices { reindex(r) }
        total = length.reduce(0, +)
        usedRoutes = routes.reduce(0) { $0 + ($1.isEmpty ? 0 : 1) }
        excessTotal = load.reduce(0) { $0 + max(0, $1 - capacity) }
    }

    // MARK: SearchState

    public var objective: Double {
        Double(total) + Double(max(0, usedRoutes - routeLimit)) * routeCharge + Double(excessTotal) * routeCharge
    }
    /// Whether every route is within capacity.
    public var isFeasible: Bool { excessTotal == 0 }
    public var operatorNames: [String] { Self.operators }
    public var problemFeatureCount: Int { Self.problemFeatures }

    public func writeProblemFeatures(to buffer: UnsafeMutableBufferPointer<Double>) {
        guard buffer.count >= Self.problemFeatures else { return }
        buffer[0] = log10(Double(max(2, n))) - 2.5
        let perRoute = Double(instance.customerCount) / Double(max(1, instance.minimumRoutes))
        buffer[1] = min(1, perRoute / 25)
        buffer[2] = Double(instance.totalDemand) / Double(max(1, instance.minimumRoutes * capacity))
    }

    public func descend(stop: StopCondition) -> Int {
        work = 0
        let wasFeasible = excessTotal == 0
        beginTrial()
        clearDirty()
        for r in routes.indices where !routes[r].isEmpty { markDirty(r) }
        for c in 1..<max(1, n) { push(c) }
        localSearch(stop: stop)
        if excessTotal > 0 { repair(stop: stop) }
        if excessTotal > 0 && wasFeasible {
            // Start again from the feasible start with capacity kept hard.
            rollbackTrial()
            let price = penaltyUnit
            penaltyUnit = hardUnit
            clearDirty()
            for r in routes.indices where !routes[r].isEmpty { markDirty(r) }
            for c in 1..<max(1, n) { push(c) }
            localSearch(stop: stop)
            penaltyUnit = price
        }
        savedRoutes.removeAll(keepingCapacity: true)
        savedNodes.removeAll(keepingCapacity: true)
        trialStamp += 1
        return work
    }

    public func beginTrial() {
        trialStamp += 1
        savedRoutes.removeAll(keepingCapacity: true)
        savedNodes.removeAll(keepingCapacity: true)
        savedTotal = total
        savedUsed = usedRoutes
        savedExcess = excessTotal
    }

    public func apply(action: Int, rng: inout SeededGenerator, stop: StopCondition) -> Int {
        work = 0
        removed.removeAll(keepingCapacity: true)
        switch action {
        case 0: removeStrings(rng: &rng)
        case 1: removeRandom(rng: &rng)
        case 2: removeRelated(rng: &rng)
        case 3: removeRoute(rng: &rng)
        default: if !exchangeRoutes(rng: &rng) { removeStrings(rng: &rng) }
        }
        clearDirty()
        reinsert(rng: &rng)
        localSearch(stop: stop)
        finishTrialDescent(stop: stop)
        return work
    }

    public func commitTrial() { offerToElitePool() }

    public func rollbackTrial() {
        for record in savedRoutes.reversed() {
            let r = record.route
            routes[r].removeAll(keepingCapacity: true)
            routes[r].append(contentsOf: savedNodes[record.start..<(record.start + record.count)])
            load[r] = record.load
            length[r] = record.length
        }
        for record in savedRoutes { reindex(record.route) }
        total = savedTotal
        usedRoutes = savedUsed
        excessTotal = savedExcess
        savedRoutes.removeAll(keepingCapacity: true)
        trialStamp += 1
    }

    public func saveBest() {
        bestRoutes = routes.filter { !$0.isEmpty }
    }

    public func restoreBest() {
        for r in routes.indices { routes[r].removeAll(keepingCapacity: true) }
        for (r, route) in bestRoutes.enumerated() { routes[r].append(contentsOf: route) }
        for r in routes.indices { reindex(r) }
        total = length.reduce(0, +)
        usedRoutes = routes.reduce(0) { $0 + ($1.isEmpty ? 0 : 1) }
        excessTotal = load.reduce(0) { $0 + max(0, $1 - capacity) }
    }

    /// The current routes, empty ones dropped.
    public var solution: CVRPSolution { CVRPSolution(routes: routes.filter { !$0.isEmpty }) }

    // MARK: Bookkeeping

    @inline(__always) func d(_ i: Int, _ j: Int) -> Int { Int(dist[i &* n &+ j]) }

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
        savedRoutes.append((r, savedNodes.count, routes[r].count, load[r], length[r]))
        savedNodes.append(contentsOf: routes[r])
    }

    /// Recomputes positions, prefix loads and lengths, load and length of route `r`.
    func reindex(_ r: Int) {
        var l = 0, len = 0, prev = 0
        for (p, c) in routes[r].enumerated() {
            routeOf[c] = r
            position[c] = p
            l += demand[c]
            len += d(prev, c)
            loadBefore[c] = l
            lengthBefore[c] = len
            prev = c
        }
        load[r] = l
        length[r] = routes[r].isEmpty ? 0 : len + d(prev, 0)
        if !angle.isEmpty, let first = routes[r].first {
            // The route's polar sector: the smallest arc that holds its customers, grown one
            // customer at a time (HGS-CVRP's CircleSector).
            var start = angle[first], end = start
            for c in routes[r] {
                let a = angle[c]
                if (a &- start) & 0xFFFF <= (end &- start) & 0xFFFF { continue }
                if (a &- end) & 0xFFFF <= (start &- a) & 0xFFFF { end = a } else { start = a }
            }
            sectorStart[r] = start
            sectorEnd[r] = end
        }
    }

    /// Replaces route `r`'s content bookkeeping after an edit: total, used routes, indices.
    func changed(_ r: Int, wasEmpty: Bool) {
        let old = length[r], oldExcess = max(0, load[r] - capacity)
        reindex(r)
        total += length[r] - old
        excessTotal += max(0, load[r] - capacity) - oldExcess
        markDirty(r)
        if wasEmpty && !routes[r].isEmpty { usedRoutes += 1 }
        if !wasEmpty && routes[r].isEmpty { usedRoutes -= 1 }
    }

    @inline(__always) func duration(_ len: Int, customers: Int) -> Int { len + service * customers }

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
        // Routes past the used ones are kept empty; find one (there are always n spares).
        for r in routes.indices where routes[r].isEmpty { return r }
        return routes.count - 1
    }
}
