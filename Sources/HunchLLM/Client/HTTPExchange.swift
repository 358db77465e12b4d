import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One HTTP request in flight, as the session delegate sees it: the body is collected up to a
/// byte cap, and the caller waiting in `wait(until:)` is woken the moment the outcome is known
/// (complete, failed, too large, redirect refused), never later. Whatever arrives after that is
/// dropped, so an endless body costs at most `cap` bytes and no waiting.
final class HTTPExchange: @unchecked Sendable {
    enum Outcome {
        case reply(status: Int, body: Data)
        case failure(Error)
    }

    /// The most body bytes kept.
    let cap: Int
    /// Where the request was sent; redirects may stay here and nowhere else.
    let origin: RedirectPolicy.Origin?

    private let lock = NSLock()
    private let done = DispatchSemaphore(value: 0)
    private var body = Data()
    private var outcome: Outcome?
    private var redirectsFollowed = 0
    private var lastRedirectAnswer: Double?

    init(cap: Int, origin: RedirectPolicy.Origin?) {
        self.cap = cap
        self.origin = origin
    }

    /// True when the task should be cancelled: its declared length is over the cap (the
    /// exchange then fails at once, before a byte of body).
    func receive(response: URLResponse) -> Bool {
        guard response.expectedContentLength > Int64(cap) else { return false }
        return finish(.failure(LLMError.replyTooLarge(limit: cap)))
    }

    /// Appends a piece of body. True when the task should be cancelled: this piece passed the
    /// cap (the exchange then fails at once). Pieces after the outcome are dropped.
    func receive(data: Data) -> Bool {
        let overCap = lock.withLock { () -> Bool in
            guard outcome == nil else { return false }
            guard body.count + data.count <= cap else { return true }
            body.append(data)
            return false
        }
        return overCap && finish(.failure(LLMError.replyTooLarge(limit: cap)))
    }

    /// The transfer ended: the reply is what was collected, unless an error ended it.
    func complete(response: URLResponse?, error: Error?) {
        if let error {
            finish(.failure(error))
            return
        }
        guard let http = response as? HTTPURLResponse else {
            finish(.failure(LLMError.badResponse("no HTTP response")))
            return
        }
        let data = lock.withLock { body }
        finish(.reply(status: http.statusCode, body: data))
    }

    /// Decides a redirect: the new request, or nil (the exchange then fails with the reason).
    func redirect(status: Int, to request: URLRequest) -> URLRequest? {
        let followed = lock.withLock { redirectsFollowed }
        let refusal: String?
        if let origin {
            refusal = RedirectPolicy.refusal(status: status, from: origin, to: request.url, followed: followed)
        } else {
            refusal = "HTTP \(status) redirect from a request without an http(s) origin"
        }
        lock.withLock { lastRedirectAnswer = ChatClient.now() }
        if let refusal {
            finish(.failure(LLMError.redirectRefused(refusal)))
            return nil
        }
        lock.withLock {
            redirectsFollowed += 1
            body = Data()
        }
        return request
    }

    /// Seconds since this exchange last answered a redirect (nil: never). URLSession on Linux
    /// traps if a task is cancelled between a redirect answer and its processing, so a cancel
    /// right after one is put off a little.
    var secondsSinceRedirectAnswer: Double? {
        lock.withLock { lastRedirectAnswer.map { ChatClient.now() - $0 } }
    }

    /// True once the outcome is known.
    var isFinished: Bool { lock.withLock { outcome != nil } }

    /// The first outcome wins; later ones are ignored. True when this one was the first.
    @discardableResult
    func finish(_ result: Outcome) -> Bool {
        let first = lock.withLock { () -> Bool in
            guard outcome == nil else { return false }
            outcome = result
            body = Data()
            return true
        }
        if first { done.signal() }
        return first
    }

    /// The outcome, or nil when `deadline` (monotonic seconds) passed first.
    func wait(until deadline: Double) -> Outcome? {
        let left = max(0, deadline - ChatClient.now())
        guard done.wait(timeout: .now() + left) == .success else { return nil }
        return lock.withLock { outcome }
    }
}
