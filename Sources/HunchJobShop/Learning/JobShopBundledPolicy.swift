import Foundation
import HunchCore

/// The trained job-shop policy that ships inside the binary (see
/// `JobShopBundledPolicy+Weights.swift`, written by `hunch train jobshop … --out` and embedded).
public enum JobShopBundledPolicy {
    public static func weights() throws -> PolicyWeights {
        guard let json = bundledJSON else {
            throw PolicyWeightsError("no trained job-shop policy is bundled in this build; train one with `hunch train jobshop` and pass --policy FILE.json")
        }
        return try PolicyWeights.decode(Data(json.utf8), source: "bundled jobshop weights")
    }
}
