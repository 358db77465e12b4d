import HunchCore

/// Settings of one burst of tabu search.
struct TabuSettings {
    var neighbourhood: JobShopNeighbourhood
    /// Tenure drawn uniformly in this range at every move (Taillard 1994's random tenure).
    var tenure: ClosedRange<Int>
    /// The burst ends after this many iterations without improving its best…
    var patience: Int
    /// …or after this many iterations in all.
    var maxIterations: Int
}

/// Tabu search on the disjunctive graph (Taillard 1994; Nowicki & Smutnicki 1996; Zhang et al.
/// 2007): at each iteration, find a critical path and its blocks, estimate every move of the
/// neighbourhood (``MoveEstimate``), take the best one that is not tabu — or tabu but estimated
/// better than the best so far (aspiration) — and forbid undoing it for a random tenure.
///
/// The tabu attribute is a machine arc: moving u past x removes the arc u→x, which then may not
/// be recreated for `tenure` iterations. Arcs are indexed by (machine, job, job).
final class TabuSearch {
    let graph: DisjunctiveGraph
    let lowerBound: Int
    private let blocks: CriticalBlocks
    private let moves: MoveList
    private let estimator: MoveEstimate
    private let tabu: UnsafeMutablePointer<Int>
    private let tabuSize: Int
    private let burstBest: UnsafeMutablePointer<Int>
    /// The best solution this search has ever seen, for restarts.
    let elite: UnsafeMutablePointer<Int>
    private(set) var eliteMakespan: Int
    /// Global iteration counter (tabu tenures count in it).
    private(set) var iteration = 0
    /// Moves estimated so far: the work unit reported to the engine.
    private(set) var evaluations = 0

    /// Largest tabu table; bigger instances share entries (a hash), which only makes the list
    /// slightly stricter.
    static let maximumTabuEntries = 1 << 22

    init(graph: DisjunctiveGraph, lowerBound: Int) {
        self.graph = graph
        self.lowerBound = lowerBound
        let count = max(1, graph.count)
        blocks = CriticalBlocks(capacity: count)
        moves = MoveList(capacity: 4 * count)
        estimator = MoveEstimate(capacity: max(1, graph.jobs))
        let entries = graph.machines * graph.jobs * graph.jobs
        tabuSize = max(1, min(entries, TabuSearch.maximumTabuEntries))
        tabu = .allocate(capacity: tabuSize)
        tabu.initialize(repeating: 0, count: tabuSize)
        burstBest = .allocate(capacity: count)
        elite = .allocate(capacity: count)
        graph.copySequences(to: elite)
        eliteMakespan = graph.makespan
    }

    deinit {
        tabu.deallocate(); burstBest.deallocate(); elite.deallocate(); estimator.deallocate()
    }

    /// Forgets every tabu arc (for restarts).
    func clearTabu() { tabu.update(repeating: 0, count: tabuSize) }

    @inline(__always)
    private func arc(_ a: Int, _ b: Int) -> Int {
        let index = (graph.machineOf[a] * graph.jobs + a / graph.machines) * graph.jobs + b / graph.machines
        return index < tabuSize ? index : index % tabuSize
    }

    /// Whether the move recreates an arc that is still tabu.
    @inline(__always)
    private func isTabu(_ move: JobShopMove) -> Bool {
        let base = move.machine * graph.jobs
        let u = graph.sequence[base + move.from]
        if move.from < move.to {
            for p in (move.from + 1)...move.to where tabu[arc(graph.sequence[base + p], u)] > iteration { return true }
        } else {
            for p in move.to..<move.from where tabu[arc(u, graph.sequence[base + p])] > iteration { return true }
        }
        return false
    }

    /// Forbids recreating the arcs the move is about to remove (call before applying it).
    private func markTabu(_ move: JobShopMove, tenure: Int) {
        let base = move.machine * graph.jobs
        let u = graph.sequence[base + move.from]
        let until = iteration + tenure
        if move.from < move.to {
            for p in (move.from + 1)...move.to { tabu[arc(u, graph.sequence[base + p])] = until }
        } else {
            for p in move.to..<move.from { tabu[arc(graph.sequence[base + p], u)] = until }
        }
    }

    /// Applies the move and re-evaluates; undoes it and returns false if it made a cycle (which
    /// the feasibility rules exclude except with zero processing times).
    @discardableResult
    private func apply(_ move: JobShopMove) -> Bool {
        graph.move(machine: move.machine, from: move.from, to: move.to)
        if graph.evaluate() { return true }
        graph.move(machine: move.machine, from: move.to, to: move.from)
        graph.evaluate()
        return false
    }

    private func noteElite() {
        if graph.makespan < eliteMakespan {
            eliteMakespan = graph.makespan
            graph.copySequences(to: elite)
        }
    }

    /// One burst from the current solution; leaves the graph at the burst's best solution
    /// (never worse than where it started) and returns the work done (moves estimated).
    func run(_ settings: TabuSettings, rng: inout SeededGenerator, stop: StopCondition) -> Int {
        let workBefore = evaluations
        var best = graph.makespan
        graph.copySequences(to: burstBest)
        var sinceImprovement = 0, iterations = 0
        while sinceImprovement < settings.patience && iterations < settings.maxIterations && best > lowerBound {
            if iterations & 31 == 0 && stop.timeIsUp() { break }
            iterations += 1
            iteration += 1
            blocks.find(in: graph, rng: &rng)
            moves.generate(settings.neighbourhood, blocks: blocks, graph: graph)
            guard moves.count > 0 else { break }   // N5 empty: optimal (Nowicki & Smutnicki 1996)
            var chosen = -1, chosenValue = Int.max, ties = 0
            for i in 0..<moves.count {
                let move = moves[i]
                let value = estimator.estimate(graph, machine: move.machine, from: move.from, to: move.to)
                guard value <= chosenValue else { continue }
                guard value < best || !isTabu(move) else { continue }
                if value < chosenValue {
                    chosen = i; chosenValue = value; ties = 1
                } else {
                    ties += 1
                    if rng.below(ties) == 0 { chosen = i }
                }
            }
            evaluations += moves.count + 1
            if chosen < 0 { chosen = rng.below(moves.count) }   // everything tabu: a random move
            let move = moves[chosen]
            markTabu(move, tenure: settings.tenure.lowerBound + rng.below(settings.tenure.count))
            guard apply(move) else { sinceImprovement += 1; continue }
            if graph.makespan < best {
                best = graph.makespan
                graph.copySequences(to: burstBest)
                sinceImprovement = 0
                noteElite()
            } else {
                sinceImprovement += 1
            }
        }
        if graph.makespan > best { graph.restoreSequences(from: burstBest) }
        return evaluations - workBefore
    }

    /// A kick: `swaps` random swaps of adjacent operations in critical blocks (always feasible
    /// for positive times), each made tabu to undo. Returns the work done.
    func perturb(swaps: Int, tenure: Int, rng: inout SeededGenerator) -> Int {
        for _ in 0..<swaps {
            iteration += 1
            blocks.find(in: graph, rng: &rng)
            var pairs = 0
            for b in 0..<blocks.blockCount { pairs += blocks.blockLast[b] - blocks.blockFirst[b] }
            guard pairs > 0 else { break }
            var r = rng.below(pairs)
            for b in 0..<blocks.blockCount {
                let size = blocks.blockLast[b] - blocks.blockFirst[b]
                if r < size {
                    let move = JobShopMove(machine: blocks.blockMachine[b], from: blocks.blockFirst[b] + r, to: blocks.blockFirst[b] + r + 1)
                    markTabu(move, tenure: tenure)
                    apply(move)
                    break
                }
                r -= size
            }
            evaluations += 1
        }
        noteElite()
        return swaps
    }

    /// Makes the elite solution current and forgets the tabu list.
    func restartFromElite() {
        graph.restoreSequences(from: elite)
        clearTabu()
    }
}
