import XCTest

/// `hunch train` for every family: a short real training run whose weights `solve` then uses.
final class TrainCommandTests: XCTestCase {
    private func trainAndUse(_ family: String, sizes: [String], instance: String) throws {
        let dir = try CLI.temporaryDirectory()
        let weights = dir.appendingPathComponent("\(family).json").path
        let curve = dir.appendingPathComponent("curve.csv").path
        let train = try CLI.run(["train", family, "--episodes", "4", "--batch-size", "2", "--instances-per-batch", "1",
                                 "--jobs", "2", "--seed", "3", "--out", weights, "--curve", curve] + sizes)
        XCTAssertEqual(train.status, 0, train.stderr)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: weights))) as? [String: Any])
        XCTAssertEqual(json["family"] as? String, family)
        XCTAssertEqual(try String(contentsOfFile: curve, encoding: .utf8).split(whereSeparator: \.isNewline).count, 3,
                       "a header and one line per update")
        let solve = try CLI.run(["solve", instance, "--policy", weights, "--max-steps", "5", "--json"])
        XCTAssertEqual(solve.status, 0, solve.stderr)
        XCTAssertTrue((try CLI.json(solve.stdout)["policy"] as? String)?.hasPrefix("learned") == true)
    }

    func testJobShopPolicyTrainsAndDrivesTheSearch() throws {
        try trainAndUse("jobshop", sizes: ["--min-size", "5", "--max-size", "8"], instance: CLI.instance("ft06.txt", family: "jssp"))
    }

    func testBinPackingPolicyTrainsAndDrivesTheSearch() throws {
        try trainAndUse("binpacking", sizes: ["--min-size", "30", "--max-size", "60"],
                        instance: CLI.instance("falkenauer/Falkenauer_t60_00.txt", family: "bpp"))
    }

    func testPacking3DPolicyTrainsAndDrivesTheSearch() throws {
        try trainAndUse("packing3d", sizes: ["--min-size", "3", "--max-size", "4", "--work-per-episode", "30"],
                        instance: CLI.instance("BR1.txt", family: "packing3d") + "#1")
    }

    func testWeightsOfAnotherFamilyAreRefused() throws {
        let dir = try CLI.temporaryDirectory()
        let weights = dir.appendingPathComponent("bpp.json").path
        XCTAssertEqual(try CLI.run(["train", "binpacking", "--episodes", "2", "--batch-size", "2", "--min-size", "20",
                                    "--max-size", "30", "--out", weights]).status, 0)
        let solve = try CLI.run(["solve", CLI.instance("ft06.txt", family: "jssp"), "--policy", weights, "--max-steps", "5"])
        XCTAssertNotEqual(solve.status, 0)
        XCTAssertTrue(solve.stderr.contains("binpacking"), solve.stderr)
    }
}
