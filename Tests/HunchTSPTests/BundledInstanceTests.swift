import Foundation
import XCTest
@testable import HunchTSP

/// Property: every TSPLIB instance we ship (and the full shared collection, where present)
/// reads, with the DIMENSION recorded in MANIFEST.csv, and no tour is shorter than the known
/// optimum.
final class BundledInstanceTests: XCTestCase {
    func testEveryBundledInstanceReads() throws {
        let files = try tspFiles(in: TestData.bundledTSP)
        XCTAssertGreaterThanOrEqual(files.count, 70)
        try check(files, in: TestData.bundledTSP, manifest: TestData.bundledManifest)
    }

    /// The shared collection adds the instances of 1,001–11,849 nodes (those above
    /// `TSPInstance.matrixLimit` without a matrix). Ones bundled too are not read twice.
    func testEverySharedInstanceReads() throws {
        guard FileManager.default.fileExists(atPath: TestData.sharedTSP) else {
            throw XCTSkip("no shared instance folder at \(TestData.sharedTSP) on this machine")
        }
        let manifest = FileManager.default.fileExists(atPath: TestData.sharedManifest)
            ? TestData.sharedManifest : TestData.bundledManifest
        let bundled = Set(try tspFiles(in: TestData.bundledTSP))
        let files = try tspFiles(in: TestData.sharedTSP).filter { !bundled.contains($0) }
        try check(files, in: TestData.sharedTSP, manifest: manifest)
    }

    private func tspFiles(in folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".tsp") }.sorted()
    }

    /// Reads `files` on all cores (building matrices of up to 3,000 nodes is slow in debug),
    /// then checks each against the MANIFEST.
    private func check(_ files: [String], in folder: String, manifest manifestPath: String) throws {
        let manifest = try TestData.manifest(manifestPath)
        let lock = NSLock()
        var results: [String: Result<(dimension: Int, identityLength: Int), Error>] = [:]
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let result = Result { () throws -> (dimension: Int, identityLength: Int) in
                let instance = try TSPLIBReader.read(path: "\(folder)/\(files[index])")
                return (instance.dimension, instance.tourLength(Array(0..<instance.dimension)))
            }
            lock.lock()
            results[files[index]] = result
            lock.unlock()
        }
        for file in files {
            let name = String(file.dropLast(4))
            guard let entry = manifest[name] else {
                XCTFail("\(name) has no MANIFEST row")
                continue
            }
            switch results[file]! {
            case .success(let read):
                XCTAssertEqual(read.dimension, entry.size, name)
                // Any tour is at least the optimum: a cheap check against distances that are
                // wildly off (a unit or rounding mix-up).
                XCTAssertGreaterThanOrEqual(read.identityLength, entry.knownOptimum, name)
            case .failure(let error):
                XCTFail("\(name): \(error)")
            }
        }
    }
}
