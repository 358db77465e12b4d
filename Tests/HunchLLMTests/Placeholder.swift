import XCTest

final class HunchLLMTestsPlaceholder: XCTestCase {
    func testPlaceholderRemovedWhenRealTestsLand() {}
}
