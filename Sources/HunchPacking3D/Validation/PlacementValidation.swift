/// The independent check of a loading plan that tests and `bench` trust. It shares no code with
/// the placement engine: it looks only at the instance and the plan's coordinates.
public enum PlacementValidation {
    /// Throws the first `PlacementViolation` (see `violations`): unknown type, extents that are not an allowed
    /// orientation, box counts below 1, boxes outside the container, more boxes of a type than
    /// available, two placements that overlap (positive-volume intersection), and with
    /// `requireFullSupport` a placement above the floor whose whole base does not rest on tops of
    /// boxes at exactly its height.
    ///
    /// A placement is a block of identical boxes that tile its bounding box, each resting on the
    /// one below, so the check works on blocks: a million boxes of 1×1×1 placed as a few dozen
    /// blocks cost a few dozen checks. Two blocks overlap exactly when their bounding boxes do,
    /// and a block is fully supported exactly when its bottom face is (its bottom boxes' bases
    /// partition that face, and supported areas add up).
    ///
    /// Every coordinate is range-checked before any arithmetic, so a hostile plan (a position of
    /// 2⁶³ − 1) is reported, never a trap. Overlaps and support are found through a uniform grid
    /// whose cells are about the size of a typical block, capped at a few cells per block:
    /// O(blocks + grid incidences + pairs sharing a cell), never all pairs of a dense layer.
    public static func check(_ plan: PackingPlan, instance: ContainerInstance, requireFullSupport: Bool) throws {
        if let first = violations(plan, instance: instance, requireFullSupport: requireFullSupport, limit: 1).first {
            throw first
        }
    }

    /// Every violation, at most `limit`, in `check`'s order (so its first is what `check`
    /// throws): each block's own defects in plan order, the types over their quantity, each
    /// overlapping pair once, then each block without full support. A block with a defect of its
    /// own (unknown type, outside the container…) is reported once and left out of the overlap
    /// and support checks, whose arithmetic it could overflow.
    public static func violations(_ plan: PackingPlan, instance: ContainerInstance, requireFullSupport: Bool,
                                  limit: Int = .max) -> [PlacementViolation] {
        let all = plan.placements
        let types = instance.boxTypes
        guard instance.container.count == 3 else { return [] }
        let length = instance.container[0], width = instance.container[1], height = instance.container[2]
        var found: [PlacementViolation] = []
        func add(_ violation: PlacementViolation) -> Bool {
            found.append(violation)
            return found.count >= limit
        }
        var counts = [Int](repeating: 0, count: types.count)
        // The positions in `all` of the blocks without a defect of their own.
        var kept: [Int] = []
        for (i, b) in all.enumerated() {
            guard b.type >= 0 && b.type < types.count else {
                if add(.unknownType(box: i, type: b.type)) { return found }
                continue
            }
            guard b.lx >= 1, b.ly >= 1, b.lz >= 1, types[b.type].allows(b.lx, b.ly, b.lz) else {
                if add(.wrongOrientation(box: i, type: b.type, extents: [b.lx, b.ly, b.lz])) { return found }
                continue
            }
            guard b.nx >= 1, b.ny >= 1, b.nz >= 1 else {
                if add(.badCount(box: i, counts: [b.nx, b.ny, b.nz])) { return found }
                continue
            }
            // x ∈ [0, L] first, so that L − x cannot overflow; then nx·lx ≤ L − x by division.
            guard b.x >= 0, b.y >= 0, b.z >= 0, b.x <= length, b.y <= width, b.z <= height,
                  b.nx <= (length - b.x) / b.lx, b.ny <= (width - b.y) / b.ly, b.nz <= (height - b.z) / b.lz else {
                if add(.outsideContainer(box: i)) { return found }
                continue
            }
            let (xy, o1) = b.nx.multipliedReportingOverflow(by: b.ny)
            let (boxes, o2) = xy.multipliedReportingOverflow(by: b.nz)
            let (sum, o3) = counts[b.type].addingReportingOverflow(boxes)
            counts[b.type] = o1 || o2 || o3 ? Int.max : sum
            kept.append(i)
        }
        for (t, c) in counts.enumerated() where c > types[t].quantity {
            if add(.tooManyOfType(type: t, placed: c, available: types[t].quantity)) { return found }
        }
        guard kept.count > 1 else { return found }

        let blocks = kept.map { all[$0] }
        let grid = Grid(blocks, container: (length, width, height))
        // Overlaps: only blocks that share a grid cell can overlap. A pair is reported in the
        // first cell it shares (the one holding the corner of the intersection nearest the
        // origin), so once however many cells it shares.
        for cell in 0..<grid.cellCount {
            let members = grid.members(of: cell)
            guard members.count > 1 else { continue }
            for q in members.indices.dropFirst() {
                let b = blocks[Int(members[q])]
                for p in members.startIndex..<q {
                    let a = blocks[Int(members[p])]
                    if a.x < b.x + b.extentX && b.x < a.x + a.extentX && a.y < b.y + b.extentY && b.y < a.y + a.extentY
                        && a.z < b.z + b.extentZ && b.z < a.z + a.extentZ,
                       cell == grid.cell(grid.cellIndex(max(a.x, b.x), axis: 0), grid.cellIndex(max(a.y, b.y), axis: 1),
                                         grid.cellIndex(max(a.z, b.z), axis: 2)) {
                        let (i, j) = (kept[Int(members[p])], kept[Int(members[q])])
                        if add(.overlap(box: min(i, j), other: max(i, j))) { return found }
                    }
                }
            }
        }

        guard requireFullSupport else { return found }
        // Support: the blocks whose tops are at a block's base lie in the grid layer just below it.
        var seen = [Int](repeating: -1, count: blocks.count)
        for (i, a) in blocks.enumerated() where a.z > 0 {
            let ax2 = a.x + a.extentX, ay2 = a.y + a.extentY
            var covered = 0
            let layer = grid.cellIndex(a.z - 1, axis: 2)
            for cx in grid.cellIndex(a.x, axis: 0)...grid.cellIndex(ax2 - 1, axis: 0) {
                for cy in grid.cellIndex(a.y, axis: 1)...grid.cellIndex(ay2 - 1, axis: 1) {
                    for member in grid.members(of: grid.cell(cx, cy, layer)) {
                        let j = Int(member)
                        guard seen[j] != i else { continue }
                        seen[j] = i
                        let b = blocks[j]
                        guard b.z + b.extentZ == a.z else { continue }
                        let dx = min(ax2, b.x + b.extentX) - max(a.x, b.x)
                        let dy = min(ay2, b.y + b.extentY) - max(a.y, b.y)
                        if dx > 0 && dy > 0 { covered += dx * dy }
                    }
                }
            }
            // Tops at one height never overlap in a plan without overlaps, so the areas add up
            // (where blocks overlap, reported above, the sum may count an area twice).
            let base = a.extentX * a.extentY
            if covered < base, add(.unsupported(box: kept[i], supportedArea: covered, baseArea: base)) { return found }
        }
        return found
    }

    /// The blocks of a plan bucketed by a uniform grid over the container (compressed rows:
    /// `start[c] ..< start[c+1]` in `entries` are the blocks meeting cell c, in plan order).
    struct Grid {
        var size: (Int, Int, Int)
        var cells: (Int, Int, Int)
        var start: [Int] = []
        var entries: [Int32] = []

        var cellCount: Int { cells.0 * cells.1 * cells.2 }

        init(_ blocks: [Placement], container: (Int, Int, Int)) {
            let n = blocks.count
            func median(_ values: [Int]) -> Int {
                var sorted = values
                sorted.sort()
                return max(1, sorted[sorted.count / 2])
            }
            var size = (median(blocks.map(\.extentX)), median(blocks.map(\.extentY)), median(blocks.map(\.extentZ)))
            let limits = (max(1, container.0), max(1, container.1), max(1, container.2))
            let maxCells = 4 * n + 64, maxIncidences = 32 * n + 1024
            func dims(_ s: (Int, Int, Int)) -> (Int, Int, Int) {
                ((limits.0 + s.0 - 1) / s.0, (limits.1 + s.1 - 1) / s.1, (limits.2 + s.2 - 1) / s.2)
            }
            func incidences(_ s: (Int, Int, Int), cap: Int) -> Int {
                var total = 0
                for b in blocks {
                    total += ((b.x + b.extentX - 1) / s.0 - b.x / s.0 + 1) * ((b.y + b.extentY - 1) / s.1 - b.y / s.1 + 1)
                        * ((b.z + b.extentZ - 1) / s.2 - b.z / s.2 + 1)
                    if total > cap { return total }
                }
                return total
            }
            // Coarser cells until the grid and its incidences are a few per block.
            while true {
                size = (min(size.0, limits.0), min(size.1, limits.1), min(size.2, limits.2))
                let d = dims(size)
                let atLimit = size.0 == limits.0 && size.1 == limits.1 && size.2 == limits.2
                if atLimit || (d.0 * d.1 * d.2 <= maxCells && incidences(size, cap: maxIncidences) <= maxIncidences) { break }
                size = (size.0 * 2, size.1 * 2, size.2 * 2)
            }
            self.size = size
            cells = dims(size)
            var count = [Int](repeating: 0, count: cells.0 * cells.1 * cells.2 + 1)
            func forEachCell(_ b: Placement, _ body: (Int) -> Void) {
                for cz in (b.z / size.2)...((b.z + b.extentZ - 1) / size.2) {
                    for cy in (b.y / size.1)...((b.y + b.extentY - 1) / size.1) {
                        for cx in (b.x / size.0)...((b.x + b.extentX - 1) / size.0) {
                            body((cz * cells.1 + cy) * cells.0 + cx)
                        }
                    }
                }
            }
            for b in blocks { forEachCell(b) { count[$0 + 1] += 1 } }
            for c in 1..<count.count { count[c] += count[c - 1] }
            start = count
            entries = [Int32](repeating: 0, count: count[count.count - 1])
            var fill = count
            for (i, b) in blocks.enumerated() {
                forEachCell(b) { cell in
                    entries[fill[cell]] = Int32(truncatingIfNeeded: i)
                    fill[cell] += 1
                }
            }
        }

        func members(of cell: Int) -> ArraySlice<Int32> { entries[start[cell]..<start[cell + 1]] }

        func cellIndex(_ coordinate: Int, axis: Int) -> Int {
            switch axis {
            case 0: return min(cells.0 - 1, max(0, coordinate / size.0))
            case 1: return min(cells.1 - 1, max(0, coordinate / size.1))
            default: return min(cells.2 - 1, max(0, coordinate / size.2))
            }
        }

        func cell(_ cx: Int, _ cy: Int, _ cz: Int) -> Int { (cz * cells.1 + cy) * cells.0 + cx }
    }
}
