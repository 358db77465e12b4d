import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest
import HunchCore
@testable import HunchJobShop

/// The chart is well-formed XML with one rectangle per operation and the makespan in its title.
final class GanttSVGTests: XCTestCase {
    func testWellFormedWithOneRectPerOperation() throws {
        let instance = try Bundled.load("ft06")
        var rng = SeededGenerator(seed: 1)
        let schedule = JobShopPrior.mwkr.construct(instance, rng: &rng)
        let svg = GanttSVG.render(instance, schedule: schedule, title: "ft06 <mwkr> & co", reference: 55)
        let parser = XMLParser(data: Data(svg.utf8))
        let collector = RectCollector()
        parser.delegate = collector
        XCTAssertTrue(parser.parse(), "not well-formed XML: \(String(describing: parser.parserError))")
        XCTAssertEqual(collector.root, "svg")
        XCTAssertEqual(collector.widths.count, 36)
        XCTAssertEqual(svg.components(separatedBy: "<rect").count - 1, 36)
        let makespan = schedule.makespan(instance)
        XCTAssertTrue(svg.contains("makespan \(makespan)"))
        XCTAssertTrue(svg.contains(String(format: "gap %.2f%%", Double(makespan - 55) / 55 * 100)))
        XCTAssertTrue(svg.contains("&lt;mwkr&gt; &amp; co"))
        // Each rectangle's width is proportional to its operation's duration.
        let widths = collector.widths
        XCTAssertEqual(widths.reduce(0, +), Double(instance.totalWork) * 1000 / Double(makespan), accuracy: 36 * 0.05)
    }
}

/// Collects the widths of `<rect class="op">` elements while parsing.
private final class RectCollector: NSObject, XMLParserDelegate {
    var root: String?
    var widths: [Double] = []

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        if root == nil { root = elementName }
        if elementName == "rect", attributeDict["class"] == "op", let width = attributeDict["width"].flatMap(Double.init) {
            widths.append(width)
        }
    }
}
