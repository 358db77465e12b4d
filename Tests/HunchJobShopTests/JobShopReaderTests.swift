import XCTest
@testable import HunchJobShop

/// The reader returns the published data, in both formats.
final class JobShopReaderTests: XCTestCase {
    func testFT06MatchesPublishedData() throws {
        let ft06 = try Bundled.load("ft06")
        XCTAssertEqual(ft06.name, "ft06")
        XCTAssertEqual(ft06.jobCount, 6)
        XCTAssertEqual(ft06.machineCount, 6)
        // Fisher & Thompson (1963), job 1: (2,1) (0,3) (1,6) (3,7) (5,3) (4,6).
        XCTAssertEqual(ft06.machine[0], [2, 0, 1, 3, 5, 4])
        XCTAssertEqual(ft06.duration[0], [1, 3, 6, 7, 3, 6])
        // Last job: (1,3) (3,3) (5,9) (0,10) (4,4) (2,1).
        XCTAssertEqual(ft06.machine[5], [1, 3, 5, 0, 4, 2])
        XCTAssertEqual(ft06.duration[5], [3, 3, 9, 10, 4, 1])
        XCTAssertEqual(ft06.totalWork, 197)
        XCTAssertNil(ft06.structuralProblem)
    }

    func testTaillardLayoutEqualsTheORLibraryCopyOfTa01() throws {
        let taillard = try Bundled.load("ta01-taillard")
        let orLibrary = try Bundled.load("ta01")
        XCTAssertEqual(taillard.jobCount, 15)
        XCTAssertEqual(taillard.machineCount, 15)
        XCTAssertEqual(taillard.machine, orLibrary.machine)
        XCTAssertEqual(taillard.duration, orLibrary.duration)
        // Taillard (1993), ta01 first job: times 94 66 10 …, machines 7 13 5 … (1-based).
        XCTAssertEqual(Array(taillard.duration[0].prefix(3)), [94, 66, 10])
        XCTAssertEqual(Array(taillard.machine[0].prefix(3)), [6, 12, 4])
    }

    func testTaillardLayoutWithoutKeywordsIsDetected() throws {
        let text = "2 3\n1 2 3\n4 5 6\n1 2 3\n3 2 1\n"
        let instance = try JobShopReader.parse(text, path: "t.txt")
        XCTAssertEqual(instance.machine, [[0, 1, 2], [2, 1, 0]])
        XCTAssertEqual(instance.duration, [[1, 2, 3], [4, 5, 6]])
    }

    func testCommentsBlankLinesAndDescriptionAreTolerated() throws {
        let text = """
         instance tiny
         a description line before the header
        # a comment

        2 2   # jobs machines
        0 3 1 2

        1 4 0 1  # trailing comment
        """
        let instance = try JobShopReader.parse(text, path: "tiny.jsp")
        XCTAssertEqual(instance.name, "tiny")
        XCTAssertEqual(instance.machine, [[0, 1], [1, 0]])
        XCTAssertEqual(instance.duration, [[3, 2], [4, 1]])
    }

    func testWriterRoundTripsBothLayouts() throws {
        let la01 = try Bundled.load("la01")
        let back = try JobShopReader.parse(JobShopWriter.orLibrary(la01), path: "la01.txt")
        XCTAssertEqual(back, la01)
        let viaTaillard = try JobShopReader.parse(JobShopWriter.taillard(la01), path: "la01.txt")
        XCTAssertEqual(viaTaillard, la01)
    }

    func testEveryBundledInstanceReads() throws {
        for name in Bundled.optima.keys {
            let instance = try Bundled.load(name)
            XCTAssertNil(instance.structuralProblem, name)
        }
    }
}
