import HunchTestSupport
import XCTest
import HunchTSPLIB

/// Property: whatever bytes it is given, the document parser (`.vrplib` dialect) either returns
/// a consistent document or throws `TSPLIBError` — it never traps, hangs, or throws anything
/// else. The bundled CVRPLIB files (coordinates and an EXPLICIT LOWER_ROW matrix) and a VRPTW
/// fixture are mangled with a seeded generator, a few thousand times in all.
final class DocumentFuzzTests: XCTestCase {
    /// Routing keywords and numbers at the edges, mixed into the shared fuzzer's garbage.
    private static let garbage = [
        "nan", "inf", "1e400", "99999999999999999999999", "-1", "-7", "0", "3.5", "abc", "EOF", "DEPOT_SECTION",
        "DEMAND_SECTION", "TIME_WINDOW_SECTION", "SERVICE_TIME_SECTION", "CAPACITY", "VEHICLES", "DISTANCE",
        "SERVICE_TIME", "CVRP", "VRPTW", "TSP", ":", "\u{0}", "é", "2147483648",
    ]

    private static let vrptw = """
        NAME : tw
        TYPE : VRPTW
        DIMENSION : 4
        VEHICLES : 2
        CAPACITY : 10
        SERVICE_TIME : 1
        EDGE_WEIGHT_TYPE : EUC_2D
        NODE_COORD_SECTION
        1 0 0
        2 3 4
        3 6 8
        4 0 5
        DEMAND_SECTION
        1 0
        2 3
        3 4
        4 5
        TIME_WINDOW_SECTION
        1 0 100
        2 10 20
        3 0 50
        4 5 60
        DEPOT_SECTION
        1
        -1
        EOF
        """

    func testMangledRoutingFilesOnlyEverThrowTSPLIBError() throws {
        var sources: [(String, [UInt8])] = [("tw.vrp", Array(Self.vrptw.utf8))]
        for name in ["A-n32-k5.vrp", "E-n13-k4.vrp", "P-n16-k8.vrp"] {
            sources.append((name, Array(try String(contentsOfFile: TestData.cvrp(name), encoding: .utf8).utf8)))
        }
        var generator = FuzzGenerator(seed: 0xC0FFEE)
        var accepted = 0, refused = 0
        for (name, original) in sources {
            for _ in 0..<600 {
                let mangled = ReaderFuzz.mangle(original, using: &generator, words: Self.garbage)
                do {
                    let document = try mangled.withUnsafeBufferPointer {
                        try TSPLIBDocument.parse(bytes: $0, file: name, dialect: .vrplib)
                    }
                    checkConsistent(document, name)
                    accepted += 1
                } catch let error as TSPLIBError {
                    XCTAssertEqual(error.file, name)
                    XCTAssertFalse(error.message.isEmpty)
                    if let line = error.line { XCTAssertGreaterThanOrEqual(line, 1) }
                    refused += 1
                } catch {
                    XCTFail("\(name): expected TSPLIBError, got \(type(of: error)): \(error)")
                }
            }
        }
        // Both outcomes must occur, or the mutations are too mild or too wild to test much
        // (seed 0xC0FFEE: 87 accepted, 2313 refused).
        XCTAssertGreaterThan(accepted, 50)
        XCTAssertGreaterThan(refused, 1500)
    }

    private func checkConsistent(_ document: TSPLIBDocument, _ name: String) {
        let n = document.dimension
        if let demands = document.demands { XCTAssertEqual(demands.count, n, name) }
        if let windows = document.timeWindows {
            XCTAssertEqual(windows.count, n, name)
            XCTAssertTrue(windows.allSatisfy { $0.earliest <= $0.latest }, name)
        }
        if let depots = document.depots {
            XCTAssertFalse(depots.isEmpty, name)
            XCTAssertTrue(depots.allSatisfy { (0..<n).contains($0) }, name)
            XCTAssertEqual(Set(depots).count, depots.count, name)
        }
        if document.type == .cvrp {
            XCTAssertNotNil(document.capacity, name)
            XCTAssertNotNil(document.demands, name)
            XCTAssertNotNil(document.depots, name)
        }
        let distance = TSPLIBDistance(document: document)
        XCTAssertEqual(distance.dimension, n, name)
        for i in 0..<min(n, 20) {
            for j in 0..<min(n, 20) {
                XCTAssertGreaterThanOrEqual(distance.distance(i, j), 0, name)
                XCTAssertEqual(distance.distance(i, j), distance.distance(j, i), name)
            }
        }
    }

}
