#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Seconds on a monotonic clock. Injected into stopping rules so that tests never sleep.
public protocol SearchClock: Sendable {
    func now() -> Double
}

/// The process's monotonic clock (`CLOCK_MONOTONIC`): immune to wall-clock changes.
public struct MonotonicClock: SearchClock {
    public init() {}

    @inline(__always)
    public func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
    }
}

/// A clock that only moves when told to; for tests of time-based stopping.
public final class ManualClock: SearchClock, @unchecked Sendable {
    private var value: Double
    public init(start: Double = 0) { value = start }
    public func now() -> Double { value }
    public func advance(by seconds: Double) { value += seconds }
}
