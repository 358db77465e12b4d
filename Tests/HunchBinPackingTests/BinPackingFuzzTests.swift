import XCTest
import HunchCore
import HunchTestSupport
@testable import HunchBinPacking

/// Issue 18's fuzz suite for bin packing: mangled BPPLIB, cutting-stock and OR-Library files are
/// read, and what is accepted is used (prior, bound, JSON round trip); mangled packings are
/// decoded as `--initial` reads them. Every outcome is a result or a readable `file:line:`
/// error, in CPU time proportional to the input, never a trap. `HUNCH_FUZZ_ITERATIONS=N` runs N
/// mutations per source instead of the CI default.
final class BinPackingFuzzTests: XCTestCase {
    static let cuttingStock = "4\n100\n60 3\n45 2\n30 5\n25 1\n"
    static let orLibrary = "2\n u4_00\n 150 4 2\n 80\n 70\n 60\n 50\n u3_01\n 100 3 2\n 60\n 50\n 40\n"

    private func sources() throws -> [(name: String, bytes: [UInt8])] {
        try ["bpp/falkenauer/Falkenauer_t60_00.txt", "bpp/scholl/N1C1W1_A.txt", "bpp/scholl/HARD0.txt"].map {
            (($0 as NSString).lastPathComponent, Array(try Data(contentsOf: URL(fileURLWithPath: BundledBPP.path($0)))))
        } + [("stock.txt", Array(Self.cuttingStock.utf8)), ("orlib.txt", Array(Self.orLibrary.utf8)),
             ("esc_bpp.txt", Array(try Data(contentsOf: Fixture.url("esc_bpp.txt"))))]
    }

    func testMangledFilesGiveAnInstanceOrAReadableError() throws {
        let summary = ReaderFuzz.run(sources: try sources(), iterations: ReaderFuzz.iterations(default: 100), seed: 0xB1B0,
                                     file: nil) { bytes, name in
            let instance = try BinPackingReader.parse(bytes: bytes, path: name)
            try ProblemFuzz<BinPackingProblem>.use(instance)
            return instance.weights.count
        }
        XCTAssertEqual(summary.failures, [], "\(summary)")
        XCTAssertGreaterThan(summary.accepted, 20, "\(summary)")
        XCTAssertGreaterThan(summary.refused, 100, "\(summary)")
    }

    func testReaderErrorsNameTheFile() throws {
        let summary = ReaderFuzz.run(sources: try sources(), iterations: ReaderFuzz.iterations(default: 60), seed: 0xB1B1,
                                     file: "x.txt") { bytes, _ in
            _ = try BinPackingReader.parse(bytes: bytes, path: "x.txt")
            return try BinPackingReader.parseAll(String(decoding: bytes, as: UTF8.self), path: "x.txt").reduce(0) { $0 + $1.weights.count }
        }
        XCTAssertEqual(summary.failures, [], "\(summary)")
    }

    func testMangledPackingsDecodeOrGiveAReadableError() throws {
        let instance = try BinPackingReader.read(path: BundledBPP.path("bpp/falkenauer/Falkenauer_t60_00.txt"))
        let summary = try ProblemFuzz<BinPackingProblem>.decodeMangledSolutions(of: instance, iterations: ReaderFuzz.iterations(default: 400), seed: 0xB1B2)
        XCTAssertEqual(summary.failures, [], "\(summary)")
        XCTAssertGreaterThan(summary.refused, 100, "\(summary)")
    }
}

/// The reproducers of issue 18 kept as files (Tests/HunchBinPackingTests/Fixtures).
enum Fixture {
    static func url(_ name: String) -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)")
    }
    static func path(_ name: String) -> String { url(name).path }
}
