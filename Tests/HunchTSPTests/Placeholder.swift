import XCTest

final class HunchTSPTestsPlaceholder: XCTestCase {
    func testPlaceholderRemovedWhenRealTestsLand() {}
}
