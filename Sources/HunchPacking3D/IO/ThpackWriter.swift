/// Writes instances in the OR-Library thpack format that `ThpackReader` reads (problems
/// numbered from 1, seed 0 unless the name says otherwise).
public enum ThpackWriter {
    public static func write(_ instances: [ContainerInstance]) -> String {
        var out = " \(instances.count)\n"
        for (k, instance) in instances.enumerated() {
            out += " \(k + 1) 0\n"
            out += " " + instance.container.map(String.init).joined(separator: " ") + "\n"
            out += " \(instance.boxTypes.count)\n"
            for (i, box) in instance.boxTypes.enumerated() {
                var fields = [String(i + 1)]
                for d in 0..<3 {
                    fields.append(String(box.dimensions[d]))
                    fields.append(box.mayBeVertical[d] ? "1" : "0")
                }
                fields.append(String(box.quantity))
                out += " " + fields.joined(separator: " ") + "\n"
            }
        }
        return out
    }
}
