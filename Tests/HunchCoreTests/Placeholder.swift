import XCTest

final class HunchCoreTestsPlaceholder: XCTestCase {
    func testPlaceholderRemovedWhenRealTestsLand() {}
}
