import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Synchronization

/// The client's URLSession delegate: hands each task's events to its `HTTPExchange`. A delegate
/// (not a completion handler) is what lets the client see the body as it arrives, so that it can
/// stop at the size cap, and be asked before a redirect is followed; without one, URLSession
/// gathers the whole body in memory and follows any redirect with the request's headers.
final class ChatSessionDelegate: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private let exchanges = Mutex<[Int: HTTPExchange]>([:])
    /// Tasks that have answered a redirect: Foundation on Linux traps if such a task is
    /// cancelled ("Received callback for HTTP redirection, but we're not waiting for it"), so
    /// they are left to end on their own, within the session's resource timeout.
    private let redirected = Mutex<Set<Int>>([])

    func mayCancel(_ task: URLSessionTask) -> Bool {
        !redirected.withLock { $0.contains(task.taskIdentifier) }
    }

    /// Call before `task.resume()`, so that no event can miss its exchange.
    func register(_ exchange: HTTPExchange, for task: URLSessionTask) {
        exchanges.withLock { $0[task.taskIdentifier] = exchange }
    }

    func unregister(_ task: URLSessionTask) {
        _ = exchanges.withLock { $0.removeValue(forKey: task.taskIdentifier) }
    }

    /// True while some request is still waiting for its outcome (and so reading a body).
    var hasLiveExchanges: Bool {
        exchanges.withLock { $0.values.contains { !$0.isFinished } }
    }

    private func exchange(for task: URLSessionTask) -> HTTPExchange? {
        exchanges.withLock { $0[task.taskIdentifier] }
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping (URLSession.ResponseDisposition) -> Void) {
        if let exchange = exchange(for: dataTask), exchange.receive(response: response) {
            completionHandler(.cancel)
            ChatClient.cancel(dataTask, after: exchange)
        } else {
            completionHandler(.allow)
        }
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        // Never cancel here: `cancel()` waits for the work queue, which may be waiting for us.
        if let exchange = exchange(for: dataTask), exchange.receive(data: data) { ChatClient.cancel(dataTask, after: exchange) }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
        exchange(for: task)?.complete(response: task.response, error: error)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) {
        // No exchange (it gave up already): follow nothing.
        _ = redirected.withLock { $0.insert(task.taskIdentifier) }
        completionHandler(exchange(for: task)?.redirect(status: response.statusCode, to: request))
    }
}
