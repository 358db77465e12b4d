import HunchCore
@testable import HunchRouting
import HunchTestSupport
import XCTest

/// Bundled Solomon instances (instances/vrptw) and their proven DIMACS optima.
enum BundledVRPTW {
    static let names = ["C101", "R101", "RC101", "C201", "R201", "RC201"]
    static let optima = ["C101": 827.3, "R101": 1637.7, "RC101": 1619.8, "C201": 589.1, "R201": 1143.2, "RC201": 1261.8]
    static func path(_ name: String) -> String { Bundled.root.appendingPathComponent("instances/vrptw/\(name).txt").path }
    static func read(_ name: String, _ convention: VRPTWConvention = .dimacs) throws -> VRPTWInstance {
        try SolomonReader.read(path: path(name), convention: convention)
    }
}

final class VRPTWSearchTests: XCTestCase {
    /// Joining segments node by node gives the schedule's distance, and a time warp exactly
    /// when the independent schedule is late somewhere.
    func testSegmentsAgreeWithTheSchedule() throws {
        let instance = try BundledVRPTW.read("R101")
        var rng = SeededGenerator(seed: 4)
        let state = RoutingSearchState(model: RoutingModel(instance), routes: [])
        var late = 0
        for _ in 0..<300 {
            let length = 1 + rng.below(12)
            var route: [Int] = []
            while route.count < length {
                let c = 1 + rng.below(instance.dimension - 1)
                if !route.contains(c) { route.append(c) }
            }
            var segment = state.startSegment[0]
            for c in route { segment = state.join(segment, state.nodeSegment[c]) }
            segment = state.join(segment, state.endSegment[0])
            let schedule = VRPTWSchedule(route: route, instance: instance)
            XCTAssertEqual(segment.distance, schedule.distance)
            XCTAssertEqual(segment.load[0], route.reduce(0) { $0 + instance.demands[$1] })
            let scheduleLate = schedule.stops.contains { $0.isLate } || schedule.returnsLate(instance)
            XCTAssertEqual(segment.warp > 0, scheduleLate, "\(route)")
            if scheduleLate { late += 1 }
        }
        XCTAssertGreaterThan(late, 50, "the sample should hold late routes")
        XCTAssertLessThan(late, 300, "and on-time ones")
    }

    func testEveryPriorIsFeasible() throws {
        for name in BundledVRPTW.names {
            let instance = try BundledVRPTW.read(name)
            for prior in VRPTWPrior.allCases {
                var rng = SeededGenerator(seed: 5)
                let solution = prior.construct(instance, rng: &rng)
                XCTAssertEqual(VRPTWValidation.violations(solution, instance: instance).map(\.description), [], "\(name) \(prior)")
            }
        }
    }

    /// After every operator the state is feasible, its totals match a recomputation, and a
    /// rollback restores the routes exactly.
    func testOperatorsKeepBookkeepingAndRollBack() throws {
        for name in ["R101", "RC201"] {
            let instance = try BundledVRPTW.read(name)
            var rng = SeededGenerator(seed: 9)
            let start = VRPTWPrior.nearestNeighbour.construct(instance, rng: &rng)
            let state = RoutingSearchState(model: RoutingModel(instance), routes: start.routes)
            _ = state.descend(stop: StopCondition())
            for step in 0..<150 {
                let before = state.routes
                let objective = state.objective
                state.beginTrial()
                _ = state.apply(action: step % RoutingSearchState.operators.count, rng: &rng, stop: StopCondition())
                let solution = VRPTWSolution(routes: state.routes)
                XCTAssertEqual(VRPTWValidation.violations(solution, instance: instance).map(\.description), [], name)
                XCTAssertEqual(Double(state.total) / 10, instance.totalDistance(solution.routes), accuracy: 1e-6)
                XCTAssertEqual(state.usedRoutes, solution.routeCount)
                XCTAssertEqual(state.outside, [])
                if step % 2 == 0 {
                    state.rollbackTrial()
                    XCTAssertEqual(state.routes, before)
                    XCTAssertEqual(state.objective, objective)
                } else {
                    state.commitTrial()
                }
            }
        }
    }

    /// The penalty weights move: a run on a tight instance raises or lowers them from their start.
    func testPenaltyWeightsAdapt() throws {
        let instance = try BundledVRPTW.read("R101")
        var rng = SeededGenerator(seed: 2)
        let initial = VRPTWPrior.insertion.construct(instance, rng: &rng)
        let state = RoutingSearchState(model: RoutingModel(instance), routes: initial.routes)
        let start = (state.warpWeight, state.loadWeight)
        _ = state.descend(stop: StopCondition())
        for step in 0..<(3 * RoutingSearchState.updateEvery) {
            state.beginTrial()
            _ = state.apply(action: step % 4, rng: &rng, stop: StopCondition())
            state.commitTrial()
        }
        XCTAssertNotEqual(start.0, state.warpWeight)
    }

    /// The clustered instances reach their proven optima from the insertion start in a few
    /// hundred steps; the others come within 4 % (quality is measured in docs/benchmarks.md).
    func testReachesOrNearsProvenOptima() throws {
        for name in BundledVRPTW.names {
            var settings = SolveSettings()
            settings.maxSteps = 300
            let clock = MonotonicClock()
            var request = SolveRequest(path: BundledVRPTW.path(name), settings: settings, commandStart: clock.now(), stop: StopCondition(clock: clock))
            let optimum = BundledVRPTW.optima[name]!
            request.known = KnownValue(value: optimum, proven: true)
            let outcome = try SolvePipeline<VRPTWProblem>.solve(request)
            if name.hasPrefix("C") {
                XCTAssertEqual(try XCTUnwrap(outcome.record.objective), optimum, accuracy: 1e-9, name)
                XCTAssertEqual(outcome.record.status, .optimal, name)
            } else {
                XCTAssertLessThanOrEqual(outcome.record.objective!, optimum * 1.04, name)
                XCTAssertGreaterThanOrEqual(outcome.record.objective!, optimum - 1e-9, name)
            }
        }
    }

    /// `--objective vehicles`: exact distances, fewest vehicles first; the answer is on time
    /// with double-precision travel and uses no more vehicles than the distance objective's.
    func testHierarchicalObjective() throws {
        var settings = SolveSettings()
        settings.maxSteps = 300
        settings.familyOptions = FamilyOptions(objective: "vehicles")
        let clock = MonotonicClock()
        var request = SolveRequest(path: BundledVRPTW.path("R101"), settings: settings, commandStart: clock.now(), stop: StopCondition(clock: clock))
        request.known = KnownValue(value: 1637.7, proven: true)
        let outcome = try SolvePipeline<VRPTWProblem>.solve(request)
        let exact = try BundledVRPTW.read("R101", .hierarchical)
        let solution = try XCTUnwrap(outcome.solution)
        XCTAssertEqual(VRPTWValidation.violations(solution, instance: exact).map(\.description), [])
        XCTAssertEqual(outcome.record.objective!, exact.totalDistance(solution.routes), accuracy: 1e-6)
        XCTAssertLessThanOrEqual(solution.routeCount, 20)
        XCTAssertNil(outcome.record.knownOptimum, "the manifest's value is a DIMACS distance")
    }

    func testBoundIsBelowTheOptima() throws {
        for name in BundledVRPTW.names {
            let instance = try BundledVRPTW.read(name)
            let context = try VRPTWProblem.context(instance, options: FamilyOptions())
            let bound = try XCTUnwrap(VRPTWProblem.bound(instance, context, budget: nil, incumbent: nil, stop: StopCondition()))
            XCTAssertGreaterThan(bound, 0)
            XCTAssertLessThanOrEqual(bound, BundledVRPTW.optima[name]!, name)
        }
    }

    func testConformance() {
        let failures = ProblemConformance<VRPTWProblem>.check(paths: BundledVRPTW.names.map { BundledVRPTW.path($0) }, corrupt: { solution, _ in
            VRPTWSolution(routes: [solution.routes.flatMap { $0 }])
        })
        XCTAssertEqual(failures, [])
    }
}
