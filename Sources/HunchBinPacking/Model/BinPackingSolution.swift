/// A packing: the items of each bin, as 0-based item indices in file order.
///
/// This is also the JSON `solution` shape (`{"bins": [[…]]}`, DESIGN.md).
public struct BinPackingSolution: Sendable, Equatable, Codable {
    public var bins: [[Int]]

    public init(bins: [[Int]]) {
        self.bins = bins
    }

    /// Bins that hold at least one item.
    public var binCount: Int { bins.reduce(0) { $0 + ($1.isEmpty ? 0 : 1) } }

    /// The load of each bin under `instance` (item indices out of range count 0).
    public func loads(_ instance: BinPackingInstance) -> [Int] {
        bins.map { bin in bin.reduce(0) { $0 + (instance.weights.indices.contains($1) ? instance.weights[$1] : 0) } }
    }

    /// The same packing with bins ordered by decreasing load and items by decreasing weight: a
    /// canonical form for output and comparisons that ignore order.
    public func normalized(_ instance: BinPackingInstance) -> BinPackingSolution {
        let w = instance.weights
        func weight(_ i: Int) -> Int { w.indices.contains(i) ? w[i] : 0 }
        var sorted = bins.filter { !$0.isEmpty }.map { $0.sorted { (weight($0), -$0) > (weight($1), -$1) } }
        let loads = sorted.map { $0.reduce(0) { $0 + weight($1) } }
        let order = sorted.indices.sorted { (loads[$0], -(sorted[$0].first ?? 0)) > (loads[$1], -(sorted[$1].first ?? 0)) }
        sorted = order.map { sorted[$0] }
        return BinPackingSolution(bins: sorted)
    }
}
