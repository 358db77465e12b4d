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
    /// Throws the first of `violations`.
    public static func check(_ solution: BinPackingSolution, instance: BinPackingInstance) throws {
        if let first = violations(solution, instance: instance, limit: 1).first { throw first }
    }

    /// Every violation, at most `limit`: bin by bin (empty, an item that does not exist, an item
    /// packed before, the load), then each item never packed.
    public static func violations(_ solution: BinPackingSolution, instance: BinPackingInstance,
                                  limit: Int = .max) -> [BinPackingValidationError] {
        let n = instance.weights.count
        var found: [BinPackingValidationError] = []
        func add(_ violation: BinPackingValidationError) -> Bool {
            found.append(violation)
            return found.count >= limit
        }
        var binOf = [Int](repeating: -1, count: n)
        for (b, bin) in solution.bins.enumerated() {
            if bin.isEmpty, add(.emptyBin(bin: b)) { return found }
            // Every item in the bin weighs on it, even one packed twice.
            var load = 0
            for item in bin {
                guard item >= 0 && item < n else {
                    if add(.itemOutOfRange(bin: b, item: item, itemCount: n)) { return found }
                    continue
                }
                load += instance.weights[item]
                if binOf[item] >= 0 {
                    if add(.duplicateItem(item: item, firstBin: binOf[item], secondBin: b)) { return found }
                    continue
                }
                binOf[item] = b
            }
            if load > instance.capacity, add(.overCapacity(bin: b, load: load, capacity: instance.capacity)) { return found }
        }
        for item in 0..<n where binOf[item] < 0 {
            if add(.missingItem(item: item)) { return found }
        }
        return found
    }

    /// True when `check` passes.
    public static func isValid(_ solution: BinPackingSolution, instance: BinPackingInstance) -> Bool {
        violations(solution, instance: instance, limit: 1).isEmpty
    }
}
