import HunchTestSupport
import Foundation
import XCTest
import HunchCore
@testable import HunchLLM

/// Short limits so that no failure mode can keep a test waiting: every case ends in seconds.
func testConfiguration(_ server: StubChatServer, timeout: Double = 2, total: Double = 6, retries: Int = 2,
                       format: ResponseFormatMode = .auto) -> LLMConfiguration {
    var c = LLMConfiguration(baseURL: URL(string: server.baseURL)!, model: "test-model", apiKey: testAPIKey)
    c.connectTimeout = 1
    c.requestTimeout = timeout
    c.totalTimeout = total
    c.maxRetries = retries
    c.backoffInitial = 0.01
    c.backoffMaximum = 0.05
    c.responseFormat = format
    return c
}

let testAPIKey = "sk-test-secret-4242"

/// A port nothing listens on (a stub server's, after it stopped).
func deadPort() throws -> Int {
    let server = try StubChatServer([.close])
    let port = server.port
    server.stop()
    return port
}

/// Seconds taken by `body`.
func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = Date()
    try body()
    return Date().timeIntervalSince(start)
}
