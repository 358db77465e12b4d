/// Watches a search without taking part in it: progress lines, traces, RL episode recording.
/// The search loop itself never prints.
public protocol SearchObserver: AnyObject {
    /// After every step. `features` is the vector the policy saw for this step.
    func searchDidStep(_ event: SearchStepEvent)
    /// When the best objective improves.
    func searchDidImprove(best: Double, step: Int, elapsed: Double)
    /// Once, after the search's last step (a progress line clears itself).
    func searchDidFinish()
}

extension SearchObserver {
    public func searchDidStep(_ event: SearchStepEvent) {}
    public func searchDidImprove(best: Double, step: Int, elapsed: Double) {}
    public func searchDidFinish() {}
}

/// One step as an observer sees it.
public struct SearchStepEvent {
    public var step: Int
    public var action: Int
    public var outcome: StepOutcome
    public var reward: Double
    public var work: Int
    public var current: Double
    public var best: Double
    public var elapsed: Double
    /// The features the policy chose from (valid only during the call).
    public var features: UnsafeBufferPointer<Double>
}
