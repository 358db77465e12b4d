import Foundation
import HunchCore
import HunchPacking3D
import HunchTestSupport
import XCTest

/// The family conformance suite (Tests/Support/ProblemConformance.swift) on BR1 problems, both objectives.
final class Packing3DConformanceTests: XCTestCase {
    let paths = ["BR1.txt#1", "BR7.txt#2"].map {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("instances/packing3d/\($0)").path
    }

    /// The first box placed twice at the same spot overlaps itself.
    static func corrupt(_ solution: Packing3DSolution, _ instance: ContainerInstance) -> Packing3DSolution? {
        var broken = solution
        guard let first = broken.containers.first?.placements.first else { return nil }
        broken.containers[0].placements.append(first)
        return broken
    }

    func testConformanceVolume() {
        XCTAssertEqual(ProblemConformance<Packing3DProblem>.check(paths: paths, corrupt: Self.corrupt, steps: 20), [])
    }

    func testConformanceContainers() {
        XCTAssertEqual(ProblemConformance<Packing3DProblem>.check(paths: [paths[0]], corrupt: Self.corrupt, steps: 10,
                                                                  options: FamilyOptions(objective: "containers")), [])
    }
}
