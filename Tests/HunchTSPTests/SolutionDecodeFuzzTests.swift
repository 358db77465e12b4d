import XCTest
import HunchCore
import HunchTestSupport
@testable import HunchTSP

/// Issue 18's fuzz suite for TSP's `--initial` JSON (the reader has `ReaderFuzzTests`): mangled
/// tours — ids at the limits of 64 bits, wrong types, deep nesting, broken text — decode to a
/// valid tour or a readable error, never a trap. The issue's reproducer (an id of 2⁶³ − 1) is
/// kept as `Fixtures/tsp_initial_huge.json`.
final class SolutionDecodeFuzzTests: XCTestCase {
    func testMangledToursDecodeOrGiveAReadableError() throws {
        let instance = try TSPLIBReader.read(path: TestData.bundledTSP + "/berlin52.tsp")
        let (solution, context) = try ProblemFuzz<TSPProblem>.use(instance)
        let directory = try TestData.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let summary = ProblemFuzz<TSPProblem>.decode(solution, instance, context,
                                                     iterations: ReaderFuzz.iterations(default: 400), seed: 0x750,
                                                     directory: directory)
        XCTAssertEqual(summary.failures, [], "\(summary)")
        XCTAssertGreaterThan(summary.refused, 100, "\(summary)")
    }

    func testTheIssuesHugeIdIsRefused() throws {
        let instance = try TSPLIBReader.read(path: TestData.bundledTSP + "/berlin52.tsp")
        let context = try TSPProblem.context(instance, options: FamilyOptions())
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/tsp_initial_huge.json").path
        XCTAssertThrowsError(try TSPProblem.readSolution(path: fixture, instance, context)) { error in
            XCTAssertTrue("\(error)".hasPrefix(fixture), "\(error)")
        }
        for id in [Int.min, Int.max, 0, 53] {
            XCTAssertThrowsError(try TSPProblem.decode(.object(["tour": .array([.int(id)] + (2...52).map { .int($0) })]), instance, context))
        }
    }
}
