extension BinPackingBundledPolicy {
    /// Weights embedded at build time; nil until a trained policy is shipped.
    static let bundledJSON: String? = nil
}
