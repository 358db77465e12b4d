import Foundation
import XCTest
import HunchTSP

final class GenerateCommandTests: XCTestCase {
    func testGeneratedInstancesReadBackAndAreSeeded() throws {
        let dir = try CLI.temporaryDirectory()
        for layout in ["uniform", "clustered"] {
            let a = dir.appendingPathComponent("\(layout)a.tsp").path, b = dir.appendingPathComponent("\(layout)b.tsp").path
            XCTAssertEqual(try CLI.run(["generate", "tsp", "--size", "300", "--seed", "9", "--layout", layout, "--out", a]).status, 0)
            XCTAssertEqual(try CLI.run(["generate", "tsp", "--size", "300", "--seed", "9", "--layout", layout, "--out", b]).status, 0)
            let instance = try TSPLIBReader.read(path: a)
            XCTAssertEqual(instance.dimension, 300)
            XCTAssertEqual(try String(contentsOfFile: a, encoding: .utf8), try String(contentsOfFile: b, encoding: .utf8))
        }
    }
}
