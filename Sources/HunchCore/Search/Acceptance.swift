import Foundation

/// Which trial results the search keeps.
public enum Acceptance: Sendable, Equatable {
    /// Keep a trial when it is no worse than the current solution (classic iterated local search:
    /// sideways moves diversify for free). The current solution is then always the best one.
    case improvingOrEqual
    /// Keep a trial when it is within a relative threshold of the best solution
    /// (threshold accepting, Dueck & Scheuer 1990); the best solution is kept apart.
    case threshold(Double)
    /// Threshold accepting with a threshold that falls geometrically from `start` to `end` over
    /// the budget, as simulated annealing's temperature does in SISR (Christiaens & Vanden Berghe
    /// 2020): wide exploration first, a tight descent at the end.
    case annealing(start: Double, end: Double)

    /// Whether a trial that ended at `candidate` is kept, given the objective before it and the best.
    /// `budgetUsed` (0…1) sets the annealing threshold; the other rules ignore it.
    @inline(__always)
    public func accepts(candidate: Double, current: Double, best: Double, budgetUsed: Double = 0) -> Bool {
        switch self {
        case .improvingOrEqual:
            return candidate <= current
        case .threshold(let t):
            return candidate <= current || candidate <= best + abs(best) * t
        case .annealing(let start, let end):
            let t = start * pow(end / start, min(1, max(0, budgetUsed)))
            return candidate <= current || candidate <= best + abs(best) * t
        }
    }

    /// True when a kept trial may be worse than the best, so the best must be saved apart.
    public var mayLeaveBest: Bool {
        if case .improvingOrEqual = self { return false }
        return true
    }

    /// Parses `better`, `threshold` or `threshold:0.01`.
    public init?(name: String) {
        if name == "better" || name == "improving" { self = .improvingOrEqual; return }
        if name == "threshold" { self = .threshold(0.002); return }
        if name.hasPrefix("threshold:"), let v = Double(name.dropFirst("threshold:".count)), v >= 0 {
            self = .threshold(v); return
        }
        if name.hasPrefix("anneal:") {
            let parts = name.dropFirst("anneal:".count).split(separator: ":").compactMap { Double($0) }
            if parts.count == 2, parts[0] > 0, parts[1] > 0, parts[1] <= parts[0] {
                self = .annealing(start: parts[0], end: parts[1]); return
            }
        }
        return nil
    }

    public var name: String {
        switch self {
        case .improvingOrEqual: return "better"
        case .threshold(let t): return "threshold:\(t)"
        case .annealing(let start, let end): return "anneal:\(start):\(end)"
        }
    }
}
