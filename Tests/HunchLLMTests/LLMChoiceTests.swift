import HunchTestSupport
import XCTest
import HunchCore
@testable import HunchLLM

/// A weak model picks among named options; any failure gives the default option.
final class LLMChoiceTests: XCTestCase {
    private let choice = LLMChoice(context: "A routing instance with 100 cities.",
                                   options: [.init(name: "greedy", description: "adds short edges"),
                                             .init(name: "greedy-plus", description: "greedy, then more"),
                                             .init(name: "random", description: "any order")],
                                   defaultOption: "greedy")

    func testParsing() {
        XCTAssertEqual(choice.parse(#"{"choice": "random"}"#), "random")
        XCTAssertEqual(choice.parse(#"{"answer": "GREEDY"}"#), "greedy")
        XCTAssertEqual(choice.parse(#""random""#), "random")
        XCTAssertEqual(choice.parse("I would pick greedy-plus, since greedy alone is weak."), "greedy-plus")
        XCTAssertEqual(choice.parse("3"), "random")
        XCTAssertNil(choice.parse("none of them"))
        XCTAssertNil(choice.parse("7"))
    }

    func testSchemaListsTheNames() {
        XCTAssertEqual(choice.schema["properties"]?["choice"]?["enum"],
                       .array([.string("greedy"), .string("greedy-plus"), .string("random")]))
        XCTAssertTrue(choice.messages[1].content.contains("- random: any order"))
    }

    func testModelChoiceOverHTTP() throws {
        let server = try StubChatServer([.chat(#"{"choice": "random"}"#)])
        let (name, report) = try LLMPrior(client: ChatClient(configuration: testConfiguration(server))).choose(choice)
        XCTAssertEqual(name, "random")
        XCTAssertEqual(report.choice, "random")
        XCTAssertTrue(report.usedModel)
        XCTAssertEqual(report.mode, "choice")
        let sent = server.requests[0].json?["response_format"] as? [String: Any]
        XCTAssertNotNil(sent)
    }

    func testFailuresGiveTheDefault() throws {
        for action in [StubChatServer.Action.chat("no idea"), .reply(status: 500, body: "x"), .close] {
            let server = try StubChatServer([action])
            let (name, report) = try LLMPrior(client: ChatClient(configuration: testConfiguration(server, retries: 0))).choose(choice)
            XCTAssertEqual(name, "greedy")
            XCTAssertNotNil(report.warning)
        }
    }
}
