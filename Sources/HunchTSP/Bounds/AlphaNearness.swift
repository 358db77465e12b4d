/// α-nearness candidate lists (Helsgaun 2000, "An effective implementation of the Lin–Kernighan
/// traveling salesman heuristic", §4.1).
///
/// For a minimum 1-tree T under the Held–Karp penalised costs `c(i, j) = d(i, j) + π[i] + π[j]`,
/// α(i, j) is how much more the cheapest 1-tree that contains {i, j} costs than T:
/// `c(i, j) − β(i, j)`, with β(i, j) the costliest edge on the tree path from i to j; at the
/// special node 0, `c(0, j) − c(0, second special neighbour)`. Edges of T have α = 0, every α is
/// ≥ 0, and optimal tours use edges of small α far more often than short edges (Helsgaun reports
/// every optimal edge of his test instances within the 5 α-nearest, against 10–14 nearest).
/// Each node keeps its `count` α-nearest partners, ties by distance then node id.
///
/// Two ways to compute them:
/// - ``dense(_:tree:penalties:count:)``: every α(i, j) with the paper's topological-order method,
///   O(n²) time and O(n) memory;
/// - ``sparse(_:tree:penalties:graph:count:)``: α only over a sparse candidate graph's edges (for
///   large n), by binary lifting on the tree, O(n log n + m log n) time and O(n log n + m) memory.
enum AlphaNearness {
    /// Candidates kept per node (Helsgaun 2000's default).
    static let defaultCount = 5

    /// The tree of a 1-tree (nodes 1..<n, rooted at node 1) in topological order, with each
    /// node's parent edge cost: what both methods walk.
    struct RootedTree {
        /// Nodes 1..<n, every parent before its children.
        var order: [Int32]
        var parent: [Int32]
        /// `c(v, parent[v])` (0 at the root and at node 0).
        var parentCost: [Double]

        init(_ tree: OneTree, cost: (Int, Int) -> Double) {
            let n = tree.parent.count
            parent = tree.parent.map { Int32($0) }
            parentCost = [Double](repeating: 0, count: n)
            // Children as a flat adjacency (counting sort by parent).
            var start = [Int](repeating: 0, count: n + 1)
            for v in 0..<n where tree.parent[v] >= 0 { start[tree.parent[v] + 1] += 1 }
            for v in 0..<n { start[v + 1] += start[v] }
            var fill = start
            var children = [Int32](repeating: 0, count: max(1, start[n]))
            for v in 0..<n where tree.parent[v] >= 0 {
                let p = tree.parent[v]
                children[fill[p]] = Int32(v)
                fill[p] += 1
                parentCost[v] = cost(v, p)
            }
            order = [1]
            order.reserveCapacity(n - 1)
            var head = 0
            while head < order.count {
                let u = Int(order[head])
                head += 1
                for c in start[u]..<start[u + 1] { order.append(children[c]) }
            }
        }
    }

    /// Keeps the `count` best (α, distance, node) triples of one node.
    struct Selection {
        var nodes: [Int32]
        var alphas: [Double]
        var lengths: [Int]
        var size = 0
        let count: Int

        init(count: Int) {
            self.count = count
            nodes = [Int32](repeating: -1, count: count)
            alphas = [Double](repeating: .infinity, count: count)
            lengths = [Int](repeating: .max, count: count)
        }

        mutating func reset() { size = 0 }

        @inline(__always) func admits(_ alpha: Double) -> Bool { size < count || alpha <= alphas[count - 1] }

        @inline(__always) mutating func offer(_ node: Int, alpha: Double, length: Int) {
            @inline(__always) func before(_ a: Double, _ l: Int, _ v: Int, slot s: Int) -> Bool {
                if a != alphas[s] { return a < alphas[s] }
                if l != lengths[s] { return l < lengths[s] }
                return v < Int(nodes[s])
            }
            if size == count && !before(alpha, length, node, slot: count - 1) { return }
            var slot = size < count ? size : count - 1
            if size < count { size += 1 }
            while slot > 0 && before(alpha, length, node, slot: slot - 1) {
                nodes[slot] = nodes[slot - 1]; alphas[slot] = alphas[slot - 1]; lengths[slot] = lengths[slot - 1]
                slot -= 1
            }
            nodes[slot] = Int32(node); alphas[slot] = alpha; lengths[slot] = length
        }
    }

    /// Every α(i, j) of node i's row is visited through `visit(j, α)`: the topological-order
    /// method of Helsgaun 2000 (§4.1): β along the path from i up to the root is set by walking
    /// it, every other node's β follows from its parent's in topological order. O(n) per row.
    @inline(__always)
    static func forEachAlpha(from i: Int, _ rooted: RootedTree, tree: OneTree, beta: inout [Double], mark: inout [Int32],
                             cost: (Int, Int) -> Double, visit: (Int, Double) -> Void) {
        let n = beta.count
        let secondCost = cost(0, tree.special.second)
        if i == 0 {
            for j in 1..<n {
                let special = j == tree.special.first || j == tree.special.second
                visit(j, special ? 0 : max(0, cost(0, j) - secondCost))
            }
            return
        }
        // Node 0 seen from i.
        let special = i == tree.special.first || i == tree.special.second
        visit(0, special ? 0 : max(0, cost(0, i) - secondCost))
        let marker = Int32(i)
        beta[i] = -.infinity
        mark[i] = marker
        var j = i
        while rooted.parent[j] >= 0 {
            let p = Int(rooted.parent[j])
            beta[p] = max(beta[j], rooted.parentCost[j])
            mark[p] = marker
            j = p
        }
        for t in 0..<rooted.order.count {
            let v = Int(rooted.order[t])
            if v == i { continue }
            if mark[v] != marker { beta[v] = max(beta[Int(rooted.parent[v])], rooted.parentCost[v]) }
            visit(v, max(0, cost(i, v) - beta[v]))
        }
    }

    /// The `count` α-nearest partners of every node over the complete graph, or nil when
    /// `shouldStop` (asked every 64 rows) says stop. O(n²) time, O(n) memory beyond the lists.
    static func dense(_ instance: TSPInstance, tree: OneTree, penalties pi: [Double], count requested: Int = defaultCount,
                      shouldStop: () -> Bool = { false }) -> CandidateLists? {
        let n = instance.dimension
        let k = max(0, min(requested, n - 1))
        // π[i] + π[j] is summed first so that c(i, j) == c(j, i) to the bit (a tree edge gets α = 0 exactly).
        let cost = { (i: Int, j: Int) -> Double in Double(instance.distance(i, j)) + (pi[i] + pi[j]) }
        let rooted = RootedTree(tree, cost: cost)
        var beta = [Double](repeating: 0, count: n)
        var mark = [Int32](repeating: -1, count: n)
        var selection = Selection(count: max(1, k))
        var neighbours = [Int32](repeating: 0, count: n * k)
        var distances = [Int32](repeating: 0, count: n * k)
        guard k > 0 else { return CandidateLists(k: 0, count: n, neighbours: [], distances: []) }
        for i in 0..<n {
            if i & 63 == 63 && shouldStop() { return nil }
            selection.reset()
            forEachAlpha(from: i, rooted, tree: tree, beta: &beta, mark: &mark, cost: cost) { j, alpha in
                if selection.admits(alpha) { selection.offer(j, alpha: alpha, length: instance.distance(i, j)) }
            }
            for r in 0..<k {
                neighbours[i * k + r] = selection.nodes[r]
                distances[i * k + r] = Int32(clamping: selection.lengths[r])
            }
        }
        return CandidateLists(k: k, count: n, neighbours: neighbours, distances: distances)
    }

    /// The `count` α-nearest partners of every node among its neighbours in `graph` (each
    /// node's list plus the 1-tree's edges). β(i, j) comes from binary lifting on the tree:
    /// O((n + m) log n) time and O(n log n + m) memory, so it scales where O(n²) does not. Nil
    /// when `shouldStop` (asked every 1,024 rows) says stop.
    static func sparse(_ instance: TSPInstance, tree: OneTree, penalties pi: [Double], graph: CandidateLists,
                       count requested: Int = defaultCount, shouldStop: () -> Bool = { false }) -> CandidateLists? {
        let n = instance.dimension
        let k = max(0, min(requested, n - 1))
        guard k > 0 else { return CandidateLists(k: 0, count: n, neighbours: [], distances: []) }
        let cost = { (i: Int, j: Int) -> Double in Double(instance.distance(i, j)) + (pi[i] + pi[j]) }
        let lifting = PathMaximum(RootedTree(tree, cost: cost), count: n)
        let secondCost = cost(0, tree.special.second)
        func alpha(_ i: Int, _ j: Int) -> Double {
            if i == 0 || j == 0 {
                let other = i == 0 ? j : i
                if other == tree.special.first || other == tree.special.second { return 0 }
                return max(0, cost(0, other) - secondCost)
            }
            return max(0, cost(i, j) - lifting.maximum(i, j))
        }
        // Tree neighbours of every node, so that each keeps its α = 0 edges.
        var treeNeighbours = [[Int32]](repeating: [], count: n)
        for v in 0..<n where tree.parent[v] >= 0 {
            treeNeighbours[v].append(Int32(tree.parent[v]))
            treeNeighbours[tree.parent[v]].append(Int32(v))
        }
        for s in [tree.special.first, tree.special.second] {
            treeNeighbours[0].append(Int32(s))
            treeNeighbours[s].append(0)
        }
        var selection = Selection(count: k)
        var neighbours = [Int32](repeating: 0, count: n * k)
        var distances = [Int32](repeating: 0, count: n * k)
        for i in 0..<n {
            if i & 1023 == 1023 && shouldStop() { return nil }
            selection.reset()
            func consider(_ j: Int) {
                if j == i || selection.nodes[0..<selection.size].contains(Int32(j)) { return }
                let a = alpha(i, j)
                if selection.admits(a) { selection.offer(j, alpha: a, length: instance.distance(i, j)) }
            }
            for j in treeNeighbours[i] { consider(Int(j)) }
            for r in 0..<graph.k { consider(graph.neighbour(i, r)) }
            // A node with fewer distinct partners than k (tiny graphs) repeats its nearest.
            for r in 0..<k {
                let slot = r < selection.size ? r : 0
                neighbours[i * k + r] = selection.nodes[slot]
                distances[i * k + r] = Int32(clamping: selection.lengths[slot])
            }
        }
        return CandidateLists(k: k, count: n, neighbours: neighbours, distances: distances)
    }

    /// The largest edge cost on tree paths, by binary lifting (ancestor and maximum tables per
    /// power of two).
    struct PathMaximum {
        let levels: Int
        var depth: [Int32]
        /// `up[l * n + v]`: the 2^l-th ancestor of v (the root is its own); `top[l * n + v]`: the
        /// largest cost on the way there.
        var up: [Int32]
        var top: [Double]
        let n: Int

        init(_ rooted: RootedTree, count n: Int) {
            self.n = n
            var levels = 1
            while (1 << levels) < n { levels += 1 }
            self.levels = levels
            depth = [Int32](repeating: 0, count: n)
            up = [Int32](repeating: 1, count: levels * n)
            top = [Double](repeating: -.infinity, count: levels * n)
            for v32 in rooted.order {
                let v = Int(v32)
                let p = Int(rooted.parent[v])
                if p < 0 { up[v] = Int32(v); continue }
                depth[v] = depth[p] + 1
                up[v] = Int32(p)
                top[v] = rooted.parentCost[v]
            }
            for l in 1..<max(1, levels) {
                for v32 in rooted.order {
                    let v = Int(v32)
                    let mid = Int(up[(l - 1) * n + v])
                    up[l * n + v] = up[(l - 1) * n + mid]
                    top[l * n + v] = max(top[(l - 1) * n + v], top[(l - 1) * n + mid])
                }
            }
        }

        /// β(a, b): the largest cost on the tree path between a and b (nodes ≠ 0).
        func maximum(_ a: Int, _ b: Int) -> Double {
            var a = a, b = b
            var best = -Double.infinity
            if depth[a] < depth[b] { swap(&a, &b) }
            var climb = Int(depth[a] - depth[b])
            var l = 0
            while climb > 0 {
                if climb & 1 == 1 {
                    best = max(best, top[l * n + a])
                    a = Int(up[l * n + a])
                }
                climb >>= 1
                l += 1
            }
            if a == b { return best }
            for l in stride(from: levels - 1, through: 0, by: -1) {
                let ua = Int(up[l * n + a]), ub = Int(up[l * n + b])
                if ua != ub {
                    best = max(best, top[l * n + a], top[l * n + b])
                    a = ua; b = ub
                }
            }
            return max(best, top[a], top[b])
        }
    }
}
