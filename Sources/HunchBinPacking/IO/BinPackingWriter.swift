/// Writes instances in the BPPLIB format (n, capacity, one weight per line), which the reader
/// reads back to an equal instance.
public enum BinPackingWriter {
    public static func bpplib(_ instance: BinPackingInstance) -> String {
        var text = "\(instance.weights.count)\n\(instance.capacity)\n"
        text.reserveCapacity(text.utf8.count + instance.weights.count * 8)
        for w in instance.weights {
            text += String(w)
            text += "\n"
        }
        return text
    }
}
