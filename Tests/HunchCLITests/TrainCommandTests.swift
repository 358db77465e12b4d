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

    /// `--method pgpe`: a short real run writes linear weights that `solve` uses; the same seed
    /// gives the same weights at any --jobs; the MLP is refused with a clear error.
    func testParameterExploringTrainingForTSP() throws {
        let dir = try CLI.temporaryDirectory()
        func train(jobs: String, out: String) throws -> [String: Any] {
            let curve = dir.appendingPathComponent("curve-\(jobs).csv").path
            let run = try CLI.run(["train", "tsp", "--method", "pgpe", "--architecture", "linear", "--episodes", "8",
                                   "--batch-size", "4", "--min-size", "30", "--max-size", "60", "--work-per-episode", "20000",
                                   "--jobs", jobs, "--seed", "4", "--out", out, "--curve", curve])
            XCTAssertEqual(run.status, 0, run.stderr)
            XCTAssertEqual(try String(contentsOfFile: curve, encoding: .utf8).split(whereSeparator: \.isNewline).count, 3,
                           "a header and one line per update (8 episodes = 2 updates of 2 pairs)")
            return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out))) as? [String: Any])
        }
        let one = dir.appendingPathComponent("one.json").path, two = dir.appendingPathComponent("two.json").path
        let a = try train(jobs: "1", out: one), b = try train(jobs: "2", out: two)
        XCTAssertEqual(a["architecture"] as? String, "linear")
        XCTAssertEqual((a["training"] as? [String: String])?["method"], "pgpe")
        XCTAssertEqual(a["parameters"] as? [Double], b["parameters"] as? [Double])
        let solve = try CLI.run(["solve", CLI.instance("berlin52.tsp", family: "tsp"), "--policy", one, "--max-steps", "5", "--json"])
        XCTAssertEqual(solve.status, 0, solve.stderr)
        XCTAssertEqual(try CLI.json(solve.stdout)["policy"] as? String, "learned:one.json")

        let mlp = try CLI.run(["train", "tsp", "--method", "pgpe", "--episodes", "2", "--out", one])
        XCTAssertNotEqual(mlp.status, 0)
        XCTAssertTrue(mlp.stderr.contains("--architecture linear"), mlp.stderr)
    }
}
