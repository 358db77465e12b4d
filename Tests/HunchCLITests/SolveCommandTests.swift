import Foundation
import XCTest
import HunchTSP

/// `hunch solve` end to end: results are validated tours, outputs are written, seeds reproduce,
/// limits hold, Ctrl-C still returns the best tour.
final class SolveCommandTests: XCTestCase {
    func testJSONResultIsAValidTourWithKnownOptimumAndGap() throws {
        let path = CLI.instance("berlin52.tsp")
        let result = try CLI.run(["solve", path, "--max-steps", "3000", "--json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let json = try CLI.json(result.stdout)
        XCTAssertEqual(json["problem"] as? String, "tsp")
        XCTAssertEqual(json["known_optimum"] as? Double, 7542)
        let tour = try XCTUnwrap((json["solution"] as? [String: Any])?["tour"] as? [Int]).map { $0 - 1 }
        let instance = try TSPLIBReader.read(path: path)
        XCTAssertNoThrow(try TourValidation.check(tour: tour, dimension: 52))
        let objective = try XCTUnwrap(json["objective"] as? Double)
        XCTAssertEqual(objective, Double(instance.tourLength(tour)))
        XCTAssertGreaterThanOrEqual(objective, 7542)
        XCTAssertEqual(try XCTUnwrap(json["gap"] as? Double), (objective - 7542) / 7542, accuracy: 1e-12)
        for key in ["bound", "status", "time_s", "seed", "prior", "policy"] { XCTAssertNotNil(json[key], key) }
    }

    /// Every family's default policy is the roulette (TSP's learned one ties it since the
    /// restricted 5-opt search, so it is no longer the default); any policy can still be named.
    func testDefaultPolicyIsTheRouletteAndTheLearnedOneCanBeNamed() throws {
        let path = CLI.instance("ch150.tsp")
        let byDefault = try CLI.run(["solve", path, "--max-steps", "200", "--json", "--no-bound"])
        XCTAssertEqual(byDefault.status, 0, byDefault.stderr)
        XCTAssertEqual(try CLI.json(byDefault.stdout)["policy"] as? String, "roulette")
        let named = try CLI.run(["solve", path, "--max-steps", "200", "--json", "--no-bound", "--policy", "learned"])
        XCTAssertEqual(try CLI.json(named.stdout)["policy"] as? String, "learned")
        let small = try CLI.run(["solve", CLI.instance("berlin52.tsp"), "--max-steps", "200", "--json", "--no-bound"])
        XCTAssertEqual(try CLI.json(small.stdout)["policy"] as? String, "roulette")
        let namedSmall = try CLI.run(["solve", CLI.instance("berlin52.tsp"), "--max-steps", "200", "--json",
                                      "--no-bound", "--policy", "learned"])
        XCTAssertEqual(try CLI.json(namedSmall.stdout)["policy"] as? String, "learned")
        let jobShop = try CLI.run(["solve", CLI.instance("ft06.txt", family: "jssp"), "--max-steps", "5", "--json"])
        XCTAssertEqual(jobShop.status, 0, jobShop.stderr)
        XCTAssertEqual(try CLI.json(jobShop.stdout)["policy"] as? String, "roulette")
    }

    func testSameSeedAndStepLimitGiveTheSameTour() throws {
        let args = ["solve", CLI.instance("eil76.tsp"), "--max-steps", "800", "--seed", "5", "--json", "--policy", "roulette"]
        let a = try CLI.json(CLI.run(args).stdout), b = try CLI.json(CLI.run(args).stdout)
        XCTAssertEqual((a["solution"] as? [String: Any])?["tour"] as? [Int], (b["solution"] as? [String: Any])?["tour"] as? [Int])
    }

    func testWritesTourAndSVGThatReadBack() throws {
        let dir = try CLI.temporaryDirectory()
        let tourPath = dir.appendingPathComponent("st70.tour").path, svgPath = dir.appendingPathComponent("st70.svg").path
        let path = CLI.instance("st70.tsp")
        let result = try CLI.run(["solve", path, "--max-steps", "500", "--out", tourPath, "--svg", svgPath, "--json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let instance = try TSPLIBReader.read(path: path)
        let tour = try TourFile.read(path: tourPath, dimension: instance.dimension)
        XCTAssertEqual(Double(instance.tourLength(tour)), try CLI.json(result.stdout)["objective"] as? Double)
        let svg = try String(contentsOfFile: svgPath, encoding: .utf8)
        XCTAssertTrue(svg.hasPrefix("<svg"))
        XCTAssertEqual(svg.components(separatedBy: "<circle").count - 1, 70)
    }

    func testInitialTourIsNeverMadeWorse() throws {
        let dir = try CLI.temporaryDirectory()
        let path = CLI.instance("kroA100.tsp")
        let instance = try TSPLIBReader.read(path: path)
        let start = Array(0..<100)   // the identity tour: poor
        let startPath = dir.appendingPathComponent("start.tour").path
        try TourFile.write(tour: start, name: "start", comment: "", to: startPath)
        let result = try CLI.run(["solve", path, "--initial", startPath, "--max-steps", "50", "--json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let json = try CLI.json(result.stdout)
        XCTAssertEqual(json["prior"] as? String, "initial")
        XCTAssertEqual(json["initial_objective"] as? Double, Double(instance.tourLength(start)))
        XCTAssertLessThanOrEqual(try XCTUnwrap(json["objective"] as? Double), Double(instance.tourLength(start)))
    }

    func testTimeLimitBoundsTheWholeCommand() throws {
        let dir = try CLI.temporaryDirectory()
        let file = dir.appendingPathComponent("u5000.tsp").path
        XCTAssertEqual(try CLI.run(["generate", "tsp", "--size", "5000", "--seed", "3", "--out", file]).status, 0)
        let result = try CLI.run(["solve", file, "--time-limit", "0.5", "--json", "--svg", dir.appendingPathComponent("u.svg").path])
        XCTAssertEqual(result.status, 0, result.stderr)
        // The limit covers reading, search and writing; process start-up adds a little.
        XCTAssertLessThan(result.seconds, 0.5 + 0.4, "a 0.5 s limit took \(result.seconds) s")
        XCTAssertEqual(try CLI.json(result.stdout)["stop_reason"] as? String, "time_limit")
    }

    func testInterruptStillWritesTheBestTour() throws {
        let dir = try CLI.temporaryDirectory()
        let file = dir.appendingPathComponent("u3000.tsp").path
        XCTAssertEqual(try CLI.run(["generate", "tsp", "--size", "3000", "--seed", "4", "--out", file]).status, 0)
        let tourPath = dir.appendingPathComponent("best.tour").path
        // --no-bound: the signal must land in the search (HeldKarpBoundTests cover the ascent's own stop).
        let result = try CLI.run(["solve", file, "--time-limit", "60", "--no-bound", "--json", "--out", tourPath], signalAfter: 1.0)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertLessThan(result.seconds, 10)
        let json = try CLI.json(result.stdout)
        XCTAssertEqual(json["stop_reason"] as? String, "interrupted")
        let instance = try TSPLIBReader.read(path: file)
        let tour = try TourFile.read(path: tourPath, dimension: 3000)
        XCTAssertEqual(Double(instance.tourLength(tour)), json["objective"] as? Double)
    }

    func testEveryPriorRunsByName() throws {
        for prior in TSPPrior.allCases {
            let result = try CLI.run(["solve", CLI.instance("eil51.tsp"), "--prior", prior.rawValue, "--max-steps", "10", "--json"])
            XCTAssertEqual(result.status, 0, "\(prior): \(result.stderr)")
            XCTAssertEqual(try CLI.json(result.stdout)["prior"] as? String, prior.rawValue)
        }
    }
}
