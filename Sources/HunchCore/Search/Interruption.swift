import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A flag that asks running searches to stop and return their best solution.
///
/// Ctrl-C (SIGINT) and SIGTERM set the process-wide flag once `installSignalHandlers()` has run;
/// a second Ctrl-C exits at once, for the case where something does not respond.
public final class Interruption: Sendable {
    private let flag = Atomic<Bool>(false)
    /// A flag that also raises this one (Ctrl-C reaching a group of parallel runs).
    private let parent: Interruption?

    public init(parent: Interruption? = nil) { self.parent = parent }

    /// The process-wide flag that signal handlers set.
    public static let process = Interruption()

    @inline(__always)
    public var isRequested: Bool { flag.load(ordering: .relaxed) || parent?.isRequested == true }

    public func request() { flag.store(true, ordering: .relaxed) }
    public func reset() { flag.store(false, ordering: .relaxed) }

    /// Routes SIGINT and SIGTERM to `Interruption.process`.
    public static func installSignalHandlers() {
        signal(SIGINT, interruptionSignalHandler)
        signal(SIGTERM, interruptionSignalHandler)
    }
}

private func interruptionSignalHandler(_ signalNumber: Int32) {
    if Interruption.process.isRequested { _exit(130) }
    Interruption.process.request()
}
