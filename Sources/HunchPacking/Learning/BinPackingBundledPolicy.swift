import Foundation
import HunchCore

/// The trained bin-packing policy that ships inside the binary, once one has been trained
/// (`hunch train binpacking … --out`) and embedded in `bundledJSON`.
public enum BinPackingBundledPolicy {
    /// Weights embedded at build time; nil until a trained policy is shipped.
    static let bundledJSON: String? = nil

    public static func weights() throws -> PolicyWeights {
        guard let json = bundledJSON else {
            throw PolicyWeightsError("no trained bin-packing policy is bundled in this build; train one with `hunch train binpacking` and pass --policy FILE.json")
        }
        return try PolicyWeights.decode(Data(json.utf8), source: "bundled binpacking weights")
    }
}
