import HunchExact
import XCTest

/// Everything GLPK would abort on is refused in Swift with a typed error.
final class MIPModelTests: XCTestCase {
    func testColumnValidation() {
        var model = MIPModel()
        XCTAssertThrowsError(try model.addColumn(lower: 2, upper: 1))
        XCTAssertThrowsError(try model.addColumn(lower: .nan))
        XCTAssertThrowsError(try model.addColumn(lower: .infinity))
        XCTAssertThrowsError(try model.addColumn(upper: -.infinity))
        XCTAssertThrowsError(try model.addColumn(objective: .infinity))
        XCTAssertThrowsError(try model.addColumn(kind: .integer, lower: 0.5, upper: 3))
        XCTAssertThrowsError(try model.addColumn(kind: .binary, lower: 0, upper: 2))
        XCTAssertThrowsError(try model.addColumn(name: String(repeating: "x", count: 300)))
        XCTAssertEqual(model.columnCount, 0)
        XCTAssertEqual(try model.addColumn(lower: -.infinity, upper: .infinity), 0)
        XCTAssertEqual(try model.addColumn(kind: .binary), 1)
        XCTAssertEqual(model.columns[1].upper, 1)
    }

    func testRowValidation() throws {
        var model = MIPModel()
        try model.addColumn()
        try model.addColumn()
        XCTAssertThrowsError(try model.addRow([MIPTerm(2, 1)], .lessOrEqual(1))) { error in
            XCTAssertEqual(error as? MIPError, .invalidRow(index: 0, reason: "column 2 is out of range 0..<2"))
        }
        XCTAssertThrowsError(try model.addRow([MIPTerm(-1, 1)], .lessOrEqual(1)))
        XCTAssertThrowsError(try model.addRow([MIPTerm(0, .nan)], .lessOrEqual(1)))
        XCTAssertThrowsError(try model.addRow([MIPTerm(0, 1), MIPTerm(0, 2)], .lessOrEqual(1))) { error in
            XCTAssertEqual(error as? MIPError, .invalidRow(index: 0, reason: "column 0 appears twice"))
        }
        XCTAssertThrowsError(try model.addRow([MIPTerm(0, 1)], .lessOrEqual(.infinity)))
        XCTAssertThrowsError(try model.addRow([MIPTerm(0, 1)], .ranged(lower: 2, upper: 1)))
        XCTAssertEqual(model.rowCount, 0)
        XCTAssertEqual(try model.addRow([MIPTerm(0, 1), MIPTerm(1, 0)], .equal(1)), 0)
        XCTAssertEqual(model.nonzeroCount, 1)
    }

    func testObjectiveValidation() throws {
        var model = MIPModel()
        try model.addColumn()
        XCTAssertThrowsError(try model.setObjective(column: 3, coefficient: 1))
        XCTAssertThrowsError(try model.setObjective(column: 0, coefficient: .nan))
        XCTAssertThrowsError(try model.setObjectiveConstant(.infinity))
    }

    func testOptionValidation() throws {
        let model = try ToyModels.knapsack()
        for options in [MIPOptions(timeLimit: -1), MIPOptions(timeLimit: .nan), MIPOptions(relativeGap: -0.1),
                        MIPOptions(relativeGap: .nan)] {
            XCTAssertThrowsError(try MIPSolver.solve(model, options: options)) { error in
                guard case MIPError.invalidOption = error else { return XCTFail("\(error)") }
            }
        }
        XCTAssertEqual(try MIPSolver.solve(model, options: MIPOptions(timeLimit: .infinity)).objective, 220)
    }

    /// `setBounds` changes a column's bounds, refuses bad ones, and the solve sees the change;
    /// the result carries the root LP's reduced costs.
    func testSetBoundsAndRootReducedCosts() throws {
        var model = MIPModel(sense: .minimize)
        let x = try model.addColumn(kind: .continuous, lower: 0, upper: 1, objective: 1)
        let y = try model.addColumn(kind: .continuous, lower: 0, upper: 1, objective: 2)
        try model.addRow([MIPTerm(x, 1), MIPTerm(y, 1)], .greaterOrEqual(1))
        let lp = try MIPSolver.solve(model)
        XCTAssertEqual(lp.objective ?? .nan, 1, accuracy: 1e-9)
        XCTAssertEqual(lp.rootReducedCosts.count, 2)
        XCTAssertEqual(lp.rootReducedCosts[x], 0, accuracy: 1e-9)
        XCTAssertEqual(lp.rootReducedCosts[y], 1, accuracy: 1e-9)
        XCTAssertThrowsError(try model.setBounds(column: 5, lower: 0, upper: 1))
        XCTAssertThrowsError(try model.setBounds(column: x, lower: 1, upper: 0))
        XCTAssertEqual(model.columns[x].upper, 1)
        try model.setBounds(column: x, lower: 0, upper: 0)
        XCTAssertEqual(try MIPSolver.solve(model).objective ?? .nan, 2, accuracy: 1e-9)
        var integer = MIPModel(sense: .minimize)
        let z = try integer.addColumn(kind: .integer, lower: 0, upper: 3, objective: 1)
        XCTAssertThrowsError(try integer.setBounds(column: z, lower: 0.5, upper: 3))
    }
}
