import HunchCore

/// The constructive placement engine: maximal free spaces filled by blocks of identical boxes
/// (Lai & Chan 1997 maximal spaces; Parreño, Alvarez-Valdes, Oliveira & Tamarit 2008 for the
/// space choice and the block building).
///
/// At each step the engine picks a free space (by the genome's `SpaceRule`), builds for every
/// box type and allowed orientation the columns and layers of that type that fit the space and
/// the remaining quantity (a layer is one box thick and fills the space in the two other
/// directions as far as the boxes go; with `wholeBlocks` the largest three-dimensional blocks
/// instead, which measured worse on BR1), ranks the blocks by volume (scaled by the genome's type
/// order and orientation preference), takes the one at the genome's deviation for that step,
/// puts it in the space's corner nearest a container corner, and cuts every space it touches
/// into the maximal spaces around it.
///
/// **Full support.** With `fullSupport` every free space's floor is, in its whole area, the
/// container floor or the top of a block: cutting a space keeps its floor, the part above a
/// block is not inherited from the spaces it cut but created as the block's own top face. So a
/// block on a space's floor always rests entirely on what is below, and a block is made of
/// stacked identical boxes, so each box in it is supported too.
///
/// **General blocks.** With the genome's `generalBlocks` the engine also offers the instance's
/// `BlockList` (blocks that mix types or orientations, Fanslau & Bortfeldt 2010), built once on
/// first use; a general block under full support offers only its covered top rectangle as floor.
///
/// **Steps.** `beginDecode`, `nextSpace`, `candidate`, `place`, `save` and `restore` expose one
/// step at a time, for the beam search (`BeamSearch`), which branches on the block choice.
///
/// One engine is reused across many decodes: its buffers are kept, nothing is allocated per
/// block once they have grown.
public final class MaximalSpacePacker {
    public let instance: ContainerInstance
    public let fullSupport: Bool
    let typeCount: Int
    let length: Int, width: Int, height: Int
    /// Orientation table: type t has `orientCount[t]` entries at `t*6 ..< t*6+orientCount[t]`.
    var orientCount: [Int]
    var orientX: [Int], orientY: [Int], orientZ: [Int]
    var smallestSide: [Int]
    var boxVolume: [Int]

    // Free spaces, six coordinates each: x1 y1 z1 x2 y2 z2.
    var spaces: [Int] = []
    var spaceCount = 0
    var pieces: [Int] = []
    var pieceCount = 0

    // Per decode.
    var remaining: [Int]
    var weight: [Double]
    /// Placements of the last decode. A search state may swap this buffer with its own.
    var placementsBuffer: [Placement] = []
    public var placements: [Placement] { placementsBuffer }
    /// Packed volume of the last decode.
    public private(set) var packedVolume = 0
    /// Blocks placed in the last decode (its steps).
    public private(set) var steps = 0
    /// Candidate blocks evaluated in the last decode (the work unit).
    public private(set) var evaluations = 0
    /// Type of the block placed at each step of the last decode.
    public private(set) var stepTypes: [Int] = []

    // The best `keep` candidates of one step, best first.
    let keep = Int(PlacementGenome.maxDeviation) + 1
    var candScore: [Double], candFoot: [Int], candType: [Int], candOrient: [Int]
    var candNx: [Int], candNy: [Int], candNz: [Int]
    /// Index into `blockList` for a general block, −1 for a simple one.
    var candBlock: [Int]
    public private(set) var candCount = 0
    /// Smallest side of a remaining box (Int.max when none is left), for the space cuts.
    var minSide = Int.max

    /// The instance's general blocks, built at the first decode that asks for them.
    public private(set) var blockList: BlockList?
    /// The most general blocks among the `keep` candidates of a step.
    /// (All of them by default: on BR3 at 3 s a cap of 3 measured no better.)
    public var maxGeneral = Int(PlacementGenome.maxDeviation) + 1
    /// The most general blocks `blockList` keeps.
    public var blockListLimit = BlockList.defaultLimit

    public init(instance: ContainerInstance, fullSupport: Bool) {
        self.instance = instance
        self.fullSupport = fullSupport
        typeCount = instance.boxTypes.count
        let c = instance.container
        length = c.count == 3 ? max(0, c[0]) : 0
        width = c.count == 3 ? max(0, c[1]) : 0
        height = c.count == 3 ? max(0, c[2]) : 0
        orientCount = Array(repeating: 0, count: typeCount)
        orientX = Array(repeating: 0, count: 6 * typeCount)
        orientY = orientX; orientZ = orientX
        smallestSide = Array(repeating: 0, count: typeCount)
        boxVolume = Array(repeating: 0, count: typeCount)
        for (t, box) in instance.boxTypes.enumerated() {
            let list = box.orientations
            orientCount[t] = list.count
            for (i, o) in list.enumerated() {
                orientX[6 * t + i] = o.0; orientY[6 * t + i] = o.1; orientZ[6 * t + i] = o.2
            }
            smallestSide[t] = box.dimensions.min() ?? 0
            boxVolume[t] = box.volume
        }
        remaining = Array(repeating: 0, count: typeCount)
        weight = Array(repeating: 1, count: typeCount)
        candScore = Array(repeating: 0, count: keep)
        candFoot = Array(repeating: 0, count: keep)
        candType = candFoot; candOrient = candFoot; candNx = candFoot; candNy = candFoot; candNz = candFoot
        candBlock = candFoot
        placementsBuffer.reserveCapacity(min(instance.boxCount, 1024))
        stepTypes.reserveCapacity(64)
        spaces.reserveCapacity(6 * 256)
        pieces.reserveCapacity(6 * 64)
    }

    /// The orientation count of type `t` (for genome operators).
    public func orientationCount(of t: Int) -> Int { orientCount[t] }

    /// Decodes `genome` into `placements` for one container; returns the packed volume.
    @discardableResult
    public func decode(_ genome: PlacementGenome) -> Int {
        prepare(genome)
        fillContainer(genome)
        return packedVolume
    }

    /// Start of each container's boxes in `placements`, after `decodeContainers`.
    var containerStartsBuffer: [Int] = []
    public var containerStarts: [Int] { containerStartsBuffer }
    /// Volume packed into the last container by `decodeContainers`.
    public private(set) var lastContainerVolume = 0

    /// Decodes `genome` into as many containers as it takes to load every box, filling one after
    /// another (the deviation genes continue across containers); returns the container count.
    /// `placements` holds all containers' boxes, container c from `containerStarts[c]`.
    @discardableResult
    public func decodeContainers(_ genome: PlacementGenome) -> Int {
        prepare(genome)
        containerStartsBuffer.removeAll(keepingCapacity: true)
        lastContainerVolume = 0
        let limit = max(1, instance.boxCount)
        while minimumRemainingSide() != Int.max && containerStartsBuffer.count < limit && !stopped {
            containerStartsBuffer.append(placementsBuffer.count)
            let before = packedVolume
            fillContainer(genome)
            lastContainerVolume = packedVolume - before
            if lastContainerVolume == 0 {
                // Nothing fits an empty container (impossible for instances the reader accepts).
                containerStartsBuffer.removeLast()
                break
            }
        }
        return containerStartsBuffer.count
    }

    /// When set, every decode watches it and ends early, with the blocks placed so far, once it
    /// says stop (`stopped` then tells).
    public var stop: StopCondition?
    /// True when the last decode ended at the stop condition before every box was considered.
    public private(set) var stopped = false

    /// Resets quantities, weights and outputs for a new decode.
    func prepare(_ genome: PlacementGenome) {
        stopped = false
        if genome.generalBlocks && blockList == nil {
            blockList = BlockList.make(instance, fullSupport: fullSupport, limit: blockListLimit, stop: stop)
        }
        let n = typeCount
        for t in 0..<n { remaining[t] = instance.boxTypes[t].quantity }
        let strength = genome.orderStrength.isFinite ? genome.orderStrength : 0
        for t in 0..<n { weight[t] = 1 }
        for (r, t) in genome.order.enumerated() where t >= 0 && t < n {
            weight[t] = 1 + strength * Double(n - 1 - r) / Double(max(1, n - 1))
        }
        placementsBuffer.removeAll(keepingCapacity: true)
        stepTypes.removeAll(keepingCapacity: true)
        packedVolume = 0
        steps = 0
        evaluations = 0
    }

    /// Loads the remaining boxes into one empty container, appending to `placements`.
    func fillContainer(_ genome: PlacementGenome) {
        guard beginContainer() else { return }
        fillRest(genome)
    }

    /// Continues the current container with the genome's choices until no space is left.
    func fillRest(_ genome: PlacementGenome) {
        while spaceCount > 0 {
            // A decode may be long (many spaces, many types): it ends at the stop condition with
            // the blocks placed so far, a valid plan.
            if let stop, stop.timeIsUp() {
                stopped = true
                return
            }
            guard let s = nextSpace(genome) else { return }
            let gene = steps < genome.deviations.count ? genome.deviations[steps] : 0
            let c = min(Int(gene & PlacementGenome.rankMask), candCount - 1)
            place(candidate(c), inSpace: s, gene: gene)
        }
    }

    /// Starts a container: one free space, the whole container; false when nothing can go in.
    func beginContainer() -> Bool {
        spaceCount = 0
        minSide = minimumRemainingSide()
        if minSide == Int.max || length == 0 || width == 0 || height == 0 { return false }
        appendSpace(0, 0, 0, length, width, height)
        return true
    }

    // MARK: One step at a time (for the beam search)

    /// A block the engine may place: one type and orientation in an nx×ny×nz grid, or the
    /// general block `block` of `blockList` (then the other fields are unused).
    public struct Choice: Sendable, Equatable {
        public var type: Int, orient: Int, nx: Int, ny: Int, nz: Int, block: Int
    }

    /// What a partial decode is: free spaces, remaining boxes and the plan so far (copied into
    /// and out of the engine; its arrays keep their capacity between uses).
    public struct Snapshot {
        var spaces: [Int] = []
        var spaceCount = 0
        var remaining: [Int] = []
        var placements: [Placement] = []
        public internal(set) var packedVolume = 0
        var steps = 0
        var minSide = Int.max
        /// The candidate ranks chosen at each step so far (kept by the caller, not by `save`):
        /// as a genome's deviations they replay the decode.
        public var path: [UInt8] = []
        public init() {}
    }

    /// Starts a one-container decode for step-by-step use; `genome` gives the type weights and
    /// orientation preferences of the candidate ranking.
    public func beginDecode(_ genome: PlacementGenome) {
        prepare(genome)
        if !beginContainer() { spaceCount = 0 }
    }

    /// The space the genome's rule fills next, with its candidates ranked (`candCount`,
    /// `candidate(_:)`); spaces that no remaining block fits are dropped on the way. Nil when
    /// the container is done.
    public func nextSpace(_ genome: PlacementGenome) -> Int? {
        while spaceCount > 0 {
            let s = selectSpace(genome.spaceRule)
            let base = 6 * s
            collectCandidates(sx: spaces[base + 3] - spaces[base], sy: spaces[base + 4] - spaces[base + 1],
                              sz: spaces[base + 5] - spaces[base + 2], genome: genome)
            if candCount > 0 { return s }
            removeSpace(s)
        }
        return nil
    }

    /// The candidate at rank `c` (0 = best) of the last `nextSpace`.
    public func candidate(_ c: Int) -> Choice {
        Choice(type: candType[c], orient: candOrient[c], nx: candNx[c], ny: candNy[c], nz: candNz[c], block: candBlock[c])
    }

    /// Places `choice` in space `s` (in the corner nearest a container corner, or across when the
    /// gene's flags say) and cuts the spaces it touches.
    public func place(_ choice: Choice, inSpace s: Int, gene: UInt8 = 0) {
        let base = 6 * s
        let x1 = spaces[base], y1 = spaces[base + 1], z1 = spaces[base + 2]
        let x2 = spaces[base + 3], y2 = spaces[base + 4]
        var bx = 0, by = 0, bz = 0
        if choice.block >= 0, let list = blockList {
            bx = list.sizeX[choice.block]; by = list.sizeY[choice.block]; bz = list.sizeZ[choice.block]
        } else {
            let o = 6 * choice.type + choice.orient
            bx = choice.nx * orientX[o]; by = choice.ny * orientY[o]; bz = choice.nz * orientZ[o]
        }
        // The corner of the space nearest a container corner.
        // (or the opposite one along an axis, when the gene says so).
        let nearX = (x1 <= length - x2) != (gene & PlacementGenome.flipX != 0)
        let nearY = (y1 <= width - y2) != (gene & PlacementGenome.flipY != 0)
        let px = nearX ? x1 : x2 - bx
        let py = nearY ? y1 : y2 - by
        let pz = z1
        var topX = px + bx, topY = py + by
        var exhausted = false
        if choice.block >= 0, let list = blockList {
            let b = choice.block
            for p in list.partStart[b]..<list.partStart[b + 1] {
                var part = list.parts[p]
                part.x += px; part.y += py; part.z += pz
                placementsBuffer.append(part)
            }
            for i in list.needStart[b]..<list.needStart[b + 1] {
                let t = list.needType[i]
                remaining[t] -= list.needCount[i]
                if remaining[t] == 0 { exhausted = true }
            }
            packedVolume += list.volume[b]
            stepTypes.append(list.needType[list.needStart[b]])
            topX = px + list.topX[b]; topY = py + list.topY[b]
        } else {
            let t = choice.type, o = 6 * t + choice.orient
            // One placement per block: the plan grows with the blocks, not with the boxes.
            placementsBuffer.append(Placement(type: t, x: px, y: py, z: pz, lx: orientX[o], ly: orientY[o], lz: orientZ[o],
                                              nx: choice.nx, ny: choice.ny, nz: choice.nz))
            let count = choice.nx * choice.ny * choice.nz
            remaining[t] -= count
            packedVolume += count * boxVolume[t]
            stepTypes.append(t)
            exhausted = remaining[t] == 0
        }
        steps += 1
        if exhausted { minSide = minimumRemainingSide() }
        if minSide == Int.max {
            spaceCount = 0
            return
        }
        cutSpaces(px, py, pz, px + bx, py + by, pz + bz, minSide: minSide, topX2: topX, topY2: topY)
    }

    /// Copies the engine's partial decode into `snapshot`.
    public func save(into snapshot: inout Snapshot) {
        snapshot.spaces.removeAll(keepingCapacity: true)
        snapshot.spaces.append(contentsOf: spaces[0..<(6 * spaceCount)])
        snapshot.spaceCount = spaceCount
        snapshot.remaining.removeAll(keepingCapacity: true)
        snapshot.remaining.append(contentsOf: remaining)
        snapshot.placements.removeAll(keepingCapacity: true)
        snapshot.placements.append(contentsOf: placementsBuffer)
        snapshot.packedVolume = packedVolume
        snapshot.steps = steps
        snapshot.minSide = minSide
    }

    /// Makes `snapshot` the engine's partial decode.
    public func restore(_ snapshot: Snapshot) {
        let n = snapshot.spaces.count
        if spaces.count < n { spaces.append(contentsOf: repeatElement(0, count: n - spaces.count)) }
        for i in 0..<n { spaces[i] = snapshot.spaces[i] }
        spaceCount = snapshot.spaceCount
        for t in 0..<typeCount { remaining[t] = snapshot.remaining[t] }
        placementsBuffer.removeAll(keepingCapacity: true)
        placementsBuffer.append(contentsOf: snapshot.placements)
        packedVolume = snapshot.packedVolume
        steps = snapshot.steps
        minSide = snapshot.minSide
        stopped = false
    }

    /// Completes the current partial decode greedily: at each step the best-ranked block.
    public func completeGreedily(_ genome: PlacementGenome) {
        while spaceCount > 0 {
            if let stop, stop.timeIsUp() {
                stopped = true
                return
            }
            guard let s = nextSpace(genome) else { return }
            place(candidate(0), inSpace: s)
        }
    }

    func minimumRemainingSide() -> Int {
        var m = Int.max
        for t in 0..<typeCount where remaining[t] > 0 { m = min(m, smallestSide[t]) }
        return m
    }

    // MARK: Spaces

    @inline(__always)
    func appendSpace(_ x1: Int, _ y1: Int, _ z1: Int, _ x2: Int, _ y2: Int, _ z2: Int) {
        let base = 6 * spaceCount
        if base + 6 > spaces.count {
            spaces.append(contentsOf: repeatElement(0, count: max(6, spaces.count)))
        }
        spaces[base] = x1; spaces[base + 1] = y1; spaces[base + 2] = z1
        spaces[base + 3] = x2; spaces[base + 4] = y2; spaces[base + 5] = z2
        spaceCount += 1
    }

    @inline(__always)
    func removeSpace(_ s: Int) {
        spaceCount -= 1
        if s != spaceCount {
            for i in 0..<6 { spaces[6 * s + i] = spaces[6 * spaceCount + i] }
        }
    }

    func selectSpace(_ rule: PlacementGenome.SpaceRule) -> Int {
        var best = 0
        var bestKey = (Int.max, Int.max, Int.max), bestVolume = -1
        for s in 0..<spaceCount {
            let base = 6 * s
            let x1 = spaces[base], y1 = spaces[base + 1], z1 = spaces[base + 2]
            let x2 = spaces[base + 3], y2 = spaces[base + 4], z2 = spaces[base + 5]
            let dx = min(x1, length - x2), dy = min(y1, width - y2)
            var key: (Int, Int, Int)
            switch rule {
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

    /// Replaces every space that the block [x1,x2)×[y1,y2)×[z1,z2) intersects by its maximal
    /// parts outside the block, drops parts too small for any remaining box or inside another
    /// space, and (full support) adds the space on the block's top.
    /// Under full support the space on top covers `x1..<topX2 × y1..<topY2` (a general block's
    /// covered top; the whole top of a simple one).
    func cutSpaces(_ x1: Int, _ y1: Int, _ z1: Int, _ x2: Int, _ y2: Int, _ z2: Int, minSide: Int, topX2: Int, topY2: Int) {
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
            if sx1 < x1 { addPiece(sx1, sy1, sz1, x1, sy2, sz2, minSide) }
            if x2 < sx2 { addPiece(x2, sy1, sz1, sx2, sy2, sz2, minSide) }
            if sy1 < y1 { addPiece(sx1, sy1, sz1, sx2, y1, sz2, minSide) }
            if y2 < sy2 { addPiece(sx1, y2, sz1, sx2, sy2, sz2, minSide) }
            if sz1 < z1 { addPiece(sx1, sy1, sz1, sx2, sy2, z1, minSide) }
            if !fullSupport && z2 < sz2 { addPiece(sx1, sy1, z2, sx2, sy2, sz2, minSide) }
        }
        spaceCount = write
        var mergedFrom = pieceCount
        if fullSupport {
            addPiece(x1, y1, z2, topX2, topY2, height, minSide)
            mergedFrom = pieceCount
            if pieceCount > 0 { mergeTop(pieceCount - 1, minSide: minSide) }
        }
        if mergedFrom < pieceCount { dropSpacesInsideMergedTops(from: mergedFrom) }
        let kept = spaceCount
        for p in 0..<pieceCount {
            let pb = 6 * p
            let px1 = pieces[pb], py1 = pieces[pb + 1], pz1 = pieces[pb + 2]
            let px2 = pieces[pb + 3], py2 = pieces[pb + 4], pz2 = pieces[pb + 5]
            var contained = false
            for s in 0..<kept {
                let b = 6 * s
                if spaces[b] <= px1 && spaces[b + 1] <= py1 && spaces[b + 2] <= pz1 &&
                    px2 <= spaces[b + 3] && py2 <= spaces[b + 4] && pz2 <= spaces[b + 5] {
                    contained = true
                    break
                }
            }
            if !contained {
                for q in 0..<pieceCount where q != p {
                    let b = 6 * q
                    if pieces[b] <= px1 && pieces[b + 1] <= py1 && pieces[b + 2] <= pz1 &&
                        px2 <= pieces[b + 3] && py2 <= pieces[b + 4] && pz2 <= pieces[b + 5] {
                        // Equal pieces: keep the first one only.
                        let equal = pieces[b] == px1 && pieces[b + 1] == py1 && pieces[b + 2] == pz1 &&
                            px2 == pieces[b + 3] && py2 == pieces[b + 4] && pz2 == pieces[b + 5]
                        if !equal || q < p {
                            contained = true
                            break
                        }
                    }
                }
            }
            if !contained { appendSpace(px1, py1, pz1, px2, py2, pz2) }
        }
    }

    /// Removes the spaces that a merged top rectangle (pieces `from…`) strictly enlarges.
    func dropSpacesInsideMergedTops(from first: Int) {
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
            if inside { removeSpace(s) } else { s += 1 }
        }
    }

    /// Full support: the top face of the new block and a free space standing on the same height
    /// that touch each other form a supported rectangle together (the union of the two x-ranges
    /// over the common y-range, or the converse); adds those rectangles as spaces, so that boxes
    /// can bridge blocks of equal height.
    func mergeTop(_ topPiece: Int, minSide: Int) {
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
    func addPiece(_ x1: Int, _ y1: Int, _ z1: Int, _ x2: Int, _ y2: Int, _ z2: Int, _ minSide: Int) {
        guard x2 - x1 >= minSide && y2 - y1 >= minSide && z2 - z1 >= minSide else { return }
        let base = 6 * pieceCount
        if base + 6 > pieces.count {
            pieces.append(contentsOf: repeatElement(0, count: max(6, pieces.count)))
        }
        pieces[base] = x1; pieces[base + 1] = y1; pieces[base + 2] = z1
        pieces[base + 3] = x2; pieces[base + 4] = y2; pieces[base + 5] = z2
        pieceCount += 1
    }

    // MARK: Blocks

    /// Fills the candidate buffers with the best `keep` blocks for a space of size sx×sy×sz.
    func collectCandidates(sx: Int, sy: Int, sz: Int, genome: PlacementGenome) {
        candCount = 0
        for t in 0..<typeCount where remaining[t] > 0 {
            let q = remaining[t]
            let w = weight[t]
            let preferred = t < genome.orientationPreference.count ? genome.orientationPreference[t] : -1
            for i in 0..<orientCount[t] {
                let o = 6 * t + i
                let a = orientX[o], b = orientY[o], h = orientZ[o]
                if a > sx || b > sy || h > sz { continue }
                let fx = sx / a, fy = sy / b, fz = sz / h
                let score0 = w * (i == preferred ? 1.05 : 1.0) * Double(a * b * h)
                if !genome.wholeBlocks {
                    // Layers one box thick along each axis (Parreño et al. 2008), filling the two
                    // other axes in either order as far as the boxes go: short quantities give
                    // rows and columns.
                    for thin in 0..<3 {
                        let (f0, f1) = thin == 0 ? (fy, fz) : (thin == 1 ? (fx, fz) : (fx, fy))
                        for fillOrder in 0..<2 {
                            var n0 = 0, n1 = 0
                            if fillOrder == 0 { n0 = min(f0, q); n1 = min(f1, q / n0) } else { n1 = min(f1, q); n0 = min(f0, q / n1) }
                            switch thin {
                            case 0: consider(t, i, 1, n0, n1, score0, a * b)
                            case 1: consider(t, i, n0, 1, n1, score0, a * b)
                            default: consider(t, i, n0, n1, 1, score0, a * b)
                            }
                        }
                    }
                    continue
                }
                if fx * fy * fz <= q {
                    consider(t, i, fx, fy, fz, score0, a * b)
                    continue
                }
                // Not enough boxes for the full block: fill the axes in each of the six orders.
                for perm in 0..<6 {
                    var n = (0, 0, 0)
                    let f = (fx, fy, fz)
                    let axes: (Int, Int, Int)
                    switch perm {
                    case 0: axes = (0, 1, 2)
                    case 1: axes = (1, 0, 2)
                    case 2: axes = (0, 2, 1)
                    case 3: axes = (2, 0, 1)
                    case 4: axes = (1, 2, 0)
                    default: axes = (2, 1, 0)
                    }
                    func get(_ t: (Int, Int, Int), _ k: Int) -> Int { k == 0 ? t.0 : (k == 1 ? t.1 : t.2) }
                    func set(_ t: inout (Int, Int, Int), _ k: Int, _ v: Int) {
                        if k == 0 { t.0 = v } else if k == 1 { t.1 = v } else { t.2 = v }
                    }
                    let n0 = min(get(f, axes.0), q)
                    let n1 = min(get(f, axes.1), q / n0)
                    let n2 = min(get(f, axes.2), q / (n0 * n1))
                    set(&n, axes.0, n0); set(&n, axes.1, n1); set(&n, axes.2, n2)
                    consider(t, i, n.0, n.1, n.2, score0, a * b)
                }
            }
        }
        if genome.generalBlocks { considerGeneralBlocks(sx: sx, sy: sy, sz: sz) }
    }

    /// Inserts a simple block into the sorted candidate buffer (see `insert`).
    @inline(__always)
    func consider(_ t: Int, _ orient: Int, _ nx: Int, _ ny: Int, _ nz: Int, _ unitScore: Double, _ unitFoot: Int) {
        let count = nx * ny * nz
        insert(score: unitScore * Double(count), foot: unitFoot * nx * ny, t, orient, nx, ny, nz, block: -1)
    }

    /// Offers the general blocks that fit a space of sx×sy×sz and the remaining boxes, scored
    /// by their volume weighted per type like the simple ones.
    /// At most `maxGeneral` of the kept candidates are general blocks, so that the simple ones
    /// stay among the choices (a beam's children, a deviation's).
    func considerGeneralBlocks(sx: Int, sy: Int, sz: Int) {
        guard let list = blockList else { return }
        var general = 0
        for b in 0..<list.count {
            if list.sizeX[b] > sx || list.sizeY[b] > sy || list.sizeZ[b] > sz { continue }
            var fits = true
            var score = 0.0
            for i in list.needStart[b]..<list.needStart[b + 1] {
                let t = list.needType[i], n = list.needCount[i]
                if remaining[t] < n {
                    fits = false
                    break
                }
                score += weight[t] * Double(n * boxVolume[t])
            }
            if !fits { continue }
            let foot = list.topX[b] * list.topY[b]
            if general >= maxGeneral {
                // Full of general blocks: this one replaces the weakest, if it is better.
                var g = candCount - 1
                while g >= 0 && candBlock[g] < 0 { g -= 1 }
                if g < 0 || candScore[g] > score || (candScore[g] == score && candFoot[g] >= foot) { continue }
                removeCandidate(g)
            }
            insert(score: score, foot: foot, list.needType[list.needStart[b]], -1, 0, 0, 0, block: b)
            general = 0
            for c in 0..<candCount where candBlock[c] >= 0 { general += 1 }
        }
    }

    /// Removes the candidate at rank `g`, closing the gap.
    func removeCandidate(_ g: Int) {
        var j = g
        while j + 1 < candCount {
            candScore[j] = candScore[j + 1]; candFoot[j] = candFoot[j + 1]
            candType[j] = candType[j + 1]; candOrient[j] = candOrient[j + 1]
            candNx[j] = candNx[j + 1]; candNy[j] = candNy[j + 1]; candNz[j] = candNz[j + 1]
            candBlock[j] = candBlock[j + 1]
            j += 1
        }
        candCount -= 1
    }

    /// Inserts a block into the sorted candidate buffer (score descending, then larger top
    /// face, which gives the next blocks more to stand on), skipping exact duplicates.
    @inline(__always)
    func insert(score: Double, foot: Int, _ t: Int, _ orient: Int, _ nx: Int, _ ny: Int, _ nz: Int, block: Int) {
        evaluations += 1
        var pos = candCount
        while pos > 0 {
            let p = pos - 1
            if candBlock[p] == block && candType[p] == t && candOrient[p] == orient && candNx[p] == nx && candNy[p] == ny && candNz[p] == nz { return }
            if candScore[p] > score || (candScore[p] == score && candFoot[p] >= foot) { break }
            pos -= 1
        }
        if pos >= keep { return }
        // Check remaining entries for a duplicate before inserting.
        var d = pos
        while d > 0 {
            d -= 1
            if candBlock[d] == block && candType[d] == t && candOrient[d] == orient && candNx[d] == nx && candNy[d] == ny && candNz[d] == nz { return }
        }
        let last = min(candCount, keep - 1)
        var j = last
        while j > pos {
            candScore[j] = candScore[j - 1]; candFoot[j] = candFoot[j - 1]
            candType[j] = candType[j - 1]; candOrient[j] = candOrient[j - 1]
            candNx[j] = candNx[j - 1]; candNy[j] = candNy[j - 1]; candNz[j] = candNz[j - 1]
            candBlock[j] = candBlock[j - 1]
            j -= 1
        }
        candScore[pos] = score; candFoot[pos] = foot
        candType[pos] = t; candOrient[pos] = orient
        candNx[pos] = nx; candNy[pos] = ny; candNz[pos] = nz
        candBlock[pos] = block
        if candCount < keep { candCount += 1 }
    }

    /// The last decode as a plan.
    public var plan: PackingPlan { PackingPlan(placements: placementsBuffer) }
}
