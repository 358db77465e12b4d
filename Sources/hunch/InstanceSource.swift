import Foundation
import HunchCore

/// The instances a batch or benchmark runs over: every instance file in a folder (sorted,
/// recursively; each problem of a multi-problem file), or the rows of a MANIFEST.csv.
struct InstanceSource {
    struct Item {
        /// A file, or `FILE#K` for the K-th problem of a thpack file.
        var path: String
        var family: String
        var name: String
    }

    /// Extensions that may hold instances (the families' own); files are told apart by their first lines.
    static var candidateExtensions: Set<String> { Set(Families.all.flatMap(\.fileExtensions)) }

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
            var files: [String] = []
            for case let relative as String in walker {
                let ext = (relative as NSString).pathExtension.lowercased()
                guard candidateExtensions.contains(ext), !relative.hasSuffix(".opt.tour") else { continue }
                if (relative as NSString).lastPathComponent.uppercased().hasPrefix("README") { continue }
                files.append((source as NSString).appendingPathComponent(relative))
            }
            for path in files.sorted() {
                guard let family = try? Families.detect(path: path) else { continue }
                items += try expand(path, family: family)
            }
        } else if (source as NSString).lastPathComponent.uppercased().hasSuffix(".CSV") {
            for entry in try KnownOptima.read(manifest: source) {
                let family = Families.canonical(entry.family)
                var path = relativeIfPossible(entry.path)
                // Rows for the problems of a multi-problem file name them NAME-K; the file holds them all.
                if let k = entry.name.split(separator: "-").last.flatMap({ Int($0) }),
                   let registered = try? Families.named(family), (try? registered.addresses(inFile: path).count) ?? 1 > 1 {
                    path += "#\(k)"
                }
                items.append(Item(path: path, family: family, name: entry.name))
            }
        } else {
            items += try expand(source, family: try Families.detect(path: source))
        }
        if let families { items = items.filter { families.contains($0.family) } }
        return items
    }

    /// The items of one instance file (several for a thpack file).
    private static func expand(_ path: String, family: String) throws -> [Item] {
        let base = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        guard let runner = try? Families.named(family) else {
            return [Item(path: path, family: family, name: base)]
        }
        let addresses = try runner.addresses(inFile: path)
        return addresses.map { address in
            let suffix = InstanceAddress.split(address).problem.map { "-\($0)" } ?? ""
            return Item(path: address, family: family, name: base + suffix)
        }
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
