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
/// order and orientation preference; with `wasteScore` less the space they make unusable; with
/// `contactScore` BSG's VCS, `ContactScore`), takes the one at the genome's deviation for that step,
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
/// With `gridBlocks` the list also holds every nx×ny×nz grid of one type (BSG's blocks).
///
/// **Steps.** `beginDecode`, `nextSpace`, `candidate`, `place`, `save` and `restore` expose one
/// step at a time, for the beam search (`BeamSearch`), which branches on the block choice.
///
/// One engine is reused across many decodes: its buffers are kept, nothing is allocated per
/// block once they have grown. The state the hot loops mutate lives in value types (`free`,
/// `ranking`) that a step mutates through one `inout` access, and the tables they read are
/// constants: element accesses to a class's `var` arrays each pay a runtime exclusivity check,
/// which took more than half of the beam search's time (issue 17, "Faster completions").
/// The state a step reads and writes is `@exclusivity(unchecked)`: one thread drives an engine,
/// and only its own methods touch that state during a step, so no two accesses can overlap. The
/// checks still made on it (one per property access in `place`, `nextSpace` and the rankings)
/// took 6 % of a BR4-1 profile without support (issue 17, "Wider last rounds, fewer checks").
public final class MaximalSpacePacker {
    public let instance: ContainerInstance
    public let fullSupport: Bool
    let typeCount: Int
    let length: Int, width: Int, height: Int
    /// Orientation table: type t has `orientCount[t]` entries at `t*6 ..< t*6+orientCount[t]`.
    /// Constants (`let`): the hot loops read them without exclusivity checks.
    let orientCount: [Int]
    let orientX: [Int], orientY: [Int], orientZ: [Int]
    let smallestSide: [Int]
    let boxVolume: [Int]

    /// The free spaces of the container being filled.
    @exclusivity(unchecked) var free: FreeSpaces

    // Per decode: boxes left and ranking weight of each type. Buffers the engine owns (allocated
    // once, freed in `deinit`), not arrays: every ranking passes them to the hot loops, and an
    // array property is retained and released at each pass (with the fill table, about 4–5 % of a
    // BR4-1 run without support, `perf`).
    let remaining: UnsafeMutableBufferPointer<Int>
    let weight: UnsafeMutableBufferPointer<Double>
    /// Placements of the last decode. A search state may swap this buffer with its own.
    @exclusivity(unchecked) var placementsBuffer: [Placement] = []
    /// The decode's genome asks for VCS with the contact measured against the placed blocks
    /// (`PlacementGenome.contactFromBlocks`): the engine then keeps them in `placed`.
    @exclusivity(unchecked) private(set) var contactFromBlocks = false
    /// The current container's blocks (with `contactFromBlocks`).
    @exclusivity(unchecked) var placed = PlacedBlocks()
    /// The placed blocks a block in the space being ranked may touch (`nextSpace`).
    @exclusivity(unchecked) var neighbours = PlacedBlocks()
    /// The space being ranked, and which of its corners a block goes in (as `place` puts it).
    @exclusivity(unchecked) var rankedSpace = (x1: 0, y1: 0, z1: 0, x2: 0, y2: 0, z2: 0)
    @exclusivity(unchecked) var rankedNear = (x: true, y: true, floor: true)
    public var placements: [Placement] { placementsBuffer }
    /// Whether `place` records its blocks in `placements` (every decode does; a step-by-step
    /// decode may not, `beginDecode`). The beam search keeps no blocks while it expands and
    /// completes nodes, it replays the best path at the end, so its steps append nothing.
    @exclusivity(unchecked) public private(set) var recordsPlacements = true
    /// Packed volume of the last decode.
    @exclusivity(unchecked) public private(set) var packedVolume = 0
    /// Blocks placed in the last decode (its steps).
    @exclusivity(unchecked) public private(set) var steps = 0
    /// Candidate blocks evaluated in the last decode (the work unit).
    public var evaluations: Int { ranking.evaluations }

    /// The best `keep` candidates of one step, best first.
    let keep = Int(PlacementGenome.maxDeviation) + 1
    /// The most candidates a step can keep: every rank a deviation gene can name (`rankMask`).
    /// A decode keeps `keep` unless the step's gene names a rank beyond; the beam search asks
    /// for more with `rankingCapacity`.
    public static let maxCandidates = Int(PlacementGenome.rankMask) + 1
    /// How many candidates `nextSpace` ranks (between 1 and `maxCandidates`).
    public var rankingCapacity: Int {
        get { ranking.capacity }
        set { ranking.capacity = min(max(1, newValue), ranking.maxCapacity) }
    }
    @exclusivity(unchecked) var ranking: CandidateRanking
    public var candCount: Int { ranking.count }
    /// Smallest side of a remaining box (Int.max when none is left), for the space cuts.
    @exclusivity(unchecked) var minSide = Int.max

    /// The block list the current decode offers (general blocks, grids or both, as its genome
    /// says; nil when it asks for neither).
    @exclusivity(unchecked) public private(set) var blockList: BlockList?
    /// The instance's lists, each built at the first decode that asks for it, at
    /// `listIndex(general:grids:)`.
    var builtLists: [BlockList?] = [nil, nil, nil, nil]
    /// The index in `builtLists` of `blockList` (−1: none).
    var activeList = -1
    /// The most general blocks a list keeps (grids come on top, `BlockList.make`).
    public var blockListLimit = BlockList.defaultLimit
    /// Each general block's score under `scoredWeights` (see `scoreGeneralBlocks`).
    @exclusivity(unchecked) var generalScore: [Double] = []
    var scoredWeights: [Double] = []
    /// The `activeList` that `generalScore` scores.
    var scoredList = -1

    /// For the genome's `wasteScore`: per axis a (x, y, z), `fillable[fillStart.a + v]` is the
    /// longest length up to v that a sum of the boxes' sides along that axis fills exactly (their
    /// allowed orientations that fit the container; quantities ignored). Built at the first decode
    /// that asks for it, from all of the instance's types; not rebuilt when a type runs out: with
    /// many types nearly every block exhausts one, and rebuilding then (on every beam `restore`
    /// too) made the beam's completions 3–7 times slower on BR9–BR15 (`--max-steps 0`).
    /// A buffer the engine owns, as `remaining` (empty until built).
    @exclusivity(unchecked) private(set) var fillable = UnsafeBufferPointer<Int>(start: nil, count: 0)
    @exclusivity(unchecked) var fillStart = (0, 0, 0)
    /// How the decode's genome ranks blocks (`contactScore`, `wasteScore` or volume alone).
    @exclusivity(unchecked) var scoringActive = BlockScoring.volume
    /// BSG's VCS parameters, for `contactScore`.
    let contactScore = ContactScore()

    public init(instance: ContainerInstance, fullSupport: Bool) {
        self.instance = instance
        self.fullSupport = fullSupport
        typeCount = instance.boxTypes.count
        let c = instance.container
        length = c.count == 3 ? max(0, c[0]) : 0
        width = c.count == 3 ? max(0, c[1]) : 0
        height = c.count == 3 ? max(0, c[2]) : 0
        var orientCount = Array(repeating: 0, count: typeCount)
        var orientX = Array(repeating: 0, count: 6 * typeCount)
        var orientY = orientX, orientZ = orientX
        var smallestSide = Array(repeating: 0, count: typeCount)
        var boxVolume = Array(repeating: 0, count: typeCount)
        for (t, box) in instance.boxTypes.enumerated() {
            let list = box.orientations
            orientCount[t] = list.count
            for (i, o) in list.enumerated() {
                orientX[6 * t + i] = o.0; orientY[6 * t + i] = o.1; orientZ[6 * t + i] = o.2
            }
            smallestSide[t] = box.dimensions.min() ?? 0
            boxVolume[t] = box.volume
        }
        self.orientCount = orientCount
        self.orientX = orientX; self.orientY = orientY; self.orientZ = orientZ
        self.smallestSide = smallestSide
        self.boxVolume = boxVolume
        remaining = .allocate(capacity: typeCount)
        remaining.initialize(repeating: 0)
        weight = .allocate(capacity: typeCount)
        weight.initialize(repeating: 1)
        ranking = CandidateRanking(capacity: MaximalSpacePacker.maxCandidates)
        ranking.capacity = keep
        free = FreeSpaces(length: length, width: width, height: height, fullSupport: fullSupport)
        placementsBuffer.reserveCapacity(min(instance.boxCount, 1024))
    }

    deinit {
        remaining.deallocate()
        weight.deallocate()
        fillable.deallocate()
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
    @exclusivity(unchecked) public var stop: StopCondition?
    /// True when the last decode ended at the stop condition before every box was considered.
    @exclusivity(unchecked) public private(set) var stopped = false

    /// The index in `builtLists` of the list of general blocks, grids or both (0: neither).
    static func listIndex(general: Bool, grids: Bool) -> Int { (general ? 1 : 0) + (grids ? 2 : 0) }

    /// Blocks in the list of general blocks, grids or both, once built (0 before).
    public func blockListCount(general: Bool, grids: Bool) -> Int {
        builtLists[MaximalSpacePacker.listIndex(general: general, grids: grids)]?.count ?? 0
    }

    /// Makes `blockList` the list `genome` asks for, building it on first use.
    func selectBlockList(_ genome: PlacementGenome) {
        let index = MaximalSpacePacker.listIndex(general: genome.generalBlocks, grids: genome.gridBlocks)
        guard index > 0 else {
            blockList = nil
            activeList = -1
            return
        }
        if index == activeList { return }
        if builtLists[index] == nil {
            builtLists[index] = BlockList.make(instance, fullSupport: fullSupport, limit: blockListLimit,
                                               general: genome.generalBlocks, grids: genome.gridBlocks, stop: stop)
        }
        blockList = builtLists[index]
        activeList = index
    }

    /// Resets quantities, weights and outputs for a new decode.
    func prepare(_ genome: PlacementGenome) {
        stopped = false
        recordsPlacements = true
        selectBlockList(genome)
        let n = typeCount
        for t in 0..<n { remaining[t] = instance.boxTypes[t].quantity }
        let strength = genome.orderStrength.isFinite ? genome.orderStrength : 0
        for t in 0..<n { weight[t] = 1 }
        for (r, t) in genome.order.enumerated() where t >= 0 && t < n {
            weight[t] = 1 + strength * Double(n - 1 - r) / Double(max(1, n - 1))
        }
        if blockList != nil { scoreGeneralBlocks() }
        scoringActive = genome.contactScore ? .contact : (genome.wasteScore ? .waste : .volume)
        contactFromBlocks = genome.contactScore && genome.contactFromBlocks
        // Every decode starts with all of the instance's boxes: one table serves them all.
        if scoringActive != .volume && fillable.isEmpty { buildFillable() }
        placementsBuffer.removeAll(keepingCapacity: true)
        packedVolume = 0
        steps = 0
        ranking.evaluations = 0
    }

    /// Loads the remaining boxes into one empty container, appending to `placements`.
    func fillContainer(_ genome: PlacementGenome) {
        guard beginContainer() else { return }
        fillRest(genome)
    }

    /// Continues the current container with the genome's choices until no space is left.
    func fillRest(_ genome: PlacementGenome) {
        // Read once: a property read at every step copies the condition (its clock retained).
        let stop = self.stop
        while free.spaceCount > 0 {
            // A decode may be long (many spaces, many types): it ends at the stop condition with
            // the blocks placed so far, a valid plan.
            if let stop, stop.timeIsUp() {
                stopped = true
                return
            }
            let gene = steps < genome.deviations.count ? genome.deviations[steps] : 0
            let rank = Int(gene & PlacementGenome.rankMask)
            // A rank beyond `keep` (a beam path's) widens this step's ranking to reach it.
            ranking.capacity = max(keep, rank + 1)
            guard let s = nextSpace(genome) else { return }
            place(candidate(min(rank, candCount - 1)), inSpace: s, gene: gene)
        }
    }

    /// Starts a container: one free space, the whole container; false when nothing can go in.
    func beginContainer() -> Bool {
        free.spaceCount = 0
        minSide = minimumRemainingSide()
        if minSide == Int.max || length == 0 || width == 0 || height == 0 { return false }
        free.append(0, 0, 0, length, width, height)
        placed.removeAll()
        return true
    }

    // MARK: One step at a time (for the beam search)

    /// A block the engine may place: one type and orientation in an nx×ny×nz grid, or the
    /// general block `block` of `blockList` (then the other fields are unused).
    public struct Choice: Sendable, Equatable {
        public var type: Int, orient: Int, nx: Int, ny: Int, nz: Int, block: Int
    }

    /// What a partial decode is: free spaces and remaining boxes (copied into and out of the
    /// engine; its arrays keep their capacity between uses). Not its blocks: a beam keeps
    /// thousands of snapshots, and the ranks along `path` replay the blocks when they are wanted.
    public struct Snapshot {
        var spaces: [Int] = []
        var spaceCount = 0
        var placed = PlacedBlocks()
        var remaining: [Int] = []
        public internal(set) var packedVolume = 0
        var steps = 0
        var minSide = Int.max
        /// The candidate ranks chosen at each step so far (kept by the caller, not by `save`):
        /// as a genome's deviations they replay the decode.
        public var path: [UInt8] = []
        public init() {}

        /// The bytes its buffers hold (their capacities), for the beam's memory budget.
        var bytes: Int {
            8 * (spaces.capacity + remaining.capacity) + 4 * placed.corners.capacity + path.capacity
                + MemoryLayout<Snapshot>.size
        }
    }

    /// Starts a one-container decode for step-by-step use; `genome` gives the type weights and
    /// orientation preferences of the candidate ranking.
    public func beginDecode(_ genome: PlacementGenome, recording: Bool = true) {
        prepare(genome)
        recordsPlacements = recording
        if !beginContainer() { free.spaceCount = 0 }
    }

    /// The space the genome's rule fills next, with its candidates ranked (`candCount`,
    /// `candidate(_:)`); spaces that no remaining block fits are dropped on the way. Nil when
    /// the container is done.
    public func nextSpace(_ genome: PlacementGenome) -> Int? {
        while free.spaceCount > 0 {
            let s = free.select(genome.spaceRule)
            let base = 6 * s
            if contactFromBlocks {
                let sp = free.spaces
                rankedSpace = (sp[base], sp[base + 1], sp[base + 2], sp[base + 3], sp[base + 4], sp[base + 5])
                rankedNear = (sp[base] <= length - sp[base + 3], sp[base + 1] <= width - sp[base + 4], !free.ceilingAnchored(s))
                neighbours.loadNeighbours(of: placed, sp[base], sp[base + 1], sp[base + 2], sp[base + 3], sp[base + 4], sp[base + 5],
                                          tolerance: contactScore.tolerance)
            }
            collectCandidates(sx: free.spaces[base + 3] - free.spaces[base], sy: free.spaces[base + 4] - free.spaces[base + 1],
                              sz: free.spaces[base + 5] - free.spaces[base + 2], genome: genome)
            if candCount > 0 { return s }
            free.remove(s)
        }
        return nil
    }

    /// The candidate at rank `c` (0 = best) of the last `nextSpace`.
    public func candidate(_ c: Int) -> Choice {
        let e = ranking.entries[c]
        return Choice(type: e.type, orient: e.orient, nx: e.nx, ny: e.ny, nz: e.nz, block: e.block)
    }

    /// Places `choice` in space `s` (in the corner nearest a container corner, or across when the
    /// gene's flags say) and cuts the spaces it touches.
    public func place(_ choice: Choice, inSpace s: Int, gene: UInt8 = 0) {
        let base = 6 * s
        let x1 = free.spaces[base], y1 = free.spaces[base + 1], z1 = free.spaces[base + 2]
        let x2 = free.spaces[base + 3], y2 = free.spaces[base + 4], z2 = free.spaces[base + 5]
        var bx = 0, by = 0, bz = 0
        if choice.block >= 0, let list = blockList {
            bx = list.sizeX[choice.block]; by = list.sizeY[choice.block]; bz = list.sizeZ[choice.block]
        } else {
            let o = 6 * choice.type + choice.orient
            bx = choice.nx * orientX[o]; by = choice.ny * orientY[o]; bz = choice.nz * orientZ[o]
        }
        // The corner of the space nearest a container corner (or the opposite one along x or y,
        // when the gene says so); without support a ceiling corner too (`FreeSpaces.select`).
        let nearX = (x1 <= length - x2) != (gene & PlacementGenome.flipX != 0)
        let nearY = (y1 <= width - y2) != (gene & PlacementGenome.flipY != 0)
        let px = nearX ? x1 : x2 - bx
        let py = nearY ? y1 : y2 - by
        let pz = free.ceilingAnchored(s) ? z2 - bz : z1
        var topX = px + bx, topY = py + by
        if contactFromBlocks { placed.append(px, py, pz, px + bx, py + by, pz + bz) }
        var exhausted = false
        if choice.block >= 0, let list = blockList {
            let b = choice.block
            if recordsPlacements {
                for p in list.partStart[b]..<list.partStart[b + 1] {
                    var part = list.parts[p]
                    part.x += px; part.y += py; part.z += pz
                    placementsBuffer.append(part)
                }
            }
            for i in list.needStart[b]..<list.needStart[b + 1] {
                let t = list.needType[i]
                remaining[t] -= list.needCount[i]
                if remaining[t] == 0 { exhausted = true }
            }
            packedVolume += list.volume[b]
            topX = px + list.topX[b]; topY = py + list.topY[b]
        } else {
            let t = choice.type, o = 6 * t + choice.orient
            // One placement per block: the plan grows with the blocks, not with the boxes.
            if recordsPlacements {
                placementsBuffer.append(Placement(type: t, x: px, y: py, z: pz, lx: orientX[o], ly: orientY[o], lz: orientZ[o],
                                                  nx: choice.nx, ny: choice.ny, nz: choice.nz))
            }
            let count = choice.nx * choice.ny * choice.nz
            remaining[t] -= count
            packedVolume += count * boxVolume[t]
            exhausted = remaining[t] == 0
        }
        steps += 1
        if exhausted { minSide = minimumRemainingSide() }
        if minSide == Int.max {
            free.spaceCount = 0
            return
        }
        free.cut(px, py, pz, px + bx, py + by, pz + bz, minSide: minSide, topX2: topX, topY2: topY)
    }

    /// Copies the engine's partial decode into `snapshot`.
    public func save(into snapshot: inout Snapshot) {
        free.save(into: &snapshot.spaces)
        snapshot.spaceCount = free.spaceCount
        if snapshot.remaining.count == typeCount {
            snapshot.remaining.withUnsafeMutableBufferPointer { to in
                for t in 0..<typeCount { to[t] = remaining[t] }
            }
        } else {
            snapshot.remaining = Array(remaining)
        }
        snapshot.packedVolume = packedVolume
        snapshot.steps = steps
        snapshot.minSide = minSide
        if contactFromBlocks { snapshot.placed.load(placed) }
    }

    /// Makes `snapshot` the engine's partial decode; `placements` then holds only the blocks
    /// placed after it.
    public func restore(_ snapshot: borrowing Snapshot) {
        free.load(snapshot.spaces, count: snapshot.spaceCount)
        for t in 0..<typeCount { remaining[t] = snapshot.remaining[t] }
        placementsBuffer.removeAll(keepingCapacity: true)
        packedVolume = snapshot.packedVolume
        steps = snapshot.steps
        minSide = snapshot.minSide
        if contactFromBlocks { placed.load(snapshot.placed) }
        stopped = false
    }

    /// Builds `fillable` for the types with boxes remaining, all of them when a decode starts
    /// (for the BR containers 3 × about 600 lengths by up to a few hundred sides).
    func buildFillable() {
        let dims = [length, width, height]
        var table = [Int](repeating: 0, count: length + width + height + 3)
        let starts = [0, length + 1, length + width + 2]
        var sides: [Int] = []
        var reach: [Bool] = []
        for a in 0..<3 {
            let d = dims[a]
            // The distinct sides along axis a, ascending (marked in `reach` first).
            reach.removeAll(keepingCapacity: true)
            reach.append(contentsOf: repeatElement(false, count: d + 1))
            for t in 0..<typeCount where remaining[t] > 0 {
                for i in 0..<orientCount[t] {
                    let o = 6 * t + i
                    if orientX[o] > length || orientY[o] > width || orientZ[o] > height { continue }
                    reach[a == 0 ? orientX[o] : (a == 1 ? orientY[o] : orientZ[o])] = true
                }
            }
            sides.removeAll(keepingCapacity: true)
            for v in stride(from: 1, through: d, by: 1) where reach[v] {
                sides.append(v)
                reach[v] = false
            }
            reach[0] = true
            var best = 0
            for v in 0...d {
                if v > 0 {
                    for side in sides {
                        if side > v { break }
                        if reach[v - side] {
                            reach[v] = true
                            break
                        }
                    }
                }
                if reach[v] { best = v }
                table[starts[a] + v] = best
            }
        }
        fillable.deallocate()
        let built = UnsafeMutableBufferPointer<Int>.allocate(capacity: table.count)
        _ = built.initialize(from: table)
        fillable = UnsafeBufferPointer(built)
        fillStart = (starts[0], starts[1], starts[2])
    }

    /// The volume a block of bx×by×bz in the corner of a space of sx×sy×sz makes unusable: the
    /// space's volume less that of the box the block and the fillable part of each gap span,
    /// V(s) − Π (b_a + fillable(s_a − b_a)) (BSG's V_loss, Araya & Riff 2014).
    @inline(__always)
    static func wasteLoss(_ sx: Int, _ sy: Int, _ sz: Int, _ bx: Int, _ by: Int, _ bz: Int,
                          _ fill: UnsafeBufferPointer<Int>, _ start: (Int, Int, Int)) -> Double {
        let ux = bx + fill[start.0 + sx - bx]
        let uy = by + fill[start.1 + sy - by]
        let uz = bz + fill[start.2 + sz - bz]
        return Double(sx * sy * sz - ux * uy * uz)
    }

    /// How a step ranks its blocks.
    enum BlockScoring { case volume, waste, contact }

    /// Offers the nx×ny×nz block of type t in orientation i (box a×b×h, unit score `score0`,
    /// unit floor `foot`) for a space of sx×sy×sz, scored as `scoring` says.
    @inline(__always)
    func offer(into ranking: inout CandidateRanking, _ scoring: BlockScoring, _ t: Int, _ i: Int, _ nx: Int, _ ny: Int, _ nz: Int,
               _ a: Int, _ b: Int, _ h: Int, _ score0: Double, _ foot: Int, _ sx: Int, _ sy: Int, _ sz: Int,
               _ fill: UnsafeBufferPointer<Int>, _ fillStart: (Int, Int, Int)) {
        switch scoring {
        case .volume:
            ranking.consider(t, i, nx, ny, nz, score0, foot)
        case .waste:
            ranking.consider(t, i, nx, ny, nz, score0, foot,
                             loss: MaximalSpacePacker.wasteLoss(sx, sy, sz, nx * a, ny * b, nz * h, fill, fillStart))
        case .contact:
            let n = nx * ny * nz
            let score = vcs(score0 * Double(n), sx, sy, sz, nx * a, ny * b, nz * h, boxes: n, fill, fillStart, ranking: &ranking)
            ranking.insert(score: score, foot: foot * nx * ny, t, i, nx, ny, nz, block: -1)
        }
    }

    /// VCS of a bx×by×bz block of n boxes (weighted volume `volume`) in the corner of the space
    /// being ranked, sx×sy×sz. With `contactFromBlocks` its contact is measured against the
    /// placed blocks, but only when the space's estimate, an upper bound
    /// (`ContactScore.spaceContact`), would enter `ranking`: a block the estimate leaves out
    /// keeps it, and the ranking rejects it all the same.
    @inline(__always)
    func vcs(_ volume: Double, _ sx: Int, _ sy: Int, _ sz: Int, _ bx: Int, _ by: Int, _ bz: Int, boxes n: Int,
             _ fill: UnsafeBufferPointer<Int>, _ fillStart: (Int, Int, Int), ranking: inout CandidateRanking) -> Double {
        let estimate = contactScore.score(volume, sx, sy, sz, bx, by, bz, boxes: n, fill, fillStart)
        guard contactFromBlocks && !ranking.rejects(below: estimate) else { return estimate }
        return contactScore.score(volume, sx, sy, sz, bx, by, bz, boxes: n, fill, fillStart, contact: contactArea(bx, by, bz))
    }

    /// The contact area of a bx×by×bz block in the ranked space's corner (`place` puts it there).
    @inline(__always)
    func contactArea(_ bx: Int, _ by: Int, _ bz: Int) -> Int {
        let s = rankedSpace
        let px = rankedNear.x ? s.x1 : s.x2 - bx, py = rankedNear.y ? s.y1 : s.y2 - by, pz = rankedNear.floor ? s.z1 : s.z2 - bz
        return neighbours.contact(px, py, pz, px + bx, py + by, pz + bz, container: length, width, height, tolerance: contactScore.tolerance)
    }

    /// Completes the current partial decode greedily: at each step the best-ranked block.
    /// Only the best block of each step is wanted, so the ranking keeps one: its skip bound is
    /// then the best score so far rather than the seventh, and fewer blocks are built (the same
    /// plans, 1.2–2 times the completions per second on BR4-1 and BR12-1).
    public func completeGreedily(_ genome: PlacementGenome) {
        let capacity = ranking.capacity
        ranking.capacity = 1
        defer { ranking.capacity = capacity }
        let stop = self.stop
        while free.spaceCount > 0 {
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

    // MARK: Blocks

    /// Fills `ranking` with the best `keep` blocks for a space of size sx×sy×sz.
    func collectCandidates(sx: Int, sy: Int, sz: Int, genome: PlacementGenome) {
        ranking.removeAll()
        let scoring = scoringActive
        rankSimpleBlocks(into: &ranking, sx: sx, sy: sy, sz: sz, genome: genome, remaining: remaining, weight: weight,
                         scoring: scoring, fill: fillable, fillStart: fillStart)
        if let list = blockList {
            rankGeneralBlocks(into: &ranking, list, sx: sx, sy: sy, sz: sz, remaining: remaining,
                              scoring: scoring, fill: fillable, fillStart: fillStart)
        }
    }

    /// Ranks the columns and layers (or whole blocks) of every remaining type and orientation
    /// that fit the space. A type and orientation whose best possible block (its most boxes)
    /// scores below a full ranking's last entry is skipped unbuilt, its blocks still counted as
    /// evaluated, so the work unit and the ranking stay what building them gave.
    /// With `.waste` a block scores its weighted volume less `wasteLoss` (never more than the
    /// volume), with `.contact` its `ContactScore` (never more than volume · n^−γ, hence the
    /// bounds through `boxesBound`), so the skip bounds hold.
    /// Reads only constants and its arguments: `ranking` is the engine's own, held `inout`.
    func rankSimpleBlocks(into ranking: inout CandidateRanking, sx: Int, sy: Int, sz: Int, genome: PlacementGenome,
                          remaining: UnsafeMutableBufferPointer<Int>, weight: UnsafeMutableBufferPointer<Double>,
                          scoring: BlockScoring, fill: UnsafeBufferPointer<Int>, fillStart: (Int, Int, Int)) {
        let contact = scoring == .contact
        for t in 0..<typeCount where remaining[t] > 0 {
            let q = remaining[t]
            let w = weight[t]
            let preferred = t < genome.orientationPreference.count ? genome.orientationPreference[t] : -1
            for i in 0..<orientCount[t] {
                let o = 6 * t + i
                let a = orientX[o], b = orientY[o], h = orientZ[o]
                if a > sx || b > sy || h > sz { continue }
                let score0 = w * (i == preferred ? 1.05 : 1.0) * Double(a * b * h)
                // Every block of this type and orientation holds at most q boxes (the tighter
                // bounds below cost divisions).
                if ranking.rejects(below: score0 * (contact ? contactScore.boxesBound(q) : Double(q))) {
                    ranking.evaluations += !genome.wholeBlocks || (sx / a) * (sy / b) * (sz / h) > q ? 6 : 1
                    continue
                }
                let fx = sx / a, fy = sy / b, fz = sz / h
                let foot = a * b
                if !genome.wholeBlocks {
                    // Layers one box thick along each axis (Parreño et al. 2008), filling the two
                    // other axes in either order as far as the boxes go: short quantities give
                    // rows and columns. A layer holds at most min(q, f0·f1) boxes.
                    let most = min(q, max(fy * fz, fx * fz, fx * fy))
                    let bound = contact ? contactScore.boxesBound(most) * contactScore.reachCap(sx, sy, sz, a, b, h, min(fx, q), min(fy, q), min(fz, q))
                                        : Double(most)
                    if ranking.rejects(below: score0 * bound) {
                        ranking.evaluations += 6
                        continue
                    }
                    // The six layers often repeat (both fill orders give the whole layer when the
                    // boxes suffice; a space one box thick makes two layers the same block). A
                    // repeat would change nothing in the ranking: it is counted, as `insert`
                    // counts it, and not scored again. (0, 0, 0) is no block.
                    let none = (0, 0, 0)
                    var seen = (none, none, none, none, none)
                    for thin in 0..<3 {
                        let (f0, f1) = thin == 0 ? (fy, fz) : (thin == 1 ? (fx, fz) : (fx, fy))
                        for fillOrder in 0..<2 {
                            var n0 = 0, n1 = 0
                            if f0 * f1 <= q {
                                // The whole layer, in either order (no division).
                                n0 = f0; n1 = f1
                            } else if fillOrder == 0 { n0 = min(f0, q); n1 = min(f1, q / n0) } else { n1 = min(f1, q); n0 = min(f0, q / n1) }
                            let (mx, my, mz) = thin == 0 ? (1, n0, n1) : (thin == 1 ? (n0, 1, n1) : (n0, n1, 1))
                            let block = (mx, my, mz)
                            if block == seen.0 || block == seen.1 || block == seen.2 || block == seen.3 || block == seen.4 {
                                ranking.evaluations += 1
                                continue
                            }
                            switch 2 * thin + fillOrder {
                            case 0: seen.0 = block
                            case 1: seen.1 = block
                            case 2: seen.2 = block
                            case 3: seen.3 = block
                            default: seen.4 = block
                            }
                            offer(into: &ranking, scoring, t, i, mx, my, mz, a, b, h, score0, foot, sx, sy, sz, fill, fillStart)
                        }
                    }
                    continue
                }
                if fx * fy * fz <= q {
                    offer(into: &ranking, scoring, t, i, fx, fy, fz, a, b, h, score0, foot, sx, sy, sz, fill, fillStart)
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
                    offer(into: &ranking, scoring, t, i, n.0, n.1, n.2, a, b, h, score0, foot, sx, sy, sz, fill, fillStart)
                }
            }
        }
    }

    /// Offers the general blocks that fit a space of sx×sy×sz and the remaining boxes, scored
    /// by their volume weighted per type like the simple ones (`generalScore`).
    /// No cap on how many of the kept candidates come from the list: the ranking stays the
    /// plain best `capacity` blocks, so a wider ranking (a beam's 64 children) begins with the
    /// narrower one (a replay's `rank + 1`), and a beam path replays exactly.
    func rankGeneralBlocks(into ranking: inout CandidateRanking, _ list: BlockList, sx: Int, sy: Int, sz: Int,
                           remaining: UnsafeMutableBufferPointer<Int>, scoring: BlockScoring, fill: UnsafeBufferPointer<Int>,
                           fillStart: (Int, Int, Int)) {
        let scores = generalScore
        for b in list.firstFitting(volume: sx * sy * sz)..<list.count {
            if list.sizeX[b] > sx || list.sizeY[b] > sy || list.sizeZ[b] > sz { continue }
            var fits = true
            for i in list.needStart[b]..<list.needStart[b + 1] where remaining[list.needType[i]] < list.needCount[i] {
                fits = false
                break
            }
            if !fits { continue }
            var score = scores[b]
            if ranking.rejects(below: scoring == .contact ? score * contactScore.countFactor(list.boxCount[b]) : score) {
                // What `insert` would have counted, without the shifts.
                ranking.evaluations += 1
                continue
            }
            if scoring != .volume {
                if scoring == .contact {
                    score = vcs(score, sx, sy, sz, list.sizeX[b], list.sizeY[b], list.sizeZ[b], boxes: list.boxCount[b], fill, fillStart,
                                ranking: &ranking)
                } else {
                    score -= MaximalSpacePacker.wasteLoss(sx, sy, sz, list.sizeX[b], list.sizeY[b], list.sizeZ[b], fill, fillStart)
                }
                if ranking.rejects(below: score) {
                    ranking.evaluations += 1
                    continue
                }
            }
            ranking.insert(score: score, foot: list.topX[b] * list.topY[b], list.needType[list.needStart[b]], -1, 0, 0, 0, block: b)
        }
    }

    /// Each general block's score under the current weights (Σ weight × volume over its
    /// types), computed when a decode starts with weights other than the last ones.
    func scoreGeneralBlocks() {
        guard let list = blockList else { return }
        if scoredList == activeList && scoredWeights.elementsEqual(weight) { return }
        scoredWeights = Array(weight)
        scoredList = activeList
        generalScore.removeAll(keepingCapacity: true)
        for b in 0..<list.count {
            var score = 0.0
            for i in list.needStart[b]..<list.needStart[b + 1] {
                let t = list.needType[i]
                score += weight[t] * Double(list.needCount[i] * boxVolume[t])
            }
            generalScore.append(score)
        }
    }

    /// The last decode as a plan.
    public var plan: PackingPlan { PackingPlan(placements: placementsBuffer) }
}
