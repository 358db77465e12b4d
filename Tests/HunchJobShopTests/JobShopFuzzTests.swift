import XCTest
import HunchCore
import HunchTestSupport
@testable import HunchJobShop

/// Issue 18's fuzz suite for job shop: mangled OR-Library and Taillard files (CRLF, BOM, tabs,
/// huge and negative numbers, control bytes, megabyte lines, noise) are read, and what is
/// accepted is used; mangled schedules are decoded as `--initial` reads them. Every outcome is
/// a result or a readable `file:line:` error, in CPU time proportional to the input, never a
/// trap. `HUNCH_FUZZ_ITERATIONS=N` runs N mutations per source instead of the CI default.
final class JobShopFuzzTests: XCTestCase {
    private func sources() throws -> [(name: String, bytes: [UInt8])] {
        try ["ft06", "la01", "ta01-taillard"].map { ($0 + ".txt", Array(try Data(contentsOf: URL(fileURLWithPath: Bundled.path($0))))) }
            + ["jssp_ft06_crlf.txt", "jssp_tai_ft06_crlf.txt"].map { ($0, Array(try Data(contentsOf: Fixture.url($0)))) }
    }

    func testMangledFilesGiveAnInstanceOrAReadableError() throws {
        let summary = ReaderFuzz.run(sources: try sources(), iterations: ReaderFuzz.iterations(default: 120), seed: 0x15B0,
                                     file: nil) { bytes, name in
            let instance = try JobShopReader.parse(bytes: bytes, path: name)
            try ProblemFuzz<JobShopProblem>.use(instance)
            return instance.jobCount * instance.machineCount
        }
        XCTAssertEqual(summary.failures, [], "\(summary)")
        XCTAssertGreaterThan(summary.accepted, 20, "\(summary)")
        XCTAssertGreaterThan(summary.refused, 200, "\(summary)")
    }

    func testReaderErrorsNameTheFile() throws {
        let summary = ReaderFuzz.run(sources: try sources(), iterations: ReaderFuzz.iterations(default: 60), seed: 0x15B1,
                                     file: "x.txt") { bytes, _ in
            return try JobShopReader.parse(bytes: bytes, path: "x.txt").jobCount
        }
        XCTAssertEqual(summary.failures, [], "\(summary)")
    }

    func testMangledSchedulesDecodeOrGiveAReadableError() throws {
        let instance = try Bundled.load("ft06")
        let summary = try ProblemFuzz<JobShopProblem>.decodeMangledSolutions(of: instance, iterations: ReaderFuzz.iterations(default: 400), seed: 0x15B2)
        XCTAssertEqual(summary.failures, [], "\(summary)")
        XCTAssertGreaterThan(summary.refused, 100, "\(summary)")
    }
}

/// The reproducers of issue 18 kept as files (Tests/HunchJobShopTests/Fixtures).
enum Fixture {
    static func url(_ name: String) -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)")
    }
    static func path(_ name: String) -> String { url(name).path }
}
