import Foundation
import HunchCore
@testable import HunchJobShop

/// Bundled instances (instances/jssp) and their published optima (OR-Library; Taillard 1993).
enum Bundled {
    static let optima = ["ft06": 55, "ft10": 930, "la01": 666, "la02": 655, "la03": 597, "la04": 590, "la05": 593,
                         "ta01": 1231]

    static func path(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("instances/jssp/\(name).txt").path
    }

    static func load(_ name: String) throws -> JobShopInstance {
        try JobShopReader.read(path: path(name))
    }
}

/// A step-limited stop condition on a clock that never moves: reproducible.
func steps(_ n: Int) -> StopCondition {
    StopCondition(maxSteps: n, clock: ManualClock(), interruption: Interruption())
}
