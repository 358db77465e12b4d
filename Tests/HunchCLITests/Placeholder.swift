import XCTest

final class HunchCLITestsPlaceholder: XCTestCase {
    func testPlaceholderRemovedWhenRealTestsLand() {}
}
