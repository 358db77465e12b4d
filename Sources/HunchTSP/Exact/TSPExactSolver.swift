import Foundation
import HunchExact

/// Solves a symmetric TSP to proven optimality with GLPK, or stops at the time limit with the
/// best tour and a valid lower bound.
///
/// The model (Dantzig, Fulkerson & Johnson 1954) has one binary column per edge {i, j}, degree
/// rows `x(δ(v)) = 2`, and subtour elimination rows added lazily by ``TSPCutGenerator``
/// (components on integral points; components, Stoer–Wagner cuts and blossoms on fractional
/// ones). GLPK branches with pseudocosts. Before GLPK starts:
/// 1. the Held–Karp ascent (``HeldKarpBound``) gives a lower bound, penalties π and, per edge,
///    α: how much more the cheapest 1-tree through that edge costs;
/// 2. an iterated 2-opt/Or-opt search over each node's 10 α-nearest partners improves the given
///    (or nearest-neighbour) tour; if the bound meets it, it is optimal;
/// 3. every edge whose cheapest 1-tree already costs at least the incumbent length is removed:
///    no tour shorter than the incumbent can use it. The incumbent's own edges always stay, so
///    the reduced model still contains the incumbent, and its optimum is the true optimum. The
///    elimination is exact, not a heuristic candidate set.
public enum TSPExactSolver {
    /// Above this many nodes no MIP is built (GLPK could not finish one anyway): the result is the
    /// local-search tour with the Held–Karp bound.
    public static let maximumModelNodes = 1000

    /// - Parameters:
    ///   - timeLimit: wall-clock seconds for everything (nil: none).
    ///   - incumbentTour: a known tour (permutation of 0..<n) to start from.
    ///   - verbose: GLPK's progress and a summary of each stage on standard error/output.
    /// - Throws: ``TSPExactError`` for a bad time limit or tour.
    public static func solve(_ instance: TSPInstance, timeLimit: Double? = nil, incumbentTour: [Int]? = nil,
                             verbose: Bool = false) throws -> TSPExactResult {
        let clock = ContinuousClock()
        let started = clock.now
        func elapsed() -> Double { (clock.now - started) / .seconds(1) }
        if let timeLimit, timeLimit.isNaN || timeLimit < 0 { throw TSPExactError.invalidTimeLimit(timeLimit) }
        let n = instance.dimension
        if let incumbentTour { try checkPermutation(incumbentTour, n) }
        let deadline: ContinuousClock.Instant? = timeLimit.flatMap { $0 < 1e9 ? started + .nanoseconds(Int64($0 * 1e9)) : nil }
        func remaining() -> Double? { deadline.map { max(0, ($0 - clock.now) / .seconds(1)) } }
        func log(_ message: @autoclosure () -> String) {
            if verbose { FileHandle.standardError.write(Data("exact: \(message())\n".utf8)) }
        }

        var statistics = TSPExactResult.Statistics(initialTourLength: 0, heldKarpBound: 0, modelEdges: 0, eliminatedEdges: 0,
                                                   branchAndBoundNodes: 0, cutRows: 0, localSearchTime: 0,
                                                   heldKarpTime: 0, mipTime: 0)
        if n <= 3 {
            let tour = incumbentTour ?? Array(0..<n)
            let length = instance.tourLength(tour)
            statistics.initialTourLength = length
            statistics.heldKarpBound = length
            return TSPExactResult(status: .optimal, tour: tour, objective: length, bound: length, time: elapsed(),
                                  statistics: statistics)
        }

        // 1. Held–Karp bound, aiming at the start tour.
        var tour = incumbentTour ?? ExactIncumbentSearch.nearestNeighbourTour(instance)
        var upper = instance.tourLength(tour)
        var ascent = HeldKarpAscent(instance: instance, timeLimit: remaining().map { 0.3 * $0 }, maxIterations: nil,
                                    upperBound: upper)
        let heldKarp = ascent.run()
        statistics.heldKarpBound = heldKarp.bound.bound
        statistics.heldKarpTime = heldKarp.bound.time
        log("Held-Karp bound \(heldKarp.bound.bound) (\(heldKarp.bound.value)) after \(heldKarp.bound.iterations) iterations, \(heldKarp.bound.time) s")
        if let oneTreeTour = heldKarp.bound.optimalTour, instance.tourLength(oneTreeTour) <= upper {
            tour = oneTreeTour
            upper = instance.tourLength(tour)
        }
        guard let tree = heldKarp.tree, heldKarp.bound.bound < upper else {
            statistics.initialTourLength = upper
            return TSPExactResult(status: .optimal, tour: tour, objective: upper, bound: upper, time: elapsed(),
                                  statistics: statistics)
        }
        // α(i, j): how much more the cheapest 1-tree through {i, j} costs (Volgenant & Jonker 1982;
        // Helsgaun 2000's α-nearness). It ranks candidate edges far better than distance does, and
        // proves edges useless below.
        let alpha = n <= maximumModelNodes ? tree.marginalCosts(instance, penalties: heldKarp.bound.penalties) : nil

        // 2. Incumbent: iterated local search on the 10 α-nearest partners of each node (nearest by
        // distance above `maximumModelNodes`).
        let searchStarted = clock.now
        if n >= 8 && n <= 2000 {
            let budget = min(0.05 + 0.003 * Double(n), 0.2 * (remaining() ?? .infinity))
            let candidates = alpha.map { alpha in ExactIncumbentSearch.candidates(instance, count: 10) { alpha[$0 * n + $1] } }
            var search = ExactIncumbentSearch(instance, start: tour, candidates: candidates)
            let improved = search.run(maxKicks: 40 * n, deadline: clock.now + .nanoseconds(Int64(budget * 1e9)))
            if instance.tourLength(improved) < upper {
                tour = improved
                upper = instance.tourLength(tour)
            }
        }
        statistics.initialTourLength = upper
        statistics.localSearchTime = (clock.now - searchStarted) / .seconds(1)
        log("incumbent \(upper) after \(statistics.localSearchTime) s of local search")
        var lowerBound = min(heldKarp.bound.bound, upper)
        if lowerBound >= upper {
            return TSPExactResult(status: .optimal, tour: tour, objective: upper, bound: upper, time: elapsed(),
                                  statistics: statistics)
        }
        guard let alpha else {
            log("\(n) nodes: above \(maximumModelNodes), no MIP; reporting the Held-Karp bound")
            return TSPExactResult(status: .feasible, tour: tour, objective: upper, bound: lowerBound, time: elapsed(),
                                  statistics: statistics)
        }

        // 3. Edge elimination by 1-tree reduced costs.
        let edges = keptEdges(instance, alpha: alpha, heldKarpValue: heldKarp.bound.value, tour: tour, upperBound: upper)
        statistics.modelEdges = edges.count
        statistics.eliminatedEdges = n * (n - 1) / 2 - edges.count
        log("\(edges.count) of \(n * (n - 1) / 2) edges kept")

        // 4. The MIP.
        let mipStarted = clock.now
        var model = MIPModel(sense: .minimize)
        var incident = [[MIPTerm]](repeating: [], count: n)
        var column = [Int: Int]()
        for (j, (a, b)) in edges.enumerated() {
            try model.addColumn(kind: .binary, objective: Double(instance.distance(a, b)))
            incident[a].append(MIPTerm(j, 1))
            incident[b].append(MIPTerm(j, 1))
            column[a * n + b] = j
        }
        for v in 0..<n { try model.addRow(incident[v], .equal(2)) }
        var start = [Double](repeating: 0, count: edges.count)
        for (index, a) in tour.enumerated() {
            let b = tour[index + 1 == n ? 0 : index + 1]
            start[column[min(a, b) * n + max(a, b)]!] = 1
        }
        // Pseudocost branching: pr76 proves in ~1 s instead of ~7 s with GLPK's default rule.
        let options = MIPOptions(timeLimit: remaining(), verbose: verbose, startingSolution: start, branching: .pseudocost)
        let mip = try MIPSolver.solve(model, options: options,
                                      lazyConstraints: TSPCutGenerator(edges: edges, nodeCount: n))
        statistics.mipTime = (clock.now - mipStarted) / .seconds(1)
        statistics.branchAndBoundNodes = mip.nodeCount ?? 0
        statistics.cutRows = mip.lazyRowsAdded
        log("GLPK: \(mip.status), objective \(mip.objective.map { "\($0)" } ?? "-"), bound \(mip.bound.map { "\($0)" } ?? "-"), \(mip.nodeCount ?? 0) nodes, \(mip.lazyRowsAdded) rows, \(statistics.mipTime) s")

        // 5. What is proven. A bound of the reduced model bounds every tour that avoids the
        // removed edges; the others are no shorter than `upper`.
        if mip.hasSolution, let found = tourFromEdges(mip.values, edges: edges, n: n),
           instance.tourLength(found) <= upper {
            tour = found
        }
        let objective = instance.tourLength(tour)
        if let mipBound = mip.bound {
            lowerBound = max(lowerBound, min(HeldKarpBound.integerBound(mipBound), upper))
        }
        lowerBound = min(lowerBound, objective)
        let status: TSPExactResult.Status
        switch mip.status {
        case .optimal, .feasible, .noSolution:
            status = lowerBound >= objective ? .optimal : .feasible
        case .infeasible, .unbounded:
            status = .error("GLPK reported the tour model \(mip.status)")
        case let .error(message):
            status = .error(message)
        }
        return TSPExactResult(status: status, tour: tour, objective: objective, bound: lowerBound, time: elapsed(),
                              statistics: statistics)
    }

    /// Edges {a, b} (a < b) that a tour shorter than `upperBound` may use: those whose cheapest
    /// 1-tree, `heldKarpValue + α(a, b)`, stays below `upperBound`, plus the edges of `tour`.
    static func keptEdges(_ instance: TSPInstance, alpha: [Double], heldKarpValue: Double, tour: [Int],
                          upperBound: Int) -> [(Int, Int)] {
        let n = instance.dimension
        // Tour lengths are integers: a tour through {a, b} can beat `upperBound` only if its
        // bound is ≤ upperBound − 1 (with a guard for rounding).
        let limit = Double(upperBound - 1) + 1e-7 * max(1, Double(upperBound))
        var onTour = Set<Int>()
        for (index, a) in tour.enumerated() {
            let b = tour[index + 1 == n ? 0 : index + 1]
            onTour.insert(min(a, b) * n + max(a, b))
        }
        var edges: [(Int, Int)] = []
        for a in 0..<n {
            for b in (a + 1)..<n where heldKarpValue + alpha[a * n + b] <= limit || onTour.contains(a * n + b) {
                edges.append((a, b))
            }
        }
        return edges
    }

    /// The tour formed by the edges with value > 0.5, or nil when they are not one Hamiltonian cycle.
    static func tourFromEdges(_ values: [Double], edges: [(Int, Int)], n: Int) -> [Int]? {
        var adjacent = [[Int]](repeating: [], count: n)
        for (j, (a, b)) in edges.enumerated() where values[j] > 0.5 {
            adjacent[a].append(b)
            adjacent[b].append(a)
        }
        guard adjacent.allSatisfy({ $0.count == 2 }) else { return nil }
        var tour = [0]
        var previous = 0
        var current = adjacent[0][0]
        while current != 0 && tour.count < n {
            tour.append(current)
            let next = adjacent[current][0] == previous ? adjacent[current][1] : adjacent[current][0]
            previous = current
            current = next
        }
        return tour.count == n && current == 0 ? tour : nil
    }

    private static func checkPermutation(_ tour: [Int], _ n: Int) throws {
        guard tour.count == n else {
            throw TSPExactError.invalidIncumbentTour("\(tour.count) nodes for an instance of \(n)")
        }
        var seen = [Bool](repeating: false, count: n)
        for v in tour {
            guard v >= 0 && v < n else { throw TSPExactError.invalidIncumbentTour("node \(v) is out of range 0..<\(n)") }
            guard !seen[v] else { throw TSPExactError.invalidIncumbentTour("node \(v) appears twice") }
            seen[v] = true
        }
    }
}
