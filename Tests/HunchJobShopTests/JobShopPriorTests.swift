import XCTest
import HunchCore
@testable import HunchJobShop

/// Every dispatching rule gives a valid active schedule; the decoder repairs any job order.
final class JobShopPriorTests: XCTestCase {
    func testEveryPriorIsValidOnEveryBundledInstance() throws {
        for name in Bundled.optima.keys.sorted() {
            let instance = try Bundled.load(name)
            let lowerBound = JobShopLowerBound.compute(instance)
            for prior in JobShopPrior.allCases {
                var rng = SeededGenerator(seed: 7)
                let schedule = prior.construct(instance, rng: &rng)
                XCTAssertNoThrow(try JobShopValidation.check(schedule, instance: instance), "\(name) \(prior)")
                XCTAssertGreaterThanOrEqual(schedule.makespan(instance), Bundled.optima[name]!, "\(name) \(prior)")
                XCTAssertGreaterThanOrEqual(schedule.makespan(instance), lowerBound)
            }
        }
    }

    func testSchedulesAreActive() throws {
        // Active: no operation can start earlier in an idle gap on its machine without delaying another.
        let instance = try Bundled.load("ft06")
        var rng = SeededGenerator(seed: 1)
        let s = JobShopPrior.spt.construct(instance, rng: &rng)
        for j in 0..<6 {
            for k in 0..<6 {
                let ready = k == 0 ? 0 : s.starts[j][k - 1] + instance.duration[j][k - 1]
                let p = instance.duration[j][k], mk = instance.machine[j][k]
                // Busy intervals on the machine, other operations.
                var busy: [(Int, Int)] = []
                for a in 0..<6 { for b in 0..<6 where instance.machine[a][b] == mk && (a, b) != (j, k) {
                    busy.append((s.starts[a][b], s.starts[a][b] + instance.duration[a][b]))
                } }
                // Any gap [t, t+p) with t ≥ ready and t + p ≤ current start, free of busy intervals?
                for t in ready..<max(ready, s.starts[j][k]) where t + p <= s.starts[j][k] {
                    XCTAssertTrue(busy.contains { $0.0 < t + p && t < $0.1 }, "job \(j) op \(k) could start at \(t)")
                }
            }
        }
    }

    func testRandomPriorDependsOnTheSeedOnly() throws {
        let instance = try Bundled.load("la01")
        var a = SeededGenerator(seed: 3), b = SeededGenerator(seed: 3), c = SeededGenerator(seed: 4)
        let sa = JobShopPrior.random.construct(instance, rng: &a)
        XCTAssertEqual(sa, JobShopPrior.random.construct(instance, rng: &b))
        XCTAssertNotEqual(sa, JobShopPrior.random.construct(instance, rng: &c))
    }

    func testPriorityDecoderRepairsAndFollowsTheOrder() throws {
        let instance = try Bundled.load("ft06")
        XCTAssertEqual(JobShopPriorityDecoder.repairedOrder(instance, jobOrder: [3, 3, -1, 9, 0]).prefix(2), [3, 0])
        XCTAssertEqual(Set(JobShopPriorityDecoder.repairedOrder(instance, jobOrder: [3, 3, -1, 9, 0])), Set(0..<6))
        for order in [[], [5, 4, 3, 2, 1, 0], [0, 0, 0], [2, 99, -5]] {
            let s = JobShopPriorityDecoder.schedule(instance, jobOrder: order)
            XCTAssertNoThrow(try JobShopValidation.check(s, instance: instance), "\(order)")
        }
        // The first job in the order never waits for another job at its first machine.
        let s = JobShopPriorityDecoder.schedule(instance, jobOrder: [4])
        XCTAssertEqual(s.starts[4][0], 0)
    }
}
