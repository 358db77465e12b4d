import XCTest
import HunchCore
import HunchExact
@testable import HunchBinPacking

/// Regression tests for the bin-packing defects of issue 18 (items 5, 6, 8, 9, 11).
final class BinPackingRobustnessTests: XCTestCase {
    /// Item 6: a BOM, CRLF and tabs read like the original, and detection takes the BOM.
    func testBOMCRLFAndTabsReadLikeTheOriginal() throws {
        let path = BundledBPP.path("bpp/falkenauer/Falkenauer_t60_00.txt")
        let original = try BinPackingReader.read(path: path)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        for variant in ["\u{FEFF}" + text, text.replacingOccurrences(of: "\n", with: "\r\n"),
                        text.replacingOccurrences(of: "\n", with: "\r"), "\u{FEFF}" + text.replacingOccurrences(of: "\n", with: "\t\r\n")] {
            let instance = try BinPackingReader.parse(variant, path: "v.txt")
            XCTAssertEqual(instance.weights, original.weights)
            XCTAssertEqual(instance.capacity, original.capacity)
            XCTAssertTrue(BinPackingProblem.recognises(fileExtension: "txt", head: String(variant.prefix(200))))
        }
    }

    /// Item 9: the message escapes ESC and CR and quotes at most 40 characters of a token, fast.
    func testMessagesEscapeControlBytesAndCutLongTokens() throws {
        XCTAssertThrowsError(try BinPackingReader.read(path: Fixture.path("esc_bpp.txt"))) { error in
            let text = "\(error)"
            XCTAssertTrue(text.hasPrefix(Fixture.path("esc_bpp.txt") + ":4:"), text)
            XCTAssertTrue(text.contains("\\x1B[2J\\x1B[31mEVIL"), text)
            XCTAssertFalse(text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }, text)
        }
        // The 1 MB token: a short message, at once.
        let huge = "3\n10\n" + String(repeating: "9", count: 1 << 20) + "\n"
        let started = Date()
        XCTAssertThrowsError(try BinPackingReader.parse(huge, path: "huge.txt")) { error in
            XCTAssertLessThan("\(error)".count, 200, "\(error)")
            XCTAssertTrue("\(error)".hasPrefix("huge.txt:3:"), "\(error)")
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 5)
    }

    /// Item 5: huge item indices in a starting packing are refused, never a trap.
    func testHugeIndicesInAStartingPackingAreRefused() throws {
        let instance = try BinPackingReader.read(path: BundledBPP.path("bpp/falkenauer/Falkenauer_u120_00.txt"))
        let value = try SolutionJSON.solutionObject(path: Fixture.path("bpp_initial_huge.json"))
        XCTAssertThrowsError(try BinPackingProblem.decode(value, instance, try BinPackingProblem.context(instance, options: FamilyOptions())))
        XCTAssertThrowsError(try BinPackingProblem.decode(.object(["bins": .array([.array([.int(Int.min)])])]), instance, try BinPackingProblem.context(instance, options: FamilyOptions())))
    }

    /// Item 8: best fit decreasing on a million items takes well under a second (it shifted a
    /// sorted array of all bins per item before), and packs exactly as before.
    func testBestFitMatchesTheSortedArrayVersionAndScales() throws {
        var rng = SeededGenerator(seed: 9)
        for _ in 0..<30 {
            let capacity = 20 + rng.below(200)
            let weights = (0..<(1 + rng.below(400))).map { _ in 1 + rng.below(capacity) }
            let instance = BinPackingInstance(name: "r", capacity: capacity, weights: weights)
            XCTAssertEqual(BinPackingPrior.bfd.construct(instance, rng: &rng).bins, Self.referenceBestFit(instance))
        }
        let big = BinPackingInstance(name: "big", capacity: 1000, weights: (0..<200_000).map { 1 + ($0 * 7919) % 1000 })
        let clock = ThreadCPUClock()
        let started = clock.now()
        let packing = BinPackingPrior.bfd.construct(big, rng: &rng)
        XCTAssertLessThan(clock.now() - started, 5)
        XCTAssertNoThrow(try BinPackingValidation.check(packing, instance: big))
    }

    /// Item 11: the arc-flow model of Scholl's HARD0 (1.5 million arcs) does not fit 2 s: the
    /// exact solver answers with the incumbent and the L2 bound on time, without building it.
    func testExactOnHARD0KeepsAShortLimit() throws {
        let instance = try BinPackingReader.read(path: BundledBPP.path("bpp/scholl/HARD0.txt"))
        var rng = SeededGenerator(seed: 1)
        let start = BinPackingPrior.bfd.construct(instance, rng: &rng)
        let began = Date()
        let result = try BinPackingExactSolver.solve(instance, incumbent: start, timeLimit: 1.5, verbose: false)
        XCTAssertLessThan(Date().timeIntervalSince(began), 3)
        XCTAssertEqual(result.status, .feasible)
        XCTAssertEqual(result.binCount, start.binCount)
        XCTAssertGreaterThanOrEqual(result.bound, BinPackingLowerBound.compute(instance))
        // A capacity the load-indexed graph cannot hold is refused, not allocated.
        let wide = BinPackingInstance(name: "wide", capacity: 1_000_000_000_000, weights: [400_000_000_000, 700_000_000_000, 300_000_000_000])
        let refused = try BinPackingExactSolver.solve(wide, incumbent: nil, timeLimit: 1, verbose: false)
        if case .error = refused.status {} else { XCTFail("expected an error status, got \(refused.status)") }
    }

    /// The former best fit: one sorted array of (free space, bin).
    static func referenceBestFit(_ instance: BinPackingInstance) -> [[Int]] {
        let w = instance.weights
        let order = w.indices.sorted { w[$0] != w[$1] ? w[$0] > w[$1] : $0 < $1 }
        var free: [(space: Int, bin: Int)] = []
        var bins: [[Int]] = []
        for item in order {
            let weight = w[item]
            let index = free.firstIndex { $0.space >= weight }
            let (space, bin): (Int, Int)
            if let index { (space, bin) = free.remove(at: index) } else {
                bins.append([])
                (space, bin) = (instance.capacity, bins.count - 1)
            }
            bins[bin].append(item)
            let left = space - weight
            if left > 0 {
                let at = free.firstIndex { $0.space > left || ($0.space == left && $0.bin > bin) } ?? free.count
                free.insert((left, bin), at: at)
            }
        }
        return bins
    }
}
