import XCTest
@testable import HunchJobShop

/// The generator is Taillard's: his published seeds give back ta01 exactly.
final class JobShopGeneratorTests: XCTestCase {
    func testTaillardSeedsReproduceTa01() throws {
        let ta01 = try Bundled.load("ta01")
        let generated = JobShopGenerator.taillard(jobs: 15, machines: 15, timeSeed: 840_612_802, machineSeed: 398_197_754, name: "ta01")
        XCTAssertEqual(generated.machine, ta01.machine)
        XCTAssertEqual(generated.duration, ta01.duration)
    }

    func testSeededInstancesAreValidAndReproducible() throws {
        let a = JobShopGenerator.taillard(jobs: 20, machines: 7, seed: 5, name: "g")
        XCTAssertNil(a.structuralProblem)
        XCTAssertEqual(a, JobShopGenerator.taillard(jobs: 20, machines: 7, seed: 5, name: "g"))
        XCTAssertNotEqual(a, JobShopGenerator.taillard(jobs: 20, machines: 7, seed: 6, name: "g"))
        XCTAssertTrue(a.duration.joined().allSatisfy { (1...99).contains($0) })
        // Written out and read back, it is the same instance.
        XCTAssertEqual(try JobShopReader.parse(JobShopWriter.orLibrary(a), path: "g.txt"), a)
    }
}
