/// A minimum 1-tree under penalised costs `c'(i, j) = d(i, j) + π[i] + π[j]` (Held & Karp 1970):
/// a minimum spanning tree on nodes 1..<n plus the two cheapest edges at the special node 0.
///
/// Every tour is a 1-tree, and a tour's penalised length is its length plus 2 Σ π, so
/// `cost − 2 Σ π` is a lower bound on every tour for any penalties `π`.
struct OneTree {
    /// Parent of each node in the spanning tree of 1..<n rooted at node 1; -1 for nodes 0 and 1.
    var parent: [Int]
    /// The two neighbours of the special node 0 (the cheaper first).
    var special: (first: Int, second: Int)
    /// Degree of each node in the 1-tree.
    var degree: [Int]
    /// Σ of penalised edge costs.
    var cost: Double

    /// `cost − 2 Σ π`: a lower bound on every tour's length.
    func lowerBound(_ penalties: [Double]) -> Double {
        cost - 2 * penalties.reduce(0, +)
    }

    /// True when every node has degree 2: then the 1-tree is a tour, and an optimal one.
    var isTour: Bool { degree.allSatisfy { $0 == 2 } }

    /// Σ (degree − 2)²: zero exactly for a tour.
    var subgradientNormSquared: Int { degree.reduce(0) { $0 + ($1 - 2) * ($1 - 2) } }

    /// The 1-tree as a tour (requires `isTour`): follows the edges from node 0.
    func tour() -> [Int] {
        let n = parent.count
        var adjacency = [[Int]](repeating: [], count: n)
        for v in 0..<n where parent[v] >= 0 {
            adjacency[v].append(parent[v])
            adjacency[parent[v]].append(v)
        }
        adjacency[0] = [special.first, special.second]
        adjacency[special.first].append(0)
        adjacency[special.second].append(0)
        var tour = [0]
        var previous = 0
        var current = special.first
        while current != 0 && tour.count <= n {
            tour.append(current)
            let next = adjacency[current][0] == previous ? adjacency[current][1] : adjacency[current][0]
            previous = current
            current = next
        }
        return tour
    }

    /// The minimum 1-tree over the complete graph: Prim's algorithm in O(n²), n ≥ 3.
    static func complete(_ instance: TSPInstance, penalties pi: [Double]) -> OneTree {
        let n = instance.dimension
        precondition(n >= 3 && pi.count == n)
        var parent = [Int](repeating: -1, count: n)
        var degree = [Int](repeating: 0, count: n)
        var cost = 0.0
        var key = [Double](repeating: .infinity, count: n)
        var inTree = [Bool](repeating: false, count: n)
        inTree[0] = true
        inTree[1] = true
        var remaining = Array(2..<n)
        for v in remaining {
            key[v] = Double(instance.distance(1, v)) + pi[1] + pi[v]
            parent[v] = 1
        }
        while !remaining.isEmpty {
            var bestIndex = 0
            var bestKey = Double.infinity
            for (index, v) in remaining.enumerated() where key[v] < bestKey {
                bestKey = key[v]
                bestIndex = index
            }
            let u = remaining[bestIndex]
            remaining.swapAt(bestIndex, remaining.count - 1)
            remaining.removeLast()
            inTree[u] = true
            cost += bestKey
            degree[u] += 1
            degree[parent[u]] += 1
            let piU = pi[u]
            for v in remaining {
                let c = Double(instance.distance(u, v)) + piU + pi[v]
                if c < key[v] {
                    key[v] = c
                    parent[v] = u
                }
            }
        }
        let special = cheapestTwo(from: 0, among: 1..<n) { Double(instance.distance(0, $0)) + pi[0] + pi[$0] }
        cost += special.firstCost + special.secondCost
        degree[0] = 2
        degree[special.first] += 1
        degree[special.second] += 1
        return OneTree(parent: parent, special: (special.first, special.second), degree: degree, cost: cost)
    }

    /// The minimum 1-tree over a sparse graph (Prim with a binary heap), or nil when the graph
    /// without node 0 is disconnected or node 0 has fewer than two neighbours.
    static func sparse(_ graph: CandidateGraph, _ instance: TSPInstance, penalties pi: [Double]) -> OneTree? {
        let n = instance.dimension
        var parent = [Int](repeating: -1, count: n)
        var degree = [Int](repeating: 0, count: n)
        var key = [Double](repeating: .infinity, count: n)
        var inTree = [Bool](repeating: false, count: n)
        inTree[0] = true
        var heap = MinHeap()
        key[1] = 0
        heap.push(0, 1)
        var cost = 0.0
        var added = 0
        while let (k, u) = heap.pop() {
            if inTree[u] || k > key[u] { continue }
            inTree[u] = true
            added += 1
            if parent[u] >= 0 {
                cost += k
                degree[u] += 1
                degree[parent[u]] += 1
            }
            for v in graph.neighbours[u] where !inTree[v] {
                let c = Double(instance.distance(u, v)) + pi[u] + pi[v]
                if c < key[v] {
                    key[v] = c
                    parent[v] = u
                    heap.push(c, v)
                }
            }
        }
        guard added == n - 1, graph.neighbours[0].count >= 2 else { return nil }
        let special = cheapestTwo(from: 0, among: graph.neighbours[0]) { Double(instance.distance(0, $0)) + pi[0] + pi[$0] }
        cost += special.firstCost + special.secondCost
        degree[0] = 2
        degree[special.first] += 1
        degree[special.second] += 1
        return OneTree(parent: parent, special: (special.first, special.second), degree: degree, cost: cost)
    }

    private static func cheapestTwo<S: Sequence>(from node: Int, among candidates: S, cost: (Int) -> Double)
        -> (first: Int, firstCost: Double, second: Int, secondCost: Double) where S.Element == Int {
        var first = -1, second = -1
        var firstCost = Double.infinity, secondCost = Double.infinity
        for v in candidates where v != node {
            let c = cost(v)
            if c < firstCost {
                second = first; secondCost = firstCost
                first = v; firstCost = c
            } else if c < secondCost {
                second = v; secondCost = c
            }
        }
        return (first, firstCost, second, secondCost)
    }

    /// For every edge {i, j}, how much the cheapest 1-tree that contains it costs more than this
    /// (minimum) one, under the same penalties: `c'(i, j) − (largest edge on the tree path i…j)`
    /// when both are ≠ 0, and `c'(0, j) − c'(0, second special neighbour)` at node 0.
    /// Returned as a full row-major n×n matrix; O(n²) time (one traversal of the tree per node).
    ///
    /// Adding this to the 1-tree bound gives a lower bound on every tour through {i, j}
    /// (Volgenant & Jonker 1982's α-values; Helsgaun 2000 calls them α-nearness).
    func marginalCosts(_ instance: TSPInstance, penalties pi: [Double]) -> [Double] {
        let n = parent.count
        var children = [[Int]](repeating: [], count: n)
        for v in 0..<n where parent[v] >= 0 {
            children[parent[v]].append(v)
            children[v].append(parent[v])
        }
        func c(_ i: Int, _ j: Int) -> Double { Double(instance.distance(i, j)) + pi[i] + pi[j] }
        var alpha = [Double](repeating: 0, count: n * n)
        var largest = [Double](repeating: 0, count: n)
        var visited = [Int](repeating: -1, count: n)
        var stack: [Int] = []
        for source in 1..<n {
            largest[source] = -.infinity
            visited[source] = source
            stack.append(source)
            while let u = stack.popLast() {
                for v in children[u] where visited[v] != source {
                    visited[v] = source
                    largest[v] = max(largest[u], c(u, v))
                    stack.append(v)
                }
            }
            for target in 1..<n where target != source {
                alpha[source * n + target] = max(0, c(source, target) - largest[target])
            }
        }
        let secondCost = c(0, special.second)
        for j in 1..<n {
            let a = max(0, c(0, j) - secondCost)
            alpha[j] = a
            alpha[j * n] = a
        }
        return alpha
    }
}

/// A binary min-heap of (key, node) pairs, for Prim's algorithm on sparse graphs.
struct MinHeap {
    private var keys: [Double] = []
    private var nodes: [Int] = []

    mutating func push(_ key: Double, _ node: Int) {
        keys.append(key)
        nodes.append(node)
        var i = keys.count - 1
        while i > 0 {
            let p = (i - 1) / 2
            guard keys[i] < keys[p] else { break }
            keys.swapAt(i, p)
            nodes.swapAt(i, p)
            i = p
        }
    }

    mutating func pop() -> (Double, Int)? {
        guard let top = keys.first else { return nil }
        let node = nodes[0]
        keys[0] = keys[keys.count - 1]
        nodes[0] = nodes[nodes.count - 1]
        keys.removeLast()
        nodes.removeLast()
        var i = 0
        while true {
            let l = 2 * i + 1, r = l + 1
            var m = i
            if l < keys.count && keys[l] < keys[m] { m = l }
            if r < keys.count && keys[r] < keys[m] { m = r }
            guard m != i else { break }
            keys.swapAt(i, m)
            nodes.swapAt(i, m)
            i = m
        }
        return (top, node)
    }
}
