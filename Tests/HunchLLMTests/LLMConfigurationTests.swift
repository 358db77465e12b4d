import XCTest
import HunchLLM

/// Flags win over the environment, which wins over defaults; bad values name their field; the
/// key never shows in any printed form.
final class LLMConfigurationTests: XCTestCase {
    func testDefaultsWithoutEnvironment() throws {
        let c = try LLMConfiguration.fromEnvironment([:])
        XCTAssertEqual(c.baseURL.absoluteString, "http://127.0.0.1:8811/v1")
        XCTAssertEqual(c.chatCompletionsURL.absoluteString, "http://127.0.0.1:8811/v1/chat/completions")
        XCTAssertEqual(c.modelsURL.absoluteString, "http://127.0.0.1:8811/v1/models")
        XCTAssertEqual(c.model, "local")
        XCTAssertNil(c.apiKey)
    }

    func testEnvironmentIsRead() throws {
        let env = ["HUNCH_LLM_URL": "https://example.org/api/v1/", "HUNCH_LLM_MODEL": "m1",
                   "HUNCH_LLM_API_KEY": "sk-env", "HUNCH_LLM_TIMEOUT": "7", "HUNCH_LLM_CONNECT_TIMEOUT": "1.5",
                   "HUNCH_LLM_RETRIES": "4"]
        let c = try LLMConfiguration.fromEnvironment(env)
        XCTAssertEqual(c.chatCompletionsURL.absoluteString, "https://example.org/api/v1/chat/completions")
        XCTAssertEqual(c.model, "m1")
        XCTAssertEqual(c.apiKey, "sk-env")
        XCTAssertEqual(c.requestTimeout, 7)
        XCTAssertEqual(c.connectTimeout, 1.5)
        XCTAssertEqual(c.maxRetries, 4)
        XCTAssertGreaterThanOrEqual(c.totalTimeout, 7 * 5, "the total covers every attempt")
    }

    func testFlagsOverrideEnvironment() throws {
        let env = ["HUNCH_LLM_URL": "http://a:1/v1", "HUNCH_LLM_MODEL": "env-model", "HUNCH_LLM_API_KEY": "sk-env"]
        let c = try LLMConfiguration.fromEnvironment(env, overrides: .init(url: "http://b:2/v1", model: "flag-model",
                                                                           apiKey: "sk-flag", maxRetries: 0))
        XCTAssertEqual(c.baseURL.absoluteString, "http://b:2/v1")
        XCTAssertEqual(c.model, "flag-model")
        XCTAssertEqual(c.apiKey, "sk-flag")
        XCTAssertEqual(c.maxRetries, 0)
    }

    func testFullEndpointIsAcceptedAsBase() throws {
        let c = try LLMConfiguration.fromEnvironment(["HUNCH_LLM_URL": "http://h:9/v1/chat/completions"])
        XCTAssertEqual(c.chatCompletionsURL.absoluteString, "http://h:9/v1/chat/completions")
        XCTAssertEqual(c.modelsURL.absoluteString, "http://h:9/v1/models")
    }

    func testBadValuesNameTheirField() {
        func field(_ env: [String: String], _ overrides: LLMConfiguration.Overrides = .init()) -> String? {
            do { _ = try LLMConfiguration.fromEnvironment(env, overrides: overrides); return nil } catch {
                guard case LLMError.invalidConfiguration(let field, _) = error else { return "other: \(error)" }
                return field
            }
        }
        XCTAssertEqual(field(["HUNCH_LLM_URL": "ftp://x"]), "baseURL")
        XCTAssertEqual(field(["HUNCH_LLM_URL": "not a url"]), "baseURL")
        XCTAssertEqual(field(["HUNCH_LLM_TIMEOUT": "soon"]), "requestTimeout")
        XCTAssertEqual(field(["HUNCH_LLM_RETRIES": "many"]), "maxRetries")
        XCTAssertEqual(field([:], .init(connectTimeout: 0)), "connectTimeout")
        XCTAssertEqual(field([:], .init(maxRetries: -1)), "maxRetries")
    }

    func testKeyIsNeverPrinted() throws {
        let secret = "sk-very-secret-123"
        let c = try LLMConfiguration.fromEnvironment(["HUNCH_LLM_API_KEY": secret])
        var dumped = ""
        dump(c, to: &dumped)
        for text in [c.description, c.debugDescription, "\(c)", String(reflecting: c), dumped] {
            XCTAssertFalse(text.contains(secret), text)
        }
        XCTAssertTrue(c.description.contains("redacted"))
    }

    func testBackoffGrowsAndIsCapped() {
        var c = LLMConfiguration()
        c.backoffInitial = 0.5
        c.backoffMaximum = 3
        XCTAssertEqual((1...5).map { c.backoff(beforeRetry: $0) }, [0.5, 1, 2, 3, 3])
    }
}
