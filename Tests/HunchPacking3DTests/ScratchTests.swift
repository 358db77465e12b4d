import XCTest
import HunchCore
@testable import HunchPacking3D

final class ScratchTests: XCTestCase {
    func testPriorsScratch() throws {
        for file in ["BR1.txt", "BR7.txt"] {
            for prior in Packing3DPrior.allCases {
                var sum = 0.0
                let t0 = Date()
                for k in 1...10 {
                    let inst = try TestData.br(file, k)
                    var rng = SeededGenerator(seed: 1)
                    let plan = prior.construct(inst, fullSupport: ProcessInfo.processInfo.environment["NOSUP"] == nil, rng: &rng)
                    try PlacementValidation.check(plan, instance: inst, requireFullSupport: ProcessInfo.processInfo.environment["NOSUP"] == nil)
                    sum += plan.utilisation(inst)
                }
                print("SCRATCH \(file) \(prior.rawValue) mean \(sum / 10) time \(Date().timeIntervalSince(t0))")
            }
        }
    }
}
