import HunchCore

/// Beam search over block placements with greedy completion (Araya & Riff 2014, "A beam search
/// approach to the container loading problem", COR 43; Araya, Guerrero & Nuñez 2017's BSG).
///
/// A node is a partial packing. Its children place, in the space the genome's rule picks, each
/// of the best few blocks the engine ranks there; each child is valued by completing it greedily
/// (best-ranked block at every later step). The best `width` children of a level form the next
/// level; the best completion seen is the answer. A round ends when no node has a space left; the
/// next round starts again from the empty container with twice the width, while time remains
/// (without a deadline, rounds stop at `maxWidthWithoutDeadline` times the first width, so a run
/// is reproducible). After the widest plain round (`plainMaxWidth`) the rounds start again in
/// BSG's square shape (`squareRounds`); after the widest of those, again with every one-type grid
/// among the blocks (`gridRounds`), widening up to `lastStageMaxWidth`. In the second half of a
/// deadline's time every other round is focused (`focusedRounds`): it starts from a node on the
/// best plan's path instead of the empty container; after the last stage, all of them are. Without
/// a deadline, the genome search follows.
///
/// Given several ranking genomes (with and without general blocks), rounds take them in turn.
/// The best plan comes back with a genome that replays it (the ranks along its path as deviation
/// genes), so that the genome search can continue from it.
///
/// The engine's `save`/`restore` copy partial packings into snapshots kept in two pools (this
/// level's nodes, the next level's): after the first levels nothing is allocated. Snapshots
/// hold no blocks: the best plan is decoded once at the end from the ranks along its path.
public struct BeamSearch {
    /// Children per node: the best max(`minChildren`, min(width, 7)) blocks of its space.
    public var minChildren = 3
    /// Width of the first round (doubled each round).
    public var initialWidth = 1
    /// The first widths `varied(by:)` draws from: odd, so that their doublings never meet
    /// (1, 2, 4 … against 3, 6, 12 …) and two runs with different draws build different beams.
    public static let variedInitialWidths = [1, 3, 5, 7]
    /// The square rounds' first widths drawn with them (same index): their √2 sequences
    /// (8, 11, 16 … against 9, 13, 18 …) meet rarely.
    public static let variedSquareFirstWidths = [8, 9, 10, 12]
    /// The share of a deadline's remaining time the beam search takes as a prior; the genome
    /// search continues from its best plan's genome for the rest. All of it by default: on
    /// problem 3 of BR1–BR15 at 3 s, half measured 88.8 % against 89.1 % for all.
    public var timeShare = 1.0
    /// The widest plain round when no later stage follows: beyond it the snapshots would take
    /// too much memory (a shallow tree, few large blocks, reaches it within seconds); focused
    /// rounds (`focusedRounds`), or else the genome search from the best plan's genome, then get
    /// the rest of the time.
    public var maxWidth = 4096
    /// The widest plain round (at most `maxWidth`) when a later stage follows. In the 30 s runs
    /// of BR1–BR5 (full support) the plain rounds of width 4,096 gave the best plan in 2 of 50
    /// runs, the rounds after them in 24, so the time goes to those (issue 17, "Stages of rounds").
    public var plainMaxWidth = 2048
    /// Without a deadline, the last round's width, in multiples of the first round's.
    public var maxWidthWithoutDeadline = 4
    /// Children per node at most (the engine's `keep`, 7).
    public var maxChildren = Int(PlacementGenome.maxDeviation) + 1
    /// Once the widest plain round (`plainMaxWidth`) is done with time left, the rounds start
    /// again in BSG's shape (Araya, Guerrero & Nuñez 2017, `BSG::next`): a level of width w
    /// makes about w² children in all, each of its n nodes the best round(w²/n) blocks of its
    /// space (at most `maxSquareChildren`), so the root gets many and a level that dedup left
    /// narrow gets more per node. The width starts at `squareFirstWidth` and grows by √2 per
    /// round (the children per level double, as in the plain rounds) up to `squareMaxWidth`.
    /// A bushier, narrower tree than the plain rounds' 7 children per node: in paired 30 s runs
    /// on problems 1–10 of BR1 and BR2 (full support) these rounds, in place of rounds of 15
    /// children per node up to width 4,096, packed 13 problems more and 3 less (+0.21 points;
    /// issue 17, "Square rounds").
    public var squareRounds = true
    /// The square rounds' first width (`varied(by:)` draws it with the first plain width).
    public var squareFirstWidth = 8
    /// The widest square round. Past width 64 the cap of `maxSquareChildren` per node binds,
    /// so a level of 256 nodes makes 16,384 children (the plain rounds of width 2,048, 14,336).
    public var squareMaxWidth = 256
    /// The widest round of the last stage (the grid rounds; the square ones without them). A beam
    /// that has done its earlier stages with time left keeps widening there instead of handing the
    /// rest to the genome search, which in the 30 s runs of BR1 never improved on the beam's plan
    /// (every operator's `new_best` 0): on BR1-9 without support the round of width 2,048 found
    /// 94.31 % where the rounds up to 1,024 found 93.46 % (issue 17, "Wider last rounds, fewer checks").
    public var lastStageMaxWidth = 4096
    /// The most bytes the snapshots of a last-stage round wider than `squareMaxWidth` may take: such
    /// a round starts only if a full level (width × its children per node, plus the kept nodes) at
    /// the largest snapshot seen so far fits. Snapshots grow with the spaces and blocks a container
    /// holds: BR1-9 and BR2-1 reached widths 1,448 and 2,048 in 210 MB (maximum resident set),
    /// but a level of width 4,096 makes 262,144 children.
    public var snapshotBudget = 1 << 30
    /// Children per node in the square rounds at most: every rank a deviation gene can name.
    public static let maxSquareChildren = MaximalSpacePacker.maxCandidates
    /// Once the square rounds are done with time left, they run again with the rankings'
    /// `gridBlocks` set: every nx×ny×nz grid of one type is offered besides the layers, as in
    /// BSG's block list. Not in the earlier rounds: at 10 s on problems 1–2 of BR1–BR7 the grids
    /// in every round lost 0.06 points, but they give BR1-9 and BR1-10 the plans the layers lack
    /// (+2.0 and +2.6 points; issue 17).
    public var gridRounds = true
    /// With a deadline, a round that would not finish in the time left (forecast from the same
    /// ranking's last rounds in this stage, `RoundTimes`) is replaced by the widest round forecast
    /// to take `fitShare` of the time left, with the ranking whose last round found most, when
    /// that is wider than the ranking's last round. A round cut by the deadline gave the answer
    /// in 7 of 150 no-support runs of 30 s and 3 of 150 with full support (BR1–BR15, problems
    /// 1–10, before this rule): its time went mostly to waste.
    public var fitsLastRound = true
    /// The share of the time left that a fitted round plans to take (its cost is an estimate).
    public var fitShare = 0.85
    /// With a deadline, once `focusFrom` of its time has passed, every other round is focused:
    /// its root is the node of the best plan's path at `focusDepths` of the path's length (in
    /// turn), not the empty container, so the blocks after that node are chosen again by a beam
    /// search. A large-neighbourhood move (Shaw 1998: remove part of the incumbent, rebuild it by
    /// tree search) on top of BSG's restarts. A focused round takes the stage's shape and twice
    /// the width of the round before it: from halfway down it has half the levels and
    /// completions half as long on average, so it costs about half as much per width. Once the
    /// stages are done, only focused rounds run, √2 wider after each turn of depths while a
    /// level's snapshots fit `snapshotBudget` (issue 17, "Focused rounds").
    public var focusedRounds = true
    /// The share of a deadline's time after which rounds alternate with focused ones.
    public var focusFrom = 0.5
    /// The focused rounds' root depths, as shares of the best path's length, taken in turn.
    public static let focusDepths = [0.5, 0.25, 0.75]

    public init() {}

    /// This search with its first width drawn by `rng` (`variedInitialWidths`): runs with
    /// different seeds (`hunch solve --threads N` runs seeds s … s+N−1) search different beams,
    /// and a seed gives the same beam every time.
    public func varied(by rng: inout SeededGenerator) -> BeamSearch {
        var search = self
        let draw = rng.below(BeamSearch.variedInitialWidths.count)
        search.initialWidth = BeamSearch.variedInitialWidths[draw]
        search.squareFirstWidth = BeamSearch.variedSquareFirstWidths[draw]
        return search
    }

    /// Children per node in a square round of `width` whose level has `nodes` nodes: about
    /// width² in the level (BSG's max_level_size / |S|), between `minChildren` and
    /// `maxSquareChildren`.
    public func squareChildren(width: Int, nodes: Int) -> Int {
        min(BeamSearch.maxSquareChildren, max(minChildren, (width * width + nodes / 2) / max(1, nodes)))
    }

    /// Whether a level of a round of `width` (square or plain) fits `snapshotBudget`, at
    /// `snapshotBytes` per snapshot.
    func levelFits(width: Int, square: Bool, snapshotBytes: Int) -> Bool {
        let children = square ? squareChildren(width: width, nodes: width) : max(minChildren, min(width, maxChildren))
        return (width * children + width) * snapshotBytes <= snapshotBudget
    }

    /// What a beam search did, for the JSON result and the benchmarks.
    public struct Statistics: Sendable, Equatable {
        public var rounds = 0
        /// Width of the last round started.
        public var width = 0
        /// Width of the first round.
        public var firstWidth = 0
        /// Nodes whose children were made.
        public var nodes = 0
        /// Greedy completions (each a decode from a child to the end).
        public var completions = 0
        /// Candidate blocks ranked by the engine, in all.
        public var evaluations = 0
        /// General blocks in the instance's list (0 when not used).
        public var generalBlocks = 0
        public var seconds = 0.0
        /// The round whose completion is the answer (0: the first greedy decode).
        public var bestRound = 0
        /// The first square round (0: none).
        public var squareFrom = 0
        /// The first round with the one-type grids among the blocks (0: none).
        public var gridBlocksFrom = 0
        /// Blocks in the first grid ranking's list (general blocks and grids; 0 when not used).
        public var gridBlocks = 0
        /// The width of the last round when it was fitted to the time left (0: none was).
        public var fittedWidth = 0
        /// The first focused round (0: none), and how many there were.
        public var focusedFrom = 0
        public var focusedRounds = 0

        public var json: JSONValue {
            .object(["rounds": .int(rounds), "width": .int(width), "first_width": .int(firstWidth), "nodes": .int(nodes), "completions": .int(completions),
                     "completions_per_s": .double(seconds > 0 ? Double(completions) / seconds : 0),
                     "evaluations": .int(evaluations), "general_blocks": .int(generalBlocks),
                     "seconds": .double(seconds), "best_round": .int(bestRound),
                     "square_from": .int(squareFrom), "grid_blocks_from": .int(gridBlocksFrom),
                     "grid_blocks": .int(gridBlocks), "fitted_width": .int(fittedWidth),
                     "focused_from": .int(focusedFrom), "focused_rounds": .int(focusedRounds)])
        }
    }

    /// The best plan found for one container under `stop`, the genome that decodes to it (the
    /// ranks chosen along its path as deviations; with `gridBlocks` set when a grid round found
    /// it), and the statistics. `genome` gives the ranking (type weights, orientations, space
    /// rule, general blocks); its deviations are not used.
    ///
    /// With several genomes, the rounds take them in turn (the width doubles after each turn):
    /// with and without general blocks, say, which suit different instances.
    public func run(_ instance: ContainerInstance, fullSupport: Bool, genomes: [PlacementGenome],
                    stop: StopCondition) -> (plan: PackingPlan, volume: Int, genome: PlacementGenome, statistics: Statistics) {
        let start = stop.clock.now()
        var stats = Statistics()
        var rankings = genomes.map { g -> PlacementGenome in
            var greedy = g.normalized(for: instance)
            for i in greedy.deviations.indices { greedy.deviations[i] = 0 }
            return greedy
        }
        if rankings.isEmpty { rankings = [PlacementGenome(typeCount: instance.boxTypes.count, stepCapacity: 1).normalized(for: instance)] }
        let packer = MaximalSpacePacker(instance: instance, fullSupport: fullSupport)
        packer.stop = stop

        // Round 0: the greedy decodes themselves.
        var bestVolume = -1
        var best: [Placement] = []
        // The best plan is `bestRanking` with the ranks of `bestPath` as its deviations.
        var bestRanking = rankings[0]
        var bestPath: [UInt8] = []
        var greedyVolume = [Int](repeating: 0, count: rankings.count)
        /// Decodes each ranking greedily (the roots' own completions, for a stage's rankings);
        /// true when one is the best so far.
        func decodeGreedily(_ rankings: [PlacementGenome]) -> Bool {
            var improved = false
            for (i, g) in rankings.enumerated() {
                packer.decode(g)
                greedyVolume[i] = packer.packedVolume
                stats.completions += 1
                stats.evaluations += packer.evaluations
                if packer.packedVolume > bestVolume {
                    bestVolume = packer.packedVolume
                    best = packer.placements
                    bestRanking = g
                    bestPath.removeAll()
                    improved = true
                }
            }
            return improved
        }
        _ = decodeGreedily(rankings)
        stats.generalBlocks = packer.blockListCount(general: true, grids: false)
        let everything = instance.totalBoxVolume

        var beam: [MaximalSpacePacker.Snapshot] = [], children: [MaximalSpacePacker.Snapshot] = []
        var beamCount = 0, childCount = 0
        // Each beam node's greedy completion: its first child (the best-ranked block) completed
        // greedily is the same packing, so that child is not completed again.
        var beamValue: [Int] = []
        var parent = MaximalSpacePacker.Snapshot()
        var values: [(value: Int, partial: Int, index: Int)] = []
        var choices: [MaximalSpacePacker.Choice] = []
        var width = max(1, initialWidth)
        stats.firstWidth = width
        var turn = 0
        // The rounds' stages: 0 plain, 1 square (`squareRounds`), 2 square with the grids
        // (`gridRounds`). The plain rounds stop at `plainMaxWidth` only when a later stage follows.
        var stage = 0
        // Square rounds done in this stage: the width is squareFirstWidth·√2^squareStep.
        var squareStep = 0
        var roundRankings = rankings
        let laterStages = squareRounds || gridRounds
        let plainWidest = laterStages ? min(plainMaxWidth, maxWidth) : maxWidth
        let lastStage = gridRounds ? 2 : (squareRounds ? 1 : 0)
        // The largest snapshot seen (the first kept node of each level), for `snapshotBudget`.
        var snapshotBytes = 0
        // The finished rounds of this stage, for `fitsLastRound`.
        var times = RoundTimes(rankings: rankings.count)
        // Focused rounds done, and whether the last round was one (`focusedRounds`). Once the
        // stages are done (`onlyFocused`), every round is.
        var focusStep = 0, focusWidth = 2 * max(1, initialWidth), lastFocused = false, onlyFocused = false
        let focusTime = stop.deadline.map { start + focusFrom * ($0 - start) }
        while bestVolume < everything && !stop.timeIsUp() {
            if stop.deadline == nil && width > maxWidthWithoutDeadline * stats.firstWidth { break }
            // A focused round's root: this many steps down the best plan's path (-1: the empty container).
            var rootDepth = -1
            if onlyFocused || (focusedRounds && !lastFocused && focusTime.map { stop.clock.now() >= $0 } == true) {
                let share = BeamSearch.focusDepths[focusStep % BeamSearch.focusDepths.count]
                rootDepth = Int(Double(bestPath.count) * share)
            }
            lastFocused = rootDepth >= 0
            let square = stage > 0
            let widest = !square ? plainWidest : (stage == lastStage ? lastStageMaxWidth : squareMaxWidth)
            // A last-stage round past the square rounds' widest starts only if its snapshots fit.
            let overBudget = square && stage == lastStage && width > squareMaxWidth
                && !levelFits(width: width, square: true, snapshotBytes: snapshotBytes)
            if !lastFocused && (width > widest || overBudget) {
                if stage == 0 && squareRounds {
                    stage = 1
                    stats.squareFrom = stats.rounds + 1
                } else if stage <= 1 && gridRounds {
                    stage = 2
                    roundRankings = rankings.map { g in
                        var grid = g
                        grid.gridBlocks = true
                        return grid
                    }
                    // The greedy decodes count in the stage's first round (which the deadline may
                    // then stop before it starts).
                    stats.gridBlocksFrom = stats.rounds + 1
                    if decodeGreedily(roundRankings) { stats.bestRound = stats.rounds + 1 }
                    stats.gridBlocks = packer.blockListCount(general: roundRankings[0].generalBlocks, grids: true)
                    if stop.timeIsUp() || bestVolume >= everything { break }
                } else if focusedRounds && stop.deadline != nil {
                    onlyFocused = true
                    continue
                } else {
                    break
                }
                squareStep = 0
                width = max(1, squareFirstWidth)
                times.reset()
                // A first square width beyond the widest ends the stage at once.
                continue
            }
            var roundWidth = width, ranking = turn
            if lastFocused {
                roundWidth = focusWidth
                while roundWidth > 1 && !levelFits(width: roundWidth, square: square, snapshotBytes: snapshotBytes) { roundWidth /= 2 }
            }
            if !lastFocused && fitsLastRound, let deadline = stop.deadline,
               let fit = times.fitted(width: width, ranking: turn, left: deadline - stop.clock.now(), share: fitShare) {
                (roundWidth, ranking) = fit
                stats.fittedWidth = fit.width
            }
            let greedy = lastFocused ? bestRanking : roundRankings[ranking]
            stats.rounds += 1
            stats.width = roundWidth
            let roundStart = stop.clock.now()
            // The round's best completion, and whether it ran to its end.
            var roundValue = greedyVolume[ranking], finished = true
            packer.beginDecode(greedy, recording: false)
            if beam.isEmpty { beam.append(MaximalSpacePacker.Snapshot()) }
            beam[0].path.removeAll(keepingCapacity: true)
            if lastFocused {
                if stats.focusedFrom == 0 { stats.focusedFrom = stats.rounds }
                stats.focusedRounds += 1
                // Down the best path to the root, then the root's own greedy completion.
                for k in 0..<rootDepth {
                    let rank = Int(bestPath[k])
                    packer.rankingCapacity = max(packer.keep, rank + 1)
                    guard let s = packer.nextSpace(greedy) else { break }
                    packer.place(packer.candidate(min(rank, packer.candCount - 1)), inSpace: s)
                    beam[0].path.append(bestPath[k])
                }
                packer.save(into: &parent)
                packer.completeGreedily(greedy)
                stats.completions += 1
                roundValue = packer.packedVolume
                if packer.packedVolume > bestVolume {
                    bestVolume = packer.packedVolume
                    bestPath = beam[0].path
                    stats.bestRound = stats.rounds
                }
                packer.restore(parent)
            }
            packer.save(into: &beam[0])
            beamValue = [roundValue]
            beamCount = 1
            level: while beamCount > 0 {
                childCount = 0
                values.removeAll(keepingCapacity: true)
                // A square level makes about width² children (BSG: max_level_size / |S| per node).
                let perNode = square ? squareChildren(width: roundWidth, nodes: beamCount) : max(minChildren, min(roundWidth, maxChildren))
                packer.rankingCapacity = perNode
                for n in 0..<beamCount {
                    if stop.timeIsUp() {
                        finished = false
                        break level
                    }
                    beam.withUnsafeBufferPointer { nodes in packer.restore(nodes[n]) }
                    guard let s = packer.nextSpace(greedy) else { continue }
                    stats.nodes += 1
                    let k = min(perNode, packer.candCount)
                    choices.removeAll(keepingCapacity: true)
                    for c in 0..<k { choices.append(packer.candidate(c)) }
                    packer.save(into: &parent)
                    for c in 0..<k {
                        if c > 0 { packer.restore(parent) }
                        packer.place(choices[c], inSpace: s)
                        if childCount == children.count { children.append(MaximalSpacePacker.Snapshot()) }
                        packer.save(into: &children[childCount])
                        children[childCount].path.removeAll(keepingCapacity: true)
                        children[childCount].path.append(contentsOf: beam[n].path)
                        children[childCount].path.append(UInt8(c))
                        if c == 0 {
                            // The parent's own completion, already counted and compared.
                            values.append((beamValue[n], children[childCount].packedVolume, childCount))
                            childCount += 1
                            continue
                        }
                        let before = packer.evaluations
                        packer.completeGreedily(greedy)
                        stats.evaluations += packer.evaluations - before
                        stats.completions += 1
                        roundValue = max(roundValue, packer.packedVolume)
                        if packer.packedVolume > bestVolume {
                            bestVolume = packer.packedVolume
                            bestPath = children[childCount].path
                            bestRanking = greedy
                            stats.bestRound = stats.rounds
                        }
                        values.append((packer.packedVolume, children[childCount].packedVolume, childCount))
                        childCount += 1
                        if bestVolume >= everything { break level }
                    }
                }
                // The best `width` children (by completed volume, then by volume already placed),
                // one of each (completed, placed) pair: equal pairs are most often the same
                // packing reached in two orders.
                values.sort { ($0.value, $0.partial, -$0.index) > ($1.value, $1.partial, -$1.index) }
                var distinct = 0
                for v in values.indices where distinct < roundWidth {
                    if distinct > 0 && values[distinct - 1].value == values[v].value && values[distinct - 1].partial == values[v].partial { continue }
                    values[distinct] = values[v]
                    distinct += 1
                }
                let kept = distinct
                // Move the kept children to the front of `children`, then make them the beam.
                let keptValues = values.prefix(kept).sorted { $0.index < $1.index }
                var order = keptValues.map(\.index)
                for (i, j) in order.enumerated() where i != j { children.swapAt(i, j) }
                order.removeAll()
                beamValue.removeAll(keepingCapacity: true)
                beamValue.append(contentsOf: keptValues.map(\.value))
                swap(&beam, &children)
                beamCount = kept
                if kept > 0 { snapshotBytes = max(snapshotBytes, beam[0].bytes) }
            }
            if lastFocused {
                focusStep += 1
                let wider = Int((Double(roundWidth) * (2.0).squareRoot()).rounded())
                if onlyFocused && focusStep % BeamSearch.focusDepths.count == 0
                    && levelFits(width: wider, square: square, snapshotBytes: snapshotBytes) {
                    focusWidth = wider
                }
                continue
            }
            focusWidth = 2 * roundWidth
            // A completion the deadline cut short ends its round too (`stopped`).
            if finished && !packer.stopped {
                times.record(ranking: ranking, width: roundWidth, seconds: stop.clock.now() - roundStart, best: roundValue)
            }
            turn += 1
            if turn == rankings.count {
                turn = 0
                if square {
                    squareStep += 1
                    let doubled = Double(squareFirstWidth << (squareStep / 2))
                    width = Int((squareStep % 2 == 1 ? doubled * (2.0).squareRoot() : doubled).rounded())
                } else {
                    width *= 2
                }
            }
        }
        packer.rankingCapacity = packer.keep
        var greedy = bestRanking
        if bestPath.count > greedy.deviations.count {
            greedy.deviations.append(contentsOf: repeatElement(0, count: bestPath.count - greedy.deviations.count))
        }
        for (k, rank) in bestPath.enumerated() { greedy.deviations[k] = rank }
        if stats.bestRound > 0 {
            // The best completion's plan, replayed in full (one decode, past the deadline if need
            // be: a completion the deadline cut short replays complete, so no smaller).
            packer.stop = nil
            let found = bestVolume
            bestVolume = packer.decode(greedy)
            // The engine ranks a step's best `capacity` blocks whatever the capacity, so the path
            // replays to the completion it found (or, cut short by the deadline, to more).
            assert(bestVolume >= found, "a beam path replays to \(bestVolume), found \(found)")
            best = packer.placements
        }
        stats.seconds = stop.clock.now() - start
        return (PackingPlan(placements: best), bestVolume, greedy, stats)
    }
}
