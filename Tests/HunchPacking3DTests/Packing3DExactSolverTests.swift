import XCTest
import HunchCore
@testable import HunchPacking3D

final class Packing3DExactSolverTests: XCTestCase {
    /// Three cubes of side 6 and a 4×10×10 slab in a 10-cube. Two cubes never fit together
    /// (separating them along any axis needs 12 > 10), a cube and the slab do (6 + 4 = 10), so
    /// the optimum packs 216 + 400 = 616 of 1000: 61.6%.
    func testProvesAHandCheckedOptimum() throws {
        let instance = ContainerInstance(name: "cubes-and-slab", container: [10, 10, 10], boxTypes: [
            BoxType(dimensions: [6, 6, 6], mayBeVertical: [true, true, true], quantity: 3),
            BoxType(dimensions: [4, 10, 10], mayBeVertical: [true, true, true], quantity: 1),
        ])
        let result = try Packing3DExactSolver.solve(instance, timeLimit: 30, verbose: false)
        XCTAssertEqual(result.status, .optimal)
        XCTAssertEqual(result.utilisation ?? 0, 61.6, accuracy: 1e-9)
        XCTAssertEqual(result.bound, 61.6, accuracy: 1e-6)
        let plan = try XCTUnwrap(result.plan)
        try PlacementValidation.check(plan, instance: instance, requireFullSupport: false)

        // The heuristic cannot beat a proven optimum, and here it should reach it.
        var policy = NamedPolicy.uniform(UniformPolicy())
        var options = Packing3DSolveOptions()
        options.fullSupport = false
        let heuristic = Packing3DSolver.solve(instance, options: options, policy: &policy,
                                              stop: StopCondition(maxSteps: 200, interruption: Interruption()))
        XCTAssertLessThanOrEqual(heuristic.utilisation, result.utilisation! + 1e-9)
        XCTAssertEqual(heuristic.utilisation, 61.6, accuracy: 1e-9)
    }

    /// Two 10×10×5 slabs fill the container exactly; the 10×10×6 slab then stays out.
    func testPrefersTheCombinationThatFills() throws {
        let instance = ContainerInstance(name: "slabs", container: [10, 10, 10], boxTypes: [
            BoxType(dimensions: [10, 10, 6], mayBeVertical: [true, true, true], quantity: 1),
            BoxType(dimensions: [10, 10, 5], mayBeVertical: [true, true, true], quantity: 2),
        ])
        let result = try Packing3DExactSolver.solve(instance, timeLimit: 30, verbose: false)
        XCTAssertEqual(result.status, .optimal)
        XCTAssertEqual(result.utilisation ?? 0, 100, accuracy: 1e-9)
        var rng = SeededGenerator(seed: 1)
        let greedy = Packing3DPrior.default.construct(instance, fullSupport: true, rng: &rng)
        XCTAssertEqual(greedy.utilisation(instance), 100, accuracy: 1e-9)
    }

    func testRefusesLargeInstancesClearly() throws {
        let instance = try TestData.br("BR1.txt", 1)
        XCTAssertThrowsError(try Packing3DExactSolver.solve(instance, timeLimit: 1, verbose: false)) { error in
            XCTAssertTrue("\(error)".contains("at most 8 boxes"), "\(error)")
        }
    }
}
