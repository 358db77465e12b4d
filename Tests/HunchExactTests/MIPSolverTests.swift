import Dispatch
import HunchExact
import XCTest

/// Small models with hand-checkable answers.
enum ToyModels {
    /// 0/1 knapsack: values 60, 100, 120; weights 10, 20, 30; capacity 50. Optimum 220 {1, 2}.
    static func knapsack() throws -> MIPModel {
        var model = MIPModel(sense: .maximize)
        for value in [60.0, 100, 120] { try model.addColumn(kind: .binary, objective: value) }
        try model.addRow([MIPTerm(0, 10), MIPTerm(1, 20), MIPTerm(2, 30)], .lessOrEqual(50))
        return model
    }

    /// A market split instance (Cornuéjols & Dawande 1999) with slack columns: 0/1 variables
    /// must split each of `rows` random weight vectors in half; notoriously hard for plain
    /// branch-and-bound, so GLPK cannot finish it in a few milliseconds.
    static func marketSplit(rows: Int = 4, seed: UInt64 = 7) throws -> MIPModel {
        var state = seed
        func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double((state >> 33) % 100)
        }
        let items = 10 * (rows - 1)
        var model = MIPModel(sense: .minimize)
        for _ in 0..<items { try model.addColumn(kind: .binary) }
        for i in 0..<rows {
            let surplus = try model.addColumn(objective: 1)
            let shortfall = try model.addColumn(objective: 1)
            var terms: [MIPTerm] = []
            var total = 0.0
            for j in 0..<items {
                let a = next()
                total += a
                terms.append(MIPTerm(j, a))
            }
            terms += [MIPTerm(surplus, -1), MIPTerm(shortfall, 1)]
            _ = i
            try model.addRow(terms, .equal((total / 2).rounded(.down)))
        }
        return model
    }

    /// A multidimensional 0/1 knapsack (deterministic pseudo-random data).
    static func hardKnapsack(items: Int = 60, constraints: Int = 8) throws -> MIPModel {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(Int((state >> 33) % UInt64(bound)) + 1)
        }
        var model = MIPModel(sense: .maximize)
        for _ in 0..<items { try model.addColumn(kind: .binary, objective: next(1000)) }
        for _ in 0..<constraints {
            var total = 0.0
            var terms: [MIPTerm] = []
            for j in 0..<items {
                let w = next(1000)
                total += w
                terms.append(MIPTerm(j, w))
            }
            try model.addRow(terms, .lessOrEqual((total / 2).rounded()))
        }
        return model
    }
}

final class MIPSolverTests: XCTestCase {
    func testKnapsackOptimum() throws {
        let result = try MIPSolver.solve(ToyModels.knapsack())
        XCTAssertEqual(result.status, .optimal)
        XCTAssertEqual(result.objective, 220)
        XCTAssertEqual(result.bound, 220)
        XCTAssertEqual(result.values, [0, 1, 1])
        XCTAssertGreaterThanOrEqual(result.time, 0)
    }

    func testIntegerProgramMatchesBruteForce() throws {
        // min 3x + 5y + 4z  s.t.  2x + 4y + 3z ≥ 11,  x + y ≤ 4,  0 ≤ x, y, z ≤ 3 integer.
        var model = MIPModel(sense: .minimize)
        for c in [3.0, 5, 4] { try model.addColumn(kind: .integer, lower: 0, upper: 3, objective: c) }
        try model.addRow([MIPTerm(0, 2), MIPTerm(1, 4), MIPTerm(2, 3)], .greaterOrEqual(11))
        try model.addRow([MIPTerm(0, 1), MIPTerm(1, 1)], .lessOrEqual(4))
        var best = Double.infinity
        for x in 0...3 { for y in 0...3 { for z in 0...3 where 2 * x + 4 * y + 3 * z >= 11 && x + y <= 4 {
            best = min(best, Double(3 * x + 5 * y + 4 * z))
        } } }
        let result = try MIPSolver.solve(model)
        XCTAssertEqual(result.status, .optimal)
        XCTAssertEqual(result.objective, best)
        XCTAssertEqual(model.objectiveValue(result.values), best)
        XCTAssertNoThrow(try model.checkedFeasiblePoint(result.values))
    }

    func testObjectiveConstantAndRangedAndEqualityRows() throws {
        // max x + 2y + 10  s.t.  1 ≤ x + y ≤ 3 (ranged),  x − y = 1 (continuous).
        var model = MIPModel(sense: .maximize)
        try model.addColumn(objective: 1)
        try model.addColumn(objective: 2)
        try model.setObjectiveConstant(10)
        try model.addRow([MIPTerm(0, 1), MIPTerm(1, 1)], .ranged(lower: 1, upper: 3))
        try model.addRow([MIPTerm(0, 1), MIPTerm(1, -1)], .equal(1))
        let result = try MIPSolver.solve(model)
        XCTAssertEqual(result.status, .optimal)
        XCTAssertEqual(try XCTUnwrap(result.objective), 10 + 2 + 2, accuracy: 1e-9)  // x = 2, y = 1
    }

    func testInfeasibleLPRelaxation() throws {
        var model = MIPModel()
        try model.addColumn(kind: .integer, objective: 1)
        try model.addColumn(kind: .integer, objective: 1)
        try model.addRow([MIPTerm(0, 1), MIPTerm(1, 1)], .greaterOrEqual(3))
        try model.addRow([MIPTerm(0, 1), MIPTerm(1, 1)], .lessOrEqual(2))
        let result = try MIPSolver.solve(model)
        XCTAssertEqual(result.status, .infeasible)
        XCTAssertNil(result.objective)
        XCTAssertTrue(result.values.isEmpty)
    }

    func testIntegerInfeasibleButLPFeasible() throws {
        var model = MIPModel()
        try model.addColumn(kind: .integer, lower: 0, upper: 10, objective: 1)
        try model.addRow([MIPTerm(0, 2)], .equal(1))  // x = 0.5 has no integer solution
        XCTAssertEqual(try MIPSolver.solve(model).status, .infeasible)
    }

    func testUnboundedLP() throws {
        var model = MIPModel(sense: .maximize)
        try model.addColumn(objective: 1)
        try model.addColumn(objective: 1)
        try model.addRow([MIPTerm(0, 1), MIPTerm(1, -1)], .lessOrEqual(1))
        XCTAssertEqual(try MIPSolver.solve(model).status, .unbounded)
    }

    func testUnboundedWithoutRows() throws {
        var model = MIPModel(sense: .minimize)
        try model.addColumn(kind: .integer, lower: -.infinity, upper: 5, objective: 1)
        XCTAssertEqual(try MIPSolver.solve(model).status, .unbounded)
    }

    func testModelWithoutColumns() throws {
        var model = MIPModel()
        try model.setObjectiveConstant(7)
        XCTAssertEqual(try MIPSolver.solve(model).objective, 7)
        try model.addRow([], .greaterOrEqual(1))
        XCTAssertEqual(try MIPSolver.solve(model).status, .infeasible)
    }

    func testZeroTimeLimitReturnsAtOnce() throws {
        let model = try ToyModels.hardKnapsack()
        let result = try MIPSolver.solve(model, options: MIPOptions(timeLimit: 0))
        XCTAssertEqual(result.status, .noSolution)
        XCTAssertLessThan(result.time, 0.5)
    }

    func testTinyTimeLimitGivesValidBound() throws {
        let model = try ToyModels.marketSplit()
        let result = try MIPSolver.solve(model, options: MIPOptions(timeLimit: 0.05))
        XCTAssertLessThan(result.time, 1.0)
        switch result.status {
        case .feasible:
            let objective = try XCTUnwrap(result.objective)
            let bound = try XCTUnwrap(result.bound)
            XCTAssertLessThanOrEqual(bound, objective)  // minimising: the bound is below
            XCTAssertNoThrow(try model.checkedFeasiblePoint(result.values))
            XCTAssertEqual(model.objectiveValue(result.values), objective, accuracy: 1e-6)
        case .noSolution:
            XCTAssertTrue(result.values.isEmpty)
        case .optimal:
            XCTFail("the model was meant to need more than 50 ms; pick a harder one")
        default:
            XCTFail("unexpected status \(result.status)")
        }
    }

    func testRelativeGapStopsEarlyWithBound() throws {
        let model = try ToyModels.hardKnapsack()
        let result = try MIPSolver.solve(model, options: MIPOptions(timeLimit: 10, relativeGap: 0.05))
        XCTAssertTrue(result.status == .feasible || result.status == .optimal)
        let gap = try XCTUnwrap(result.relativeGap)
        XCTAssertLessThanOrEqual(gap, 0.05 + 1e-9)
        XCTAssertGreaterThanOrEqual(try XCTUnwrap(result.bound), try XCTUnwrap(result.objective))
    }

    func testStartingSolutionIsReportedWhenStoppedAtOnce() throws {
        let model = try ToyModels.hardKnapsack()
        let empty = [Double](repeating: 0, count: model.columnCount)
        let result = try MIPSolver.solve(model, options: MIPOptions(timeLimit: 0, startingSolution: empty))
        XCTAssertEqual(result.status, .feasible)
        XCTAssertEqual(result.objective, 0)
        XCTAssertEqual(result.values, empty)
        XCTAssertTrue(result.startingSolutionUsed)
    }

    func testStartingSolutionIsAcceptedByGLPK() throws {
        // The root LP of the knapsack is fractional, so GLPK asks for a heuristic solution and
        // takes the optimal start as its incumbent.
        let result = try MIPSolver.solve(ToyModels.knapsack(), options: MIPOptions(startingSolution: [0, 1, 1]))
        XCTAssertEqual(result.status, .optimal)
        XCTAssertEqual(result.objective, 220)
        XCTAssertTrue(result.startingSolutionUsed)
    }

    func testStartingSolutionIsCheckedForFeasibility() throws {
        let model = try ToyModels.knapsack()
        XCTAssertThrowsError(try MIPSolver.solve(model, options: MIPOptions(startingSolution: [1, 1, 1]))) { error in
            guard case MIPError.invalidStartingSolution = error else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(try MIPSolver.solve(model, options: MIPOptions(startingSolution: [0.5, 0, 0])))
        XCTAssertThrowsError(try MIPSolver.solve(model, options: MIPOptions(startingSolution: [0, 1])))
        XCTAssertThrowsError(try MIPSolver.solve(model, options: MIPOptions(startingSolution: [.nan, 0, 0])))
    }

    func testConcurrentSolvesOnSeveralThreads() throws {
        let model = try ToyModels.knapsack()
        let hard = try ToyModels.hardKnapsack(items: 30, constraints: 4)
        let reference = try MIPSolver.solve(hard)
        XCTAssertEqual(reference.status, .optimal)
        let count = 16
        let results = Results(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { i in
            let result = try? MIPSolver.solve(i.isMultiple(of: 2) ? model : hard)
            results.set(i, result?.objective)
        }
        for i in 0..<count {
            XCTAssertEqual(results.get(i), i.isMultiple(of: 2) ? 220 : reference.objective, "solve \(i)")
        }
    }
}

/// A lock-protected array for the concurrency test.
final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Double?]

    init(count: Int) { values = Array(repeating: nil, count: count) }

    func set(_ i: Int, _ value: Double?) { lock.lock(); values[i] = value; lock.unlock() }
    func get(_ i: Int) -> Double? { lock.lock(); defer { lock.unlock() }; return values[i] }
}
