import HunchCore

/// Random instances generated exactly as Taillard (1993) generated his benchmark: processing
/// times uniform in 1…99 and each job's machine order a random permutation, both drawn from his
/// portable linear congruential generator (Park–Miller, Schrage's method). With the published
/// seeds it reproduces Taillard's instances (ta01: time seed 840612802, machine seed 398197754).
public enum JobShopGenerator {
    /// A Taillard-style instance from one 64-bit seed (the two Taillard seeds are derived from it).
    public static func taillard(jobs: Int, machines: Int, seed: UInt64, name: String) -> JobShopInstance {
        var rng = SeededGenerator(seed: seed)
        let timeSeed = 1 + rng.below(2_147_483_646), machineSeed = 1 + rng.below(2_147_483_646)
        return taillard(jobs: jobs, machines: machines, timeSeed: timeSeed, machineSeed: machineSeed, name: name)
    }

    /// Taillard's generator with his two seeds (each in 1…2³¹−2).
    public static func taillard(jobs: Int, machines: Int, timeSeed: Int, machineSeed: Int, name: String) -> JobShopInstance {
        let n = max(1, jobs), m = max(1, machines)
        var times = TaillardRandom(seed: timeSeed), orders = TaillardRandom(seed: machineSeed)
        var duration = [[Int]](repeating: [], count: n)
        for j in 0..<n { for _ in 0..<m { duration[j].append(times.uniform(1, 99)) } }
        var machine = [[Int]](repeating: Array(0..<m), count: n)
        for j in 0..<n {
            for k in 0..<m { machine[j].swapAt(k, orders.uniform(k, m - 1)) }
        }
        return JobShopInstance(name: name, jobCount: n, machineCount: m, machine: machine, duration: duration)
    }
}

/// Taillard's (1993) portable random numbers: x ← 16807·x mod (2³¹ − 1).
struct TaillardRandom {
    private var seed: Int
    init(seed: Int) { self.seed = min(max(1, seed), 2_147_483_646) }

    mutating func uniform(_ low: Int, _ high: Int) -> Int {
        let a = 16807, b = 127773, c = 2836, modulus = 2_147_483_647
        let k = seed / b
        seed = a * (seed % b) - k * c
        if seed < 0 { seed += modulus }
        let unit = Double(seed) / Double(modulus)
        return low + Int(unit * Double(high - low + 1))
    }
}
