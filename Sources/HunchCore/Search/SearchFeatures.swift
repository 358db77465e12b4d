/// The problem-agnostic part of the policy's input, normalised so that one policy works across
/// instance sizes and time budgets. Family features are appended after these.
///
/// Layout (k = operator count): `[bias, budgetUsed, stagnation, gapToBest, recentImprovement,
/// success₀…success_{k-1}, last₀…last_{k-1}]`, then the family's features.
public struct SearchFeatures {
    public static func engineFeatureCount(operatorCount k: Int) -> Int { 5 + 2 * k }
    /// The engine features that describe the search as a whole (not one operator), bias excluded.
    public static let globalFeatureRange = 1..<5

    /// Exponential moving average horizon (in steps) for the per-operator and global rates.
    public static let window = 50.0

    let operatorCount: Int
    var successRate: [Double]
    var recentImprovement: Double = 0
    var lastAction: Int = -1

    init(operatorCount: Int) {
        self.operatorCount = operatorCount
        successRate = Array(repeating: 0.5, count: operatorCount)
    }

    mutating func record(action: Int, outcome: StepOutcome, relativeImprovement: Double) {
        let alpha = 1.0 / SearchFeatures.window
        let success = (outcome == .newBest || outcome == .improved) ? 1.0 : 0.0
        successRate[action] += alpha * (success - successRate[action])
        recentImprovement += alpha * (min(1, relativeImprovement * 1000) - recentImprovement)
        lastAction = action
    }

    /// Writes the engine features into the front of `buffer`.
    func write(to buffer: UnsafeMutableBufferPointer<Double>, budgetUsed: Double,
               stepsSinceImprovement: Int, current: Double, best: Double) {
        buffer[0] = 1
        buffer[1] = budgetUsed
        buffer[2] = min(1, log1p(Double(stepsSinceImprovement)) / 10)
        buffer[3] = best == 0 ? 0 : min(1, max(0, (current - best) / abs(best)) * 100)
        buffer[4] = recentImprovement
        for i in 0..<operatorCount {
            buffer[5 + i] = successRate[i]
            buffer[5 + operatorCount + i] = (i == lastAction) ? 1 : 0
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
