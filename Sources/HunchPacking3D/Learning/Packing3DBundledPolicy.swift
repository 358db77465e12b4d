import Foundation
import HunchCore

/// The trained container-loading policy that ships inside the binary (see
/// `Packing3DBundledPolicy+Weights.swift`, written by `scripts/embed-policy packing3d FILE.json`).
public enum Packing3DBundledPolicy {
    public static func weights() throws -> PolicyWeights {
        guard let json = bundledJSON else {
            throw PolicyWeightsError("no trained packing3d policy is bundled in this build; train one with `hunch train packing3d` and pass --policy FILE.json")
        }
        return try PolicyWeights.decode(Data(json.utf8), source: "bundled packing3d weights")
    }
}
