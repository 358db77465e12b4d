/// The maximal free spaces of a container being filled (Lai & Chan 1997): boxes that no block
/// overlaps and that lie inside no other free space; placing a block cuts every space it
/// overlaps into the maximal parts around it (see `cut`).
///
/// A value type, mutated through one `inout` access per step by the engine (`MaximalSpacePacker`):
/// the engine is a class, and every element access to a class's array property pays a runtime
/// exclusivity check. Flat arrays, kept between steps: nothing is allocated once they have grown.
struct FreeSpaces {
    let length: Int, width: Int, height: Int
    let fullSupport: Bool

    /// Free spaces, six coordinates each: x1 y1 z1 x2 y2 z2.
    var spaces: [Int] = []
    var spaceCount = 0
    /// The parts of the spaces the last block cut, and its top (`cut`), six coordinates each.
    var pieces: [Int] = []
    var pieceCount = 0
    /// The surviving spaces against a face of the block being placed (`cut`), each as
    /// face << 32 | space, the faces numbered as the sides in `pieceSide` (a few per cut).
    var touching: [Int] = []
    /// Each piece's side of the block (0 −x, 1 +x, 2 −y, 3 +y, 4 −z, 5 +z; 6 the top or a
    /// merged top), and the cut pieces by side: side d's are `sideOrder[sideStart[d] ..< sideStart[d + 1]]`.
    var pieceSide: [Int] = []
    var sideOrder: [Int] = []
    var sideStart = [Int](repeating: 0, count: 8)
    /// The cut pieces' `key`s in `sideOrder`: a side's pieces side by side.
    var sortedKey: [SIMD8<Int32>] = []
    /// The pieces that lie inside a space or another piece (`markPiecesInsideOthers`).
    var pieceDropped: [Bool] = []

    init(length: Int, width: Int, height: Int, fullSupport: Bool) {
        self.length = length
        self.width = width
        self.height = height
        self.fullSupport = fullSupport
        spaces.reserveCapacity(6 * 256)
        pieces.reserveCapacity(6 * 64)
    }

    /// Makes the first `count` spaces of `saved` (six coordinates each) the free spaces.
    mutating func load(_ saved: [Int], count: Int) {
        let n = 6 * count
        if spaces.count < n { spaces.append(contentsOf: repeatElement(0, count: n - spaces.count)) }
        spaces.withUnsafeMutableBufferPointer { to in
            saved.withUnsafeBufferPointer { from in
                for i in 0..<n { to[i] = from[i] }
            }
        }
        spaceCount = count
    }

    /// Copies the free spaces into the front of `saved` (six coordinates each; what lies past
    /// them is stale), reusing its storage; `load` takes them back. Through buffers: appending a
    /// slice of `spaces` retained and released it at every save (1.7 % of a BR4-1 beam run
    /// without support, `perf`). Mutating only so that the engine's call borrows this struct: a
    /// non-mutating call on the engine's property copied the whole struct, retaining and
    /// releasing each of its arrays.
    mutating func save(into saved: inout [Int]) {
        let n = 6 * spaceCount
        if saved.count < n { saved.append(contentsOf: repeatElement(0, count: n - saved.count)) }
        saved.withUnsafeMutableBufferPointer { to in
            spaces.withUnsafeBufferPointer { from in
                for i in 0..<n { to[i] = from[i] }
            }
        }
    }

    /// Adds the space [x1,x2)×[y1,y2)×[z1,z2).
    @inline(__always)
    mutating func append(_ x1: Int, _ y1: Int, _ z1: Int, _ x2: Int, _ y2: Int, _ z2: Int) {
        let base = 6 * spaceCount
        if base + 6 > spaces.count {
            spaces.append(contentsOf: repeatElement(0, count: max(6, spaces.count)))
        }
        spaces[base] = x1; spaces[base + 1] = y1; spaces[base + 2] = z1
        spaces[base + 3] = x2; spaces[base + 4] = y2; spaces[base + 5] = z2
        spaceCount += 1
    }

    /// Removes space `s` (the last space takes its place).
    @inline(__always)
    mutating func remove(_ s: Int) {
        spaceCount -= 1
        if s != spaceCount {
            for i in 0..<6 { spaces[6 * s + i] = spaces[6 * spaceCount + i] }
        }
    }

    /// The space `rule` fills next (of equal keys, the larger; then the first).
    ///
    /// `cornerDistance` under full support compares the distances from the space's nearest
    /// corner to the container's nearest floor corner as sorted vectors (Parreño et al. 2008).
    /// Without support a block may hang from the ceiling, and the rule is BSG's
    /// (`Space::initialize` in the authors' Metasolver code): the nearest of all eight container
    /// corners, by Manhattan distance; the engine then anchors the block at that corner,
    /// `ceilingAnchored`. In paired 30 s runs without support this packed 8 problems of 12 better
    /// and 4 worse (+0.29 points; docs/benchmarks.md, "Blocks that hang from the ceiling").
    func select(_ rule: PlacementGenome.SpaceRule) -> Int {
        var best = 0
        var bestKey = (Int.max, Int.max, Int.max), bestVolume = -1
        for s in 0..<spaceCount {
            let base = 6 * s
            let x1 = spaces[base], y1 = spaces[base + 1], z1 = spaces[base + 2]
            let x2 = spaces[base + 3], y2 = spaces[base + 4], z2 = spaces[base + 5]
            let dx = min(x1, length - x2), dy = min(y1, width - y2)
            var key: (Int, Int, Int)
            switch rule {
            case .cornerDistance where !fullSupport:
                key = (dx + dy + min(z1, height - z2), 0, 0)
            case .cornerDistance:
                // Sort (dx, dy, z1) ascending.
                var p = dx, q = dy, r = z1
                if p > q { swap(&p, &q) }
                if q > r { swap(&q, &r) }
                if p > q { swap(&p, &q) }
                key = (p, q, r)
            case .lowestFirst:
                key = (z1, dx, dy)
            }
            let volume = (x2 - x1) * (y2 - y1) * (z2 - z1)
            if key < bestKey || (key == bestKey && volume > bestVolume) {
                best = s
                bestKey = key
                bestVolume = volume
            }
        }
        return best
    }

    /// True when a block goes at the top of space `s` rather than on its floor: without support,
    /// when the space is nearer the ceiling than the floor (`select`).
    @inline(__always)
    func ceilingAnchored(_ s: Int) -> Bool {
        !fullSupport && height - spaces[6 * s + 5] < spaces[6 * s + 2]
    }

    /// Replaces every space that the block [x1,x2)×[y1,y2)×[z1,z2) intersects by its maximal
    /// parts outside the block, drops parts too small for any remaining box or inside another
    /// space, and (full support) adds the space on the block's top.
    /// A part cut from a space the block intersects can lie inside a surviving space only if
    /// that space touches the block (it holds the part, which borders the block, and does not
    /// overlap the block), so cut parts are compared with those spaces alone.
    /// Under full support the space on top covers `x1..<topX2 × y1..<topY2` (a general block's
    /// covered top; the whole top of a simple one).
    mutating func cut(_ x1: Int, _ y1: Int, _ z1: Int, _ x2: Int, _ y2: Int, _ z2: Int, minSide: Int, topX2: Int, topY2: Int) {
        pieceCount = 0
        var write = 0
        for s in 0..<spaceCount {
            let base = 6 * s
            let sx1 = spaces[base], sy1 = spaces[base + 1], sz1 = spaces[base + 2]
            let sx2 = spaces[base + 3], sy2 = spaces[base + 4], sz2 = spaces[base + 5]
            let intersects = sx1 < x2 && x1 < sx2 && sy1 < y2 && y1 < sy2 && sz1 < z2 && z1 < sz2
            if !intersects {
                // Also drop spaces that have become too small (a type ran out).
                if sx2 - sx1 >= minSide && sy2 - sy1 >= minSide && sz2 - sz1 >= minSide {
                    if write != s { for i in 0..<6 { spaces[6 * write + i] = spaces[base + i] } }
                    write += 1
                }
                continue
            }
            if sx1 < x1 { addPiece(sx1, sy1, sz1, x1, sy2, sz2, minSide, side: 0) }
            if x2 < sx2 { addPiece(x2, sy1, sz1, sx2, sy2, sz2, minSide, side: 1) }
            if sy1 < y1 { addPiece(sx1, sy1, sz1, sx2, y1, sz2, minSide, side: 2) }
            if y2 < sy2 { addPiece(sx1, y2, sz1, sx2, sy2, sz2, minSide, side: 3) }
            if sz1 < z1 { addPiece(sx1, sy1, sz1, sx2, sy2, z1, minSide, side: 4) }
            if !fullSupport && z2 < sz2 { addPiece(sx1, sy1, z2, sx2, sy2, sz2, minSide, side: 5) }
        }
        spaceCount = write
        let cutCount = pieceCount
        sortCutPiecesBySide()
        var mergedFrom = pieceCount
        if fullSupport {
            addPiece(x1, y1, z2, topX2, topY2, height, minSide)
            mergedFrom = pieceCount
            if pieceCount > 0 { mergeTop(pieceCount - 1, minSide: minSide) }
        }
        if mergedFrom < pieceCount { dropSpacesInsideMergedTops(from: mergedFrom) }
        let kept = spaceCount
        findSpacesAgainstFaces(x1, y1, z1, x2, y2, z2, kept: kept)
        markPiecesInsideOthers(cutCount: cutCount, kept: kept)
        for p in 0..<pieceCount where !pieceDropped[p] {
            let pb = 6 * p
            append(pieces[pb], pieces[pb + 1], pieces[pb + 2], pieces[pb + 3], pieces[pb + 4], pieces[pb + 5])
        }
    }

    /// Sets `pieceDropped[p]` for each piece p that lies inside one of the first `kept` spaces or
    /// inside another piece (of two equal pieces, the first survives).
    mutating func markPiecesInsideOthers(cutCount: Int, kept: Int) {
        if pieceDropped.count < pieceCount {
            pieceDropped.append(contentsOf: repeatElement(false, count: pieceCount - pieceDropped.count))
        }
        for d in 0..<6 {
            for r in sideStart[d]..<sideStart[d + 1] {
                pieceDropped[sideOrder[r]] = cutPieceInsideOthers(r, side: d, cutCount: cutCount)
            }
        }
        for p in cutCount..<pieceCount { pieceDropped[p] = pieceInsideOthers(p, kept: kept) }
    }

    /// True when the cut piece at `r` in `sideOrder` (on `side` of the block) lies inside a space
    /// or another piece. It is compared with the spaces against its face of the block only
    /// (`findSpacesAgainstFaces`), and, as it lies inside no piece cut on another side (that piece
    /// ends at the face this one crosses), with the pieces of its own side and the top and
    /// merged ones (which come after every cut piece: of two equal, the cut one survives).
    func cutPieceInsideOthers(_ r: Int, side d: Int, cutCount: Int) -> Bool {
        sortedKey.withUnsafeBufferPointer { keys in
            let kr = keys[r]
            for t in touching where t >> 32 == d && all(FreeSpaces.key(spaces, 6 * (t & 0xFFFF_FFFF)) .<= kr) { return true }
            // The side's pieces are in index order: of two equal, the first survives.
            for q in sideStart[d]..<sideStart[d + 1] where q != r && all(keys[q] .<= kr) && (q < r || keys[q] != kr) { return true }
            for q in cutCount..<pieceCount {
                let kq = FreeSpaces.key(pieces, 6 * q)
                if all(kq .<= kr) && kq != kr { return true }
            }
            return false
        }
    }

    /// True when the top or merged piece `p` lies inside one of the first `kept` spaces or inside
    /// another piece (of two equal pieces, the first survives).
    func pieceInsideOthers(_ p: Int, kept: Int) -> Bool {
        let kp = FreeSpaces.key(pieces, 6 * p)
        for s in 0..<kept where all(FreeSpaces.key(spaces, 6 * s) .<= kp) { return true }
        for q in 0..<pieceCount where q != p {
            let kq = FreeSpaces.key(pieces, 6 * q)
            if all(kq .<= kp) && (q < p || kq != kp) { return true }
        }
        return false
    }

    /// The box at `c[b…]` as (x1, y1, z1, −x2, −y2, −z2, 0, 0): box A holds box B when every
    /// lane of A's key is at most B's, one vector comparison. The cut pieces of one side are
    /// compared with each other, quadratic in them: 46 pieces a cut without support on BR15-1,
    /// most of them above the block (their keys are kept in `sortedKey`). The thpack reader caps
    /// sides at 100,000, so coordinates fit 32 bits.
    @inline(__always)
    static func key(_ c: [Int], _ b: Int) -> SIMD8<Int32> {
        SIMD8(Int32(truncatingIfNeeded: c[b]), Int32(truncatingIfNeeded: c[b + 1]), Int32(truncatingIfNeeded: c[b + 2]),
              Int32(truncatingIfNeeded: -c[b + 3]), Int32(truncatingIfNeeded: -c[b + 4]), Int32(truncatingIfNeeded: -c[b + 5]), 0, 0)
    }

    /// Fills `touching` with the first `kept` spaces that lie against a face of the block
    /// [x1,x2)×[y1,y2)×[z1,z2): overlapping it, as open intervals, along the two other axes and
    /// flush with the face. Only these can hold a cut piece: a piece cut on side d overlaps the
    /// block along the two other axes and ends at face d, so a space holding it overlaps the block
    /// along those axes too, reaches face d, and (not intersecting the block) ends there.
    /// Comparing each piece with its own face's spaces, not with every space that touches the
    /// block, and a side's pieces by `key`, took the check from 30 % to 13 % of the time without
    /// support on BR15-1 (docs/benchmarks.md, "A cheaper space update").
    mutating func findSpacesAgainstFaces(_ x1: Int, _ y1: Int, _ z1: Int, _ x2: Int, _ y2: Int, _ z2: Int, kept: Int) {
        touching.removeAll(keepingCapacity: true)
        for s in 0..<kept {
            let b = 6 * s
            let sx1 = spaces[b], sy1 = spaces[b + 1], sz1 = spaces[b + 2]
            let sx2 = spaces[b + 3], sy2 = spaces[b + 4], sz2 = spaces[b + 5]
            let inX = sx1 < x2 && x1 < sx2, inY = sy1 < y2 && y1 < sy2, inZ = sz1 < z2 && z1 < sz2
            var face = -1
            if inY && inZ {
                face = sx2 == x1 ? 0 : (sx1 == x2 ? 1 : -1)
            } else if inX && inZ {
                face = sy2 == y1 ? 2 : (sy1 == y2 ? 3 : -1)
            } else if inX && inY {
                face = sz2 == z1 ? 4 : (sz1 == z2 ? 5 : -1)
            }
            if face >= 0 { touching.append(face << 32 | s) }
        }
    }

    /// Fills `sideOrder`, `sideStart` and `sortedKey` (a counting sort of the pieces so far by
    /// side, in index order within a side).
    mutating func sortCutPiecesBySide() {
        for d in 0..<8 { sideStart[d] = 0 }
        for p in 0..<pieceCount { sideStart[pieceSide[p] + 1] += 1 }
        for d in 0..<7 { sideStart[d + 1] += sideStart[d] }
        if sideOrder.count < pieceCount { sideOrder.append(contentsOf: repeatElement(0, count: pieceCount - sideOrder.count)) }
        // After the prefix sums sideStart[d + 1] is side d's end; moved up one place it is side
        // d's start, and serves as its cursor until it is its end again.
        for d in stride(from: 7, to: 0, by: -1) { sideStart[d] = sideStart[d - 1] }
        sideStart[0] = 0
        for p in 0..<pieceCount {
            let d = pieceSide[p]
            sideOrder[sideStart[d + 1]] = p
            sideStart[d + 1] += 1
        }
        if sortedKey.count < pieceCount { sortedKey.append(contentsOf: repeatElement(SIMD8(), count: pieceCount - sortedKey.count)) }
        for r in 0..<pieceCount { sortedKey[r] = FreeSpaces.key(pieces, 6 * sideOrder[r]) }
    }

    /// Removes the spaces that a merged top rectangle (pieces `from…`) strictly enlarges.
    mutating func dropSpacesInsideMergedTops(from first: Int) {
        var s = 0
        while s < spaceCount {
            let b = 6 * s
            var inside = false
            for p in first..<pieceCount {
                let pb = 6 * p
                if pieces[pb] <= spaces[b] && pieces[pb + 1] <= spaces[b + 1] && pieces[pb + 2] <= spaces[b + 2] &&
                    spaces[b + 3] <= pieces[pb + 3] && spaces[b + 4] <= pieces[pb + 4] && spaces[b + 5] <= pieces[pb + 5] {
                    let equal = pieces[pb] == spaces[b] && pieces[pb + 1] == spaces[b + 1] && pieces[pb + 2] == spaces[b + 2] &&
                        spaces[b + 3] == pieces[pb + 3] && spaces[b + 4] == pieces[pb + 4] && spaces[b + 5] == pieces[pb + 5]
                    if !equal {
                        inside = true
                        break
                    }
                }
            }
            if inside { remove(s) } else { s += 1 }
        }
    }

    /// Full support: the top face of the new block and a free space standing on the same height
    /// that touch each other form a supported rectangle together (the union of the two x-ranges
    /// over the common y-range, or the converse); adds those rectangles as spaces, so that boxes
    /// can bridge blocks of equal height.
    mutating func mergeTop(_ topPiece: Int, minSide: Int) {
        let tb = 6 * topPiece
        let tx1 = pieces[tb], ty1 = pieces[tb + 1], h = pieces[tb + 2]
        let tx2 = pieces[tb + 3], ty2 = pieces[tb + 4], tz2 = pieces[tb + 5]
        for s in 0..<spaceCount where spaces[6 * s + 2] == h {
            let b = 6 * s
            let sx1 = spaces[b], sy1 = spaces[b + 1], sx2 = spaces[b + 3], sy2 = spaces[b + 4], sz2 = spaces[b + 5]
            let top = min(tz2, sz2)
            if sx1 <= tx2 && tx1 <= sx2 {
                // x-ranges touch: union in x over the common y-range.
                addPiece(min(sx1, tx1), max(sy1, ty1), h, max(sx2, tx2), min(sy2, ty2), top, minSide)
            }
            if sy1 <= ty2 && ty1 <= sy2 {
                addPiece(max(sx1, tx1), min(sy1, ty1), h, min(sx2, tx2), max(sy2, ty2), top, minSide)
            }
        }
    }

    @inline(__always)
    mutating func addPiece(_ x1: Int, _ y1: Int, _ z1: Int, _ x2: Int, _ y2: Int, _ z2: Int, _ minSide: Int, side: Int = 6) {
        guard x2 - x1 >= minSide && y2 - y1 >= minSide && z2 - z1 >= minSide else { return }
        let base = 6 * pieceCount
        if base + 6 > pieces.count {
            pieces.append(contentsOf: repeatElement(0, count: max(6, pieces.count)))
        }
        if pieceCount == pieceSide.count { pieceSide.append(side) } else { pieceSide[pieceCount] = side }
        pieces[base] = x1; pieces[base + 1] = y1; pieces[base + 2] = z1
        pieces[base + 3] = x2; pieces[base + 4] = y2; pieces[base + 5] = z2
        pieceCount += 1
    }
}
