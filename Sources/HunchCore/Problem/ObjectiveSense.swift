/// Whether a family's natural objective is minimised (length, makespan, bins) or maximised
/// (packed volume). Gaps are signed so that positive is always worse.
public enum ObjectiveSense: String, Sendable {
    case minimise, maximise

    /// True when `a` is strictly better than `b`.
    public func isBetter(_ a: Double, than b: Double) -> Bool { self == .minimise ? a < b : a > b }

    /// Relative gap of `objective` to `reference`, positive when the objective is worse; nil when
    /// either is missing or the reference is 0.
    public func gap(objective: Double?, reference: Double?) -> Double? {
        guard let objective, let reference, reference != 0 else { return nil }
        return self == .minimise ? (objective - reference) / abs(reference) : (reference - objective) / abs(reference)
    }

    /// True when `objective` reaches `bound` (a lower bound when minimising, upper when maximising),
    /// which proves it optimal.
    public func meets(_ objective: Double, bound: Double) -> Bool {
        self == .minimise ? objective <= bound + 1e-9 : objective >= bound - 1e-9
    }
}
