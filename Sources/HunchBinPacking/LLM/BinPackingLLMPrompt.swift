/// The question put to a language model for the LLM prior: an item order that first fit then
/// decodes (`BinPackingOrderDecoder`, which repairs any answer). Compact and size-aware: up to
/// `itemListLimit` items, every item is listed as `id:weight`; above it, only the distinct weights
/// with their counts are described (numbered as weight classes), and the model is asked for an
/// order of the classes instead. Ids in the prompt count from 1, as the request reads them.
public enum BinPackingLLMPrompt {
    public static let itemListLimit = 150

    public static func system() -> String {
        "You are an expert in bin packing. You reply with JSON only, no explanations."
    }

    public static func user(_ instance: BinPackingInstance) -> String {
        let n = instance.weights.count
        let total = instance.totalWeight
        var text = "Pack \(n) items into as few bins of capacity \(instance.capacity) as possible "
            + "(total weight \(total), so at least \(BinPackingLowerBound.compute(instance)) bins). "
        if n <= itemListLimit {
            text += "Items as id:weight: "
            text += instance.weights.enumerated().map { "\($0.offset + 1):\($0.element)" }.joined(separator: " ")
            text += ". The items will be packed by first fit in the order you give: put together items that fill a bin exactly. "
            text += "Answer {\"order\": [every id from 1 to \(n) once]}."
        } else {
            var counts: [Int: Int] = [:]
            for w in instance.weights { counts[w, default: 0] += 1 }
            let distinct = distinctWeights(instance)
            text += "Weight classes as class:weight×count: "
            text += distinct.enumerated().map { "\($0.offset + 1):\($0.element)×\(counts[$0.element]!)" }.joined(separator: " ")
            text += ". Items will be packed by first fit, class by class in the order you give. "
            text += "Answer {\"order\": [every class from 1 to \(distinct.count) once]}."
        }
        return text
    }

    /// How many ids the answer orders: the items, or the weight classes of a large instance.
    public static func answerCount(_ instance: BinPackingInstance) -> Int {
        instance.weights.count <= itemListLimit ? instance.weights.count : distinctWeights(instance).count
    }

    /// The item order that an answer (0-based positions of the ids the model gave, in its
    /// order) stands for, in either form of the prompt.
    public static func itemOrder(_ instance: BinPackingInstance, answer: [Int]) -> [Int] {
        if instance.weights.count <= itemListLimit { return BinPackingOrderDecoder.repaired(instance, answer) }
        let distinct = distinctWeights(instance)
        return itemOrder(instance, weightOrder: answer.compactMap { $0 >= 0 && $0 < distinct.count ? distinct[$0] : nil })
    }

    /// The distinct weights, heaviest first: class k of the large prompt is the k-th of them.
    public static func distinctWeights(_ instance: BinPackingInstance) -> [Int] {
        Array(Set(instance.weights)).sorted(by: >)
    }

    /// An item order from a weight order (for the large-instance form of the answer): items of
    /// each listed weight in turn; weights not listed follow by decreasing weight.
    public static func itemOrder(_ instance: BinPackingInstance, weightOrder: [Int]) -> [Int] {
        var itemsByWeight: [Int: [Int]] = [:]
        for (i, w) in instance.weights.enumerated() { itemsByWeight[w, default: []].append(i) }
        var order: [Int] = []
        order.reserveCapacity(instance.weights.count)
        for w in weightOrder {
            if let items = itemsByWeight.removeValue(forKey: w) { order.append(contentsOf: items) }
        }
        return BinPackingOrderDecoder.repaired(instance, order)
    }
}
