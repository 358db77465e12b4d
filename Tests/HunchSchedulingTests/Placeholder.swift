import XCTest

final class HunchSchedulingTestsPlaceholder: XCTestCase {
    func testPlaceholderRemovedWhenRealTestsLand() {}
}
