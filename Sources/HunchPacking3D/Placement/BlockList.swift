import HunchCore

/// General blocks that mix box types or orientations, built once per instance (Fanslau &
/// Bortfeldt 2010, "A tree search algorithm for solving the container loading problem",
/// INFORMS J. Computing 22; the block lists of Araya, Guerrero & Nuñez 2017's BSG).
///
/// A general block is two blocks side by side along x or y, or one on top of the other, whose
/// bounding box their boxes fill to at least `minimumFill` (98 %). The engine's own simple
/// blocks (columns and layers of one type, built per space) stay as they are; this list adds
/// the mixed ones, so that two types whose sides add up to the space's can fill it together.
/// On request (`make(…, grids: true)`) it also holds every nx×ny×nz grid of one type, as BSG's
/// list does.
///
/// **Full support.** Blocks side by side must have the same height; a block goes on top of
/// another only when the lower one's covered top rectangle holds the upper one's whole base. A
/// block keeps the rectangle of its top face that is covered at its full height (from its origin
/// corner, `topX × topY`): the only part of its top that the engine offers as a floor. Without
/// support, a block may go on top of one whose covered top is smaller than its base.
///
/// Storage is flat arrays (structure of arrays), so the engine's scan over the list allocates
/// nothing. Each block holds its parts (simple blocks, as placements relative to its corner) and
/// its box counts per type. A final class of constants: the engine reads its list on every
/// ranking, and a struct of a dozen arrays would be retained and released array by array each
/// time (8 % of a BR7 run's time without support, `perf`).
///
/// Complexity: candidate pairs are found through buckets (by height, then sorted by side), so
/// generation is near-linear in the simple blocks plus the pairs whose sides nearly match.
public final class BlockList: Sendable {
    /// Blocks in the list.
    public let count: Int
    public let sizeX: [Int], sizeY: [Int], sizeZ: [Int]
    /// Box volume in the block (≥ `minimumFill` of its bounding box).
    public let volume: [Int]
    /// Boxes in the block.
    public let boxCount: [Int]
    /// The covered rectangle of the top face, from the block's origin corner.
    public let topX: [Int], topY: [Int]
    /// Block b's parts are `parts[partStart[b] ..< partStart[b + 1]]`, relative to its corner.
    public let partStart: [Int]
    public let parts: [Placement]
    /// Block b needs `needCount[i]` boxes of type `needType[i]`, i in `needStart[b] ..< needStart[b + 1]`.
    public let needStart: [Int]
    public let needType: [Int]
    public let needCount: [Int]

    /// The share of its bounding box a general block must fill (Fanslau & Bortfeldt use 98 %).
    public static let minimumFill = 0.98
    /// Most general blocks kept (the largest by volume).
    public static let defaultLimit = 3000
    /// Most simple blocks combined: beyond it, the largest are kept as building material.
    public static let simpleLimit = 6000
    /// Most simple blocks enumerated per type and orientation.
    public static let simplePerOrientation = 1000
    /// Most parts in a general block.
    public static let maxParts = 4

    /// The list of `blocks`, in their order: by volume, largest first (`firstFitting` needs it).
    init(_ blocks: [Block]) {
        assert(zip(blocks, blocks.dropFirst()).allSatisfy { $0.volume >= $1.volume }, "a block list is sorted by volume")
        var partStart = [0], parts: [Placement] = [], needStart = [0], needType: [Int] = [], needCount: [Int] = []
        for block in blocks {
            parts.append(contentsOf: block.parts)
            partStart.append(parts.count)
            for (t, n) in block.needs { needType.append(t); needCount.append(n) }
            needStart.append(needType.count)
        }
        count = blocks.count
        sizeX = blocks.map(\.sx); sizeY = blocks.map(\.sy); sizeZ = blocks.map(\.sz)
        volume = blocks.map(\.volume)
        boxCount = blocks.map { $0.needs.reduce(0) { $0 + $1.1 } }
        topX = blocks.map(\.topX); topY = blocks.map(\.topY)
        self.partStart = partStart; self.parts = parts
        self.needStart = needStart; self.needType = needType; self.needCount = needCount
    }

    /// The first block whose box volume is at most `volume`. The list is sorted by volume, largest
    /// first (`make`), and a block holding more than a space's volume cannot fit it, so a space's
    /// scan starts there (binary search): late in a packing most spaces are small and skip most
    /// of the list (`rankGeneralBlocks` from 15 % to 5 % of a BR4-1 profile without support; issue
    /// 17, "A shorter scan of the block list"). Skipped blocks are not counted as evaluated, as a
    /// block too large never was.
    @inline(__always)
    public func firstFitting(volume: Int) -> Int {
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if self.volume[mid] > volume { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// The parts of block `b`.
    public func partsOf(_ b: Int) -> ArraySlice<Placement> { parts[partStart[b]..<partStart[b + 1]] }

    /// Builds the general blocks of `instance`: two rounds of combinations (simple + simple, then
    /// general + simple), each pair along x, y and z, kept when it fits the container and the
    /// quantities, fills its box to `minimumFill` and (under `fullSupport`) has a usable top;
    /// duplicates (same size and same box counts) dropped; the `limit` largest kept. `stop` ends
    /// the generation early with what it has.
    ///
    /// With `grids`, the list also holds every nx×ny×nz grid of one type and orientation of two
    /// boxes or more (the `simpleLimit` largest, besides the `limit` general blocks; not
    /// deduplicated, so two orientations may give equal grids), as BSG's block list does;
    /// without `general`, only those. The engine's layers (one box thick, filling the space) are
    /// a few of these grids; the others let a type fill a space's length with fewer boxes than
    /// the space holds.
    public static func make(_ instance: ContainerInstance, fullSupport: Bool, limit: Int = defaultLimit,
                            general: Bool = true, grids: Bool = false, stop: StopCondition? = nil) -> BlockList {
        var builder = Builder(instance: instance, fullSupport: fullSupport, stop: stop)
        builder.addSimpleBlocks()
        let simple = builder.blocks
        var kept: [Block] = []
        if general {
            var round = builder.combine(simple, simple, budget: 8 * limit)
            let second = builder.combine(round, simple, budget: 8 * limit)
            round += second
            round.sort { ($0.volume, -$0.parts.count) > ($1.volume, -$1.parts.count) }
            kept = Array(round.prefix(max(0, limit)))
        }
        if grids {
            kept += simple.filter { $0.needs[0].1 >= 2 }
            kept.sort { ($0.volume, -$0.parts.count) > ($1.volume, -$1.parts.count) }
        }
        return BlockList(kept)
    }

    /// A block while the list is built.
    struct Block {
        var sx: Int, sy: Int, sz: Int
        var volume: Int
        var topX: Int, topY: Int
        var parts: [Placement]
        /// (type, count), sorted by type.
        var needs: [(Int, Int)]

        struct Key: Hashable {
            var sx: Int, sy: Int, sz: Int
            var needs: [Int]
        }
        var key: Key { Key(sx: sx, sy: sy, sz: sz, needs: needs.flatMap { [$0.0, $0.1] }) }
    }

    /// Generation state: the instance's limits and the blocks seen.
    struct Builder {
        let instance: ContainerInstance
        let fullSupport: Bool
        let stop: StopCondition?
        let length: Int, width: Int, height: Int
        var blocks: [Block] = []
        var seen = Set<Block.Key>()

        init(instance: ContainerInstance, fullSupport: Bool, stop: StopCondition?) {
            self.instance = instance
            self.fullSupport = fullSupport
            self.stop = stop
            let c = instance.container
            length = c.count == 3 ? c[0] : 0
            width = c.count == 3 ? c[1] : 0
            height = c.count == 3 ? c[2] : 0
        }

        /// Every nx×ny×nz block of one type and orientation within the quantity and the
        /// container (the largest `simpleLimit` by volume).
        mutating func addSimpleBlocks() {
            var all: [Block] = []
            for (t, box) in instance.boxTypes.enumerated() where box.quantity > 0 {
                let q = box.quantity
                for (a, b, h) in box.orientations where a <= length && b <= width && h <= height && a > 0 && b > 0 && h > 0 {
                    // A cap per orientation: a million unit cubes would give millions of blocks.
                    var made = 0
                    outer: for nz in 1...min(q, height / h) {
                        for ny in 1...min(q / nz, width / b) {
                            if made >= BlockList.simplePerOrientation || (stop?.timeIsUp() ?? false) { break outer }
                            for nx in 1...min(q / (nz * ny), length / a) {
                                made += 1
                                let p = Placement(type: t, x: 0, y: 0, z: 0, lx: a, ly: b, lz: h, nx: nx, ny: ny, nz: nz)
                                all.append(Block(sx: nx * a, sy: ny * b, sz: nz * h, volume: p.volume,
                                                 topX: nx * a, topY: ny * b, parts: [p], needs: [(t, nx * ny * nz)]))
                            }
                        }
                    }
                }
            }
            if all.count > BlockList.simpleLimit {
                all.sort { $0.volume > $1.volume }
                all.removeLast(all.count - BlockList.simpleLimit)
            }
            blocks = all
        }

        /// New blocks from `a`-blocks combined with `b`-blocks along x, y and z (at most `budget`).
        mutating func combine(_ first: [Block], _ second: [Block], budget: Int) -> [Block] {
            var made: [Block] = []
            // Side by side (x or y): equal heights under full support; buckets by height, sorted
            // by the side that must match, scanned over the window the fill allows.
            for axis in 0..<2 {
                var byHeight: [Int: [Int]] = [:]
                for (i, b) in second.enumerated() { byHeight[b.sz, default: []].append(i) }
                for key in byHeight.keys {
                    byHeight[key]!.sort { side(second[$0], axis) < side(second[$1], axis) }
                }
                for a in first {
                    if stopped(made.count, budget) { return made }
                    guard let bucket = byHeight[a.sz] else { continue }
                    let s = side(a, axis)
                    let low = Double(s) * BlockList.minimumFill, high = Double(s) / BlockList.minimumFill
                    var lo = 0, hi = bucket.count
                    while lo < hi {
                        let mid = (lo + hi) / 2
                        if Double(side(second[bucket[mid]], axis)) < low { lo = mid + 1 } else { hi = mid }
                    }
                    var k = lo
                    while k < bucket.count && Double(side(second[bucket[k]], axis)) <= high {
                        if let c = join(a, second[bucket[k]], axis: axis) { add(c, to: &made) }
                        k += 1
                    }
                }
            }
            // One on top of the other: bases of nearly equal area.
            let byArea = second.indices.sorted { second[$0].sx * second[$0].sy < second[$1].sx * second[$1].sy }
            let areas = byArea.map { second[$0].sx * second[$0].sy }
            for a in first {
                if stopped(made.count, budget) { return made }
                let area = Double(a.topX * a.topY)
                let low = area * BlockList.minimumFill, high = Double(a.sx * a.sy) / BlockList.minimumFill
                var lo = 0, hi = areas.count
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if Double(areas[mid]) < low { lo = mid + 1 } else { hi = mid }
                }
                var k = lo
                while k < areas.count && Double(areas[k]) <= high {
                    if let c = join(a, second[byArea[k]], axis: 2) { add(c, to: &made) }
                    k += 1
                }
            }
            return made
        }

        func stopped(_ made: Int, _ budget: Int) -> Bool {
            made >= budget || (stop?.timeIsUp() ?? false)
        }

        @inline(__always)
        func side(_ b: Block, _ axis: Int) -> Int { axis == 0 ? b.sy : b.sx }

        mutating func add(_ block: Block, to made: inout [Block]) {
            if seen.insert(block.key).inserted { made.append(block) }
        }

        /// `a` with `b` placed after it along `axis` (0 x, 1 y, 2 z), if the result is a valid
        /// general block.
        func join(_ a: Block, _ b: Block, axis: Int) -> Block? {
            guard a.parts.count + b.parts.count <= BlockList.maxParts else { return nil }
            // Two parts of one type and orientation side by side are a simple block or a ragged
            // one: the engine's own layers cover them.
            if a.parts.count == 1 && b.parts.count == 1 {
                let p = a.parts[0], q = b.parts[0]
                if p.type == q.type && p.lx == q.lx && p.ly == q.ly && p.lz == q.lz { return nil }
            }
            var sx = 0, sy = 0, sz = 0, dx = 0, dy = 0, dz = 0, topX = 0, topY = 0
            switch axis {
            case 0:
                if fullSupport && a.sz != b.sz { return nil }
                sx = a.sx + b.sx; sy = max(a.sy, b.sy); sz = max(a.sz, b.sz); dx = a.sx
                // The covered top: both tops when a's spans its whole length, else a's alone.
                if a.topX == a.sx && a.sz == b.sz { topX = a.sx + b.topX; topY = min(a.topY, b.topY) } else { topX = a.topX; topY = a.topY }
            case 1:
                if fullSupport && a.sz != b.sz { return nil }
                sx = max(a.sx, b.sx); sy = a.sy + b.sy; sz = max(a.sz, b.sz); dy = a.sy
                if a.topY == a.sy && a.sz == b.sz { topX = min(a.topX, b.topX); topY = a.sy + b.topY } else { topX = a.topX; topY = a.topY }
            default:
                if fullSupport && (b.sx > a.topX || b.sy > a.topY) { return nil }
                sx = max(a.sx, b.sx); sy = max(a.sy, b.sy); sz = a.sz + b.sz; dz = a.sz
                topX = b.topX; topY = b.topY
            }
            guard sx <= length, sy <= width, sz <= height else { return nil }
            let volume = a.volume + b.volume
            guard Double(volume) >= BlockList.minimumFill * Double(sx * sy * sz) else { return nil }
            var needs = a.needs
            for (t, n) in b.needs {
                if let i = needs.firstIndex(where: { $0.0 == t }) { needs[i].1 += n } else { needs.append((t, n)) }
            }
            for (t, n) in needs where n > instance.boxTypes[t].quantity { return nil }
            needs.sort { $0.0 < $1.0 }
            var parts = a.parts
            for var p in b.parts {
                p.x += dx; p.y += dy; p.z += dz
                parts.append(p)
            }
            return Block(sx: sx, sy: sy, sz: sz, volume: volume, topX: topX, topY: topY, parts: parts, needs: needs)
        }
    }
}
