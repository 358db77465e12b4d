import Foundation
import HunchCore

/// The trained bin-packing policy that ships inside the binary (see
/// `BinPackingBundledPolicy+Weights.swift`, written by `scripts/embed-policy binpacking FILE.json`).
public enum BinPackingBundledPolicy {
    public static func weights() throws -> PolicyWeights {
        guard let json = bundledJSON else {
            throw PolicyWeightsError("no trained bin-packing policy is bundled in this build; train one with `hunch train binpacking` and pass --policy FILE.json")
        }
        return try PolicyWeights.decode(Data(json.utf8), source: "bundled binpacking weights")
    }
}
