import Foundation
import XCTest

/// Bad input ends in one clear line on standard error and a non-zero exit — never a crash.
final class BadInputTests: XCTestCase {
    func assertFails(_ args: [String], mentions needles: [String], file: StaticString = #filePath, line: UInt = #line) throws {
        let result = try CLI.run(args)
        XCTAssertNotEqual(result.status, 0, "expected failure for \(args)", file: file, line: line)
        XCTAssertLessThan(result.status, 128, "crashed (signal) for \(args): \(result.stderr)", file: file, line: line)
        for needle in needles {
            XCTAssertTrue(result.stderr.contains(needle), "stderr lacks '\(needle)': \(result.stderr)", file: file, line: line)
        }
    }

    func testMissingFileDirectoryAndEmptyFile() throws {
        let dir = try CLI.temporaryDirectory()
        try assertFails(["solve", dir.appendingPathComponent("nope.tsp").path], mentions: ["nope.tsp"])
        try assertFails(["solve", dir.path], mentions: [dir.lastPathComponent])
        let empty = dir.appendingPathComponent("empty.tsp")
        try Data().write(to: empty)
        try assertFails(["solve", empty.path], mentions: ["empty.tsp"])
    }

    func testMalformedInstanceNamesFileAndLine() throws {
        let dir = try CLI.temporaryDirectory()
        let bad = dir.appendingPathComponent("bad.tsp")
        try "NAME: bad\nTYPE: TSP\nDIMENSION: 3\nEDGE_WEIGHT_TYPE: EUC_2D\nNODE_COORD_SECTION\n1 0 0\n2 1 x\n3 2 2\nEOF\n"
            .write(to: bad, atomically: true, encoding: .utf8)
        try assertFails(["solve", bad.path], mentions: ["bad.tsp:7"])
    }

    func testBadOptions() throws {
        let path = CLI.instance("eil51.tsp")
        try assertFails(["solve", path, "--policy", "clever"], mentions: ["clever"])
        try assertFails(["solve", path, "--prior", "psychic"], mentions: ["psychic"])
        try assertFails(["solve", path, "--time-limit", "-1"], mentions: ["time-limit"])
        try assertFails(["batch", path, "--shard", "3/2"], mentions: ["shard"])
    }

    func testInitialTourThatIsNotAPermutation() throws {
        let dir = try CLI.temporaryDirectory()
        let tour = dir.appendingPathComponent("bad.tour")
        try "TYPE: TOUR\nDIMENSION: 51\nTOUR_SECTION\n1\n2\n2\n-1\nEOF\n".write(to: tour, atomically: true, encoding: .utf8)
        try assertFails(["solve", CLI.instance("eil51.tsp"), "--initial", tour.path], mentions: ["bad.tour"])
    }
}
