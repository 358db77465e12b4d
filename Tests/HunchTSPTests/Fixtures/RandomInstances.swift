import HunchTSP

/// Small seeded random instances and brute-force optima, for properties that need many cases.
enum RandomInstances {
    /// A deterministic generator (SplitMix64) so the cases are the same on every run.
    struct Generator {
        var state: UInt64

        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
    }

    /// `n` random points in a 1000 × 1000 square, EUC_2D.
    static func euclidean(_ n: Int, seed: UInt64) -> TSPInstance {
        var random = Generator(state: seed)
        let x = (0..<n).map { _ in Double(random.next(1000)) }
        let y = (0..<n).map { _ in Double(random.next(1000)) }
        return TSPInstance(name: "random\(n)-\(seed)", edgeWeightType: .euc2D, x: x, y: y)
    }

    /// A symmetric matrix instance with random weights in 1...100 (not metric).
    static func matrix(_ n: Int, seed: UInt64) -> TSPInstance {
        var random = Generator(state: seed)
        var m = [Int](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in (i + 1)..<n {
                let w = 1 + random.next(100)
                m[i * n + j] = w
                m[j * n + i] = w
            }
        }
        return TSPInstance(name: "matrix\(n)-\(seed)", matrix: m, dimension: n)
    }

    /// The optimal tour length by enumerating all tours that start at node 0 (n ≤ 9).
    static func bruteForceOptimum(_ instance: TSPInstance) -> Int {
        let n = instance.dimension
        precondition(n <= 9)
        if n <= 3 { return instance.tourLength(Array(0..<n)) }
        var best = Int.max
        var rest = Array(1..<n)
        func permute(_ k: Int) {
            if k == rest.count {
                best = min(best, instance.tourLength([0] + rest))
                return
            }
            for i in k..<rest.count {
                rest.swapAt(k, i)
                permute(k + 1)
                rest.swapAt(k, i)
            }
        }
        permute(0)
        return best
    }
}
