import HunchCore

/// The job-shop working solution for the engine: machine sequences in a ``DisjunctiveGraph``,
/// improved by bursts of ``TabuSearch``. Each operator is one burst (or a kick followed by one),
/// so the policy decides between bursts: which neighbourhood, which tenure, when to kick, when
/// to restart from the best solution seen.
///
/// Trials copy the machine sequences at `beginTrial` (one O(operations) copy per burst of many
/// moves); the tabu memory is not rolled back, so a rejected burst still steers the next one.
public final class JobShopSearchState: SearchState {
    public let instance: JobShopInstance
    let graph: DisjunctiveGraph
    let search: TabuSearch
    private let trialCopy: UnsafeMutablePointer<Int>
    private var trialMakespan = 0
    private let bestCopy: UnsafeMutablePointer<Int>
    private var bestMakespan = 0
    private var hasBest = false

    /// The policy's actions, in order.
    public static let operators = ["tabu-n7", "tabu-n5", "tabu-n7-long-tenure", "perturb-swaps", "restart-from-elite"]
    /// Length of the policy's feature vector for job shop (engine features + 3 family features).
    public static let featureCount = SearchFeatures.engineFeatureCount(operatorCount: operators.count) + 3

    /// Iterations without improvement that end a burst, and the cap on a burst's length.
    public var patience: Int
    public var maxBurstIterations: Int

    /// Starts from `schedule`, which must be feasible for `instance` (validate untrusted ones
    /// first); its machine orders are kept and every operation is shifted left.
    public convenience init?(instance: JobShopInstance, schedule: JobShopSchedule) {
        self.init(instance: instance, sequences: DisjunctiveGraph.sequences(of: schedule, instance: instance))
    }

    /// Starts from machine sequences (operations numbered o = job·machines + index in job);
    /// nil when they form a cycle with the job orders.
    init?(instance: JobShopInstance, sequences: [[Int]]) {
        self.instance = instance
        graph = DisjunctiveGraph(instance: instance, sequences: sequences)
        guard graph.evaluate() else { return nil }
        search = TabuSearch(graph: graph, lowerBound: JobShopLowerBound.compute(instance))
        trialCopy = .allocate(capacity: max(1, graph.count))
        bestCopy = .allocate(capacity: max(1, graph.count))
        patience = max(500, min(5000, 8 * graph.count))
        maxBurstIterations = 40 * patience
    }

    deinit { trialCopy.deallocate(); bestCopy.deallocate() }

    /// Current makespan.
    public var makespan: Int { graph.makespan }
    /// The semi-active schedule of the current machine sequences.
    public var currentSchedule: JobShopSchedule { graph.schedule() }
    /// Moves estimated so far (for measuring evaluator speed).
    public var moveEvaluations: Int { search.evaluations }

    // MARK: SearchState

    public var objective: Double { Double(graph.makespan) }
    public var operatorNames: [String] { JobShopSearchState.operators }
    public var problemFeatureCount: Int { 3 }

    public func writeProblemFeatures(to buffer: UnsafeMutableBufferPointer<Double>) {
        let n = Double(instance.jobCount), m = Double(instance.machineCount)
        buffer[0] = log10(max(1, n * m)) / 4
        buffer[1] = min(1, n / m / 5)
        // How far the start is above the lower bound: large gaps call for more diversification.
        let lb = Double(max(1, search.lowerBound))
        buffer[2] = min(1, max(0, (Double(graph.makespan) - lb) / lb))
    }

    private func settings(_ neighbourhood: JobShopNeighbourhood, longTenure: Bool) -> TabuSettings {
        // Tenure around 10 + n/m (Zhang et al. 2007), doubled for the diversifying variant.
        let base = 10 + instance.jobCount / max(1, instance.machineCount)
        let low = longTenure ? 2 * base : base / 2 + 2
        let high = longTenure ? 3 * base : base + base / 2
        return TabuSettings(neighbourhood: neighbourhood, tenure: low...max(low, high),
                            patience: patience, maxIterations: maxBurstIterations)
    }

    public func descend(stop: StopCondition) -> Int {
        var rng = SeededGenerator(seed: UInt64(graph.count))
        return search.run(settings(.n7, longTenure: false), rng: &rng, stop: stop)
    }

    public func beginTrial() {
        graph.copySequences(to: trialCopy)
        trialMakespan = graph.makespan
    }

    public func apply(action: Int, rng: inout SeededGenerator, stop: StopCondition) -> Int {
        switch action {
        case 0:
            return search.run(settings(.n7, longTenure: false), rng: &rng, stop: stop)
        case 1:
            return search.run(settings(.n5, longTenure: false), rng: &rng, stop: stop)
        case 2:
            return search.run(settings(.n7, longTenure: true), rng: &rng, stop: stop)
        case 3:
            let strength = 2 + rng.below(max(1, Int(Double(graph.count).squareRoot() / 2)))
            let kick = search.perturb(swaps: strength, tenure: settings(.n7, longTenure: false).tenure.upperBound, rng: &rng)
            return kick + search.run(settings(.n7, longTenure: false), rng: &rng, stop: stop)
        default:
            search.restartFromElite()
            return graph.count / 8 + search.run(settings(.n7, longTenure: false), rng: &rng, stop: stop)
        }
    }

    public func commitTrial() {}

    public func rollbackTrial() {
        graph.restoreSequences(from: trialCopy)
    }

    public func saveBest() {
        graph.copySequences(to: bestCopy)
        bestMakespan = graph.makespan
        hasBest = true
    }

    public func restoreBest() {
        if hasBest && bestMakespan < graph.makespan { graph.restoreSequences(from: bestCopy) }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
