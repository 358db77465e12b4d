import XCTest
import HunchCore
import HunchTestSupport
@testable import HunchRouting

/// Issue 18's fuzz suite for vehicle routing: mangled CVRPLIB `.vrp` files are read
/// (`CVRPReader`, on the shared TSPLIB reader) and what is accepted is used; mangled `.sol` files
/// (`CVRPSolutionFile`) and JSON routes are read as `--initial` reads them. Every outcome is a
/// result or a readable `file:line:` error, in CPU time proportional to the input, never a trap.
/// `HUNCH_FUZZ_ITERATIONS=N` runs N mutations per source.
final class CVRPFuzzTests: XCTestCase {
    private func text(_ name: String, _ ext: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: Bundled.path(name, ext))))
    }

    func testMangledInstancesGiveAnInstanceOrAReadableError() throws {
        let sources = try Bundled.names.map { ($0 + ".vrp", try text($0, "vrp")) }
        let summary = ReaderFuzz.run(sources: sources, iterations: ReaderFuzz.iterations(default: 120), seed: 0xC0F0,
                                     file: nil) { bytes, name in
            let instance = try CVRPReader.parse(String(decoding: bytes, as: UTF8.self), file: name)
            try ProblemFuzz<CVRPProblem>.use(instance, seconds: 0.2)
            return instance.dimension
        }
        XCTAssertEqual(summary.failures, [], "\(summary)")
        XCTAssertGreaterThan(summary.accepted, 20, "\(summary)")
        XCTAssertGreaterThan(summary.refused, 100, "\(summary)")
    }

    func testMangledSolutionFilesGiveRoutesOrAReadableError() throws {
        var sources: [(name: String, bytes: [UInt8])] = []
        var instances: [String: CVRPInstance] = [:]
        for name in Bundled.names {
            sources.append((name, try text(name, "sol")))
            instances[name] = try CVRPReader.read(path: Bundled.path(name))
        }
        let summary = ReaderFuzz.run(sources: sources, iterations: ReaderFuzz.iterations(default: 150), seed: 0xC0F1,
                                     file: "x.sol") { bytes, name in
            let (solution, _) = try CVRPSolutionFile.parse(String(decoding: bytes, as: UTF8.self), file: "x.sol",
                                                           instance: instances[name]!)
            return solution.routes.reduce(0) { $0 + $1.count }
        }
        XCTAssertEqual(summary.failures, [], "\(summary)")
        XCTAssertGreaterThan(summary.refused, 50, "\(summary)")
    }

    func testMangledJSONRoutesDecodeOrGiveAReadableError() throws {
        let instance = try CVRPReader.read(path: Bundled.path("A-n32-k5"))
        let summary = try ProblemFuzz<CVRPProblem>.decodeMangledSolutions(of: instance, iterations: ReaderFuzz.iterations(default: 400), seed: 0xC0F2)
        XCTAssertEqual(summary.failures, [], "\(summary)")
        XCTAssertGreaterThan(summary.refused, 100, "\(summary)")
    }
}
