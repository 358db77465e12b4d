import HunchCore
@testable import HunchRouting
import HunchTestSupport
import XCTest

final class CVRPSearchTests: XCTestCase {
    func testValidatorRejectsWhatIsWrong() throws {
        let instance = try CVRPReader.read(path: Bundled.path("P-n16-k8"))
        let customers = Array(1..<instance.dimension)
        XCTAssertThrowsError(try CVRPValidation.check(CVRPSolution(routes: [customers]), instance: instance)) {
            XCTAssertTrue("\($0)".contains("capacity"), "\($0)")
        }
        XCTAssertThrowsError(try CVRPValidation.check(CVRPSolution(routes: customers.dropLast().map { [$0] }), instance: instance)) {
            XCTAssertTrue("\($0)".contains("not visited"), "\($0)")
        }
        XCTAssertThrowsError(try CVRPValidation.check(CVRPSolution(routes: customers.map { [$0] } + [[1]]), instance: instance))
        XCTAssertNoThrow(try CVRPValidation.check(CVRPSolution(routes: customers.map { [$0] }), instance: instance))
    }

    func testEveryPriorIsValid() throws {
        for name in Bundled.names {
            let instance = try CVRPReader.read(path: Bundled.path(name))
            for prior in CVRPPrior.allCases {
                var rng = SeededGenerator(seed: 5)
                let solution = prior.construct(instance, rng: &rng)
                XCTAssertNoThrow(try CVRPValidation.check(solution, instance: instance), "\(name) \(prior)")
            }
        }
    }

    /// Split is optimal for the order: never worse than cutting greedily.
    func testSplitBeatsGreedyCuts() throws {
        let instance = try CVRPReader.read(path: Bundled.path("A-n32-k5"))
        var rng = SeededGenerator(seed: 3)
        for _ in 0..<20 {
            var order = Array(1..<instance.dimension)
            order.shuffle(using: &rng)
            let split = Split.routes(instance, order: order), greedy = Split.greedy(instance, order: order)
            XCTAssertNoThrow(try CVRPValidation.check(split, instance: instance))
            XCTAssertLessThanOrEqual(instance.cost(split.routes), instance.cost(greedy.routes))
        }
    }

    /// The bookkeeping (total, loads) matches a recomputation after every operator, and a
    /// rollback restores the routes exactly.
    func testOperatorsKeepBookkeepingAndRollBack() throws {
        let instance = try CVRPReader.read(path: Bundled.path("A-n32-k5"))
        var rng = SeededGenerator(seed: 9)
        let state = CVRPSearchState(instance: instance, solution: CVRPPrior.sweep.construct(instance, rng: &rng))
        _ = state.descend(stop: StopCondition())
        for step in 0..<400 {
            let before = state.solution
            let objective = state.objective
            state.beginTrial()
            _ = state.apply(action: step % CVRPSearchState.operators.count, rng: &rng, stop: StopCondition())
            XCTAssertNoThrow(try CVRPValidation.check(state.solution, instance: instance))
            XCTAssertEqual(state.total, instance.cost(state.solution.routes))
            if step % 2 == 0 {
                state.rollbackTrial()
                XCTAssertEqual(state.solution, before)
                XCTAssertEqual(state.objective, objective)
            } else {
                state.commitTrial()
            }
        }
    }

    /// The bundled instances reach their proven optima within a few thousand steps.
    func testReachesProvenOptima() throws {
        for name in Bundled.names {
            var settings = SolveSettings()
            settings.maxSteps = 3000
            let clock = MonotonicClock()
            var request = SolveRequest(path: Bundled.path(name), settings: settings, commandStart: clock.now(), stop: StopCondition(clock: clock))
            request.known = KnownValue(value: Double(Bundled.optima[name]!), proven: true)
            let outcome = try SolvePipeline<CVRPProblem>.solve(request)
            XCTAssertEqual(outcome.record.objective, Double(Bundled.optima[name]!), name)
            XCTAssertEqual(outcome.record.status, .optimal, name)
            // The time-to-target levels were met in order, within the run.
            guard case .object(let times)? = outcome.record.details?["time_to_target_s"],
                  case .double(let onePercent)? = times["1%"], case .double(let tenth)? = times["0.1%"],
                  case .double(let optimum)? = times["optimum"] else { return XCTFail("no time to target: \(name)") }
            XCTAssertLessThanOrEqual(onePercent, tenth, name)
            XCTAssertLessThanOrEqual(tenth, optimum, name)
            XCTAssertLessThanOrEqual(optimum, outcome.record.timeSeconds, name)
        }
    }

    /// The LP bound with capacity cuts lies between the cheap bound and the optimum, and closes
    /// most of the gap the cheap one leaves.
    func testRootLPBound() throws {
        for name in Bundled.names {
            let instance = try CVRPReader.read(path: Bundled.path(name))
            let cheap = CVRPLowerBound.compute(instance)
            let root = try XCTUnwrap(CVRPRootBound.compute(instance, timeLimit: 10), name)
            XCTAssertGreaterThanOrEqual(root, cheap, name)
            XCTAssertLessThanOrEqual(root, Bundled.optima[name]!, name)
            XCTAssertLessThan(Double(Bundled.optima[name]! - root), 0.5 * Double(Bundled.optima[name]! - cheap) + 1, name)
        }
    }

    /// The 2-1, 1-2 and 2-2 string swaps change the routes' lengths by what their O(1)
    /// evaluation predicts.
    func testStringSwapsArePricedExactly() throws {
        let instance = try CVRPReader.read(path: Bundled.path("A-n32-k5"))
        var rng = SeededGenerator(seed: 12)
        let state = CVRPSearchState(instance: instance, solution: CVRPPrior.sweep.construct(instance, rng: &rng))
        var tried = 0
        for _ in 0..<400 {
            let u = 1 + rng.below(instance.dimension - 1), v = 1 + rng.below(instance.dimension - 1)
            let (ru, rv) = (state.routeOf[u], state.routeOf[v])
            guard ru != rv else { continue }
            let (a, b) = CVRPSearchState.stringSwaps[rng.below(3)]
            guard a == 1 || state.after(u) != 0, b == 1 || state.after(v) != 0 else { continue }
            let (du, dv) = state.stringSwapLengths(u: u, a: a, v: v, b: b)
            let before = (state.length[ru], state.length[rv])
            state.beginTrial()
            state.apply(.swapStrings(u: u, a: a, v: v, b: b))
            XCTAssertEqual(state.length[ru] - before.0, du)
            XCTAssertEqual(state.length[rv] - before.1, dv)
            XCTAssertEqual(state.total, instance.cost(state.solution.routes))
            state.rollbackTrial()
            tried += 1
        }
        XCTAssertGreaterThan(tried, 100)
    }

    func testLowerBoundsAreBelowTheOptima() throws {
        for name in Bundled.names {
            let instance = try CVRPReader.read(path: Bundled.path(name))
            let bound = CVRPLowerBound.compute(instance)
            XCTAssertGreaterThan(bound, 0)
            XCTAssertLessThanOrEqual(bound, Bundled.optima[name]!, name)
        }
    }

    func testConformance() {
        let failures = ProblemConformance<CVRPProblem>.check(paths: Bundled.names.map { Bundled.path($0) }, corrupt: { solution, _ in
            CVRPSolution(routes: [solution.routes.flatMap { $0 }])
        })
        XCTAssertEqual(failures, [])
    }
}

final class CVRPExactTests: XCTestCase {
    /// GLPK proves the published optima of the small bundled instances, warm-started or not.
    func testProvesSmallOptima() throws {
        for name in Bundled.names {
            let instance = try CVRPReader.read(path: Bundled.path(name))
            let cold = try CVRPExactSolver.solve(instance, incumbent: nil, timeLimit: 60)
            XCTAssertEqual(cold.status, .optimal, name)
            XCTAssertEqual(cold.bound, Bundled.optima[name]!, name)
            let solution = try XCTUnwrap(cold.solution)
            XCTAssertNoThrow(try CVRPValidation.check(solution, instance: instance))
            XCTAssertEqual(instance.cost(solution.routes), Bundled.optima[name]!, name)
            var rng = SeededGenerator(seed: 1)
            let warm = try CVRPExactSolver.solve(instance, incumbent: CVRPPrior.sweep.construct(instance, rng: &rng), timeLimit: 60)
            XCTAssertEqual(warm.status, .optimal, name)
        }
    }

    /// At a zero time limit the answer is the incumbent with a valid bound, not an error.
    func testTimeLimitGivesIncumbentAndBound() throws {
        let instance = try CVRPReader.read(path: Bundled.path("A-n32-k5"))
        var rng = SeededGenerator(seed: 1)
        let start = CVRPPrior.savings.construct(instance, rng: &rng)
        let result = try CVRPExactSolver.solve(instance, incumbent: start, timeLimit: 0.2)
        XCTAssertNotNil(result.solution)
        XCTAssertLessThanOrEqual(result.bound, 784)
        XCTAssertLessThanOrEqual(instance.cost(result.solution!.routes), instance.cost(start.routes))
    }
}

final class CVRPBoundTests: XCTestCase {
    /// Every bound stays at or below the known optimum on every instance of the shared set with a
    /// proven one, EXPLICIT matrices without the triangle inequality (E-n31-k7) included.
    func testBoundsNeverExceedProvenOptima() throws {
        let manifest = Bundled.root.appendingPathComponent("../shared/instances/MANIFEST.csv").standardized.path
        guard let text = try? String(contentsOfFile: manifest, encoding: .utf8) else {
            throw XCTSkip("no shared manifest at \(manifest)")
        }
        var checked = 0
        for line in text.split(whereSeparator: \.isNewline) where line.hasPrefix("cvrp,") && !line.contains(",cvrp/X-") {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count > 6, fields[6] == "yes", let optimum = Int(fields[4]) else { continue }
            let instance = try CVRPReader.read(path: Bundled.root.appendingPathComponent("../shared/instances/\(fields[2])").standardized.path)
            XCTAssertLessThanOrEqual(CVRPLowerBound.radial(instance), optimum, String(fields[1]))
            XCTAssertLessThanOrEqual(CVRPLowerBound.spanningTree(instance), optimum, String(fields[1]))
            checked += 1
        }
        XCTAssertGreaterThan(checked, 60)
    }
}
