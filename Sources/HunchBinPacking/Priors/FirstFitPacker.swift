/// First fit in a given item order, in O(n log n): a max-tree over the bins' free space finds
/// the leftmost bin an item fits in (Johnson 1974's FF; with a decreasing order, FFD, which uses
/// at most 11/9·OPT + 6/9 bins, Dósa 2007).
struct FirstFitPacker {
    private let capacity: Int
    private var size = 1
    /// Free space of bin slots 0..<size at the leaves; internal nodes hold the max of their children.
    private var tree: [Int]
    private(set) var bins: [[Int]] = []

    init(capacity: Int, itemCount: Int) {
        self.capacity = capacity
        while size < max(1, itemCount) { size *= 2 }
        tree = [Int](repeating: capacity, count: 2 * size)
    }

    /// Packs `item` of `weight` into the leftmost bin with room, opening one when none has.
    /// An item heavier than the capacity (never from the reader) gets a bin of its own.
    mutating func add(item: Int, weight: Int) {
        var node = 1
        if tree[1] < weight {
            bins.append([item])
            if bins.count - 1 < size { set(bins.count - 1, 0) }
            return
        }
        while node < size {
            node = tree[2 * node] >= weight ? 2 * node : 2 * node + 1
        }
        let bin = node - size
        while bins.count <= bin { bins.append([]) }
        bins[bin].append(item)
        set(bin, tree[node] - weight)
    }

    private mutating func set(_ bin: Int, _ value: Int) {
        var node = bin + size
        tree[node] = value
        while node > 1 {
            node /= 2
            tree[node] = max(tree[2 * node], tree[2 * node + 1])
        }
    }

    var solution: BinPackingSolution { BinPackingSolution(bins: bins.filter { !$0.isEmpty }) }
}
