import Foundation
import HunchCore

/// The container-loading working solution for the engine's local search: a `PlacementGenome`
/// and its decoded plan. The objective is the unused share of the container, 100 − utilisation
/// (%), so the engine's minimisation maximises the packed volume.
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

    public private(set) var genome: PlacementGenome
    private var trialGenome: PlacementGenome
    private var bestGenome: PlacementGenome
    private var current: [Placement] = []
    private var best: [Placement] = []
    private var currentVolume = 0
    private var trialVolume = 0
    private var bestVolume = 0
    private var currentSteps = 0
    private var trialSteps = 0
    private var inTrial = false
    private var decodedInTrial = false

    public init(instance: ContainerInstance, genome: PlacementGenome, fullSupport: Bool) {
        self.instance = instance
        packer = MaximalSpacePacker(instance: instance, fullSupport: fullSupport)
        containerVolume = Double(max(1, instance.containerVolume))
        allBoxesVolume = instance.totalBoxVolume
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
        currentVolume = packer.decode(genome)
        currentSteps = packer.steps
        current = packer.placements
        best = current
        bestVolume = currentVolume
    }

    public var objective: Double { 100 * (containerVolume - Double(currentVolume)) / containerVolume }
    public var operatorNames: [String] { Self.operators }
    public var problemFeatureCount: Int { Self.problemFeatures }

    /// True when every box is packed: no solution can be better.
    public var everythingPacked: Bool { currentVolume >= allBoxesVolume }

    /// The current plan.
    public var plan: PackingPlan { PackingPlan(placements: current) }
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
            let volume = packer.decode(candidate)
            work += packer.evaluations
            if volume > currentVolume {
                genome = candidate
                currentVolume = volume
                currentSteps = packer.steps
                swap(&current, &packer.placementsBuffer)
            }
        }
        return work
    }

    public func beginTrial() {
        trialGenome.assign(genome)
        trialVolume = currentVolume
        trialSteps = currentSteps
        inTrial = true
        decodedInTrial = false
    }

    public func apply(action: Int, rng: inout SeededGenerator, stop: StopCondition) -> Int {
        let steps = max(1, currentSteps)
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
        currentVolume = packer.decode(genome)
        currentSteps = packer.steps
        swap(&current, &packer.placementsBuffer)
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
        currentSteps = trialSteps
        // The kept solution's placements went into the packer's buffer at the swap.
        if decodedInTrial { swap(&current, &packer.placementsBuffer) }
        inTrial = false
    }

    public func saveBest() {
        bestGenome.assign(genome)
        bestVolume = currentVolume
        best.removeAll(keepingCapacity: true)
        best.append(contentsOf: current)
    }

    public func restoreBest() {
        genome.assign(bestGenome)
        currentVolume = bestVolume
        current.removeAll(keepingCapacity: true)
        current.append(contentsOf: best)
        currentSteps = max(1, currentSteps)
    }
}
