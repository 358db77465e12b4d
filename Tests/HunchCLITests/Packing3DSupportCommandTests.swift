import Foundation
import XCTest
import HunchPacking3D

/// `--support none` (issue 17): solve says the mode in its JSON, check validates the plan
/// without the support rule only when told the same, and other families refuse the option.
final class Packing3DSupportCommandTests: XCTestCase {
    func testUnsupportedPlansAreSolvedAndCheckedInTheirMode() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = CLI.instance("BR1.txt", family: "packing3d") + "#1"
        let out = dir.appendingPathComponent("plan.json").path
        let solved = try CLI.run(["solve", file, "--support", "none", "--time-limit", "2", "--out", out, "--json"])
        XCTAssertEqual(solved.status, 0, solved.stderr)
        let json = try CLI.json(solved.stdout)
        let details = try XCTUnwrap(json["details"] as? [String: Any])
        XCTAssertEqual(details["support"] as? String, "none")
        XCTAssertEqual(details["full_support"] as? Bool, false)
        let checked = try CLI.run(["check", file, out, "--support", "none", "--json"])
        XCTAssertEqual(checked.status, 0, checked.stdout + checked.stderr)
        let text = try CLI.run(["check", file, out, "--support", "none"])
        XCTAssertTrue(text.stdout.contains("(volume %, recomputed)"), text.stdout)

        let full = try CLI.run(["solve", file, "--time-limit", "1", "--json"])
        XCTAssertEqual(full.status, 0, full.stderr)
        XCTAssertEqual((try CLI.json(full.stdout)["details"] as? [String: Any])?["support"] as? String, "full")

        XCTAssertNotEqual(try CLI.run(["solve", file, "--support", "some", "--max-steps", "1"]).status, 0)
        XCTAssertNotEqual(try CLI.run(["solve", CLI.instance("berlin52.tsp"), "--support", "none", "--max-steps", "1"]).status, 0)
    }
}
