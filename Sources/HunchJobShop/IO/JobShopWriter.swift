/// Writes instances in the OR-Library format (machines from 0), the format `generate` emits.
public enum JobShopWriter {
    public static func orLibrary(_ instance: JobShopInstance) -> String {
        var text = "# \(instance.name)\n\(instance.jobCount) \(instance.machineCount)\n"
        for j in 0..<instance.jobCount {
            var parts: [String] = []
            parts.reserveCapacity(2 * instance.machineCount)
            for k in 0..<instance.machineCount {
                parts.append(String(instance.machine[j][k]))
                parts.append(String(instance.duration[j][k]))
            }
            text += parts.joined(separator: " ") + "\n"
        }
        return text
    }

    /// Taillard's layout: times matrix, then machines matrix (machines from 1).
    public static func taillard(_ instance: JobShopInstance) -> String {
        var text = "\(instance.jobCount) \(instance.machineCount)\nTimes\n"
        for row in instance.duration { text += row.map(String.init).joined(separator: " ") + "\n" }
        text += "Machines\n"
        for row in instance.machine { text += row.map { String($0 + 1) }.joined(separator: " ") + "\n" }
        return text
    }
}
