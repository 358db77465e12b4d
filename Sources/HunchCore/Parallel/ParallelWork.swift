import Foundation
import Synchronization

/// Runs independent tasks on a few threads: the one worker pool behind training batches, policy
/// evaluations and `hunch bench`. Indices are handed out in order, each result lands in its own
/// slot, so the output never depends on thread timing. Threads get a 16 MB stack (deep search
/// states on large instances).
public enum ParallelWork {
    /// `body(i)` for i in 0..<count on at most `jobs` threads, in index order; a task not started
    /// because `shouldContinue()` turned false gives nil.
    public static func map<T: Sendable>(count: Int, jobs: Int,
                                        shouldContinue: @escaping @Sendable () -> Bool = { true },
                                        _ body: @escaping @Sendable (Int) -> T) -> [T?] {
        let results = Mutex<[Int: T]>([:])
        let next = Atomic<Int>(0)
        let group = DispatchGroup()
        for _ in 0..<max(1, min(jobs, count)) {
            group.enter()
            let thread = Thread {
                defer { group.leave() }
                while shouldContinue() {
                    let i = next.wrappingAdd(1, ordering: .relaxed).oldValue
                    if i >= count { break }
                    let value = body(i)
                    results.withLock { $0[i] = value }
                }
            }
            thread.stackSize = 16 << 20
            thread.start()
        }
        group.wait()
        return results.withLock { r in (0..<count).map { r[$0] } }
    }
}
