import Foundation

/// The Wilcoxon signed-rank test for paired samples (Wilcoxon 1945): are the differences
/// a − b centred on zero? Zero differences are dropped, tied magnitudes get average ranks, and
/// the p-value (two-sided) comes from the normal approximation with tie correction — adequate
/// from about 10 non-zero pairs on; below that, treat the p-value as indicative.
public struct WilcoxonSignedRank: Sendable {
    /// Pairs with a non-zero difference.
    public let n: Int
    /// Sum of ranks of positive differences (a > b).
    public let positiveRankSum: Double
    /// Standardised statistic (negative when a tends to be smaller than b).
    public let z: Double
    /// Two-sided p-value.
    public let pValue: Double

    public init(_ a: [Double], _ b: [Double]) {
        precondition(a.count == b.count)
        let differences = zip(a, b).map { $0 - $1 }.filter { $0 != 0 }
        n = differences.count
        guard n > 0 else {
            positiveRankSum = 0; z = 0; pValue = 1
            return
        }
        let order = differences.indices.sorted { abs(differences[$0]) < abs(differences[$1]) }
        var ranks = [Double](repeating: 0, count: n)
        var tieCorrection = 0.0
        var i = 0
        while i < n {
            var j = i
            while j + 1 < n && abs(differences[order[j + 1]]) == abs(differences[order[i]]) { j += 1 }
            let rank = Double(i + j + 2) / 2
            for k in i...j { ranks[order[k]] = rank }
            let t = Double(j - i + 1)
            tieCorrection += t * t * t - t
            i = j + 1
        }
        var wPlus = 0.0
        for k in 0..<n where differences[k] > 0 { wPlus += ranks[k] }
        positiveRankSum = wPlus
        let nd = Double(n)
        let mean = nd * (nd + 1) / 4
        let variance = nd * (nd + 1) * (2 * nd + 1) / 24 - tieCorrection / 48
        guard variance > 0 else { z = 0; pValue = 1; return }
        // Continuity correction of 0.5 towards the mean.
        let deviation = wPlus - mean
        let corrected = deviation == 0 ? 0 : (abs(deviation) - 0.5) * (deviation > 0 ? 1 : -1)
        z = corrected / variance.squareRoot()
        pValue = min(1, erfc(abs(z) / 2.0.squareRoot()))
    }
}
