import HunchCore
import HunchTSPLIB

/// The k nearest neighbours of every node (defined in `HunchTSPLIB`, generic over the
/// distance; named here so users of `HunchTSP` need not import it).
public typealias CandidateLists = HunchTSPLIB.CandidateLists

extension CandidateLists {
    /// The `k` nearest neighbours of every node of `instance`, nearest first, ties by node id.
    public init(instance: TSPInstance, k: Int = 10) {
        self.init(distance: instance.metric, k: k)
    }

    /// The same, or nil when `stop` says stop before they are built.
    public init?(instance: TSPInstance, k: Int = 10, stop: StopCondition) {
        self.init(distance: instance.metric, k: k, shouldStop: { stop.timeIsUp() })
    }
}
