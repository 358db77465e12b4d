#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// CPU seconds used by the calling thread (`CLOCK_THREAD_CPUTIME_ID`). A budget on this clock is
/// what an equal wall-time budget is on an idle machine, yet it is not skewed when other
/// processes share the cores — so policy comparisons during development stay fair on a busy host.
/// Only meaningful when the search runs on the thread that created its deadline.
public struct ThreadCPUClock: SearchClock {
    public init() {}

    @inline(__always)
    public func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
    }
}
