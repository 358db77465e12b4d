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
        return shard(items, index: i, count: n)
    }

    /// Every `count`-th item starting at `index` (0-based).
    static func shard(_ items: [Item], index: Int, count: Int) -> [Item] {
        items.enumerated().filter { $0.offset % count == index }.map(\.element)
    }

    /// The shard a job-array task runs: `--shard I/N` as written, or `--shard auto`, where I is
    /// the task's index in the array (Slurm's `SLURM_ARRAY_TASK_ID`, Kubernetes'
    /// `JOB_COMPLETION_INDEX`) and N is `--shards N`, else, for Slurm only,
    /// `SLURM_ARRAY_TASK_MAX + 1` when the array is the whole `0-MAX`. `origin` says where I and N
    /// came from (nil for `I/N`).
    static func resolveShard(_ spec: String, shards: Int?, environment: [String: String])
        throws -> (index: Int, count: Int, origin: String?) {
        guard spec == "auto" else {
            let (i, n) = try parseShard(spec)
            if let shards, shards != n {
                throw CLIError("--shard \(spec) and --shards \(shards) disagree on N; --shards goes with --shard auto")
            }
            return (i, n, nil)
        }
        let slurm = environment["SLURM_ARRAY_TASK_ID"], kubernetes = environment["JOB_COMPLETION_INDEX"]
        func index(_ name: String, _ value: String) throws -> Int {
            guard let i = Int(value.trimmingCharacters(in: .whitespaces)), i >= 0 else {
                throw CLIError("--shard auto: \(name)='\(value)' is not a task index (an integer ≥ 0)")
            }
            return i
        }
        let i: Int, n: Int, origin: String
        switch (slurm, kubernetes) {
        case (.some, .some):
            throw CLIError("--shard auto: both SLURM_ARRAY_TASK_ID and JOB_COMPLETION_INDEX are set; pass --shard I/N")
        case (.some(let value), nil):
            i = try index("SLURM_ARRAY_TASK_ID", value)
            if let shards {
                n = shards
                origin = "SLURM_ARRAY_TASK_ID=\(i), --shards \(n)"
            } else {
                guard let maxText = environment["SLURM_ARRAY_TASK_MAX"], let max = Int(maxText), max >= 0 else {
                    throw CLIError("--shard auto: SLURM_ARRAY_TASK_ID is set but SLURM_ARRAY_TASK_MAX is not; pass --shards N")
                }
                // MAX + 1 is N only for the whole array 0-MAX: a rerun of some tasks
                // (`sbatch --array=3,7`) has MAX 7 and 2 tasks, and would shard the list anew.
                let min = environment["SLURM_ARRAY_TASK_MIN"].flatMap { Int($0) }
                let count = environment["SLURM_ARRAY_TASK_COUNT"].flatMap { Int($0) }
                guard min == 0, count == max + 1 else {
                    let tasks = "SLURM_ARRAY_TASK_MIN=\(min.map(String.init) ?? "unset"), SLURM_ARRAY_TASK_MAX=\(max), SLURM_ARRAY_TASK_COUNT=\(count.map(String.init) ?? "unset")"
                    throw CLIError("--shard auto: this array is not the whole 0-\(max) (\(tasks)), so N cannot be told from it (a partial rerun such as --array=3,7?); pass --shards N with the N of the first submission")
                }
                // `--array=0` alone is the likeliest rerun of all: N = 1 would run every instance here.
                guard max > 0 else {
                    throw CLIError("--shard auto: this array has one task (SLURM_ARRAY_TASK_MAX=0), so N would be 1 and this task would run every instance (a rerun with --array=0?); pass --shards N with the N of the first submission (--shards 1 if one shard is meant)")
                }
                n = max + 1
                origin = "SLURM_ARRAY_TASK_ID=\(i), N = SLURM_ARRAY_TASK_MAX+1; a rerun of some tasks needs --shards \(n)"
            }
        case (nil, .some(let value)):
            i = try index("JOB_COMPLETION_INDEX", value)
            guard let shards else {
                throw CLIError("--shard auto: JOB_COMPLETION_INDEX=\(i) is set, but a Kubernetes Job does not tell its completions; pass --shards N (N = completions)")
            }
            n = shards
            origin = "JOB_COMPLETION_INDEX=\(i), --shards \(n)"
        case (nil, nil):
            if environment["SLURM_JOB_ID"] != nil {
                throw CLIError("--shard auto: this Slurm job is not an array task (no SLURM_ARRAY_TASK_ID); submit it with sbatch --array=0-N-1, or pass --shard I/N")
            }
            throw CLIError("--shard auto: neither SLURM_ARRAY_TASK_ID (a Slurm job array) nor JOB_COMPLETION_INDEX (a Kubernetes Indexed Job) is set; outside a job array pass --shard I/N")
        }
        guard i < n else {
            throw CLIError("--shard auto: task index \(i) is not below N = \(n) (\(origin)); N must be the number of shards, the same for every task and every rerun")
        }
        return (i, n, origin)
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
