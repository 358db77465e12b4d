import Foundation

/// The URLSession delegate queue, with back-pressure and a thread of its own.
///
/// URLSession on Linux hands each piece of a body to the delegate queue as an operation and
/// never waits: when a server sends faster than the operations run, the pieces pile up in memory
/// (10 GB in 45 s on loopback), long after the client has decided to stop. Here `addOperation`
/// waits while `capacity` operations are pending, which holds back the thread that reads the
/// socket, and so the server. The operations run, in order, on a dedicated thread rather than
/// on Dispatch's small pool: the reader blocked here holds a pool thread, and a consumer that
/// needed one could starve (it did, for seconds).
///
/// Back-pressure applies only while `throttle()` says an exchange is still collecting a body.
/// Once none is, pieces are dropped as fast as they come, and the reader must not be held: a
/// reader held in URLSession's work queue keeps it from ever getting to the cancel.
///
/// URLSession only ever calls `addOperation(_:)` with a block on its delegate queue; the rest of
/// `OperationQueue` is not used. A wait is never long (`maxWait`), and an operation added from
/// the queue's own thread never waits, so back-pressure cannot turn into a deadlock.
final class DelegateEventQueue: OperationQueue, @unchecked Sendable {
    private let condition = NSCondition()
    private var pending: [@Sendable () -> Void] = []
    private var head = 0
    private var worker: Thread?
    private let capacity: Int
    private let maxWait: Double
    /// An idle worker thread ends after this many seconds; the next operation starts another.
    private let idleExit: Double
    private let throttle: @Sendable () -> Bool

    init(capacity: Int = 256, maxWait: Double = 0.05, idleExit: Double = 2,
         throttle: @escaping @Sendable () -> Bool = { true }) {
        self.throttle = throttle
        self.capacity = capacity
        self.maxWait = maxWait
        self.idleExit = idleExit
        super.init()
        maxConcurrentOperationCount = 1
    }

    override func addOperation(_ block: @escaping @Sendable () -> Void) {
        condition.lock()
        defer { condition.unlock() }
        if Thread.current !== worker, pending.count - head >= capacity, throttle() {
            let deadline = Date(timeIntervalSinceNow: maxWait)
            while pending.count - head >= capacity, condition.wait(until: deadline) {}
        }
        pending.append(block)
        condition.broadcast()
        if worker == nil {
            let thread = Thread { self.drain() }   // alive until it has drained
            thread.name = "hunch.llm.delegate"
            worker = thread
            thread.start()
        }
    }

    /// Runs operations in order until idle for `idleExit` seconds.
    private func drain() {
        while true {
            condition.lock()
            while head == pending.count {
                if !condition.wait(until: Date(timeIntervalSinceNow: idleExit)), head == pending.count {
                    worker = nil
                    pending.removeAll()
                    head = 0
                    condition.unlock()
                    return
                }
            }
            let block = pending[head]
            head += 1
            if head > 1024, head * 2 > pending.count {   // drop what ran, now and then
                pending.removeFirst(head)
                head = 0
            }
            condition.broadcast()
            condition.unlock()
            block()
        }
    }
}
