import Foundation
import HunchCore

/// The working plan of the routing search (VRPTW and dispatch) for the engine's loop: one route
/// per vehicle, each job's time-warp segment (Vidal et al. 2013) from its route's start depot
/// up to it and from it to the route's end, so relocate, swap and 2-opt* between routes are
/// priced in O(1) by joining at most four segments.
///
/// Inside a local descent, late arrivals, overloads and routes over their distance or duration
/// limits are allowed at a penalty per unit, with weights that adapt so that about half of the
/// descents end feasible, as HGS and PyVRP do (Vidal 2022). A descent that ends infeasible is
/// repaired with ten-fold weights, and the step is undone if that fails; only a start that is
/// infeasible itself has jobs dropped from its infeasible routes until they are feasible. So
/// every state the engine sees is feasible; its `objective` is the plan's cost (fixed, per
/// distance and per time), plus each job left out at its prize, plus, for fewest-vehicles
/// objectives, a weight per vehicle used.
///
/// Operators (the policy's actions), each a ruin, a cheapest reinsertion and a descent:
/// `string-removal` (SISR, Christiaens & Vanden Berghe 2020), `random-removal`,
/// `related-removal` (Shaw 1998, by distance and window), `route-removal` (so fleets shrink),
/// `route-split` (so they can grow: a long route's tail moves to a spare vehicle).
public final class RoutingSearchState: SearchState {
    public static let operators = ["string-removal", "random-removal", "related-removal", "route-removal", "route-split"]
    public static let problemFeatures = 3
    public static let featureCount = SearchFeatures.engineFeatureCount(operatorCount: operators.count) + problemFeatures
    /// Neighbours per job in the granular neighbourhood (PyVRP's default is 40).
    public static let granularity = 30
    /// Share of descents that should end feasible; the weights adapt towards it.
    static let targetFeasible = 0.5
    /// Descents between two weight updates.
    static let updateEvery = 40
    /// Unassigned jobs offered again to the recreate at each step.
    static let retriedJobs = 20

    let model: RoutingModel
    /// Jobs are nodes 1..<n.
    let n: Int
    let nodeCount: Int
    let dist: [Int32]
    let time: [Int32]
    /// Each job's segment with the window it currently uses (a job with several windows
    /// changes window only when it is reinserted).
    var nodeSegment: [TimeWarpSegment]
    var windowChoice: [Int]
    let startSegment: [TimeWarpSegment]
    let endSegment: [TimeWarpSegment]
    let vehicle: [RoutingModel.Vehicle]
    /// servable[type · nodeCount + job]: a vehicle of the type can ever serve the job.
    let servable: [Bool]
    let typeCount: Int
    /// Charge per unit of infeasibility in the engine's objective: more than any plan costs.
    let infeasibleCharge: Double
    let near: [Int32]
    let k: Int

    // The plan: route r is vehicle r's.
    var routes: [[Int]]
    var routeOf: [Int]
    var position: [Int]
    /// Segments from the route's start depot up to and including each job, and from each job
    /// to its route's last job (the end depot left out, so a tail can be priced on another
    /// vehicle).
    var forward: [TimeWarpSegment]
    var backward: [TimeWarpSegment]
    /// Each route whole, start depot to end.
    var whole: [TimeWarpSegment]
    /// Jobs in no route, and what leaving them out costs.
    var outside: [Int] = []
    var prizeTotal = 0
    var total = 0
    var usedRoutes = 0
    var infeasibility = 0

    // Penalty weights (per unit of time warp or duration excess, per unit of excess load or
    // distance) and their statistics.
    var warpWeight = 1
    var loadWeight = 1
    /// The least weight per unit of time warp: above every vehicle's cost per unit of time.
    let minimumWarpWeight: Int
    /// A weight that makes lateness and overload dearer than any cost, for constructions that
    /// must not miss a window, yet small enough that weight × the longest shift cannot overflow.
    let heavyWeight: Int
    var descents = 0
    var timeFeasible = 0
    var loadFeasible = 0
    var warpTotal = 0
    var excessTotal = 0

    // The trial's undo log.
    var trialStamp = 1
    var savedStamp: [Int]
    var savedRoutes: [(route: Int, start: Int, count: Int)] = []
    var savedNodes: [Int] = []
    var savedOutside: [Int] = []
    var savedWindows: [(job: Int, window: Int)] = []

    // The best plan (its jobs left out follow from its routes).
    var bestRoutes: [[Int]] = []
    var bestWindows: [Int] = []

    // Scratch, kept between steps so no step allocates.
    var removed: [Int] = []
    var scratch: [Int] = []
    var isRemoved: [Bool]
    var ruined: [Bool]
    var queue: [Int] = []
    var queued: [Bool]
    /// A spare (empty) vehicle of each type, or −1; refreshed by `refreshSpares`.
    var spare: [Int]
    var work = 0

    /// `routes[v]`: vehicle v's jobs in order (as many as vehicles; shorter lists are padded
    /// with empty routes); jobs in no route are left out.
    init(model: RoutingModel, routes initial: [[Int]]) {
        self.model = model
        n = model.jobCount + 1
        nodeCount = model.nodeCount
        dist = model.distance
        time = model.time
        windowChoice = [Int](repeating: 0, count: model.nodeCount)
        nodeSegment = (0..<model.nodeCount).map {
            let window = model.windows[$0].first ?? (0, RoutingModel.unlimited)
            return TimeWarpSegment(node: $0, load: model.demand[$0], service: model.service[$0], ready: window.open,
                                   due: window.close, skills: model.skills[$0])
        }
        vehicle = model.vehicles
        startSegment = model.vehicles.map {
            TimeWarpSegment(node: $0.startNode, load: .zero, service: 0, ready: $0.shiftStart, due: $0.shiftEnd, skills: 0)
        }
        endSegment = model.vehicles.map {
            TimeWarpSegment(node: $0.endNode, load: .zero, service: 0, ready: $0.shiftStart, due: $0.shiftEnd, skills: 0)
        }
        typeCount = (model.vehicles.map(\.type).max() ?? 0) + 1
        var servable = [Bool](repeating: false, count: typeCount * model.nodeCount)
        for type in 0..<typeCount {
            guard let v = model.vehicles.firstIndex(where: { $0.type == type }) else { continue }
            for c in 1..<max(1, model.jobCount + 1) { servable[type * model.nodeCount + c] = model.canServe(v, c) }
        }
        self.servable = servable
        infeasibleCharge = Double(model.mandatory) * 4
        k = min(Self.granularity, max(0, model.jobCount - 1))
        near = Self.neighbours(model, k: k)
        var loadScale = 1
        for c in 1..<n { loadScale = max(loadScale, model.demand[c].wrappedSum()) }
        var longest = 1
        for c in 1..<n { longest = max(longest, model.d(model.vehicles.first?.startNode ?? 0, c)) }
        loadWeight = max(1, longest / loadScale)
        // Time warp shortens a route's duration, so it must cost more than time does, or the
        // descent would buy lateness to save per-time costs.
        minimumWarpWeight = (model.vehicles.map(\.costPerTime).max() ?? 0) + 1
        warpWeight = minimumWarpWeight
        let span = max(1, (model.vehicles.map(\.shiftEnd).max() ?? 1) - (model.vehicles.map(\.shiftStart).min() ?? 0))
        heavyWeight = max(1, min(model.mandatory / 16, Int.max / 64 / span / max(1, model.jobCount)))
        let slots = model.vehicles.count
        routes = Array(initial.prefix(slots))
        while routes.count < slots { routes.append([]) }
        savedStamp = Array(repeating: 0, count: slots)
        routeOf = Array(repeating: -1, count: model.nodeCount)
        position = Array(repeating: 0, count: model.nodeCount)
        forward = nodeSegment
        backward = nodeSegment
        whole = startSegment
        isRemoved = Array(repeating: false, count: model.nodeCount)
        queued = Array(repeating: false, count: model.nodeCount)
        ruined = Array(repeating: false, count: slots)
        spare = Array(repeating: -1, count: typeCount)
        recount()
    }

    /// The `k` jobs nearest each job by distance plus a share of the window gap, as Vidal et
    /// al. 2013 (§5.2) correlate customers under windows: a close customer whose window is long
    /// past is no use as a neighbour.
    static func neighbours(_ model: RoutingModel, k: Int) -> [Int32] {
        let n = model.jobCount + 1
        var near = [Int32](repeating: 0, count: model.nodeCount * k)
        guard k > 0 else { return near }
        // The k smallest keys of each row, kept sorted in a small buffer: O(n·k) at worst, not
        // a sort of the whole row (a 20,000-customer file spent a third of its set-up there).
        var best: [(key: Int, job: Int)] = []
        best.reserveCapacity(k + 1)
        for i in 1..<n {
            best.removeAll(keepingCapacity: true)
            let wi = (model.windows[i].first?.open ?? 0, model.windows[i].last?.close ?? RoutingModel.unlimited)
            for j in 1..<n where j != i {
                let wj = (model.windows[j].first?.open ?? 0, model.windows[j].last?.close ?? RoutingModel.unlimited)
                let gap = max(0, wj.0 - model.service[i] - model.t(i, j) - wi.1)
                    + max(0, wi.0 - model.service[j] - model.t(j, i) - wj.1)
                let key = model.d(i, j) + min(gap, RoutingModel.unlimited / 8) / 5
                if best.count == k, let last = best.last, (last.key, last.job) <= (key, j) { continue }
                var p = best.count
                while p > 0 && (best[p - 1].key, best[p - 1].job) > (key, j) { p -= 1 }
                best.insert((key, j), at: p)
                if best.count > k { best.removeLast() }
            }
            for (r, entry) in best.enumerated() { near[i * k + r] = Int32(entry.job) }
        }
        return near
    }

    // MARK: SearchState

    public var objective: Double {
        Double(total) + Double(prizeTotal) + Double(usedRoutes) * model.vehicleWeight
            + (infeasibility > 0 ? Double(infeasibility) * infeasibleCharge : 0)
    }

    public var isFeasible: Bool { infeasibility == 0 }
    public var operatorNames: [String] { Self.operators }
    public var problemFeatureCount: Int { Self.problemFeatures }

    public func writeProblemFeatures(to buffer: UnsafeMutableBufferPointer<Double>) {
        guard buffer.count >= Self.problemFeatures else { return }
        buffer[0] = log10(Double(max(2, n))) - 2.5
        buffer[1] = min(1, Double(n - 1) / Double(max(1, usedRoutes)) / 25)
        let horizon = Double(max(1, (vehicle.first?.shiftEnd ?? 1) - (vehicle.first?.shiftStart ?? 0)))
        var width = 0.0
        for c in 1..<max(1, n) { width += Double(min(nodeSegment[c].latest - nodeSegment[c].earliest, Int(horizon))) }
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
        savedWindows.removeAll(keepingCapacity: true)
        savedOutside.removeAll(keepingCapacity: true)
        savedOutside.append(contentsOf: outside)
    }

    public func apply(action: Int, rng: inout SeededGenerator, stop: StopCondition) -> Int {
        work = 0
        removed.removeAll(keepingCapacity: true)
        switch action {
        case 0: removeStrings(rng: &rng)
        case 1: removeRandom(rng: &rng)
        case 2: removeRelated(rng: &rng)
        case 3: removeRoute(rng: &rng)
        default: splitRoute(rng: &rng)
        }
        retryOutside(rng: &rng)
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
        for record in savedWindows.reversed() { choose(window: record.window, for: record.job) }
        for record in savedRoutes { reindex(record.route) }
        outside.removeAll(keepingCapacity: true)
        outside.append(contentsOf: savedOutside)
        for c in outside { routeOf[c] = -1 }
        savedRoutes.removeAll(keepingCapacity: true)
        savedWindows.removeAll(keepingCapacity: true)
        recountTotals()
        trialStamp += 1
    }

    public func saveBest() {
        bestRoutes = routes
        bestWindows = windowChoice
    }

    public func restoreBest() {
        guard !bestRoutes.isEmpty else { return }
        for c in 1..<n where windowChoice[c] != bestWindows[c] { choose(window: bestWindows[c], for: c) }
        for r in routes.indices {
            routes[r].removeAll(keepingCapacity: true)
            routes[r].append(contentsOf: bestRoutes[r])
        }
        recount()
    }

    /// After a descent: counts it for the weights; repairs an infeasible result with ten-fold
    /// weights, else undoes the step, else (an infeasible start) drops jobs.
    func settle(stop: StopCondition) {
        descents += 1
        if warpTotal == 0 { timeFeasible += 1 }
        if excessTotal == 0 { loadFeasible += 1 }
        if descents == Self.updateEvery { adaptWeights() }
        guard !isFeasible else { return }
        let (warp, load) = (warpWeight, loadWeight)
        warpWeight = min(warp * 10, Int.max / 1_000_000_000)
        loadWeight = min(load * 10, Int.max / 1_000_000_000)
        for r in routes.indices where !routes[r].isEmpty && penalty(whole[r], r) > 0 {
            for c in routes[r] { push(c) }
        }
        localSearch(stop: stop)
        (warpWeight, loadWeight) = (warp, load)
        guard !isFeasible else { return }
        // Back to the step's start; only a start that was infeasible itself loses jobs.
        rollbackTrial()
        if !isFeasible { dropUntilFeasible() }
    }

    func adaptWeights() {
        func adapt(_ weight: Int, feasible: Int, least: Int) -> Int {
            let share = Double(feasible) / Double(descents)
            if share < Self.targetFeasible - 0.05 { return min(Int.max / 1_000_000_000_000, Int(Double(weight) * 1.2) + 1) }
            if share > Self.targetFeasible + 0.05 { return max(least, Int(Double(weight) * 0.85)) }
            return weight
        }
        warpWeight = adapt(warpWeight, feasible: timeFeasible, least: minimumWarpWeight)
        loadWeight = adapt(loadWeight, feasible: loadFeasible, least: 1)
        descents = 0
        timeFeasible = 0
        loadFeasible = 0
    }

    /// Takes jobs out of every infeasible route, each time the one whose removal lowers the
    /// infeasibility most, until the route is feasible; they go outside at their prize.
    func dropUntilFeasible() {
        for r in routes.indices {
            while !routes[r].isEmpty && penalty(whole[r], r) > 0 {
                var worst = routes[r][0], lowest = Int.max
                for (p, c) in routes[r].enumerated() {
                    let before = prefix(p == 0 ? 0 : routes[r][p - 1], r)
                    let after = suffix(p + 1 == routes[r].count ? 0 : routes[r][p + 1], r)
                    let left = penalty(join(before, after), r)
                    if left < lowest { (worst, lowest) = (c, left) }
                }
                remove(worst)
                leaveOutside(worst)
            }
        }
    }

    // MARK: Costs

    @inline(__always) func d(_ i: Int, _ j: Int) -> Int { Int(dist[i &* nodeCount &+ j]) }

    @inline(__always) func join(_ a: TimeWarpSegment, _ b: TimeWarpSegment) -> TimeWarpSegment {
        let index = a.last &* nodeCount &+ b.first
        return TimeWarpSegment.join(a, b, travel: Int(time[index]), distance: Int(dist[index]))
    }

    /// A whole route's cost for vehicle `r` without penalties: fixed, per distance, per time.
    @inline(__always) func baseCost(_ s: TimeWarpSegment, _ r: Int) -> Int {
        let v = vehicle[r]
        return v.fixedCost &+ v.costPerDistance &* s.distance &+ v.costPerTime &* s.duration
    }

    /// Units of infeasibility of a whole route on vehicle `r`, weighted: time warp and
    /// duration excess, excess load and distance, and skills it lacks.
    @inline(__always) func penalty(_ s: TimeWarpSegment, _ r: Int) -> Int {
        let (late, excess, lacksSkill) = shortfalls(s, r)
        return warpWeight &* late &+ loadWeight &* excess &+ (lacksSkill ? model.mandatory : 0)
    }

    /// What a whole route on vehicle `r` breaks, unweighted: time (warp and duration over the
    /// limit), load and distance over the limits, and whether a skill is missing.
    @inline(__always) func shortfalls(_ s: TimeWarpSegment, _ r: Int) -> (late: Int, excess: Int, lacksSkill: Bool) {
        let v = vehicle[r]
        let over = s.load &- v.capacity
        let excess = over.replacing(with: 0, where: over .< 0).wrappedSum() &+ max(0, s.distance &- v.maxDistance)
        return (s.warp &+ max(0, s.duration &- v.maxDuration), excess, s.skills & ~v.skills != 0)
    }

    /// The penalised cost of a whole route on vehicle `r` (0 for an empty one).
    @inline(__always) func cost(_ s: TimeWarpSegment, _ r: Int) -> Int { baseCost(s, r) &+ penalty(s, r) }

    @inline(__always) func routeCost(_ r: Int) -> Int { routes[r].isEmpty ? 0 : cost(whole[r], r) }

    /// The segment from route r's start up to `c` (the start alone for c = 0).
    @inline(__always) func prefix(_ c: Int, _ r: Int) -> TimeWarpSegment { c == 0 ? startSegment[r] : forward[c] }
    /// The segment from `c` to the end of route r (the end alone for c = 0). `c` may be in
    /// another route: its tail is priced ending at r's end depot, so tails can change vehicles.
    @inline(__always) func suffix(_ c: Int, _ r: Int) -> TimeWarpSegment {
        c == 0 ? endSegment[r] : join(backward[c], endSegment[r])
    }

    @inline(__always) func canServe(_ r: Int, _ c: Int) -> Bool { servable[vehicle[r].type &* nodeCount &+ c] }

    // MARK: Bookkeeping

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
        var segment = startSegment[r]
        for (p, c) in route.enumerated() {
            routeOf[c] = r
            position[c] = p
            segment = join(segment, nodeSegment[c])
            forward[c] = segment
        }
        whole[r] = join(segment, endSegment[r])
        guard let last = route.last else { return }
        segment = nodeSegment[last]
        backward[last] = segment
        for c in route.dropLast().reversed() {
            segment = join(nodeSegment[c], segment)
            backward[c] = segment
        }
    }

    /// Takes route `r` out of the totals; call before editing it.
    @inline(__always) func subtract(_ r: Int) {
        guard !routes[r].isEmpty else { return }
        total -= baseCost(whole[r], r)
        account(r, sign: -1)
        usedRoutes -= 1
    }

    /// Puts route `r` back into the totals after `reindex`.
    @inline(__always) func add(_ r: Int) {
        guard !routes[r].isEmpty else { return }
        total += baseCost(whole[r], r)
        account(r, sign: 1)
        usedRoutes += 1
    }

    /// Unweighted infeasibility of route r into the totals.
    @inline(__always) func account(_ r: Int, sign: Int) {
        let (late, excess, lacksSkill) = shortfalls(whole[r], r)
        let missing = lacksSkill ? 1 : 0
        warpTotal += sign * late
        excessTotal += sign * (excess + missing)
        infeasibility += sign * (late + excess + missing)
    }

    func recount() {
        for r in routes.indices { reindex(r) }
        for c in 1..<max(1, n) { routeOf[c] = -1 }
        for r in routes.indices { for c in routes[r] { routeOf[c] = r } }
        outside = (1..<max(1, n)).filter { routeOf[$0] < 0 }
        recountTotals()
    }

    func recountTotals() {
        total = 0
        warpTotal = 0
        excessTotal = 0
        infeasibility = 0
        usedRoutes = 0
        for r in routes.indices { add(r) }
        prizeTotal = outside.reduce(0) { $0 + model.prize[$1] }
    }

    /// Job `c` now uses its `window`-th window (its segment follows; its route must be
    /// reindexed by the caller).
    func choose(window: Int, for c: Int) {
        windowChoice[c] = window
        let w = model.windows[c][window]
        nodeSegment[c].earliest = w.open
        nodeSegment[c].latest = w.close
    }

    func push(_ c: Int) {
        guard c > 0, !queued[c] else { return }
        queued[c] = true
        queue.append(c)
    }

    /// Queues a job and its route neighbours.
    func touch(_ c: Int) {
        guard c > 0, routeOf[c] >= 0 else { return }
        push(c)
        push(before(c))
        push(after(c))
    }

    /// One empty vehicle per type (−1 where the type has none left).
    func refreshSpares() {
        for t in spare.indices { spare[t] = -1 }
        for r in routes.indices where routes[r].isEmpty && spare[vehicle[r].type] < 0 { spare[vehicle[r].type] = r }
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

    /// `c`, in no route, is left out at its prize.
    func leaveOutside(_ c: Int) {
        routeOf[c] = -1
        outside.append(c)
        prizeTotal += model.prize[c]
    }

    /// `c` leaves the outside list (it is about to be inserted or ruined again).
    func takeFromOutside(_ c: Int) {
        guard let index = outside.firstIndex(of: c) else { return }
        outside.swapAt(index, outside.count - 1)
        outside.removeLast()
        prizeTotal -= model.prize[c]
    }
}
