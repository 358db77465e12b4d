import XCTest
import HunchCore
@testable import HunchPacking3D

/// Regression tests for the 3D defects of issue 18 (items 1, 5, 6, 9).
final class Packing3DRobustnessTests: XCTestCase {
    private func solve(_ path: String, timeLimit: Double) throws -> SolveOutcome<Packing3DProblem> {
        var settings = SolveSettings()
        settings.timeLimit = timeLimit
        let clock = MonotonicClock()
        return try SolvePipeline<Packing3DProblem>.solve(SolveRequest(
            path: path, settings: settings, commandStart: clock.now(), stop: StopCondition(clock: clock, interruption: Interruption())))
    }

    /// Item 1: a box type of 1×1×1 with quantity 1,000,000 (and 100,000) solves within its limit,
    /// every box placed, in a plan of a few dozen blocks and a small JSON result.
    func testAMillionTinyBoxesSolveOnTimeInAFewBlocks() throws {
        for (file, boxes) in [("p3d_hang_tinybox_q1e6.txt", 1_000_072), ("p3d_slow_tinybox_q1e5.txt", 100_073)] {
            let started = Date()
            let outcome = try solve(Fixture.path(file) + "#1", timeLimit: 0.5)
            XCTAssertLessThan(Date().timeIntervalSince(started), 3, file)
            let plan = try XCTUnwrap(outcome.solution).plan
            XCTAssertEqual(outcome.record.details?["boxes_total"], .int(boxes))
            XCTAssertLessThan(plan.placements.count, 500, file)
            XCTAssertLessThan(outcome.record.jsonLine().utf8.count, 100_000, file)
            XCTAssertEqual(plan.boxCount, { if case .int(let n)? = outcome.record.details?["boxes_placed"] { return n }; return -1 }())
        }
    }

    /// Item 1: a requested interruption (SIGTERM, Ctrl-C) ends a decode and a search at once.
    func testAnInterruptionStopsDecodesAndTheSearch() throws {
        let instance = try ThpackReader.read(path: Fixture.path("p3d_hang_tinybox_q1e6.txt"), problem: 1)
        let interruption = Interruption()
        interruption.request()
        let stop = StopCondition(clock: MonotonicClock(), interruption: interruption)
        let packer = MaximalSpacePacker(instance: instance, fullSupport: true)
        packer.stop = stop
        var rng = SeededGenerator(seed: 1)
        packer.decode(Packing3DPrior.maxVolume.genome(instance, rng: &rng))
        XCTAssertTrue(packer.stopped)
        XCTAssertEqual(packer.placements.count, 0)
        let started = Date()
        let genome = Packing3DPrior.bestOf.genome(instance, rng: &rng, stop: stop)
        let state = Packing3DSearchState(instance: instance, genome: genome, fullSupport: true, stop: stop)
        var policy = NamedPolicy.roulette(RoulettePolicy())
        let stats = LocalSearch(acceptance: .improvingOrEqual).run(state: state, policy: &policy, stop: stop, rng: &rng)
        XCTAssertEqual(stats.stopReason, .interrupted)
        XCTAssertLessThan(Date().timeIntervalSince(started), 1)
    }

    /// Blocks validate as their single boxes do: a block is its boxes, not more, not less.
    func testBlocksValidateLikeTheirBoxes() throws {
        let instance = ContainerInstance(name: "t", container: [10, 10, 10], boxTypes: [
            BoxType(dimensions: [1, 2, 3], mayBeVertical: [true, true, true], quantity: 300),
            BoxType(dimensions: [5, 5, 5], mayBeVertical: [true, true, true], quantity: 2),
        ])
        func check(_ placements: [Placement], support: Bool = true) -> PlacementViolation? {
            let plan = PackingPlan(placements: placements)
            let blocks = Result { try PlacementValidation.check(plan, instance: instance, requireFullSupport: support) }
            let boxes = Result { try PlacementValidation.check(plan.singleBoxes, instance: instance, requireFullSupport: support) }
            XCTAssertEqual((try? blocks.get()) != nil, (try? boxes.get()) != nil, "\(placements)")
            if case .failure(let e) = blocks { return e as? PlacementViolation }
            return nil
        }
        let floor = Placement(type: 0, x: 0, y: 0, z: 0, lx: 2, ly: 1, lz: 3, nx: 5, ny: 10, nz: 1)
        XCTAssertNil(check([floor, Placement(type: 1, x: 0, y: 0, z: 3, lx: 5, ly: 5, lz: 5)]))
        XCTAssertNil(check([Placement(type: 0, x: 0, y: 0, z: 0, lx: 2, ly: 1, lz: 3, nx: 5, ny: 10, nz: 3)]))
        // A block overlapping another.
        XCTAssertEqual(check([floor, Placement(type: 1, x: 5, y: 5, z: 2, lx: 5, ly: 5, lz: 5)]), .overlap(box: 0, other: 1))
        // Half of a block's base on the floor block, half over nothing.
        if case .unsupported(box: 1, supportedArea: 50, baseArea: 100)? = check([
            Placement(type: 0, x: 0, y: 0, z: 0, lx: 2, ly: 1, lz: 3, nx: 5, ny: 5, nz: 1),
            Placement(type: 0, x: 0, y: 0, z: 3, lx: 2, ly: 1, lz: 3, nx: 5, ny: 10, nz: 1)]) {} else {
            XCTFail("expected half of the upper block unsupported")
        }
        XCTAssertNil(check([Placement(type: 0, x: 0, y: 0, z: 3, lx: 2, ly: 1, lz: 3, nx: 5, ny: 10, nz: 1)], support: false))
        // More boxes than the type has, a block past the wall, counts below 1.
        XCTAssertEqual(check([Placement(type: 0, x: 0, y: 0, z: 0, lx: 1, ly: 1, lz: 1, nx: 1, ny: 1, nz: 1)]),
                       .wrongOrientation(box: 0, type: 0, extents: [1, 1, 1]))
        XCTAssertEqual(check([Placement(type: 1, x: 0, y: 0, z: 0, lx: 5, ly: 5, lz: 5, nx: 2, ny: 2, nz: 1)]),
                       .tooManyOfType(type: 1, placed: 4, available: 2))
        XCTAssertEqual(check([Placement(type: 1, x: 0, y: 0, z: 0, lx: 5, ly: 5, lz: 5, nx: 3, ny: 1, nz: 1)]),
                       .outsideContainer(box: 0))
        // (A block of no boxes is an error of the plan, though it stands for no box at all.)
        XCTAssertThrowsError(try PlacementValidation.check(
            PackingPlan(placements: [Placement(type: 1, x: 0, y: 0, z: 0, lx: 5, ly: 5, lz: 5, nx: 0, ny: 1, nz: 1)]),
            instance: instance, requireFullSupport: true)) {
            XCTAssertEqual($0 as? PlacementViolation, .badCount(box: 0, counts: [0, 1, 1]))
        }
    }

    /// Item 5: coordinates and counts at the limits of 64 bits are refused, never a trap.
    func testHugeCoordinatesAreRefusedBeforeArithmetic() throws {
        let instance = try TestData.br("BR1.txt", 1)
        let context = try Packing3DProblem.context(instance, options: FamilyOptions())
        let value = try SolutionJSON.solutionObject(path: Fixture.path("p3d_initial_overflow.json"))
        XCTAssertThrowsError(try Packing3DProblem.decode(value, instance, context)) { error in
            XCTAssertTrue("\(error)".contains("outside 0…587"), "\(error)")
        }
        for bad in [Int.max, Int.min, Int.max / 2, -1] {
            for placement in [Placement(type: 0, x: bad, y: 0, z: 0, lx: 108, ly: 76, lz: 30),
                              Placement(type: 0, x: 0, y: 0, z: 0, lx: 108, ly: 76, lz: 30, nx: bad, ny: bad, nz: bad),
                              Placement(type: 0, x: 0, y: 0, z: bad, lx: 108, ly: 76, lz: 30, nx: 1, ny: 2, nz: 1)] {
                XCTAssertThrowsError(try PlacementValidation.check(PackingPlan(placements: [placement]), instance: instance,
                                                                   requireFullSupport: true))
            }
        }
    }

    /// Validation is not quadratic in a dense layer: 200,000 single boxes of 1×1×1 (the plan a
    /// hostile `--initial` file may hold) check in seconds, with and without support.
    func testValidationOfManySingleBoxesIsFast() throws {
        let instance = ContainerInstance(name: "cubes", container: [100, 100, 20], boxTypes: [
            BoxType(dimensions: [1, 1, 1], mayBeVertical: [true, true, true], quantity: 200_000),
        ])
        var placements: [Placement] = []
        placements.reserveCapacity(200_000)
        for z in 0..<20 { for y in 0..<100 { for x in 0..<100 { placements.append(Placement(type: 0, x: x, y: y, z: z, lx: 1, ly: 1, lz: 1)) } } }
        let clock = ThreadCPUClock()
        let started = clock.now()
        try PlacementValidation.check(PackingPlan(placements: placements), instance: instance, requireFullSupport: true)
        placements.append(Placement(type: 0, x: 50, y: 50, z: 10, lx: 1, ly: 1, lz: 1))
        XCTAssertThrowsError(try PlacementValidation.check(PackingPlan(placements: placements), instance: instance,
                                                           requireFullSupport: false))
        XCTAssertLessThan(clock.now() - started, 20)
    }

    /// Item 6 and the reader's limits: CRLF and a BOM read; a total volume beyond 2⁶⁰ is refused.
    func testReaderToleratesCRLFAndBOMAndRefusesOverflowingVolumes() throws {
        let text = ThpackWriter.write([try TestData.br("BR1.txt", 1)])
        let crlf = try ThpackReader.parse(bytes: [0xEF, 0xBB, 0xBF] + Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8), path: "c.txt")
        XCTAssertEqual(crlf[0].boxTypes, try TestData.br("BR1.txt", 1).boxTypes)
        let huge = " 1\n 1 1\n 100000 100000 100000\n 20\n" + (1...20).map { " \($0) 100000 1 100000 1 100000 1 1000000" }.joined(separator: "\n") + "\n"
        XCTAssertThrowsError(try ThpackReader.parse(huge, path: "h.txt")) { error in
            XCTAssertTrue("\(error)".contains("2⁶⁰"), "\(error)")
        }
    }

    /// Item 9: the thpack reader escapes control bytes.
    func testMessagesEscapeControlBytes() {
        XCTAssertThrowsError(try ThpackReader.read(path: Fixture.path("esc_p3d.txt"), problem: 1)) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("\\x1B[2J"), text)
            XCTAssertFalse(text.unicodeScalars.contains { $0.value < 0x20 }, text)
        }
    }
}
