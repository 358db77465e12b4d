import Foundation
import HunchCore

/// Turns a policy name from the command line into a policy: `uniform`, `roulette`, `learned`
/// (the family's bundled weights) or a weights file, checked against the family's operators and
/// feature count.
enum PolicyChoice {
    static func make(_ name: String, family: String, operators: [String], featureCount: Int,
                     bundled: () throws -> PolicyWeights) throws -> NamedPolicy {
        if let simple = NamedPolicy(name: name) { return simple }
        let isBundled = name == "learned"
        let weights = isBundled ? try bundled() : try PolicyWeights.read(path: name)
        let network = try weights.network(family: family, operators: operators, featureCount: featureCount,
                                          source: isBundled ? "bundled \(family) weights" : name)
        return .learned(LearnedPolicy(network: network,
                                      label: isBundled ? "learned" : "learned:\((name as NSString).lastPathComponent)"))
    }
}
