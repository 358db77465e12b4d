/// A one-dimensional bin-packing instance: item weights to pack into the fewest bins of one
/// capacity. Items are identified by their 0-based index in file order.
public struct BinPackingInstance: Sendable, Equatable {
    public var name: String
    public var capacity: Int
    public var weights: [Int]

    public init(name: String, capacity: Int, weights: [Int]) {
        self.name = name
        self.capacity = capacity
        self.weights = weights
    }

    public var itemCount: Int { weights.count }

    /// Σ weights (the reader caps capacity and item count so that this cannot overflow).
    public var totalWeight: Int { weights.reduce(0, &+) }

    /// Nil when every search routine can take this instance, else why not. Instances from the
    /// reader always pass; hand-built ones are checked by the solver entry points.
    public var problem: String? {
        if capacity < 1 { return "capacity \(capacity) is not a positive integer" }
        if capacity > BinPackingReader.maxCapacity { return "capacity \(capacity) exceeds \(BinPackingReader.maxCapacity)" }
        if weights.count > BinPackingReader.maxItems { return "\(weights.count) items exceed the limit of \(BinPackingReader.maxItems)" }
        for (i, w) in weights.enumerated() {
            if w < 1 { return "item \(i) has weight \(w); weights must be positive" }
            if w > capacity { return "item \(i) has weight \(w), above the bin capacity \(capacity)" }
        }
        return nil
    }
}
