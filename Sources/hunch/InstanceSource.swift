import Foundation

/// The instance files a batch or benchmark runs over: every instance file in a folder (sorted,
/// recursively), or the rows of a MANIFEST.csv.
struct InstanceSource {
    struct Item {
        var path: String
        var family: String
        var name: String
    }

    /// File extensions and the family each one holds.
    static let extensions: [String: String] = ["tsp": "tsp"]

    static func list(_ source: String, families: Set<String>? = nil) throws -> [Item] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: source, isDirectory: &isDirectory) else {
            throw CLIError("\(source): no such file or folder")
        }
        var items: [Item] = []
        if isDirectory.boolValue {
            guard let walker = FileManager.default.enumerator(atPath: source) else {
                throw CLIError("\(source): cannot list folder")
            }
            for case let relative as String in walker {
                let ext = (relative as NSString).pathExtension.lowercased()
                guard let family = extensions[ext] else { continue }
                let path = (source as NSString).appendingPathComponent(relative)
                items.append(Item(path: path, family: family,
                                  name: ((relative as NSString).lastPathComponent as NSString).deletingPathExtension))
            }
            items.sort { $0.path < $1.path }
        } else if let family = extensions[(source as NSString).pathExtension.lowercased()] {
            items.append(Item(path: source, family: family,
                              name: ((source as NSString).lastPathComponent as NSString).deletingPathExtension))
        } else {
            for entry in try KnownOptima.read(manifest: source) {
                items.append(Item(path: relativeIfPossible(entry.path), family: entry.family, name: entry.name))
            }
        }
        if let families { items = items.filter { families.contains($0.family) } }
        return items
    }

    /// Every N-th item starting at I (0-based), for job arrays: `--shard I/N`.
    static func shard(_ items: [Item], spec: String) throws -> [Item] {
        let (i, n) = try parseShard(spec)
        return items.enumerated().filter { $0.offset % n == i }.map(\.element)
    }

    /// Parses `I/N` with 0 ≤ I < N.
    static func parseShard(_ spec: String) throws -> (index: Int, count: Int) {
        let parts = spec.split(separator: "/")
        guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]), n > 0, i >= 0, i < n else {
            throw CLIError("--shard expects I/N with 0 ≤ I < N, e.g. 0/4; got '\(spec)'")
        }
        return (i, n)
    }

    private static func relativeIfPossible(_ path: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath + "/"
        return path.hasPrefix(cwd) ? String(path.dropFirst(cwd.count)) : path
    }
}
