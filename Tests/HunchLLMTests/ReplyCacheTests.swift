import XCTest
import HunchCore
@testable import HunchLLM

/// Cache entries round-trip, keys separate models and prompts, and damage reads as a miss.
final class ReplyCacheTests: XCTestCase {
    private var directory = ""

    override func setUp() {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("hunch-llm-cache-\(UUID().uuidString)").path
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: directory)
    }

    private let request = ChatRequest(messages: [.system("s"), .user("order 1 2 3")], schema: .object(["type": .string("object")]),
                                      maxTokens: 10, temperature: 0)

    func testStoreThenLookup() throws {
        let cache = ReplyCache(directory: directory + "/nested")
        let key = ReplyCache.key(model: "m", request: request)
        XCTAssertNil(cache.lookup(key))
        let entry = ReplyCache.Entry(model: "m", content: #"{"order":[1,2,3]}"#, finishReason: "stop", created: 5)
        try cache.store(entry, forKey: key)
        XCTAssertEqual(cache.lookup(key), entry)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory + "/nested").filter { $0.contains("tmp") }
        XCTAssertEqual(leftovers, [], "atomic write leaves no temporary file")
    }

    func testKeysDependOnModelAndPrompt() {
        let k = ReplyCache.key(model: "m", request: request)
        XCTAssertEqual(k.count, 64)
        XCTAssertEqual(k, ReplyCache.key(model: "m", request: request))
        XCTAssertNotEqual(k, ReplyCache.key(model: "m2", request: request))
        XCTAssertNotEqual(ReplyCache.key(model: "local", request: request, server: "http://127.0.0.1:8811/v1/chat/completions"),
                          ReplyCache.key(model: "local", request: request, server: "http://127.0.0.1:8812/v1/chat/completions"),
                          "two servers that name their models alike must not share replies")
        var other = request
        other.messages[1].content = "order 1 3 2"
        XCTAssertNotEqual(k, ReplyCache.key(model: "m", request: other))
        other = request
        other.schema = nil
        XCTAssertNotEqual(k, ReplyCache.key(model: "m", request: other))
    }

    func testDamagedEntryIsAMiss() throws {
        let cache = ReplyCache(directory: directory)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try Data("{not json".utf8).write(to: URL(fileURLWithPath: cache.path(forKey: "abc")))
        XCTAssertNil(cache.lookup("abc"))
    }

    func testDefaultDirectory() {
        XCTAssertEqual(ReplyCache.defaultDirectory(environment: ["HUNCH_LLM_CACHE": "/x/y"]), "/x/y")
        XCTAssertEqual(ReplyCache.defaultDirectory(environment: ["XDG_CACHE_HOME": "/c"]), "/c/hunch/llm")
        XCTAssertEqual(ReplyCache.defaultDirectory(environment: ["HOME": "/home/u"]), "/home/u/.cache/hunch/llm")
    }
}
