import Foundation
import HunchCore

/// The trained TSP policy that ships inside the binary (see `TSPBundledPolicy+Weights.swift`,
/// written by `hunch train tsp … --out` and `scripts/embed-policy`).
public enum TSPBundledPolicy {
    public static func weights() throws -> PolicyWeights {
        guard let json = bundledJSON else {
            throw PolicyWeightsError("no trained TSP policy is bundled in this build; train one with `hunch train tsp` and pass --policy FILE.json")
        }
        return try PolicyWeights.decode(Data(json.utf8), source: "bundled tsp weights")
    }
}
