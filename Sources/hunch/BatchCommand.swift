import ArgumentParser
import Foundation
import HunchCore
import Synchronization

struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Solve many instances in parallel, one JSON line per instance as each finishes.",
        discussion: """
        Each line is the same object `solve --json` prints; a failing instance gets a line with \
        "status": "error" and the batch goes on. With --resume, instances that already have a \
        finished line in --out are skipped. --shard I/N takes every N-th instance from the I-th \
        (0-based); --shard auto --shards N takes I from the job array (Slurm's \
        SLURM_ARRAY_TASK_ID, Kubernetes' JOB_COMPLETION_INDEX), so one command line serves every \
        task of a Slurm or Kubernetes job array, reruns included (docs/batch.md).
        """)

    @Argument(help: "A folder of instance files, or a MANIFEST.csv.")
    var source: String

    @OptionGroup var search: SearchOptions

    @Option(name: .long, parsing: .unconditional, help: "Parallel solves.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .long, help: "JSON-lines output, appended to.")
    var out: String = "results.jsonl"

    @Flag(name: .long, help: "Skip instances that already have a finished line in --out.")
    var resume = false

    @Option(name: .long, help: ArgumentHelp("Take every N-th instance starting at I (0-based): I/N; or auto: I from the job array (SLURM_ARRAY_TASK_ID or JOB_COMPLETION_INDEX), N from --shards (or, for a whole Slurm array 0-MAX, MAX+1).", valueName: "I/N|auto"))
    var shard: String?

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("With --shard auto: the number of shards N, fixed for every task and every rerun.", valueName: "N"))
    var shards: Int?

    @Flag(name: .long, help: "No summary table.")
    var quiet = false

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be ≥ 1") }
        if let shards, shards < 1 { throw ValidationError("--shards must be ≥ 1") }
        if shards != nil, shard == nil { throw ValidationError("--shards goes with --shard auto") }
        if let shard, shard != "auto" { _ = try InstanceSource.parseShard(shard) }
        if let problem = search.problem, (try? Families.named(problem)) == nil {
            throw ValidationError("unknown --problem '\(problem)'; supported: \(Families.names.joined(separator: ", "))")
        }
    }

    func run() throws {
        Interruption.installSignalHandlers()
        let part = try shard.map { try InstanceSource.resolveShard($0, shards: shards, environment: ProcessInfo.processInfo.environment) }
        var items = try InstanceSource.list(source)
        guard !items.isEmpty else { throw CLIError("\(source): no instance files found (hunch --help lists the families and their files)") }
        if let problem = search.problem { items = items.map { var item = $0; item.family = problem; return item } }
        if let (index, count, origin) = part {
            let all = items.count
            items = InstanceSource.shard(items, index: index, count: count)
            if let origin, !quiet {
                FileHandle.standardError.write(Data("shard \(index)/\(count) (\(origin)): \(items.count) of \(all) instances\n".utf8))
            }
        }
        if resume {
            let done = try Self.finishedInstances(in: out)
            items = items.filter { !done.contains($0.path) }
        }
        let work = items
        let writer = try JSONLinesWriter(path: out)
        let records = Mutex<[SolveRecord]>([])
        let next = Atomic<Int>(0)
        let total = items.count
        let options = search
        let group = DispatchGroup()
        for _ in 0..<min(jobs, max(1, total)) {
            group.enter()
            let thread = Thread {
                defer { group.leave() }
                while !Interruption.process.isRequested {
                    let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                    if index >= total { break }
                    let record = Self.solveOne(work[index], options: options)
                    writer.append(record.jsonLine())
                    records.withLock { $0.append(record) }
                }
            }
            thread.stackSize = 16 << 20
            thread.start()
        }
        group.wait()
        let finished = records.withLock { $0 }
        if !quiet { print(BatchSummary.table(finished, skipped: total - finished.count)) }
        if finished.contains(where: { $0.status == .error }) || Interruption.process.isRequested {
            throw ExitCode(finished.contains(where: { $0.status == .error }) ? 1 : 130)
        }
    }

    static func solveOne(_ item: InstanceSource.Item, options: SearchOptions) -> SolveRecord {
        let clock = MonotonicClock()
        let start = clock.now()
        do {
            let family = try Families.named(item.family)
            return try family.solve(options.request(path: item.path, commandStart: start, stop: StopCondition(clock: clock))).record
        } catch {
            var record = SolveRecord(problem: item.family, instance: item.path, status: .error,
                                     timeSeconds: clock.now() - start)
            record.name = item.name
            record.error = "\(error)"
            return record
        }
    }

    /// Instances with a line in `path` that finished (not an error, not interrupted).
    static func finishedInstances(in path: String) throws -> Set<String> {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw CLIError("\(path): cannot read for --resume")
        }
        var done = Set<String>()
        for line in text.split(whereSeparator: \.isNewline) {
            guard let value = try? JSONDecoder().decode(JSONValue.self, from: Data(line.utf8)),
                  case .string(let instance)? = value["instance"],
                  case .string(let status)? = value["status"] else { continue }
            if status == "error" { continue }
            if case .string("interrupted")? = value["stop_reason"] { continue }
            done.insert(instance)
        }
        return done
    }
}

/// Appends lines to a file, each in one `write` so concurrent writers and a crash leave only
/// whole lines; flushed to disk per line so a killed batch loses nothing it reported.
final class JSONLinesWriter: Sendable {
    private let fd: Int32
    private let lock = Mutex<Void>(())

    init(path: String) throws {
        fd = open(path, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        guard fd >= 0 else { throw CLIError("\(path): cannot open for appending: \(String(cString: strerror(errno)))") }
    }

    deinit { close(fd) }

    func append(_ line: String) {
        let bytes = Array((line + "\n").utf8)
        lock.withLock { _ in
            bytes.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let written = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                    if written <= 0 { break }
                    offset += written
                }
            }
            fsync(fd)
        }
    }
}

/// The table printed at the end of a batch.
enum BatchSummary {
    static func table(_ records: [SolveRecord], skipped: Int) -> String {
        let sorted = records.sorted { $0.instance < $1.instance }
        func row(_ cells: [String]) -> String {
            let widths = [28, 14, 14, 9, 9]
            var line = ""
            for (i, cell) in cells.enumerated() {
                if i < widths.count {
                    let pad = String(repeating: " ", count: max(0, widths[i] - cell.count))
                    line += i == 0 ? cell + pad : pad + cell
                    line += " "
                } else {
                    line += " " + cell
                }
            }
            return line
        }
        var lines = [row(["instance", "objective", "optimum", "gap", "time", "status"])]
        for r in sorted {
            lines.append(row([r.name ?? (r.instance as NSString).lastPathComponent, Report.format(r.objective),
                              Report.format(r.knownOptimum), Report.percent(r.gap),
                              String(format: "%.2fs", r.timeSeconds), r.status.rawValue]))
        }
        let errors = records.filter { $0.status == .error }.count
        let gaps = records.compactMap(\.gap)
        var footer = "\(records.count - errors) solved"
        if errors > 0 { footer += ", \(errors) failed" }
        if skipped > 0 { footer += ", \(skipped) not run (interrupted)" }
        if !gaps.isEmpty { footer += String(format: "; mean gap %.2f%%, max %.2f%%", gaps.reduce(0, +) / Double(gaps.count) * 100, gaps.max()! * 100) }
        lines.append(footer)
        for r in sorted where r.status == .error { lines.append("error: \(r.error ?? "?")") }
        return lines.joined(separator: "\n")
    }
}
