import XCTest
import HunchCore
@testable import HunchPacking3D

final class FreeSpacesTests: XCTestCase {
    /// Blocks of random sizes placed one after another in the corner of the space the rule
    /// picks: after every cut no free space overlaps a block and none lies inside another (the
    /// cut compares each new part with the touching spaces and its own side's parts only; a
    /// part kept by mistake would show up here as a space inside another).
    func testCutKeepsOnlyMaximalSpacesOutsideTheBlocks() {
        for fullSupport in [true, false] {
            var rng = SeededGenerator(seed: 7)
            for _ in 0..<20 {
                var free = FreeSpaces(length: 60, width: 40, height: 30, fullSupport: fullSupport)
                free.append(0, 0, 0, 60, 40, 30)
                var blocks: [[Int]] = []
                while free.spaceCount > 0 && blocks.count < 40 {
                    let s = free.select(rng.below(2) == 0 ? .cornerDistance : .lowestFirst)
                    let b = 6 * s
                    let size = [3 + rng.below(12), 3 + rng.below(12), 3 + rng.below(12)]
                    let x2 = free.spaces[b] + min(size[0], free.spaces[b + 3] - free.spaces[b])
                    let y2 = free.spaces[b + 1] + min(size[1], free.spaces[b + 4] - free.spaces[b + 1])
                    let z2 = free.spaces[b + 2] + min(size[2], free.spaces[b + 5] - free.spaces[b + 2])
                    let block = [free.spaces[b], free.spaces[b + 1], free.spaces[b + 2], x2, y2, z2]
                    blocks.append(block)
                    free.cut(block[0], block[1], block[2], x2, y2, z2, minSide: 3, topX2: x2, topY2: y2)
                    let spaces = (0..<free.spaceCount).map { Array(free.spaces[(6 * $0)..<(6 * $0 + 6)]) }
                    for (i, a) in spaces.enumerated() {
                        for k in blocks {
                            XCTAssertFalse(a[0] < k[3] && k[0] < a[3] && a[1] < k[4] && k[1] < a[4] && a[2] < k[5] && k[2] < a[5],
                                           "space \(a) overlaps block \(k)")
                        }
                        for (j, c) in spaces.enumerated() where j != i {
                            XCTAssertFalse(c[0] <= a[0] && c[1] <= a[1] && c[2] <= a[2] && a[3] <= c[3] && a[4] <= c[4] && a[5] <= c[5],
                                           "space \(a) lies inside \(c) (support \(fullSupport))")
                        }
                    }
                }
            }
        }
    }

    /// Without support the free spaces are exactly the maximal empty boxes of the container
    /// (Lai & Chan 1997): after every cut they must equal those found by brute force (every box
    /// between the blocks' and the container's faces that no block overlaps, kept when no other
    /// holds it). A piece the cut dropped by mistake (the face and side shortcuts, the vector
    /// comparison) would be missing here.
    func testCutWithoutSupportGivesExactlyTheMaximalEmptyBoxes() {
        var rng = SeededGenerator(seed: 11)
        let size = [20, 16, 12]
        for _ in 0..<12 {
            var free = FreeSpaces(length: size[0], width: size[1], height: size[2], fullSupport: false)
            free.append(0, 0, 0, size[0], size[1], size[2])
            var blocks: [[Int]] = []
            while free.spaceCount > 0 && blocks.count < 8 {
                let s = free.select(rng.below(2) == 0 ? .cornerDistance : .lowestFirst)
                let b = 6 * s
                var block = Array(free.spaces[b..<(b + 3)])
                for a in 0..<3 { block.append(block[a] + min(2 + rng.below(7), free.spaces[b + 3 + a] - free.spaces[b + a])) }
                blocks.append(block)
                free.cut(block[0], block[1], block[2], block[3], block[4], block[5], minSide: 1, topX2: block[3], topY2: block[4])
                let spaces = Set((0..<free.spaceCount).map { Array(free.spaces[(6 * $0)..<(6 * $0 + 6)]) })
                XCTAssertEqual(spaces.count, free.spaceCount, "a space twice")
                XCTAssertEqual(spaces, FreeSpacesTests.maximalEmptyBoxes(size, blocks), "after \(blocks)")
            }
        }
    }

    /// The maximal boxes inside the container that overlap none of `blocks`, by brute force.
    static func maximalEmptyBoxes(_ size: [Int], _ blocks: [[Int]]) -> Set<[Int]> {
        // A maximal box's faces lie on the container's or the blocks' faces.
        let lows = (0..<3).map { a in Set([0] + blocks.map { $0[3 + a] }).sorted() }
        let highs = (0..<3).map { a in Set([size[a]] + blocks.map { $0[a] }).sorted() }
        var maximal = Set<[Int]>()
        for x1 in lows[0] { for x2 in highs[0] where x2 > x1 {
            for y1 in lows[1] { for y2 in highs[1] where y2 > y1 {
                for z1 in lows[2] { for z2 in highs[2] where z2 > z1 {
                    let box = [x1, y1, z1, x2, y2, z2]
                    let overlaps = { (k: [Int], a: Int) in box[a] < k[3 + a] && k[a] < box[3 + a] }
                    if blocks.contains(where: { k in (0..<3).allSatisfy { overlaps(k, $0) } }) { continue }
                    // An empty box is maximal when each face is a wall or lies against a block that
                    // overlaps the box along the two other axes.
                    let blocked = (0..<3).allSatisfy { a in
                        let others = (0..<3).filter { $0 != a }
                        let low = box[a] == 0 || blocks.contains { k in k[3 + a] == box[a] && others.allSatisfy { overlaps(k, $0) } }
                        let high = box[3 + a] == size[a] || blocks.contains { k in k[a] == box[3 + a] && others.allSatisfy { overlaps(k, $0) } }
                        return low && high
                    }
                    if blocked { maximal.insert(box) }
                } }
            } }
        } }
        return maximal
    }

    /// The space to fill next: under full support the nearest floor corner, distances as sorted
    /// vectors; without support the nearest of all eight container corners by Manhattan distance
    /// (BSG), so a space under the ceiling can come first, and its block then hangs from the top.
    func testWithoutSupportASpaceUnderTheCeilingComesFirst() {
        for support in [true, false] {
            var free = FreeSpaces(length: 100, width: 100, height: 100, fullSupport: support)
            free.append(0, 0, 40, 50, 50, 100)  // under the ceiling, 40 above the floor
            free.append(10, 0, 0, 60, 50, 50)   // on the floor, 10 from a wall
            XCTAssertEqual(free.select(.cornerDistance), support ? 1 : 0, "support \(support)")
            XCTAssertEqual(free.ceilingAnchored(0), !support)
            XCTAssertFalse(free.ceilingAnchored(1))
            XCTAssertEqual(free.select(.lowestFirst), 1)
        }
    }
}
