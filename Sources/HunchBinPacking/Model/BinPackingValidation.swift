/// Why a packing is not a valid solution of its instance.
public enum BinPackingValidationError: Error, Equatable, Sendable, CustomStringConvertible {
    case itemOutOfRange(bin: Int, item: Int, itemCount: Int)
    case duplicateItem(item: Int, firstBin: Int, secondBin: Int)
    case missingItem(item: Int)
    case overCapacity(bin: Int, load: Int, capacity: Int)
    case emptyBin(bin: Int)

    public var description: String {
        switch self {
        case let .itemOutOfRange(bin, item, n): return "bin \(bin) holds item \(item), but items are numbered 0…\(n - 1)"
        case let .duplicateItem(item, a, b): return "item \(item) is packed twice, in bins \(a) and \(b)"
        case let .missingItem(item): return "item \(item) is not packed"
        case let .overCapacity(bin, load, capacity): return "bin \(bin) holds \(load), above the capacity \(capacity)"
        case let .emptyBin(bin): return "bin \(bin) is empty"
        }
    }
}

/// The independent check that tests and `bench` trust: every item packed exactly once, no bin
/// over capacity, no empty bin. It shares no code with the search.
public enum BinPackingValidation {
    public static func check(_ solution: BinPackingSolution, instance: BinPackingInstance) throws {
        let n = instance.weights.count
        var binOf = [Int](repeating: -1, count: n)
        for (b, bin) in solution.bins.enumerated() {
            if bin.isEmpty { throw BinPackingValidationError.emptyBin(bin: b) }
            var load = 0
            for item in bin {
                guard item >= 0 && item < n else {
                    throw BinPackingValidationError.itemOutOfRange(bin: b, item: item, itemCount: n)
                }
                if binOf[item] >= 0 {
                    throw BinPackingValidationError.duplicateItem(item: item, firstBin: binOf[item], secondBin: b)
                }
                binOf[item] = b
                load += instance.weights[item]
            }
            if load > instance.capacity {
                throw BinPackingValidationError.overCapacity(bin: b, load: load, capacity: instance.capacity)
            }
        }
        if let missing = binOf.firstIndex(of: -1) {
            throw BinPackingValidationError.missingItem(item: missing)
        }
    }

    /// True when `check` passes.
    public static func isValid(_ solution: BinPackingSolution, instance: BinPackingInstance) -> Bool {
        (try? check(solution, instance: instance)) != nil
    }
}
