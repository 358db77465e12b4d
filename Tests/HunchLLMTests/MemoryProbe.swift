import Foundation

/// The process's resident memory, sampled every few milliseconds while a body runs: the peak
/// growth over the start shows whether a reply was gathered whole. Linux only (`/proc`); elsewhere
/// it reports 0.
final class MemoryProbe: @unchecked Sendable {
    private let lock = NSLock()
    private var peak = 0
    private var running = true

    /// Resident bytes now (0 where `/proc/self/statm` does not exist).
    static func residentBytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    /// Runs `body` and returns its result with the peak resident growth in bytes during it.
    static func peakGrowth<T>(during body: () throws -> T) rethrows -> (T, Int) {
        let probe = MemoryProbe()
        let start = residentBytes()
        let done = DispatchSemaphore(value: 0)
        Thread {
            while probe.lock.withLock({ probe.running }) {
                let now = residentBytes()
                probe.lock.withLock { probe.peak = max(probe.peak, now) }
                usleep(2_000)
            }
            done.signal()
        }.start()
        defer {
            probe.lock.withLock { probe.running = false }
            done.wait()
        }
        let result = try body()
        let end = residentBytes()
        let peak = probe.lock.withLock { max(probe.peak, end) }
        return (result, max(0, peak - start))
    }
}
