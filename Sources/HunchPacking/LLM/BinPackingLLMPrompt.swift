/// The question put to a language model for the LLM prior: an item order that first fit then
/// decodes (`BinPackingOrderDecoder`, which repairs any answer). Compact and size-aware: up to
/// `itemListLimit` items, every item is listed as `id:weight`; above it, only the distinct weights
/// with their counts are described, and the model is asked for a weight order instead.
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
            text += instance.weights.enumerated().map { "\($0.offset):\($0.element)" }.joined(separator: " ")
            text += ". The items will be packed by first fit in the order you give: put together items that fill a bin exactly. "
            text += "Answer {\"order\": [every id from 0 to \(n - 1) once]}."
        } else {
            var counts: [Int: Int] = [:]
            for w in instance.weights { counts[w, default: 0] += 1 }
            let distinct = counts.keys.sorted(by: >)
            text += "Distinct weights as weight×count: "
            text += distinct.map { "\($0)×\(counts[$0]!)" }.joined(separator: " ")
            text += ". Items will be packed by first fit, taking the weights in the order you give. "
            text += "Answer {\"weights\": [each distinct weight once]}."
        }
        return text
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
