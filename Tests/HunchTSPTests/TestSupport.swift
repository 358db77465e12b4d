import Foundation
import XCTest
import HunchTestSupport
@testable import HunchTSP

/// Where the test data lives, found from this file's path so tests run from any directory.
enum TestData {
    /// The repository root: this file is Tests/HunchTSPTests/TestSupport.swift.
    static let repoRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// TSPLIB instances bundled with the repository (up to 1000 nodes).
    static let bundledTSP = repoRoot.appendingPathComponent("instances/tsp").path
    static let bundledManifest = repoRoot.appendingPathComponent("instances/MANIFEST.csv").path
    /// The full shared collection beside the repository, when this machine has it.
    static let sharedTSP = repoRoot.appendingPathComponent("../shared/instances/tsp").standardized.path
    static let sharedManifest = repoRoot.appendingPathComponent("../shared/instances/MANIFEST.csv").standardized.path

    /// The text of a bundled instance or tour file, e.g. `text("berlin52.tsp")`.
    static func text(_ file: String) throws -> String {
        try String(contentsOfFile: bundledTSP + "/" + file, encoding: .utf8)
    }

    /// One TSP row of MANIFEST.csv.
    struct ManifestEntry {
        let name: String
        let size: Int
        let knownOptimum: Int
    }

    /// The TSP rows of a MANIFEST.csv (columns family,name,file,size,known_optimum,…), by name.
    static func manifest(_ path: String) throws -> [String: ManifestEntry] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var entries: [String: ManifestEntry] = [:]
        for line in text.split(whereSeparator: \.isNewline).dropFirst() {
            let fields = line.split(separator: ",", maxSplits: 5, omittingEmptySubsequences: false)
            guard fields.count >= 5, fields[0] == "tsp",
                  let size = Int(fields[3]), let optimum = Int(fields[4]) else { continue }
            entries[String(fields[1])] = ManifestEntry(name: String(fields[1]), size: size, knownOptimum: optimum)
        }
        return entries
    }

    /// Names (without extension) of the instances in `folder` that have an `.opt.tour`.
    static func instancesWithOptimalTours(in folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder)
            .filter { $0.hasSuffix(".opt.tour") }
            .map { String($0.dropLast(".opt.tour".count)) }
            .sorted()
    }

    /// A fresh empty directory for files a test writes.
    static func temporaryDirectory() throws -> String { try TemporaryFolder.make().path }
}

/// Asserts that `expression` throws a `TSPLIBError` at `line` whose message contains every one
/// of `mentions`; returns the error for further checks.
@discardableResult
func assertTSPLIBError<T>(
    _ expression: @autoclosure () throws -> T, line expectedLine: Int?, mentions: String...,
    file: StaticString = #filePath, line: UInt = #line
) -> TSPLIBError? {
    do {
        let value = try expression()
        XCTFail("expected a TSPLIBError, got \(value)", file: file, line: line)
        return nil
    } catch let error as TSPLIBError {
        XCTAssertEqual(error.line, expectedLine, "line of: \(error)", file: file, line: line)
        for fragment in mentions {
            XCTAssertTrue(error.message.contains(fragment), "\"\(fragment)\" not in: \(error)", file: file, line: line)
        }
        return error
    } catch {
        XCTFail("expected a TSPLIBError, got \(type(of: error)): \(error)", file: file, line: line)
        return nil
    }
}

/// Every distance of `a` equals that of `b` (same dimension assumed checked).
func assertSameDistances(_ a: TSPInstance, _ b: TSPInstance, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(a.dimension, b.dimension, file: file, line: line)
    guard a.dimension == b.dimension else { return }
    for i in 0..<a.dimension {
        for j in 0..<a.dimension where a.distance(i, j) != b.distance(i, j) {
            XCTFail("d(\(i),\(j)) is \(a.distance(i, j)) vs \(b.distance(i, j))", file: file, line: line)
            return
        }
    }
}

/// SplitMix64 (Steele, Lea & Flood 2014): a tiny seeded generator so fuzz runs are repeatable.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
