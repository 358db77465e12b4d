import HunchCore

/// Construction heuristics that give the search its first loading plan. Each is the maximal-space
/// block engine (`MaximalSpacePacker`) with a different box-ordering, orientation or space rule.
public enum Packing3DPrior: String, CaseIterable, Sendable {
    /// Largest block by volume in the space nearest a container corner (Parreño et al. 2008's
    /// greedy, with a light preference for bigger boxes).
    case maxVolume = "max-volume"
    /// The same engine filling the load floor by floor (lowest space first).
    case floorByFloor = "floor-by-floor"
    /// Types ordered by the total volume of their boxes (the type that dominates the load first).
    case mostVolumeFirst = "most-volume-first"
    /// Types ordered by their longest side (hard-to-place boxes first).
    case longestSideFirst = "longest-side-first"
    /// Each type prefers to lie flat (smallest side vertical): low, wide blocks with large tops.
    case flat = "flat"
    /// Whole three-dimensional blocks of one type (uses up a type at once) instead of layers.
    case wholeBlocks = "whole-blocks"
    /// A random type order.
    case random = "random"
    /// Every rule above except `random`; keeps the plan that packs the most (seven decodes).
    case bestOf = "best-of"
    /// `bestOf`'s ranking with general blocks (`BlockList`), searched by a beam search with greedy
    /// completion (`BeamSearch`) for the whole budget; its genome alone is `bestOf`'s with
    /// general blocks.
    case beam = "beam"
    /// `beam` with the engine's simple blocks only (for comparisons).
    case beamSimple = "beam-simple"

    /// The best of the cheap rules, at the cost of a few decodes (milliseconds).
    public static let `default` = Packing3DPrior.bestOf

    public init?(name: String) {
        self.init(rawValue: name.lowercased())
    }

    /// The genome this prior decodes (`bestOf` compares the rules under `fullSupport`).
    /// With `stop`, `bestOf` ends its comparison early (keeping the best rule decoded so far).
    public func genome(_ instance: ContainerInstance, fullSupport: Bool = true, rng: inout SeededGenerator,
                       stop: StopCondition? = nil) -> PlacementGenome {
        let types = instance.boxTypes
        var genome = PlacementGenome(typeCount: types.count, stepCapacity: PlacementGenome.initialStepCapacity(instance))
        func ordered(by key: (BoxType) -> Int) -> [Int] {
            types.indices.sorted { (key(types[$0]), -$0) > (key(types[$1]), -$1) }
        }
        switch self {
        case .maxVolume:
            genome.order = ordered { $0.volume }
        case .floorByFloor:
            genome.order = ordered { $0.volume }
            genome.spaceRule = .lowestFirst
        case .mostVolumeFirst:
            genome.order = ordered { $0.volume * $0.quantity }
            genome.orderStrength = 0.3
        case .longestSideFirst:
            genome.order = ordered { $0.dimensions.max() ?? 0 }
            genome.orderStrength = 0.3
        case .flat:
            genome.order = ordered { $0.volume }
            for (t, box) in types.enumerated() {
                let list = box.orientations
                if let flattest = list.indices.min(by: { list[$0].2 < list[$1].2 }) {
                    genome.orientationPreference[t] = flattest
                }
            }
        case .wholeBlocks:
            genome.order = ordered { $0.volume }
            genome.wholeBlocks = true
        case .bestOf:
            let packer = MaximalSpacePacker(instance: instance, fullSupport: fullSupport)
            packer.stop = stop
            var bestVolume = -1
            for rule in Packing3DPrior.allCases where !rule.isComposite {
                let candidate = rule.genome(instance, fullSupport: fullSupport, rng: &rng)
                let volume = packer.decode(candidate)
                if volume > bestVolume {
                    bestVolume = volume
                    genome = candidate
                }
                if packer.stopped { break }
            }
        case .beam, .beamSimple:
            genome = Packing3DPrior.bestOf.genome(instance, fullSupport: fullSupport, rng: &rng, stop: stop)
            genome.generalBlocks = self == .beam
        case .random:
            var order = Array(types.indices)
            for i in stride(from: order.count - 1, to: 0, by: -1) { order.swapAt(i, rng.below(i + 1)) }
            genome.order = order
            genome.orderStrength = 0.3
        }
        return genome
    }

    /// Rules made of other rules (and `random`), which `bestOf` leaves out.
    var isComposite: Bool { self == .bestOf || self == .random || self == .beam || self == .beamSimple }

    /// True for the priors that run a beam search (`BeamSearch`) rather than decode one genome.
    public var isBeamSearch: Bool { self == .beam || self == .beamSimple }

    /// Builds a plan; with `fullSupport` every box rests entirely on the floor or on boxes.
    public func construct(_ instance: ContainerInstance, fullSupport: Bool, rng: inout SeededGenerator) -> PackingPlan {
        let packer = MaximalSpacePacker(instance: instance, fullSupport: fullSupport)
        packer.decode(genome(instance, fullSupport: fullSupport, rng: &rng))
        return packer.plan
    }
}
