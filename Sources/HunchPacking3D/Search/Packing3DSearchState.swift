import Foundation
import HunchCore

/// The container-loading working solution for the engine's local search: a `PlacementGenome`
/// and its decoded plan. The objective (minimised) is, for `.volume`, the unused share of the
/// container, 100 − utilisation (%); for `.containers`, containers − 1 + the last container's
/// fill fraction (fewer containers first, then an emptier last one, which is closer to
/// disappearing).
///
/// Every operator changes the genome and decodes it again with the placement engine (the decoder
/// is the hot loop: it reuses its buffers). A trial keeps a copy of the genome; rollback restores
/// it and the plan of the kept solution, which lives in a second buffer (swapped, not copied).
public final class Packing3DSearchState: SearchState {
    /// The actions, in the order policies index them.
    public static let operators = [
        "branch",          // take another block at one step and complete greedily from there
        "deviate",         // change the block rank at one step, keep later deviations
        "swap-types",      // swap two types in the preference order
        "promote-type",    // move a type earlier in the preference order
        "orientation",     // change a type's preferred orientation
        "shake",           // several deviations and a swap at once (a larger kick)
        "corner",          // put one step's block in another corner of its space
    ]
    public static let problemFeatures = 4
    /// Engine features plus family features: the length a learned policy must take.
    public static let featureCount = SearchFeatures.engineFeatureCount(operatorCount: operators.count) + problemFeatures

    public let instance: ContainerInstance
    let packer: MaximalSpacePacker
    let containerVolume: Double
    /// Volume of all boxes: when reached, nothing can be improved.
    let allBoxesVolume: Int

    public let objectiveKind: Packing3DObjective
    /// Fewest containers any plan can use (by volume), for `.containers`.
    public let containerLowerBound: Int

    public private(set) var genome: PlacementGenome
    /// What the beam search that made the start did (reported with the result).
    public var beamStatistics: BeamSearch.Statistics?
    private var trialGenome: PlacementGenome
    private var bestGenome: PlacementGenome
    private var current: [Placement] = []
    private var best: [Placement] = []
    private var currentStarts: [Int] = []
    private var bestStarts: [Int] = []
    private var currentVolume = 0
    private var trialVolume = 0
    private var bestVolume = 0
    private var currentScore = 0.0
    private var trialScore = 0.0
    private var bestScore = 0.0
    private var currentContainers = 1
    private var trialContainers = 1
    private var bestContainers = 1
    private var currentSteps = 0
    private var trialSteps = 0
    private var inTrial = false
    private var decodedInTrial = false

    /// `stop` bounds the first decode (`.volume` only: a partial plan is valid there).
    public init(instance: ContainerInstance, genome: PlacementGenome, fullSupport: Bool,
                objective: Packing3DObjective = .volume, stop: StopCondition? = nil) {
        self.instance = instance
        objectiveKind = objective
        packer = MaximalSpacePacker(instance: instance, fullSupport: fullSupport)
        containerVolume = Double(max(1, instance.containerVolume))
        allBoxesVolume = instance.totalBoxVolume
        containerLowerBound = max(1, (allBoxesVolume + max(1, instance.containerVolume) - 1) / max(1, instance.containerVolume))
        let genome = genome.normalized(for: instance)
        self.genome = genome
        trialGenome = genome
        bestGenome = genome
        // Separate storage, so that copying between them never allocates.
        trialGenome.deviations = Array(genome.deviations)
        trialGenome.order = Array(genome.order)
        trialGenome.orientationPreference = Array(genome.orientationPreference)
        bestGenome.deviations = Array(genome.deviations)
        bestGenome.order = Array(genome.order)
        bestGenome.orientationPreference = Array(genome.orientationPreference)
        currentScore = evaluate(genome, stop: objective == .volume ? stop : nil)
        takeDecoded()
        best = current
        bestStarts = currentStarts
        bestVolume = currentVolume
        bestScore = currentScore
        bestContainers = currentContainers
    }

    /// Decodes `g` with the packer and returns its objective (the packer keeps the plan). With
    /// `stop`, a long decode ends early: for `.volume` its partial plan is valid and scored as
    /// such; for `.containers` a partial plan leaves boxes out, so it scores +∞ and is never kept.
    private func evaluate(_ g: PlacementGenome, stop: StopCondition? = nil) -> Double {
        packer.stop = stop
        defer { packer.stop = nil }
        switch objectiveKind {
        case .volume:
            let v = packer.decode(g)
            return 100 * (containerVolume - Double(v)) / containerVolume
        case .containers:
            let k = packer.decodeContainers(g)
            if packer.stopped { return .infinity }
            return Double(max(0, k - 1)) + Double(packer.lastContainerVolume) / containerVolume
        }
    }

    /// Makes the packer's last decode current: figures here, placements swapped in. A decode
    /// that used every deviation gene gets more (genomes start with at most
    /// `PlacementGenome.initialStepCapacity` genes, not one per box).
    private func takeDecoded() {
        if packer.steps >= genome.deviations.count && genome.deviations.count < instance.boxCount + 1 {
            let grown = min(instance.boxCount + 1, max(2 * genome.deviations.count, packer.steps + 1))
            genome.deviations.append(contentsOf: repeatElement(0, count: grown - genome.deviations.count))
        }
        currentVolume = packer.packedVolume
        currentSteps = packer.steps
        currentContainers = objectiveKind == .containers ? max(1, packer.containerStarts.count) : 1
        swap(&current, &packer.placementsBuffer)
        swap(&currentStarts, &packer.containerStartsBuffer)
    }

    public var objective: Double { currentScore }
    public var operatorNames: [String] { Self.operators }
    public var problemFeatureCount: Int { Self.problemFeatures }

    /// The objective at which no solution can be better (every box packed, or as few
    /// containers as the volume allows): the search loop's target.
    public var optimalObjective: Double {
        objectiveKind == .volume ? 100 * (containerVolume - Double(allBoxesVolume)) / containerVolume
                                 : Double(containerLowerBound)
    }

    /// True when no solution can be better: every box packed (`.volume`), or as few containers
    /// as the volume allows (`.containers`).
    public var everythingPacked: Bool {
        objectiveKind == .volume ? currentVolume >= allBoxesVolume : currentContainers <= containerLowerBound
    }

    /// The current plan (`.containers`: the first container's).
    public var plan: PackingPlan { containerPlans.first ?? PackingPlan() }

    /// The current plan per container (one for `.volume`).
    public var containerPlans: [PackingPlan] {
        guard objectiveKind == .containers, !currentStarts.isEmpty else { return [PackingPlan(placements: current)] }
        return currentStarts.indices.map { c in
            let end = c + 1 < currentStarts.count ? currentStarts[c + 1] : current.count
            return PackingPlan(placements: Array(current[currentStarts[c]..<end]))
        }
    }

    /// Containers the current plan uses (`.containers`; 1 for `.volume`).
    public var containerCount: Int { currentContainers }
    public var packedVolume: Int { currentVolume }
    /// Work (candidate blocks evaluated) of the most recent decode.
    public var lastDecodeWork: Int { packer.evaluations }

    public func writeProblemFeatures(to buffer: UnsafeMutableBufferPointer<Double>) {
        let types = Double(instance.boxTypes.count), boxes = Double(max(1, instance.boxCount))
        guard buffer.count >= 4 else { return }
        buffer[0] = min(1, log(types) / log(100))
        buffer[1] = min(1, log(boxes) / log(2000))
        buffer[2] = min(2, Double(allBoxesVolume) / containerVolume) - 1
        buffer[3] = types / boxes
    }

    /// Tries moving each type to the front of the order once, keeping improvements.
    public func descend(stop: StopCondition) -> Int {
        var work = 0
        let n = genome.order.count
        guard n > 1 else { return 0 }
        for r in 1..<n {
            if stop.timeIsUp() || everythingPacked { break }
            var candidate = genome
            let t = candidate.order.remove(at: r)
            candidate.order.insert(t, at: 0)
            let score = evaluate(candidate, stop: stop)
            work += packer.evaluations
            if score < currentScore {
                genome = candidate
                currentScore = score
                takeDecoded()
            }
        }
        return work
    }

    public func beginTrial() {
        trialGenome.assign(genome)
        trialVolume = currentVolume
        trialScore = currentScore
        trialContainers = currentContainers
        trialSteps = currentSteps
        inTrial = true
        decodedInTrial = false
    }

    public func apply(action: Int, rng: inout SeededGenerator, stop: StopCondition) -> Int {
        let steps = max(1, min(currentSteps, genome.deviations.count))
        let n = genome.order.count
        guard n > 0 else { return 0 }
        switch action {
        case 0: // branch
            let k = rng.below(steps)
            let old = genome.deviations[k] & PlacementGenome.rankMask
            var new = UInt8(1 + rng.below(Int(PlacementGenome.maxDeviation)))
            if new == old { new = 0 }
            genome.deviations[k] = (genome.deviations[k] & ~PlacementGenome.rankMask) | new
            let end = min(genome.deviations.count, steps + 1)
            if k + 1 < end { for i in (k + 1)..<end { genome.deviations[i] = 0 } }
        case 1: // deviate
            let k = rng.below(steps)
            let old = genome.deviations[k] & PlacementGenome.rankMask
            var new = UInt8(rng.below(Int(PlacementGenome.maxDeviation) + 1))
            if new == old { new = old == 0 ? 1 : 0 }
            genome.deviations[k] = (genome.deviations[k] & ~PlacementGenome.rankMask) | new
        case 2: // swap-types
            if n > 1 {
                let i = rng.below(n)
                var j = rng.below(n - 1)
                if j >= i { j += 1 }
                genome.order.swapAt(i, j)
            } else {
                genome.deviations[rng.below(steps)] = 1
            }
        case 3: // promote-type
            if n > 1 {
                let i = 1 + rng.below(n - 1)
                let j = rng.below(i)
                let t = genome.order.remove(at: i)
                genome.order.insert(t, at: j)
            } else {
                genome.deviations[rng.below(steps)] = 1
            }
        case 4: // orientation
            let t = rng.below(n)
            let count = packer.orientationCount(of: t)
            genome.orientationPreference[t] = rng.below(count + 1) - 1
        case 6: // corner
            let k = rng.below(steps)
            genome.deviations[k] ^= rng.below(2) == 0 ? PlacementGenome.flipX : PlacementGenome.flipY
        default: // shake
            for _ in 0..<3 {
                genome.deviations[rng.below(steps)] = UInt8(rng.below(Int(PlacementGenome.maxDeviation) + 1))
            }
            if n > 1 { genome.order.swapAt(rng.below(n), rng.below(n)) }
        }
        currentScore = evaluate(genome, stop: stop)
        takeDecoded()
        decodedInTrial = true
        return packer.evaluations
    }

    public func commitTrial() {
        inTrial = false
    }

    public func rollbackTrial() {
        guard inTrial else { return }
        genome.assign(trialGenome)
        currentVolume = trialVolume
        currentScore = trialScore
        currentContainers = trialContainers
        currentSteps = trialSteps
        // The kept solution's placements went into the packer's buffers at the swap.
        if decodedInTrial {
            swap(&current, &packer.placementsBuffer)
            swap(&currentStarts, &packer.containerStartsBuffer)
        }
        inTrial = false
    }

    public func saveBest() {
        bestGenome.assign(genome)
        bestVolume = currentVolume
        bestScore = currentScore
        bestContainers = currentContainers
        best.removeAll(keepingCapacity: true)
        best.append(contentsOf: current)
        bestStarts.removeAll(keepingCapacity: true)
        bestStarts.append(contentsOf: currentStarts)
    }

    public func restoreBest() {
        genome.assign(bestGenome)
        currentVolume = bestVolume
        currentScore = bestScore
        currentContainers = bestContainers
        current.removeAll(keepingCapacity: true)
        current.append(contentsOf: best)
        currentStarts.removeAll(keepingCapacity: true)
        currentStarts.append(contentsOf: bestStarts)
        currentSteps = max(1, currentSteps)
    }
}
