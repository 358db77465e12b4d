import XCTest
import HunchCore
@testable import HunchJobShop

/// Regression tests for the job-shop defects of issue 18 (items 5, 6, 8, 9).
final class JobShopRobustnessTests: XCTestCase {
    /// Item 6: CRLF files (both layouts) read as their LF originals; a BOM and tabs too.
    func testCRLFBOMAndTabsReadLikeTheOriginal() throws {
        let ft06 = try Bundled.load("ft06")
        XCTAssertEqual(try JobShopReader.read(path: Fixture.path("jssp_ft06_crlf.txt")).duration, ft06.duration)
        XCTAssertEqual(try JobShopReader.read(path: Fixture.path("jssp_ft06_crlf.txt")).machine, ft06.machine)
        let taillard = try JobShopReader.read(path: Fixture.path("jssp_tai_ft06_crlf.txt"))
        XCTAssertEqual(taillard.duration, ft06.duration)
        XCTAssertEqual(taillard.machine, ft06.machine)

        let text = try String(contentsOfFile: Bundled.path("ft06"), encoding: .utf8)
        let bom = try JobShopReader.parse(bytes: [0xEF, 0xBB, 0xBF] + Array(text.utf8), path: "bom.txt")
        XCTAssertEqual(bom.duration, ft06.duration)
        let tabs = try JobShopReader.parse(text.replacingOccurrences(of: " ", with: "\t"), path: "tabs.txt")
        XCTAssertEqual(tabs.duration, ft06.duration)
        let oldMac = try JobShopReader.parse(text.replacingOccurrences(of: "\n", with: "\r"), path: "cr.txt")
        XCTAssertEqual(oldMac.duration, ft06.duration)
    }

    /// Item 6: detection takes a BOM, CRLF and a Taillard header written with tabs.
    func testDetectionToleratesBOMCRLFAndTabs() throws {
        let crlf = try String(contentsOfFile: Fixture.path("jssp_ft06_crlf.txt"), encoding: .utf8)
        XCTAssertTrue(JobShopProblem.recognises(fileExtension: "txt", head: crlf))
        XCTAssertTrue(JobShopProblem.recognises(fileExtension: "txt", head: "\u{FEFF}" + crlf))
        let taillard = try String(contentsOfFile: Fixture.path("jssp_tai_ft06_crlf.txt"), encoding: .utf8)
        XCTAssertTrue(JobShopProblem.recognises(fileExtension: "txt", head: taillard))
        XCTAssertTrue(JobShopProblem.recognises(fileExtension: "txt", head: taillard.replacingOccurrences(of: " ", with: "\t")))
        XCTAssertTrue(JobShopProblem.recognises(fileExtension: "txt", head: "\u{FEFF}Nb\tof\tjobs,\tNb\tof\tMachines\r\n6\t6\r\n"))
    }

    /// Item 9: raw ESC and CR bytes and megabyte tokens never reach a message.
    func testMessagesEscapeControlBytesAndCutLongTokens() throws {
        XCTAssertThrowsError(try JobShopReader.read(path: Fixture.path("esc_jssp.txt"))) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("\\x1B[2J"), text)
            XCTAssertFalse(text.unicodeScalars.contains { $0.value < 0x20 }, text)
            XCTAssertTrue(text.hasPrefix(Fixture.path("esc_jssp.txt") + ":2:"), text)
        }
        let huge = "1 1\n0 " + String(repeating: "9", count: 1 << 20) + "x\n"
        let started = Date()
        XCTAssertThrowsError(try JobShopReader.parse(huge, path: "huge.txt")) { error in
            XCTAssertLessThan("\(error)".count, 200, "\(error)")
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 5)
    }

    /// Item 5: a start time of 2⁶³ − 1 is refused with a message, never a trap.
    func testHugeStartTimesAreRefusedBeforeArithmetic() throws {
        let instance = try Bundled.load("ft06")
        let value = try SolutionJSON.solutionObject(path: Fixture.path("jssp_initial_overflow.json"))
        XCTAssertThrowsError(try JobShopProblem.decode(value, instance, try JobShopProblem.context(instance, options: FamilyOptions()))) { error in
            XCTAssertTrue("\(error)".contains("0…10¹⁵"), "\(error)")
        }
        var starts = [[Int]](repeating: [Int](repeating: 0, count: 6), count: 6)
        starts[0][5] = Int.max
        XCTAssertThrowsError(try JobShopValidation.check(JobShopSchedule(starts: starts), instance: instance))
        starts[0][5] = Int.min
        XCTAssertThrowsError(try JobShopValidation.check(JobShopSchedule(starts: starts), instance: instance))
    }

    /// Item 8: a prior on a huge instance keeps the limit: once the stop says so it completes the
    /// schedule at once, still valid.
    func testGifflerThompsonCompletesAtOnceWhenTimeIsUp() throws {
        let instance = JobShopGenerator.taillard(jobs: 300, machines: 50, seed: 3, name: "big")
        var rng = SeededGenerator(seed: 1)
        let stop = StopCondition(deadline: 0, clock: ManualClock(), interruption: Interruption())
        let started = Date()
        let schedule = JobShopPrior.mwkr.construct(instance, rng: &rng, stop: stop)
        XCTAssertLessThan(Date().timeIntervalSince(started), 2)
        XCTAssertNoThrow(try JobShopValidation.check(schedule, instance: instance))
    }

    /// Item 8: Jackson's preemptive rule with a heap gives the value the quadratic version gave.
    func testPreemptiveJacksonMatchesTheQuadraticReference() {
        var generator = SeededGenerator(seed: 5)
        for _ in 0..<200 {
            let k = 1 + generator.below(12)
            let release = (0..<k).map { _ in generator.below(30) }
            let processing = (0..<k).map { _ in generator.below(10) }
            let tail = (0..<k).map { _ in generator.below(20) }
            XCTAssertEqual(JobShopLowerBound.preemptiveJackson(release: release, processing: processing, tail: tail),
                           Self.quadraticJackson(release: release, processing: processing, tail: tail))
        }
    }

    /// The former O(k²) implementation, kept as the reference.
    static func quadraticJackson(release: [Int], processing: [Int], tail: [Int]) -> Int {
        let k = release.count
        let order = (0..<k).sorted { release[$0] < release[$1] }
        var remaining = processing
        var released = [Bool](repeating: false, count: k)
        var next = 0, time = 0, done = 0, value = 0
        while done < k {
            if next < k && !(0..<k).contains(where: { released[$0] && remaining[$0] > 0 }) {
                time = max(time, release[order[next]])
            }
            while next < k && release[order[next]] <= time {
                released[order[next]] = true
                if remaining[order[next]] == 0 {
                    done += 1
                    value = max(value, time + tail[order[next]])
                }
                next += 1
            }
            var best = -1
            for i in 0..<k where released[i] && remaining[i] > 0 && (best < 0 || tail[i] > tail[best]) { best = i }
            guard best >= 0 else { continue }
            let until = next < k ? min(time + remaining[best], release[order[next]]) : time + remaining[best]
            remaining[best] -= until - time
            time = until
            if remaining[best] == 0 {
                done += 1
                value = max(value, time + tail[best])
            }
        }
        return value
    }
}
