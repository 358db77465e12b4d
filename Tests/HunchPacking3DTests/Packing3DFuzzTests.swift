import XCTest
import HunchCore
import HunchTestSupport
@testable import HunchPacking3D

/// Issue 18's fuzz suite for 3D placements: mangled thpack files (quantities up to a million,
/// huge sides, CRLF, BOM, control bytes, megabyte lines, noise) are read, and what is accepted is
/// used (prior, bound, JSON round trip); mangled plans are decoded as `--initial` reads them.
/// Every outcome is a result or a readable `file:line:` error, in CPU time proportional to the
/// input, never a trap. `HUNCH_FUZZ_ITERATIONS=N` runs N mutations per source.
final class Packing3DFuzzTests: XCTestCase {
    private func sources() throws -> [(name: String, bytes: [UInt8])] {
        let br = try TestData.br("BR1.txt", 1), br7 = try TestData.br("BR7.txt", 2)
        return [("br1.txt", Array(ThpackWriter.write([br]).utf8)), ("br7.txt", Array(ThpackWriter.write([br7]).utf8))]
            + (try ["p3d_slow_tinybox_q1e5.txt", "esc_p3d.txt"].map { ($0, Array(try Data(contentsOf: Fixture.url($0)))) })
    }

    func testMangledFilesGiveAnInstanceOrAReadableError() throws {
        let summary = ReaderFuzz.run(sources: try sources(), iterations: ReaderFuzz.iterations(default: 100), seed: 0x3D00,
                                     file: nil) { bytes, name in
            let instances = try ThpackReader.parse(bytes: bytes, path: name)
            for instance in instances.prefix(2) { try ProblemFuzz<Packing3DProblem>.use(instance, seconds: 0.3) }
            return instances.prefix(2).reduce(0) { $0 + $1.boxTypes.count }
        }
        XCTAssertEqual(summary.failures, [], "\(summary)")
        XCTAssertGreaterThan(summary.accepted, 20, "\(summary)")
        XCTAssertGreaterThan(summary.refused, 100, "\(summary)")
    }

    func testReaderErrorsNameTheFile() throws {
        let summary = ReaderFuzz.run(sources: try sources(), iterations: ReaderFuzz.iterations(default: 60), seed: 0x3D01,
                                     file: "x.txt") { bytes, _ in
            try ThpackReader.parse(bytes: bytes, path: "x.txt").count
        }
        XCTAssertEqual(summary.failures, [], "\(summary)")
    }

    func testMangledPlansDecodeOrGiveAReadableError() throws {
        let instance = try TestData.br("BR1.txt", 1)
        let summary = try ProblemFuzz<Packing3DProblem>.decodeMangledSolutions(of: instance, iterations: ReaderFuzz.iterations(default: 400), seed: 0x3D02)
        XCTAssertEqual(summary.failures, [], "\(summary)")
        XCTAssertGreaterThan(summary.refused, 100, "\(summary)")
    }
}

/// The reproducers of issue 18 kept as files (Tests/HunchPacking3DTests/Fixtures).
enum Fixture {
    static func url(_ name: String) -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)")
    }
    static func path(_ name: String) -> String { url(name).path }
}
