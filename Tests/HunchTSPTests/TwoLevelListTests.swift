import HunchCore
@testable import HunchTSP
import XCTest

/// The two-level list (`TwoLevelList.swift`) against a plain array: after every random path
/// reversal both hold the same cycle, `succ` and `pred` agree, and the keys increase along the
/// tour with exactly one wrap.
final class TwoLevelListTests: XCTestCase {
    /// Reverses the path a … b of the array tour (forward, wrapping).
    private func reverse(_ tour: inout [Int], _ position: inout [Int], from a: Int, to b: Int) {
        let n = tour.count
        var i = position[a], j = position[b]
        var count = j - i
        if count < 0 { count += n }
        for _ in 0..<((count + 1) / 2) {
            tour.swapAt(i, j)
            position[tour[i]] = i
            position[tour[j]] = j
            i = i + 1 == n ? 0 : i + 1
            j = j == 0 ? n - 1 : j - 1
        }
    }

    private func assertSameCycle(_ list: TwoLevelList, _ tour: [Int], _ context: String, file: StaticString = #filePath, line: UInt = #line) {
        let n = tour.count
        var wraps = 0
        for p in 0..<n {
            let v = tour[p], after = tour[(p + 1) % n], before = tour[(p + n - 1) % n]
            XCTAssertEqual(Set([list.succ(v), list.pred(v)]), Set([after, before]), "\(context): neighbours of \(v)", file: file, line: line)
            XCTAssertEqual(list.pred(list.succ(v)), v, context, file: file, line: line)
            if list.key(list.succ(v)) < list.key(v) { wraps += 1 }
        }
        XCTAssertEqual(wraps, 1, "\(context): keys must increase along the tour with one wrap", file: file, line: line)
    }

    func testRandomReversalsMatchAnArray() {
        // Factor 2: segments reach their limit often, so rebuilds happen mid-run too.
        for (n, operations, every, factor) in [(8, 400, 1, 4), (9, 400, 1, 4), (31, 2000, 1, 4), (1000, 6000, 50, 4), (1000, 6000, 50, 2)] {
            var rng = SeededGenerator(seed: UInt64(n))
            var tour = Array(0..<n)
            tour.shuffle(using: &rng)
            var position = [Int](repeating: 0, count: n)
            for (p, v) in tour.enumerated() { position[v] = p }
            let list = TwoLevelList(tour: tour, maxSegmentFactor: factor)
            assertSameCycle(list, tour, "n \(n) start")
            for op in 0..<operations {
                let a = rng.below(n)
                // Short paths mostly, as the search makes them, and some of any length.
                let length = rng.below(4) == 0 ? rng.below(n) : rng.below(min(n, 12))
                var b = a
                for _ in 0..<length { b = tour[(position[b] + 1) % n] }
                // The list may hold the cycle in the other direction: read the path its way.
                let forward = list.succ(a) == tour[(position[a] + 1) % n]
                let changed = forward ? list.reversePath(from: a, to: b) : list.reversePath(from: b, to: a)
                reverse(&tour, &position, from: a, to: b)
                XCTAssertEqual(changed, length > 0 && length < n - 2, "n \(n) op \(op) length \(length)")
                if op % every == 0 { assertSameCycle(list, tour, "n \(n) op \(op)") }
            }
            assertSameCycle(list, tour, "n \(n) end")
            var sizes = 0
            for s in 0..<list.segmentCount { sizes += Int(list.size[s]) }
            XCTAssertEqual(sizes, n)
            if factor == 2 { XCTAssertGreaterThan(list.rebuilds, 0) }
        }
    }

    func testWriteAndLoadRoundTrip() {
        let n = 100
        var rng = SeededGenerator(seed: 3)
        var tour = Array(0..<n)
        tour.shuffle(using: &rng)
        let list = TwoLevelList(tour: tour)
        for _ in 0..<200 { list.reversePath(from: rng.below(n), to: rng.below(n)) }
        var written = [Int32](repeating: 0, count: n)
        written.withUnsafeMutableBufferPointer { list.write(to: $0.baseAddress!) }
        XCTAssertEqual(written[0], 0)
        XCTAssertEqual(Set(written).count, n)
        for p in 0..<n { XCTAssertEqual(list.succ(Int(written[p])), Int(written[(p + 1) % n])) }
        let other = TwoLevelList(tour: Array(0..<n))
        written.withUnsafeBufferPointer { other.load($0.baseAddress!) }
        for v in 0..<n { XCTAssertEqual(other.succ(v), list.succ(v)) }
    }
}
