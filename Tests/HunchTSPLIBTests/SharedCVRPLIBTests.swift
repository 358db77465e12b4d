import Foundation
import XCTest
import HunchTSPLIB

/// Property: every CVRPLIB `.vrp` file of the shared collection (../shared/instances/cvrp,
/// 195 files: sets A, B, E, F, M, P and X) reads without error as a CVRP with a capacity,
/// one demand per node and a depot. Skipped, saying why, where the collection is absent.
final class SharedCVRPLIBTests: XCTestCase {
    func testEverySharedCVRPLIBFileParses() throws {
        let folder = TestData.sharedCVRP
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            let reason = "no shared CVRPLIB collection at \(folder); skipping the sweep over every .vrp file"
            print(reason)
            throw XCTSkip(reason)
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".vrp") }.sorted()
        XCTAssertFalse(files.isEmpty, "no .vrp file in \(folder)")
        var parsed = 0
        var explicit = 0
        for file in files {
            do {
                let document = try TSPLIBDocument.read(path: folder + "/" + file)
                XCTAssertEqual(document.type, .cvrp, file)
                XCTAssertNotNil(document.capacity, file)
                XCTAssertEqual(document.demands?.count, document.dimension, file)
                XCTAssertEqual(document.depots?.isEmpty, false, file)
                if document.edgeWeightType == .explicit { explicit += 1 }
                parsed += 1
            } catch {
                XCTFail("\(error)")
            }
        }
        print("parsed \(parsed) of \(files.count) CVRPLIB files in \(folder) (\(explicit) EXPLICIT)")
        XCTAssertEqual(parsed, files.count)
    }
}
