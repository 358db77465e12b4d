import HunchCore

/// Random EUC_2D instances, for training and scaling studies (never the only test data).
public enum TSPGenerator {
    /// `size` points in a 1,000,000 × 1,000,000 square: uniform, or clustered (Johnson & McGeoch's
    /// DIMACS-style layout: size/100 centres, points normally spread around them).
    public static func generate(size: Int, seed: UInt64, clustered: Bool, name: String? = nil) -> TSPInstance {
        var rng = SeededGenerator(seed: seed)
        let side = 1_000_000.0
        var xs = [Double](), ys = [Double]()
        xs.reserveCapacity(size); ys.reserveCapacity(size)
        if clustered {
            let centres = max(1, size / 100)
            let cx = (0..<centres).map { _ in rng.unit() * side }
            let cy = (0..<centres).map { _ in rng.unit() * side }
            let spread = side / (Double(centres).squareRoot() * 6)
            for _ in 0..<size {
                let c = rng.below(centres)
                // Box–Muller normal deviates.
                let u1 = max(rng.unit(), 1e-12), u2 = rng.unit()
                let r = (-2 * log(u1)).squareRoot()
                xs.append(min(side, max(0, (cx[c] + spread * r * cos(2 * .pi * u2)).rounded())))
                ys.append(min(side, max(0, (cy[c] + spread * r * sin(2 * .pi * u2)).rounded())))
            }
        } else {
            for _ in 0..<size {
                xs.append(Double(rng.below(Int(side) + 1)))
                ys.append(Double(rng.below(Int(side) + 1)))
            }
        }
        let name = name ?? (clustered ? "clustered" : "uniform") + "\(size)-s\(seed)"
        return TSPInstance(name: name, comment: "Random \(clustered ? "clustered" : "uniform") instance by hunch generate (seed \(seed))",
                           edgeWeightType: .euc2D, x: xs, y: ys)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
