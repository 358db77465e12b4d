import Foundation
import HunchExact

/// The CVRP solved by GLPK: the two-index formulation (Laporte, Nobert & Desrochers 1985) with
/// rounded capacity inequalities added lazily, warm-started by the heuristic's routes. The root's
/// cutting planes come first (with exact capacity separation, ``ExactCapacitySeparation``), then
/// columns for branching on cutsets (``CutsetBranching``); ``CVRPExactOptions`` holds the
/// switches (reduced-cost fixing and multistars are built but off). docs/commands.md, "The CVRP
/// model", describes the whole.
///
/// Variables x_e for every edge: customer–customer edges binary, depot edges in {0, 1, 2} (2 is
/// a route with one customer). Rows: degree 2 at every customer; depot degree between
/// 2⌈Σq/Q⌉ and 2·VEHICLES. Cuts x(δ(S)) ≥ 2⌈q(S)/Q⌉ for customer sets S, separated
/// exactly on integral points (each connected set of customers is a route or a subtour) and
/// heuristically on fractional ones (connected components of the support graph at a few
/// thresholds, greedy growth, then the sets of the minimum cuts that separate the fractional
/// capacity inequalities exactly). The DISTANCE limit is not in the model: such instances are
/// refused.
public enum CVRPExactSolver {
    /// Above this many nodes the model (n²/2 columns) is not built; the bound alone is reported.
    public static let maximumModelNodes = 120

    public struct Result: Sendable {
        public var status: ExactStatus
        public var solution: CVRPSolution?
        public var bound: Int
        public var nodes: Int
        public var cuts: Int
    }

    public static func solve(_ instance: CVRPInstance, incumbent: CVRPSolution?, timeLimit: Double,
                             verbose: Bool = false, options settings: CVRPExactOptions = .standard) throws -> Result {
        let n = instance.dimension
        let cheap = CVRPLowerBound.compute(instance)
        guard instance.maximumDuration == nil else {
            throw CVRPViolation("the exact model has no DISTANCE limit; this instance has one (\(instance.maximumDuration!))")
        }
        guard n <= maximumModelNodes else {
            return Result(status: incumbent == nil ? .noSolution : .feasible, solution: incumbent,
                          bound: cheap, nodes: 0, cuts: 0)
        }
        var (model, edges, column) = try twoIndexModel(instance, kind: .integer)
        // The root's cutting planes first (a share of the time): GLPK then branches on a model
        // that already holds the capacity cuts its LP needs, instead of meeting them lazily.
        let rootStarted = Date()
        let root = CVRPRootBound.rootCuts(instance, timeLimit: min(timeLimit * settings.rootCutShare, 20),
                                          multistars: settings.multistars, exactCapacity: settings.exactCapacitySeparation)
        for cut in root?.cuts ?? [] where !settings.tightRootCutsOnly || cut.activity(root!.values) < cut.bounds.lower + 1e-6 {
            try model.addRow(cut)
        }

        var start: [Double]?
        if let incumbent, CVRPValidation.isValid(incumbent, instance: instance) {
            var values = [Double](repeating: 0, count: edges.count)
            for route in incumbent.routes {
                let path = [0] + route + [0]
                for k in 1..<path.count { values[column[path[k - 1] * n + path[k]]] += 1 }
            }
            start = values
        }
        func log(_ line: String) { if verbose { FileHandle.standardError.write(Data("cvrp exact: \(line)\n".utf8)) } }
        if let root {
            log("root LP \(root.objective), \(root.cuts.count) cuts (\(model.rowCount - n) rows kept), \(Date().timeIntervalSince(rootStarted)) s")
        }
        if settings.reducedCostFixing, let root, let start, let incumbent {
            let changes = ReducedCostFixing.changes(objective: root.objective, reducedCosts: root.reducedCosts,
                                                    lower: model.columns.map(\.lower), upper: model.columns.map(\.upper),
                                                    incumbentCost: instance.cost(incumbent.routes), incumbent: start)
            for change in changes { try model.setBounds(column: change.column, lower: change.lower, upper: change.upper) }
            log("reduced-cost fixing changed \(changes.count) of \(edges.count) columns")
        }
        if settings.cutsetBranchingSets > 0, let root {
            let separator = CapacityCutSeparator(instance: instance, edges: edges, column: column)
            let sets = CutsetBranching.sets(weight: separator.supportWeights(root.values, above: 1e-9), n: n,
                                            limit: settings.cutsetBranchingSets)
            for set in sets {
                var inside = [Bool](repeating: false, count: n)
                var demand = 0
                for v in set { inside[v] = true; demand += instance.demands[v] }
                let z = try model.addColumn(kind: .integer, lower: Double((demand + instance.capacity - 1) / instance.capacity),
                                            upper: Double(set.count), objective: 0)
                var terms = [MIPTerm(z, -2)]
                var crossing = 0.0
                for v in set { for w in 0..<n where !inside[w] {
                    terms.append(MIPTerm(column[v * n + w], 1))
                    crossing += start?[column[v * n + w]] ?? 0
                } }
                try model.addRow(terms, .equal(0))
                start?.append(crossing / 2)
            }
            log("\(sets.count) cutset branching columns")
        }
        let remaining = max(0, timeLimit - Date().timeIntervalSince(rootStarted))
        let separator = CapacityCutSeparator(instance: instance, edges: edges, column: column,
                                             multistars: settings.multistars && settings.multistarsInTree,
                                             exactSeparationTime: settings.exactCapacityInTree ? 0.5 : 0,
                                             roundsBelowRoot: settings.roundsBelowRoot)
        let options = MIPOptions(timeLimit: remaining, verbose: verbose, startingSolution: start, branching: settings.branching,
                                 backtracking: settings.backtracking, generalCuts: settings.generalCuts)
        let mip = try MIPSolver.solve(model, options: options, lazyConstraints: separator)

        var best = incumbent
        if mip.hasSolution, let routes = routes(mip.values, edges: edges, n: n) {
            let found = CVRPSolution(routes: routes)
            if CVRPValidation.isValid(found, instance: instance),
               best.map({ instance.cost(found.routes) <= instance.cost($0.routes) }) ?? true {
                best = found
            }
        }
        let upper = best.map { instance.cost($0.routes) }
        var bound = max(cheap, root?.bound ?? 0)
        if let b = mip.bound { bound = max(bound, Int((b - 1e-6).rounded(.up))) }
        if let upper { bound = min(bound, upper) }
        var status: ExactStatus
        switch mip.status {
        case .optimal, .feasible, .noSolution:
            status = best == nil ? .noSolution : (upper.map { bound >= $0 } == true ? .optimal : .feasible)
        case .infeasible:
            status = .infeasible
        case .unbounded:
            status = .error("GLPK reported the routing model unbounded")
        case .error(let message):
            status = .error(message)
        }
        return Result(status: status, solution: best, bound: bound, nodes: mip.nodeCount ?? 0, cuts: mip.lazyRowsAdded)
    }

    /// The two-index model without capacity cuts: x_e per edge (customer edges at most 1, depot
    /// edges at most 2), degree 2 at every customer, depot degree between 2⌈Σq/Q⌉ and
    /// 2·VEHICLES; with each edge's column.
    static func twoIndexModel(_ instance: CVRPInstance, kind: MIPColumn.Kind) throws
        -> (model: MIPModel, edges: [(Int, Int)], column: [Int]) {
        let n = instance.dimension
        var edges: [(Int, Int)] = []
        var column = [Int](repeating: -1, count: n * n)
        var model = MIPModel(sense: .minimize)
        var incident = [[MIPTerm]](repeating: [], count: n)
        for a in 0..<n {
            for b in (a + 1)..<n {
                let j = try model.addColumn(kind: kind, lower: 0, upper: a == 0 ? 2 : 1,
                                            objective: Double(instance.distance(a, b)))
                edges.append((a, b))
                column[a * n + b] = j
                column[b * n + a] = j
                incident[a].append(MIPTerm(j, 1))
                incident[b].append(MIPTerm(j, 1))
            }
        }
        for v in 1..<n { try model.addRow(incident[v], .equal(2)) }
        let most = instance.maximumRoutes.map { Double(2 * $0) } ?? Double(2 * (n - 1))
        try model.addRow(incident[0], .ranged(lower: Double(2 * instance.minimumRoutes), upper: most))
        return (model, edges, column)
    }

    /// The routes of an integral point: walks from the depot along the chosen edges.
    static func routes(_ values: [Double], edges: [(Int, Int)], n: Int) -> [[Int]]? {
        var adjacent = [[Int]](repeating: [], count: n)
        for (j, (a, b)) in edges.enumerated() {
            let times = Int(values[j].rounded())
            for _ in 0..<max(0, times) { adjacent[a].append(b); adjacent[b].append(a) }
        }
        var used = [Bool](repeating: false, count: n)
        var routes: [[Int]] = []
        var depotEnds = adjacent[0]
        while let first = depotEnds.popLast() {
            guard !used[first] else { continue }
            var route: [Int] = []
            var previous = 0, current = first
            while current != 0 {
                guard !used[current], adjacent[current].count == 2 else { return nil }
                used[current] = true
                route.append(current)
                let next = adjacent[current][0] == previous && adjacent[current][1] != previous
                    ? adjacent[current][1] : (adjacent[current][0] == previous ? adjacent[current][1] : adjacent[current][0])
                previous = current
                current = next
            }
            routes.append(route)
        }
        return used.dropFirst().allSatisfy { $0 } ? routes : nil
    }
}

/// Rounded capacity inequalities x(δ(S)) ≥ 2⌈q(S)/Q⌉ for the customer sets S where the point
/// violates them: on integral points every connected set of customers (exact: a route that is
/// too heavy, or a subtour away from the depot), on fractional points the connected components
/// of the customers' support graph at thresholds 0, ½ and ¾, for a few rounds per node.
struct CapacityCutSeparator: LazyConstraintGenerator {
    let instance: CVRPInstance
    let edges: [(Int, Int)]
    let column: [Int]
    /// Also separate generalized large multistar inequalities at fractional points.
    var multistars = false
    /// Seconds for the exact separation of rounded capacity inequalities at a fractional point
    /// where the heuristics find nothing (``ExactCapacitySeparation``); 0: never.
    var exactSeparationTime = 0.0
    let minimumViolation = 0.05
    /// Rounds of cuts on fractional points at each node below the root.
    var roundsBelowRoot = 3

    func constraints(at point: MIPPoint) -> [MIPRow] {
        if !point.isIntegral && point.depth > 0 && point.round >= roundsBelowRoot { return [] }
        var rows: [MIPRow] = []
        var seen = Set<[Int]>()
        for threshold in point.isIntegral ? [0.5] : [1e-6, 0.5, 0.75] {
            for set in components(point.values, threshold: threshold) where seen.insert(set).inserted {
                if let row = cut(for: set, values: point.values) { rows.append(row) }
            }
        }
        if !point.isIntegral && rows.isEmpty {
            for set in greedySets(point.values) where seen.insert(set).inserted {
                if let row = cut(for: set, values: point.values) { rows.append(row) }
            }
        }
        // The minimum cuts last, where the cheaper heuristics found nothing: the LP's path is
        // theirs until then, and only goes further.
        if !point.isIntegral && rows.isEmpty {
            for set in minimumCutSets(point.values) where seen.insert(set).inserted {
                if let row = cut(for: set, values: point.values) { rows.append(row) }
            }
        }
        if exactSeparationTime > 0 && !point.isIntegral && rows.isEmpty {
            let exact = ExactCapacitySeparation(demands: instance.demands, capacity: instance.capacity,
                                                minimumViolation: minimumViolation)
            for set in exact.violatedSets(weight: supportWeights(point.values, above: 1e-9), timeLimit: exactSeparationTime) ?? []
                where seen.insert(set).inserted {
                if let row = cut(for: set, values: point.values) { rows.append(row) }
            }
        }
        if multistars && !point.isIntegral {
            let separation = MultistarSeparation(demands: instance.demands, capacity: instance.capacity,
                                                 minimumViolation: minimumViolation)
            for nucleus in separation.violatedNuclei(weight: supportWeights(point.values, above: 1e-9)) {
                rows.append(separation.row(nucleus: nucleus, column: column))
            }
        }
        return rows
    }

    /// Sets from the exact separation of the fractional capacity inequalities: the global
    /// minimum cut, and the best set through each customer not yet in a violated one.
    func minimumCutSets(_ values: [Double]) -> [[Int]] {
        let n = instance.dimension
        var separation = FractionalCapacitySeparation(weight: supportWeights(values, above: 1e-9), demands: instance.demands,
                                                      vehicleCapacity: instance.capacity)
        var found: [[Int]] = []
        var covered = [Bool](repeating: false, count: n)
        for forced in [nil] + Array(1..<n) as [Int?] {
            if let forced, covered[forced] { continue }
            let set = separation.minimumCutSet(forcing: forced)
            guard !set.isEmpty, cut(for: set, values: values) != nil else { continue }
            for v in set { covered[v] = true }
            found.append(set)
        }
        return found
    }

    /// Greedy growth (as in Lysgaard, Letchford & Eglese 2004's CVRPSEP heuristics): from each
    /// customer, add the customer most strongly tied to the set (largest x(i, S)) one at a time,
    /// and keep every set where x(δ(S)) − 2⌈q(S)/Q⌉ is most negative along the way.
    func greedySets(_ values: [Double]) -> [[Int]] {
        let n = instance.dimension
        var growth = GreedySetGrowth(weight: supportWeights(values, above: 1e-6), n: n)
        var found: [[Int]] = []
        for seed in 1..<n {
            let (order, boundaries) = growth.grow(from: seed, maxSize: n - 1)
            var demand = instance.demands[seed]
            var best: (slack: Double, size: Int) = (.infinity, 0)
            for size in stride(from: 2, through: order.count, by: 1) {
                demand += instance.demands[order[size - 1]]
                let slack = boundaries[size - 1] - Double(2 * ((demand + instance.capacity - 1) / instance.capacity))
                if slack < best.slack { best = (slack, size) }
            }
            if best.slack < -minimumViolation { found.append(Array(order.prefix(best.size)).sorted()) }
        }
        return found
    }

    /// The point as a symmetric n×n matrix of edge values, those at or below `above` left 0.
    func supportWeights(_ values: [Double], above: Double) -> [Double] {
        let n = instance.dimension
        var weight = [Double](repeating: 0, count: n * n)
        for (j, (a, b)) in edges.enumerated() where values[j] > above {
            weight[a * n + b] = values[j]
            weight[b * n + a] = values[j]
        }
        return weight
    }

    /// Customer components of the edges between customers with x > threshold.
    func components(_ values: [Double], threshold: Double) -> [[Int]] {
        let n = instance.dimension
        var parent = Array(0..<n)
        func find(_ v: Int) -> Int {
            var v = v
            while parent[v] != v { parent[v] = parent[parent[v]]; v = parent[v] }
            return v
        }
        for (j, (a, b)) in edges.enumerated() where a != 0 && values[j] > threshold {
            let ra = find(a), rb = find(b)
            if ra != rb { parent[ra] = rb }
        }
        var byRoot: [Int: [Int]] = [:]
        for v in 1..<n { byRoot[find(v), default: []].append(v) }
        return byRoot.values.map { $0.sorted() }.sorted { $0[0] < $1[0] }
    }

    func cut(for set: [Int], values: [Double]) -> MIPRow? {
        let n = instance.dimension
        var inside = [Bool](repeating: false, count: n)
        var demand = 0
        for v in set { inside[v] = true; demand += instance.demands[v] }
        let need = Double(2 * ((demand + instance.capacity - 1) / instance.capacity))
        var terms: [MIPTerm] = []
        var crossing = 0.0
        for v in set {
            for w in 0..<n where !inside[w] {
                let j = column[v * n + w]
                terms.append(MIPTerm(j, 1))
                crossing += values[j]
            }
        }
        guard crossing < need - minimumViolation else { return nil }
        return MIPRow(terms, .greaterOrEqual(need))
    }
}
