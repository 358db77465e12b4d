import Foundation
import HunchCore

/// Switches of the CVRP local search. `standard` is what `hunch solve` uses; the environment
/// variables `HUNCH_CVRP_PENALTIES`, `HUNCH_CVRP_SWAPSTAR`, `HUNCH_CVRP_STRINGSWAPS` and
/// `HUNCH_CVRP_CROSSOVER` (`0` or `1`) override it, for paired benchmarks of one binary.
public struct CVRPSearchOptions: Sendable, Equatable {
    /// Capacity may be exceeded inside the descent at an adaptive price (HGS / PyVRP).
    public var penalties: Bool
    /// SWAP* between route pairs with overlapping polar sectors (Vidal 2022).
    public var swapStar: Bool
    /// Share of descents that should end feasible; the price adapts towards it.
    public var targetFeasible: Double
    /// The 2-1, 1-2 and 2-2 string swaps in the descent. Off: on A–P at 10 s they found no
    /// more optima and cost 30 % of the steps (docs/benchmarks.md).
    public var stringSwaps: Bool
    /// The crossover operator (SREX with an elite pool). Off: on A–P at 10 s it found fewer
    /// optima than the ruins alone (docs/benchmarks.md).
    public var crossover: Bool

    public init(penalties: Bool = true, swapStar: Bool = true, targetFeasible: Double = 0.7, stringSwaps: Bool = false,
                crossover: Bool = false) {
        self.crossover = crossover
        self.penalties = penalties
        self.swapStar = swapStar
        self.targetFeasible = targetFeasible
        self.stringSwaps = stringSwaps
    }

    public static let defaults = CVRPSearchOptions()

    /// The defaults with the environment's overrides.
    public static let standard: CVRPSearchOptions = {
        var options = CVRPSearchOptions.defaults
        let environment = ProcessInfo.processInfo.environment
        if let v = environment["HUNCH_CVRP_PENALTIES"] { options.penalties = v != "0" }
        if let v = environment["HUNCH_CVRP_SWAPSTAR"] { options.swapStar = v != "0" }
        if let v = environment["HUNCH_CVRP_STRINGSWAPS"] { options.stringSwaps = v != "0" }
        if let v = environment["HUNCH_CVRP_CROSSOVER"] { options.crossover = v != "0" }
        if let v = environment["HUNCH_CVRP_TARGET_FEASIBLE"], let t = Double(v), t > 0, t < 1 {
            options.targetFeasible = t
        }
        return options
    }()
}

extension CVRPSearchState {
    /// Fixed-point scale of move costs: distance deltas are multiplied by it, so that a price
    /// below 1 per unit of load stays exact enough without floating point in the hot loop.
    static let costScale = 1024
    static let penaltyBounds = (low: 0.1, high: 100_000.0)
    static let penaltyPeriod = 100

    func setUpPenalties() {
        // HGS's start: the longest distance per largest demand.
        var longest = 0
        for i in 0..<n { for j in 0..<n { longest = max(longest, d(i, j)) } }
        let heaviest = max(1, demand.max() ?? 1)
        penalty = min(1000, max(Self.penaltyBounds.low, Double(longest) / Double(heaviest)))
        // More than any distance gain (4 × longest × costScale) per unit of excess, and small
        // enough that excess × price never overflows.
        let totalDemand = max(1, demand.reduce(0, +) + capacity)
        hardUnit = min(Int.max / 4 / totalDemand, max(1, 8 * longest + 8) * Self.costScale)
        penaltyUnit = options.penalties ? unit(for: penalty) : hardUnit
    }

    @inline(__always) func unit(for price: Double) -> Int {
        min(hardUnit, max(1, Int(price * Double(Self.costScale))))
    }

    /// The price of a route carrying `l` (fixed point).
    @inline(__always) func charge(_ l: Int) -> Int { l > capacity ? (l &- capacity) &* penaltyUnit : 0 }

    /// After a trial's descent: counts whether it ended feasible, adapts the price, repairs an
    /// infeasible result with a 10× price and, if it stays infeasible, undoes the whole trial.
    func finishTrialDescent(stop: StopCondition) {
        guard options.penalties else { return }
        descents += 1
        if excessTotal == 0 { feasibleDescents += 1 }
        if descents == Self.penaltyPeriod {
            let share = Double(feasibleDescents) / Double(descents)
            if share < options.targetFeasible - 0.05 {
                penalty = min(Self.penaltyBounds.high, penalty * 1.2)
            } else if share > options.targetFeasible + 0.05 {
                penalty = max(Self.penaltyBounds.low, penalty * 0.85)
            }
            penaltyUnit = unit(for: penalty)
            descents = 0
            feasibleDescents = 0
        }
        if excessTotal > 0 { repair(stop: stop) }
        if excessTotal > 0 { rollbackTrial() }
    }

    /// A descent with ten times the price from the customers of the overloaded routes (HGS).
    /// If that leaves excess (typically the descent has emptied a route the fleet needs, and
    /// no granular move opens one), the customers with the largest detours leave each
    /// overloaded route until it fits, are reinserted where they cost least (a new route if
    /// need be), and a descent with capacity kept hard follows; so trials are rarely lost.
    func repair(stop: StopCondition) {
        let price = penaltyUnit
        penaltyUnit = min(hardUnit, price &* 10)
        for r in routes.indices where load[r] > capacity {
            for c in routes[r] { push(c) }
            markDirty(r)
        }
        localSearch(stop: stop)
        if excessTotal > 0 {
            penaltyUnit = hardUnit
            removed.removeAll(keepingCapacity: true)
            for r in routes.indices where load[r] > capacity {
                while load[r] > capacity, !routes[r].isEmpty {
                    var worst = routes[r][0], worstDetour = Int.min
                    for c in routes[r] {
                        let pc = before(c), nc = after(c)
                        let detour = d(pc, c) + d(c, nc) - d(pc, nc)
                        if detour > worstDetour { (worst, worstDetour) = (c, detour) }
                    }
                    touch(worst)
                    take(worst)
                }
            }
            var rng = SeededGenerator(seed: UInt64(trialStamp))
            for c in removed {
                isRemoved[c] = false
                insertCheapest(c, rng: &rng)
                touch(c)
            }
            removed.removeAll(keepingCapacity: true)
            localSearch(stop: stop)
        }
        penaltyUnit = price
    }
}
