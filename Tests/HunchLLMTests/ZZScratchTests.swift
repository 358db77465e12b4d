import HunchTestSupport
import XCTest
@testable import HunchLLM

final class ZZScratchTests: XCTestCase {
    func testScratch() throws {
        let server = try StubChatServer([.endless(pause: 0)])
        let t0 = Date()
        var client: ChatClient? = ChatClient(configuration: testConfiguration(server, timeout: 20, total: 21, retries: 0))
        do { _ = try client!.complete(ChatRequest(messages: [.user("hi")])) } catch { print("SCR error", error, Date().timeIntervalSince(t0)) }
        for _ in 0..<5 { usleep(200_000); print("SCR streamed", server.bytesStreamed >> 20, "MiB at", Date().timeIntervalSince(t0), "rss", MemoryProbe.residentBytes() >> 20) }
        client = nil
        print("SCR deinit done", Date().timeIntervalSince(t0))
        for _ in 0..<3 { usleep(200_000); print("SCR streamed", server.bytesStreamed >> 20, "MiB at", Date().timeIntervalSince(t0)) }
    }
}
