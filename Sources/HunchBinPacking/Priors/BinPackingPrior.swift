import HunchCore

/// Construction heuristics that give the search its first packing, each selectable by name.
public enum BinPackingPrior: String, CaseIterable, Sendable {
    case ffd = "first-fit-decreasing"
    case bfd = "best-fit-decreasing"
    /// First fit in file order: a weak start, useful to show what the search adds.
    case firstFit = "first-fit"
    /// First fit in a random order (seeded).
    case random = "random"

    /// Best-fit decreasing: as cheap as FFD, never worse in the worst case, and its bins are
    /// usually a little fuller, which is what the search's fill objective rewards.
    public static let `default` = BinPackingPrior.bfd

    /// Also accepts the short names `ffd`, `bfd`, `ff`.
    public init?(name: String) {
        switch name.lowercased() {
        case "first-fit-decreasing", "ffd": self = .ffd
        case "best-fit-decreasing", "bfd": self = .bfd
        case "first-fit", "ff": self = .firstFit
        case "random": self = .random
        default: return nil
        }
    }

    public func construct(_ instance: BinPackingInstance, rng: inout SeededGenerator) -> BinPackingSolution {
        let n = instance.weights.count
        switch self {
        case .ffd:
            return BinPackingOrderDecoder.firstFit(instance, order: Self.decreasingOrder(instance))
        case .bfd:
            var packer = BestFitPacker(capacity: instance.capacity)
            for item in Self.decreasingOrder(instance) { packer.add(item: item, weight: instance.weights[item]) }
            return packer.solution
        case .firstFit:
            return BinPackingOrderDecoder.firstFit(instance, order: Array(0..<n))
        case .random:
            var order = Array(0..<n)
            for i in stride(from: n - 1, to: 0, by: -1) { order.swapAt(i, rng.below(i + 1)) }
            return BinPackingOrderDecoder.firstFit(instance, order: order)
        }
    }

    /// Items by decreasing weight, ties by index (deterministic).
    static func decreasingOrder(_ instance: BinPackingInstance) -> [Int] {
        let w = instance.weights
        return w.indices.sorted { w[$0] != w[$1] ? w[$0] > w[$1] : $0 < $1 }
    }
}
