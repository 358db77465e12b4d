/// Turns an item order (e.g. a language model's answer) into a packing by first fit: the LLM
/// prior hook. The order is repaired first: out-of-range and repeated indices are dropped and
/// missing items are appended by decreasing weight, so any list of integers gives a valid packing.
public enum BinPackingOrderDecoder {
    public static func solution(_ instance: BinPackingInstance, itemOrder: [Int]) -> BinPackingSolution {
        firstFit(instance, order: repaired(instance, itemOrder))
    }

    /// `order` made into a permutation of the items (see the type's description).
    public static func repaired(_ instance: BinPackingInstance, _ order: [Int]) -> [Int] {
        let n = instance.weights.count
        var seen = [Bool](repeating: false, count: n)
        var result: [Int] = []
        result.reserveCapacity(n)
        for item in order where item >= 0 && item < n && !seen[item] {
            seen[item] = true
            result.append(item)
        }
        for item in BinPackingPrior.decreasingOrder(instance) where !seen[item] { result.append(item) }
        return result
    }

    /// First fit in `order`, which must be a permutation of the items.
    static func firstFit(_ instance: BinPackingInstance, order: [Int]) -> BinPackingSolution {
        var packer = FirstFitPacker(capacity: instance.capacity, itemCount: instance.weights.count)
        for item in order { packer.add(item: item, weight: instance.weights[item]) }
        return packer.solution
    }
}
