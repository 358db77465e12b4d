import Foundation

/// Turns a policy name into a policy: `uniform`, `roulette`, `fixed`, `learned` (the family's
/// bundled weights) or a weights file, checked against the family's operators and feature count.
public enum PolicyChoice {
    public static func make(_ name: String, family: String, operators: [String], featureCount: Int,
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
