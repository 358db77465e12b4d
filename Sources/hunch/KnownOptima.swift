import Foundation
import HunchCore

/// Known optima (or best-known values) from a MANIFEST.csv (columns: family, name, file, size,
/// known_optimum, known_bound, is_optimal, …) found next to the instance or up to three folders
/// above it, as in instances/ and the shared benchmark sets.
struct KnownOptima {
    struct Entry {
        var family: String
        var name: String
        var path: String
        var size: String
        var optimum: Double?
        var bound: Double?
        var isOptimal: Bool
    }

    /// Entries of one manifest file; paths resolved against the manifest's folder.
    static func read(manifest: String) throws -> [Entry] {
        guard let text = try? String(contentsOfFile: manifest, encoding: .utf8) else {
            throw CLIError("\(manifest): cannot read manifest")
        }
        let folder = URL(fileURLWithPath: manifest).deletingLastPathComponent()
        var entries: [Entry] = []
        for (index, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if index == 0 || line.isEmpty { continue }
            let fields = line.split(separator: ",", maxSplits: 7, omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 5 else {
                throw CLIError("\(manifest):\(index + 1): expected at least 5 comma-separated fields (family,name,file,size,known_optimum), found \(fields.count)")
            }
            let path = fields[2].hasPrefix("/") ? URL(fileURLWithPath: fields[2]).standardizedFileURL.path
                                                : folder.appendingPathComponent(fields[2]).standardizedFileURL.path
            entries.append(Entry(family: fields[0], name: fields[1], path: path, size: fields[3],
                                 optimum: Double(fields[4]),
                                 bound: fields.count > 5 ? Double(fields[5]) : nil,
                                 isOptimal: fields.count > 6 && fields[6] == "yes"))
        }
        return entries
    }

    /// The manifest entry for an instance file, if a manifest near it lists it. A problem of a
    /// multi-problem file (`BR7.txt#12`) is listed by name (`BR7-12`).
    static func lookup(instancePath: String) -> Entry? {
        let (path, problem) = InstanceAddress.split(instancePath)
        let problemSuffix = problem.map { "-\($0)" } ?? ""
        let target = URL(fileURLWithPath: path).standardizedFileURL
        let baseName = target.deletingPathExtension().lastPathComponent + problemSuffix
        var folder = target.deletingLastPathComponent()
        for _ in 0..<4 {
            let manifest = folder.appendingPathComponent("MANIFEST.csv").path
            if FileManager.default.fileExists(atPath: manifest), let entries = try? read(manifest: manifest) {
                if problemSuffix.isEmpty, let hit = entries.first(where: { $0.path == target.path }) { return hit }
                if let hit = entries.first(where: { $0.name == baseName }) { return hit }
            }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }
}
