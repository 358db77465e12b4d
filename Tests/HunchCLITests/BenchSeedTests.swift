import Foundation
import XCTest

/// `bench --first-seed`: a replication runs every policy on fresh search seeds.
final class BenchSeedTests: XCTestCase {
    func testFirstSeedShiftsTheSearchSeeds() throws {
        let dir = try CLI.temporaryDirectory()
        let csv = dir.appendingPathComponent("rows.csv").path
        let result = try CLI.run(["bench", CLI.instance("eil51.tsp", family: "tsp"), "--policies", "uniform,roulette",
                                  "--seeds", "2", "--first-seed", "7", "--time-limit", "0.2", "--priors", "none",
                                  "--bound-limit", "0", "--quiet", "--csv", csv,
                                  "--report", dir.appendingPathComponent("r.md").path,
                                  "--svg", dir.appendingPathComponent("r.svg").path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let rows = try String(contentsOfFile: csv, encoding: .utf8).split(whereSeparator: \.isNewline)
            .map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = try XCTUnwrap(rows.first)
        let kind = try XCTUnwrap(header.firstIndex(of: "kind")), seed = try XCTUnwrap(header.firstIndex(of: "seed"))
        let seeds = rows.dropFirst().filter { $0[kind] == "search" }.map { $0[seed] }
        XCTAssertEqual(seeds.sorted(), ["7", "7", "8", "8"])
    }

    func testNegativeFirstSeedIsRefused() throws {
        let result = try CLI.run(["bench", CLI.instance("eil51.tsp", family: "tsp"), "--first-seed", "-1"])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.stderr.contains("--first-seed"), result.stderr)
    }
}
