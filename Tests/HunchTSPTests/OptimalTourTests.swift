import XCTest
@testable import HunchTSP

/// Property: for every TSPLIB instance with an `.opt.tour`, that tour read with `TourFile` and
/// measured with `TSPInstance`'s TSPLIB distances has exactly the published optimum length.
/// This checks reader, tour reader and every distance function present (EUC_2D, ATT, GEO,
/// EXPLICIT FULL_MATRIX / UPPER_ROW / LOWER_DIAG_ROW) against independent published numbers.
final class OptimalTourTests: XCTestCase {
    func testBundledOptimalToursHaveTheKnownOptimumLength() throws {
        let checked = try checkOptimalTours(folder: TestData.bundledTSP, manifest: TestData.bundledManifest)
        XCTAssertGreaterThanOrEqual(checked, 25, "expected the bundled .opt.tour files")
    }

    func testSharedOptimalToursHaveTheKnownOptimumLength() throws {
        guard FileManager.default.fileExists(atPath: TestData.sharedTSP) else {
            throw XCTSkip("no shared instance folder at \(TestData.sharedTSP) on this machine")
        }
        let manifest = FileManager.default.fileExists(atPath: TestData.sharedManifest)
            ? TestData.sharedManifest : TestData.bundledManifest
        let checked = try checkOptimalTours(folder: TestData.sharedTSP, manifest: manifest)
        XCTAssertGreaterThan(checked, 0)
    }

    /// Property: where an `.opt.tour` COMMENT states a length, it is the MANIFEST optimum —
    /// except tsp225, whose TSPLIB file says 3919 while its tour (checked above) measures the
    /// published 3916: the comment reader reports what the file says, nothing more.
    func testOptimumInTourCommentsMatchesTheManifest() throws {
        var manifest = try TestData.manifest(TestData.bundledManifest)
        manifest["tsp225"] = TestData.ManifestEntry(name: "tsp225", size: 225, knownOptimum: 3919)
        var found = 0
        for name in try TestData.instancesWithOptimalTours(in: TestData.bundledTSP) {
            let text = try TestData.text("\(name).opt.tour")
            guard let commentLine = text.split(separator: "\n").first(where: { $0.hasPrefix("COMMENT") }),
                  let colon = commentLine.firstIndex(of: ":"),
                  let optimum = TSPLIBReader.optimumFromComment(String(commentLine[colon...].dropFirst()))
            else { continue }
            XCTAssertEqual(optimum, manifest[name]?.knownOptimum, name)
            found += 1
        }
        XCTAssertGreaterThanOrEqual(found, 15, "most TSPLIB .opt.tour comments state the length")
    }

    /// Returns how many tours were checked.
    private func checkOptimalTours(folder: String, manifest manifestPath: String) throws -> Int {
        let manifest = try TestData.manifest(manifestPath)
        var checked = 0
        for name in try TestData.instancesWithOptimalTours(in: folder) {
            guard let entry = manifest[name] else {
                XCTFail("\(name) has an .opt.tour but no MANIFEST row")
                continue
            }
            let instance = try TSPLIBReader.read(path: "\(folder)/\(name).tsp")
            XCTAssertEqual(instance.dimension, entry.size, name)
            let tour = try TourFile.read(path: "\(folder)/\(name).opt.tour", dimension: instance.dimension)
            XCTAssertNoThrow(try TourValidation.check(tour: tour, dimension: instance.dimension))
            XCTAssertEqual(instance.tourLength(tour), entry.knownOptimum, "\(name) (\(instance.edgeWeightType.rawValue))")
            checked += 1
        }
        return checked
    }
}
