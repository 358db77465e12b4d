/// A linear value baseline b(x) = w·x fitted by ridge regression (normal equations, solved by
/// Cholesky): it absorbs what the features explain about the return — chiefly how much budget
/// is left — so that the advantage reflects the action.
struct RidgeBaseline {
    let weights: [Double]
    let featureCount: Int

    static func fit(features xs: [Double], targets: [Double], featureCount f: Int, lambda: Double) -> RidgeBaseline {
        let rows = targets.count
        var a = [Double](repeating: 0, count: f * f)
        var b = [Double](repeating: 0, count: f)
        for r in 0..<rows {
            let base = r * f
            for i in 0..<f {
                let xi = xs[base + i]
                if xi == 0 { continue }
                b[i] += xi * targets[r]
                for j in 0...i { a[i * f + j] += xi * xs[base + j] }
            }
        }
        for i in 0..<f {
            for j in 0..<i { a[j * f + i] = a[i * f + j] }
            a[i * f + i] += lambda * Double(max(rows, 1))
        }
        return RidgeBaseline(weights: choleskySolve(a, b, f) ?? Array(repeating: 0, count: f), featureCount: f)
    }

    func predict(_ xs: [Double], row: Int) -> Double {
        var s = 0.0
        let base = row * featureCount
        for i in 0..<featureCount { s += weights[i] * xs[base + i] }
        return s
    }

    /// Solves A w = b for symmetric positive definite A (n×n, row-major); nil if not SPD.
    static func choleskySolve(_ a: [Double], _ b: [Double], _ n: Int) -> [Double]? {
        var l = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0...i {
                var s = a[i * n + j]
                for k in 0..<j { s -= l[i * n + k] * l[j * n + k] }
                if i == j {
                    guard s > 0 else { return nil }
                    l[i * n + i] = s.squareRoot()
                } else {
                    l[i * n + j] = s / l[j * n + j]
                }
            }
        }
        var y = [Double](repeating: 0, count: n)
        for i in 0..<n {
            var s = b[i]
            for k in 0..<i { s -= l[i * n + k] * y[k] }
            y[i] = s / l[i * n + i]
        }
        var x = [Double](repeating: 0, count: n)
        for i in stride(from: n - 1, through: 0, by: -1) {
            var s = y[i]
            for k in (i + 1)..<n { s -= l[k * n + i] * x[k] }
            x[i] = s / l[i * n + i]
        }
        return x
    }
}
