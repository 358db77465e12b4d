/// When a run first came within 1 % and 0.1 % of a known optimum, and reached it: the
/// time-to-target measure of benchmarking studies (Johnson & McGeoch 2002, Aiex, Resende &
/// Ribeiro 2007), so that a solver is compared over a whole run and not only at its end.
/// Times are wall seconds since the command started, as the record's `time_s`.
public final class TimeToTarget: SearchObserver {
    /// The levels, as shares above (minimising) or below (maximising) the known value.
    public static let levels: [(name: String, share: Double)] = [("1%", 0.01), ("0.1%", 0.001), ("optimum", 0)]

    private let thresholds: [Double]
    private let clock: any SearchClock
    private let commandStart: Double
    private let inner: SearchObserver?
    public private(set) var reachedAt: [Double?]

    /// `thresholds`: each level's objective in the search's units (nil: the level cannot be
    /// expressed there), met when the search's best is at or below it.
    public init(thresholds: [Double?], clock: any SearchClock, commandStart: Double, forwardingTo inner: SearchObserver?) {
        self.thresholds = thresholds.map { $0 ?? -.infinity }
        self.clock = clock
        self.commandStart = commandStart
        self.inner = inner
        reachedAt = Array(repeating: nil, count: thresholds.count)
    }

    public func searchDidStep(_ event: SearchStepEvent) { inner?.searchDidStep(event) }

    public func searchDidImprove(best: Double, step: Int, elapsed: Double) {
        for (i, threshold) in thresholds.enumerated() where reachedAt[i] == nil && best <= threshold + 1e-9 * abs(threshold) {
            reachedAt[i] = clock.now() - commandStart
        }
        inner?.searchDidImprove(best: best, step: step, elapsed: elapsed)
    }

    public func searchDidFinish() { inner?.searchDidFinish() }
}
