import Foundation
import XCTest
@testable import HunchTSP

/// Property: parsing is linear and fast — a 10,000-node file well under 0.1 s in release.
///
/// The bound asserted here is loose (debug builds and a shared machine are several times
/// slower); it catches an accidental quadratic pass, not a few percent. Release timing, for the
/// record: `swift test -c release --filter ReaderPerformanceTests`.
final class ReaderPerformanceTests: XCTestCase {
    /// 10,000 nodes with TSPLIB-style decimal coordinates, like the larger national instances.
    private static func largeInstanceText(nodes: Int) -> String {
        var generator = SplitMix64(seed: 10_000)
        var text = "NAME : perf\nCOMMENT : generated\nTYPE : TSP\nDIMENSION : \(nodes)\nEDGE_WEIGHT_TYPE : EUC_2D\nNODE_COORD_SECTION\n"
        for id in 1...nodes {
            let x = Double(Int.random(in: 0...100_000_000, using: &generator)) / 1000
            let y = Double(Int.random(in: 0...100_000_000, using: &generator)) / 1000
            text += "\(id) \(x) \(y)\n"
        }
        return text + "EOF\n"
    }

    func testTenThousandNodesParseQuickly() throws {
        let text = Self.largeInstanceText(nodes: 10_000)
        var best = Double.infinity
        for _ in 0..<3 {
            let start = DispatchTime.now().uptimeNanoseconds
            let instance = try TSPLIBReader.parse(text)
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            best = min(best, seconds)
            XCTAssertEqual(instance.dimension, 10_000)
        }
        print("TSPLIBReader: 10,000 nodes parsed in \(String(format: "%.4f", best)) s (best of 3)")
        XCTAssertLessThan(best, 1.0)
    }

    /// The largest shared instance, read from disk (11,849 nodes, no matrix).
    func testLargestSharedInstanceReadsQuickly() throws {
        let path = TestData.sharedTSP + "/rl11849.tsp"
        guard FileManager.default.fileExists(atPath: path) else {
            throw XCTSkip("no \(path) on this machine")
        }
        let start = DispatchTime.now().uptimeNanoseconds
        let instance = try TSPLIBReader.read(path: path)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        XCTAssertEqual(instance.dimension, 11_849)
        print("TSPLIBReader: rl11849.tsp read in \(String(format: "%.4f", seconds)) s")
        XCTAssertLessThan(seconds, 1.0)
    }
}
