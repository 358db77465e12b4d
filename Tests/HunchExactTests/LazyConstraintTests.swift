import HunchExact
import XCTest

final class LazyConstraintTests: XCTestCase {
    /// max x + y + z over binaries, with the hidden constraint "at most two of them" (and the
    /// pairwise x + y ≤ 1) stated only lazily: the lazy rows change the optimum from 3 to 2.
    func testLazyRowsChangeTheOptimum() throws {
        var model = MIPModel(sense: .maximize)
        for _ in 0..<3 { try model.addColumn(kind: .binary, objective: 1) }
        XCTAssertEqual(try MIPSolver.solve(model).objective, 3)

        let calls = Counter()
        let result = try MIPSolver.solve(model) { point in
            calls.increment(point.isIntegral)
            var rows: [MIPRow] = []
            if point.values[0] + point.values[1] > 1 + 1e-6 {
                rows.append(MIPRow([MIPTerm(0, 1), MIPTerm(1, 1)], .lessOrEqual(1)))
            }
            if point.values.reduce(0, +) > 2 + 1e-6 {
                rows.append(MIPRow([MIPTerm(0, 1), MIPTerm(1, 1), MIPTerm(2, 1)], .lessOrEqual(2)))
            }
            return rows
        }
        XCTAssertEqual(result.status, .optimal)
        XCTAssertEqual(result.objective, 2)
        XCTAssertLessThanOrEqual(result.values[0] + result.values[1], 1)
        XCTAssertGreaterThanOrEqual(result.lazyRowsAdded, 1)
        XCTAssertGreaterThanOrEqual(calls.integral, 1)
    }

    /// Rows the point does not violate are dropped, so a generator that always answers cannot
    /// make the search loop.
    func testSatisfiedRowsAreIgnored() throws {
        var model = MIPModel(sense: .maximize)
        try model.addColumn(kind: .binary, objective: 1)
        let result = try MIPSolver.solve(model) { _ in [MIPRow([MIPTerm(0, 1)], .lessOrEqual(1))] }
        XCTAssertEqual(result.objective, 1)
        XCTAssertEqual(result.lazyRowsAdded, 0)
    }

    func testStartingSolutionMustSatisfyLazyRows() throws {
        var model = MIPModel(sense: .maximize)
        for _ in 0..<2 { try model.addColumn(kind: .binary, objective: 1) }
        let generator = ClosureLazyConstraintGenerator { point in
            point.values[0] + point.values[1] > 1 + 1e-6 ? [MIPRow([MIPTerm(0, 1), MIPTerm(1, 1)], .lessOrEqual(1))] : []
        }
        XCTAssertThrowsError(try MIPSolver.solve(model, options: MIPOptions(startingSolution: [1, 1]),
                                                 lazyConstraints: generator)) { error in
            XCTAssertEqual(error as? MIPError, .invalidStartingSolution(reason: "violates a lazy constraint"))
        }
        let result = try MIPSolver.solve(model, options: MIPOptions(startingSolution: [1, 0]), lazyConstraints: generator)
        XCTAssertEqual(result.objective, 1)
    }

    func testMalformedLazyRowThrows() throws {
        var model = MIPModel(sense: .maximize)
        try model.addColumn(kind: .binary, objective: 1)
        XCTAssertThrowsError(try MIPSolver.solve(model) { _ in [MIPRow([MIPTerm(5, 1)], .lessOrEqual(0))] }) { error in
            guard case MIPError.invalidLazyConstraint = error else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(try MIPSolver.solve(model) { _ in
            [MIPRow([MIPTerm(0, 1), MIPTerm(0, 1)], .lessOrEqual(0))]
        })
    }

    func testGeneratorErrorIsRethrown() throws {
        struct Boom: Error {}
        var model = MIPModel(sense: .maximize)
        try model.addColumn(kind: .binary, objective: 1)
        XCTAssertThrowsError(try MIPSolver.solve(model) { _ in throw Boom() }) { error in
            guard case MIPError.lazyConstraintGeneratorFailed = error else { return XCTFail("\(error)") }
        }
    }
}

final class Counter: @unchecked Sendable {
    private(set) var integral = 0
    private(set) var fractional = 0

    func increment(_ isIntegral: Bool) {
        if isIntegral { integral += 1 } else { fractional += 1 }
    }
}
