/// A symmetric integer distance between nodes 0..<dimension: what `CandidateLists` needs.
///
/// `TSPLIBDistance` is one; a family with its own distance (a routing module's travel times,
/// a test's toy metric) can conform too.
public protocol SymmetricDistance {
    /// The number of nodes.
    var dimension: Int { get }
    /// The distance between nodes `i` and `j` (0-based); d(i, j) = d(j, i).
    func distance(_ i: Int, _ j: Int) -> Int
    /// Planar coordinates close enough to the distance for a grid search of near nodes, or nil
    /// to compare every pair (a matrix at hand, no coordinates, or coordinates that are no
    /// positions in the plane). Nodes found by the grid are ranked by `distance(_:_:)`.
    var gridCoordinates: (x: [Double], y: [Double])? { get }
}

/// The k nearest neighbours of every node, sorted by distance (ties by node id): the candidate
/// lists that keep local search and greedy construction near-linear instead of quadratic.
///
/// Distances without grid coordinates (a matrix, EXPLICIT, GEO) get exact lists (a partial
/// selection per row, O(n²)); larger coordinate instances use a uniform grid (O(n·k) expected
/// for spread-out points).
public struct CandidateLists: Sendable {
    public let k: Int
    public let count: Int
    /// Row-major `count × k`: neighbours of node i at `i*k ..< i*k+k`, nearest first.
    public let neighbours: [Int32]
    /// Distances matching `neighbours`.
    public let distances: [Int32]

    /// The `k` nearest neighbours of every node under `distance` (fewer when there are fewer
    /// other nodes). Inlinable so the O(n²) scan is specialised for the caller's distance.
    @inlinable
    public init<Distance: SymmetricDistance>(distance: Distance, k requested: Int = 10) {
        self = CandidateLists(distance: distance, k: requested, shouldStop: { false })!
    }

    /// The same lists, or nil when `shouldStop` (asked every 1,024 nodes) says stop first: a
    /// million nodes take seconds, and a command with a shorter limit must say so at once.
    @inlinable
    public init?<Distance: SymmetricDistance>(distance: Distance, k requested: Int = 10, shouldStop: () -> Bool) {
        let n = distance.dimension
        let k = max(0, min(requested, n - 1))
        var nbr = [Int32](repeating: 0, count: n * k)
        var dst = [Int32](repeating: 0, count: n * k)
        if k > 0 {
            let complete: Bool
            if let grid = distance.gridCoordinates {
                complete = CandidateLists.grid(distance, xs: grid.x, ys: grid.y, k, &nbr, &dst, shouldStop)
            } else {
                complete = CandidateLists.exact(distance, k, &nbr, &dst, shouldStop)
            }
            if !complete { return nil }
        }
        self.init(k: k, count: n, neighbours: nbr, distances: dst)
    }

    /// Lists chosen by another rule (the TSP's α-nearness): `neighbours` and `distances` row-major
    /// `count × k`, in the order the caller ranks them (not necessarily nearest first).
    public init(k: Int, count: Int, neighbours: [Int32], distances: [Int32]) {
        precondition(neighbours.count == count * k && distances.count == count * k)
        self.k = k
        self.count = count
        self.neighbours = neighbours
        self.distances = distances
    }

    /// Neighbour `r` (0 = nearest) of node `i`.
    @inlinable @inline(__always)
    public func neighbour(_ i: Int, _ r: Int) -> Int { Int(neighbours[i &* k &+ r]) }

    /// Keeps the k smallest (distance, node) pairs in a sorted insertion buffer.
    @usableFromInline
    struct Selection {
        @usableFromInline var nodes: [Int32]
        @usableFromInline var dists: [Int]
        @usableFromInline var size = 0
        @usableFromInline let k: Int
        @inlinable init(k: Int) {
            self.k = k
            nodes = Array(repeating: 0, count: k)
            dists = Array(repeating: Int.max, count: k)
        }
        @inlinable @inline(__always) var worst: Int { size < k ? Int.max : dists[k - 1] }
        @inlinable @inline(__always) mutating func offer(_ node: Int, _ d: Int) {
            if size == k && d >= dists[k - 1] { return }
            var slot = size < k ? size : k - 1
            if size < k { size += 1 }
            while slot > 0 && (dists[slot - 1] > d || (dists[slot - 1] == d && Int(nodes[slot - 1]) > node)) {
                dists[slot] = dists[slot - 1]
                nodes[slot] = nodes[slot - 1]
                slot -= 1
            }
            dists[slot] = d
            nodes[slot] = Int32(node)
        }
        @inlinable mutating func reset() { size = 0; for i in 0..<k { dists[i] = Int.max } }
    }

    @inlinable
    static func exact<Distance: SymmetricDistance>(
        _ instance: Distance, _ k: Int, _ nbr: inout [Int32], _ dst: inout [Int32], _ shouldStop: () -> Bool
    ) -> Bool {
        let n = instance.dimension
        var sel = Selection(k: k)
        for i in 0..<n {
            if i & 1023 == 1023 && shouldStop() { return false }
            sel.reset()
            for j in 0..<n where j != i {
                let d = instance.distance(i, j)
                if d < sel.worst || sel.size < k { sel.offer(j, d) }
            }
            for r in 0..<k {
                nbr[i * k + r] = sel.nodes[r]
                dst[i * k + r] = Int32(clamping: sel.dists[r])
            }
        }
        return true
    }

    /// Grid search in Euclidean coordinate space; then ranks by the instance's own distance.
    @inlinable
    static func grid<Distance: SymmetricDistance>(
        _ instance: Distance, xs: [Double], ys: [Double], _ k: Int, _ nbr: inout [Int32], _ dst: inout [Int32],
        _ shouldStop: () -> Bool
    ) -> Bool {
        let n = instance.dimension
        let minX = xs.min()!, maxX = xs.max()!, minY = ys.min()!, maxY = ys.max()!
        let width = max(maxX - minX, 1e-9), height = max(maxY - minY, 1e-9)
        // About two points per cell.
        let cellsWanted = max(1.0, Double(n) / 2)
        let cellSize = max((width * height / cellsWanted).squareRoot(), 1e-9)
        let cols = max(1, min(Int(width / cellSize) + 1, 1 << 15))
        let rows = max(1, min(Int(height / cellSize) + 1, 1 << 15))
        @inline(__always) func cellOf(_ i: Int) -> (Int, Int) {
            (min(cols - 1, Int((xs[i] - minX) / cellSize)), min(rows - 1, Int((ys[i] - minY) / cellSize)))
        }
        // Counting sort of points into cells.
        var start = [Int](repeating: 0, count: cols * rows + 1)
        var cellIndex = [Int](repeating: 0, count: n)
        for i in 0..<n {
            let (cx, cy) = cellOf(i)
            cellIndex[i] = cy * cols + cx
            start[cellIndex[i] + 1] += 1
        }
        for c in 0..<(cols * rows) { start[c + 1] += start[c] }
        var fill = start
        var members = [Int32](repeating: 0, count: n)
        for i in 0..<n {
            members[fill[cellIndex[i]]] = Int32(i)
            fill[cellIndex[i]] += 1
        }
        // Search rings of cells around each point, exact within the ring radius.
        let searchK = k
        var sel = Selection(k: searchK)
        var found: [(Int, Int32)] = []
        found.reserveCapacity(searchK)
        for i in 0..<n {
            if i & 1023 == 1023 && shouldStop() { return false }
            sel.reset()
            let (cx, cy) = cellOf(i)
            var ring = 0
            while true {
                let x0 = cx - ring, x1 = cx + ring, y0 = cy - ring, y1 = cy + ring
                @inline(__always) func visit(_ gx: Int, _ gy: Int) {
                    let c = gy * cols + gx
                    for m in start[c]..<start[c + 1] {
                        let j = Int(members[m])
                        if j == i { continue }
                        let dx = xs[i] - xs[j], dy = ys[i] - ys[j]
                        // Squared Euclidean, scaled to an integer key; ties broken by node id.
                        let key = Int(min((dx * dx + dy * dy) * 1024, 4e18))
                        if sel.size < searchK || key < sel.worst { sel.offer(j, key) }
                    }
                }
                for gy in max(0, y0)...min(rows - 1, y1) {
                    if gy == y0 || gy == y1 {
                        for gx in max(0, x0)...min(cols - 1, x1) { visit(gx, gy) }
                    } else {
                        // Interior rows of the ring: only its two border cells are new.
                        if x0 >= 0 { visit(x0, gy) }
                        if x1 < cols && x1 != x0 { visit(x1, gy) }
                    }
                }
                // Stop when k found and nothing outside the ring can be closer.
                let reach = Double(ring) * cellSize
                if sel.size == searchK && Double(sel.worst) / 1024 <= reach * reach { break }
                if x0 <= 0 && y0 <= 0 && x1 >= cols - 1 && y1 >= rows - 1 { break }
                ring += 1
            }
            // Re-rank the found set by the instance's own distance (one buffer for all nodes).
            found.removeAll(keepingCapacity: true)
            for r in 0..<sel.size { found.append((instance.distance(i, Int(sel.nodes[r])), sel.nodes[r])) }
            found.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
            for r in 0..<k {
                nbr[i * k + r] = found[r].1
                dst[i * k + r] = Int32(clamping: found[r].0)
            }
        }
        return true
    }
}
