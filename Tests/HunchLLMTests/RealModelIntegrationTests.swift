import XCTest
import HunchCore
@testable import HunchLLM

/// Against a real model (scripts/llm-server): runs only with HUNCH_LLM_TEST=1 and a server that
/// answers; otherwise it is skipped with the reason. Checks the plumbing, not the model's skill
/// (tiny models mostly count 1, 2, 3…).
final class RealModelIntegrationTests: XCTestCase {
    private func realPrior() throws -> LLMPrior {
        let environment = ProcessInfo.processInfo.environment
        guard environment["HUNCH_LLM_TEST"] == "1" else {
            throw XCTSkip("real-model test skipped: set HUNCH_LLM_TEST=1 and start scripts/llm-server (or point HUNCH_LLM_URL at a server)")
        }
        var configuration = try LLMConfiguration.fromEnvironment(environment)
        if environment[LLMConfiguration.Environment.timeout] == nil {
            configuration.requestTimeout = 180   // a shared CPU can make a tiny model very slow
            configuration.totalTimeout = 400
        }
        let client = ChatClient(configuration: configuration)
        guard client.isServerReady(timeout: 5) else {
            throw XCTSkip("real-model test skipped: HUNCH_LLM_TEST=1 but nothing answers at \(configuration.modelsURL.absoluteString); start scripts/llm-server")
        }
        return LLMPrior(client: client, cache: nil)
    }

    func testOrderFromARealModel() throws {
        let prior = try realPrior()
        let cities = [(0, 0), (10, 0), (10, 10), (0, 10), (5, 12), (12, 5), (-2, 5), (5, -2)]
        let lines = cities.enumerated().map { "\($0.offset + 1): \($0.element.0) \($0.element.1)" }.joined(separator: "\n")
        let n = cities.count
        let task = LLMPermutationTask(
            mode: "order",
            messages: [.system("You reply with JSON only."),
                       .user("Find a short closed tour through these \(n) cities (id: x y):\n\(lines)\n"
                             + "Reply with JSON {\"order\": [ids]} listing every id from 1 to \(n) once.")],
            schema: .object(["type": .string("object"),
                             "properties": .object(["order": .object([
                                 "type": .string("array"),
                                 "items": .object(["type": .string("integer"), "enum": .array((1...n).map { .int($0) })]),
                                 "minItems": .int(n), "maxItems": .int(n)])]),
                             "required": .array([.string("order")])]),
            count: n, firstID: 1, maxTokens: 80)
        let (order, report) = try prior.permutation(for: task, fallbackName: "identity",
                                                    complete: { $0.kept + $0.missing }, fallback: { Array(0..<n) })
        print(report.summary, "| reply:", report.rawReply ?? "nil", "| \(String(format: "%.2f", report.latency)) s")
        XCTAssertEqual(order.sorted(), Array(0..<n))
        XCTAssertTrue(report.usedModel, report.summary)
    }

    func testChoiceFromARealModel() throws {
        let prior = try realPrior()
        let choice = LLMChoice(context: "A travelling salesman instance with 500 evenly spread cities.",
                               options: [.init(name: "greedy", description: "adds the shortest edges first; good"),
                                         .init(name: "random", description: "a random order; bad")],
                               defaultOption: "greedy")
        let (name, report) = try prior.choose(choice)
        print(report.summary, "| reply:", report.rawReply ?? "nil")
        XCTAssertTrue(["greedy", "random"].contains(name))
        XCTAssertTrue(report.usedModel, report.summary)
    }
}
