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
}
