import Foundation
import HunchCore

/// Batch results merged from many JSON-lines files (the shards of a job array, their reruns):
/// one entry per instance, the line kept for it, and what is wrong with the set (duplicates,
/// instances missing from a source list, unfinished and failed instances, unreadable lines).
struct ResultsReport {
    /// One readable line of a results file.
    struct Line {
        var record: SolveRecord
        /// The line as written, so that `--merged` keeps every key.
        var text: String
        var file: String
        var number: Int

        var isFinished: Bool { ResultsReport.isFinished(record) }
        var place: String { "\(file):\(number)" }
    }

    /// Everything known about one instance.
    struct Entry {
        /// The `instance` string of the kept line (or the source list's, for a missing instance).
        var instance: String
        var problem: String
        var name: String
        /// Every line for the instance, in the order read.
        var lines: [Line]
        /// False when the instance is in `--manifest` but has no line.
        var inSource: Bool

        /// The last finished line, or the last line when none finished; nil when missing.
        var kept: Line? { lines.last(where: \.isFinished) ?? lines.last }
        var finishedCount: Int { lines.filter(\.isFinished).count }
        var isMissing: Bool { lines.isEmpty }
        var isDuplicate: Bool { finishedCount > 1 }
        var isFailed: Bool { finishedCount == 0 && kept?.record.status == .error }
        var isUnfinished: Bool { finishedCount == 0 && !isMissing && !isFailed }
        var isOptimal: Bool { finishedCount > 0 && kept?.record.status == .optimal }

        /// The flags of the `flag` column: duplicate, missing, failed, unfinished, not_in_source.
        func flags(sourceGiven: Bool) -> [String] {
            var flags: [String] = []
            if isMissing { flags.append("missing") }
            if isDuplicate { flags.append("duplicate") }
            if isFailed { flags.append("failed") }
            if isUnfinished { flags.append("unfinished") }
            if sourceGiven && !inSource { flags.append("not_in_source") }
            return flags
        }
    }

    /// Per-family (or overall) figures of the summary table.
    struct Summary {
        var problem: String
        var instances = 0
        var solved = 0
        var optimal = 0
        var failed = 0
        var unfinished = 0
        var missing = 0
        var duplicates = 0
        var gaps: [Double] = []
        var keptTimes: [Double] = []
        /// Seconds over every line (reruns and interrupted runs included): the compute spent.
        var totalTime = 0.0

        var meanGap: Double? { gaps.isEmpty ? nil : gaps.reduce(0, +) / Double(gaps.count) }
        var maxGap: Double? { gaps.max() }
        var meanTime: Double? { keptTimes.isEmpty ? nil : keptTimes.reduce(0, +) / Double(keptTimes.count) }
    }

    var files: [String]
    /// Sorted by problem, then instance.
    var entries: [Entry]
    /// `file:line: reason` for each line that could not be read.
    var unreadable: [String]
    /// The `--manifest` source, when one was given.
    var source: String?
    var lineCount: Int

    /// A finished line: not an error, not interrupted (as `batch --resume` counts it).
    static func isFinished(_ record: SolveRecord) -> Bool {
        record.status != .error && record.stopReason != "interrupted"
    }

    /// Reads `files` in order (a later finished line replaces an earlier one) and, when
    /// `source` is given (a manifest, a folder or a file, as for `batch`), checks the results
    /// against its instance list.
    static func read(files: [String], source: String?) throws -> ResultsReport {
        var entries: [String: Entry] = [:]
        var order: [String] = []
        var unreadable: [String] = []
        var lineCount = 0
        let decoder = JSONDecoder()
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw CLIError("\(file): cannot read results file")
            }
            let text = String(decoding: data, as: UTF8.self)
            for (index, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
                let line = raw.trimmingCharacters(in: .whitespaces)
                if line.isEmpty { continue }
                lineCount += 1
                let record: SolveRecord
                do {
                    record = try decoder.decode(SolveRecord.self, from: Data(line.utf8))
                } catch {
                    unreadable.append("\(file):\(index + 1): \(Self.reason(error))")
                    continue
                }
                let key = Self.key(record.instance)
                if entries[key] == nil {
                    order.append(key)
                    entries[key] = Entry(instance: record.instance, problem: record.problem,
                                         name: record.name ?? Self.defaultName(record.instance), lines: [], inSource: false)
                }
                entries[key]!.lines.append(Line(record: record, text: line, file: file, number: index + 1))
                if let kept = entries[key]!.kept {
                    entries[key]!.instance = kept.record.instance
                    entries[key]!.problem = kept.record.problem
                    entries[key]!.name = kept.record.name ?? Self.defaultName(kept.record.instance)
                }
            }
        }
        if let source {
            for item in try InstanceSource.list(source) {
                let key = Self.key(item.path)
                if entries[key] == nil {
                    order.append(key)
                    entries[key] = Entry(instance: item.path, problem: Families.canonical(item.family),
                                         name: item.name, lines: [], inSource: true)
                } else {
                    entries[key]!.inSource = true
                }
            }
        }
        let sorted = order.compactMap { entries[$0] }.sorted {
            ($0.problem, $0.instance) < ($1.problem, $1.instance)
        }
        return ResultsReport(files: files, entries: sorted, unreadable: unreadable, source: source, lineCount: lineCount)
    }

    /// Instances match on their file's absolute, standardised path (and `#K`), so a results file
    /// written from another working directory or with an absolute source still matches.
    static func key(_ instance: String) -> String {
        let (file, problem) = InstanceAddress.split(instance)
        let absolute = file.hasPrefix("/") ? file
            : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(file)
        return URL(fileURLWithPath: absolute).standardizedFileURL.path + (problem.map { "#\($0)" } ?? "")
    }

    static func defaultName(_ instance: String) -> String {
        let (file, problem) = InstanceAddress.split(instance)
        let stem = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        return stem + (problem.map { "-\($0)" } ?? "")
    }

    private static func reason(_ error: Error) -> String {
        switch error {
        case DecodingError.dataCorrupted: return "not a JSON object (a line cut short?)"
        case DecodingError.keyNotFound(let key, _): return "no '\(key.stringValue)' key"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return "unexpected value at '\(context.codingPath.map(\.stringValue).joined(separator: "."))'"
        default: return "\(error)"
        }
    }

    var sourceGiven: Bool { source != nil }
    var problems: [String] { Array(Set(entries.map(\.problem))).sorted() }
    var duplicates: [Entry] { entries.filter(\.isDuplicate) }
    var missing: [Entry] { entries.filter(\.isMissing) }
    var failed: [Entry] { entries.filter(\.isFailed) }
    var unfinished: [Entry] { entries.filter(\.isUnfinished) }
    var notInSource: [Entry] { sourceGiven ? entries.filter { !$0.inSource } : [] }

    /// True when something needs attention: `--check` then exits 1.
    var hasProblems: Bool {
        !duplicates.isEmpty || !missing.isEmpty || !failed.isEmpty || !unfinished.isEmpty || !notInSource.isEmpty
    }

    func summary(of problem: String?) -> Summary {
        var s = Summary(problem: problem ?? "all")
        for entry in entries where problem == nil || entry.problem == problem {
            s.instances += 1
            if entry.isMissing { s.missing += 1; continue }
            if entry.isDuplicate { s.duplicates += 1 }
            if entry.isFailed { s.failed += 1 }
            if entry.isUnfinished { s.unfinished += 1 }
            if entry.isOptimal { s.optimal += 1 }
            s.totalTime += entry.lines.reduce(0) { $0 + $1.record.timeSeconds }
            guard entry.finishedCount > 0, let kept = entry.kept else { continue }
            s.solved += 1
            s.keptTimes.append(kept.record.timeSeconds)
            if let gap = kept.record.gap { s.gaps.append(gap) }
        }
        return s
    }

    // MARK: markdown

    func markdown() -> String {
        var out = "# Batch results\n\n"
        var from = "\(lineCount) lines from \(files.count) file\(files.count == 1 ? "" : "s")"
        if let source { from += ", checked against `\(source)`" }
        out += from + ". Per instance, the last finished line counts (else the last line). "
        out += "Gaps are against the known optimum, else the run's bound; *optimal* means proven optimal.\n\n"

        let header = "| family | instances | solved | optimal | failed | unfinished |" + (sourceGiven ? " missing |" : "")
            + " duplicates | mean gap | max gap | mean time | total time |"
        let rule = "|---|" + String(repeating: "---:|", count: sourceGiven ? 11 : 10)
        var rows = problems.map { summaryRow(summary(of: $0)) }
        if problems.count > 1 { rows.append(summaryRow(summary(of: nil), bold: true)) }
        out += ([header, rule] + rows).joined(separator: "\n") + "\n\n"

        out += "## Flags\n\n"
        var flagged = false
        func list(_ title: String, _ items: [String]) {
            guard !items.isEmpty else { return }
            flagged = true
            out += "**\(title)** (\(items.count)):\n\n" + items.map { "- \($0)" }.joined(separator: "\n") + "\n\n"
        }
        list("Duplicates: more than one finished line", duplicates.map { entry in
            "`\(entry.instance)`: \(entry.finishedCount) finished lines (" + entry.lines.filter(\.isFinished).map(\.place).joined(separator: ", ") + ")"
        })
        list("Missing: in the source, no line", missing.map { "`\($0.instance)` (\($0.problem))" })
        list("Unfinished: interrupted, not rerun to the end", unfinished.map { "`\($0.instance)`: last line \($0.kept!.place)" })
        list("Failed", failed.map { "`\($0.instance)`: \($0.kept!.record.error ?? "error")" })
        list("Not in the source", notInSource.map { "`\($0.instance)` (\($0.kept!.place))" })
        list("Unreadable lines (ignored)", unreadable)
        if !flagged {
            out += sourceGiven ? "None: every instance of the source has exactly one finished line.\n\n"
                               : "None: no duplicate, unfinished or failed instance (pass `--manifest` to check for missing ones).\n\n"
        }

        for problem in problems {
            let s = summary(of: problem)
            let objective = Report.objectiveName(problem)
            out += "## \(problem)\n\n"
            out += "\(s.instances) instances, \(s.solved) solved, \(s.optimal) optimal, \(s.failed) failed"
            if s.unfinished > 0 { out += ", \(s.unfinished) unfinished" }
            if s.missing > 0 { out += ", \(s.missing) missing" }
            if let mean = s.meanGap, let max = s.maxGap { out += "; gap mean \(Report.percent(mean)), max \(Report.percent(max))" }
            out += ".\n\n"
            out += "| instance | size | \(objective) | known optimum | bound | gap | time | status | lines | flag |\n"
            out += "|---|---:|---:|---:|---:|---:|---:|---|---:|---|\n"
            for entry in entries where entry.problem == problem {
                let r = entry.kept?.record
                let status = r.map { record in
                    record.stopReason == "interrupted" ? "\(record.status.rawValue) (interrupted)" : record.status.rawValue
                } ?? "-"
                let cells = [Self.escape(entry.name), r?.size.map(String.init) ?? "-", Report.format(r?.objective),
                             Report.format(r?.knownOptimum), Report.format(r?.bound), Report.percent(r?.gap),
                             r.map { String(format: "%.2fs", $0.timeSeconds) } ?? "-", status, String(entry.lines.count),
                             entry.flags(sourceGiven: sourceGiven).joined(separator: ", ")]
                out += "| " + cells.joined(separator: " | ") + " |\n"
            }
            out += "\n"
        }
        return out
    }

    private func summaryRow(_ s: Summary, bold: Bool = false) -> String {
        var cells = [bold ? "**all**" : s.problem, String(s.instances), String(s.solved), String(s.optimal),
                     String(s.failed), String(s.unfinished)]
        if sourceGiven { cells.append(String(s.missing)) }
        cells += [String(s.duplicates), Report.percent(s.meanGap), Report.percent(s.maxGap),
                  s.meanTime.map { String(format: "%.2fs", $0) } ?? "-", String(format: "%.1fs", s.totalTime)]
        return "| " + cells.joined(separator: " | ") + " |"
    }

    private static func escape(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }

    // MARK: CSV

    static let csvColumns = ["problem", "instance", "name", "size", "status", "stop_reason", "objective", "known_optimum",
                             "bound", "gap", "time_s", "lines", "finished_lines", "flag"]

    /// One row per instance (missing ones included), with the kept line's values.
    func csv() -> String {
        var out = Self.csvColumns.joined(separator: ",") + "\n"
        for entry in entries {
            let r = entry.kept?.record
            func number(_ v: Double?) -> String { v.map { Report.format($0) } ?? "" }
            let fields = [entry.problem, entry.instance, entry.name, r?.size.map(String.init) ?? "",
                          entry.isMissing ? "missing" : r!.status.rawValue, r?.stopReason ?? "", number(r?.objective),
                          number(r?.knownOptimum), number(r?.bound), r?.gap.map { String($0) } ?? "",
                          r.map { String($0.timeSeconds) } ?? "", String(entry.lines.count), String(entry.finishedCount),
                          entry.flags(sourceGiven: sourceGiven).joined(separator: ";")]
            out += fields.map(Self.csvField).joined(separator: ",") + "\n"
        }
        return out
    }

    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    // MARK: merged lines

    /// The kept line of every instance that has one, as written: one line per instance.
    func mergedLines() -> String {
        entries.compactMap { $0.kept?.text }.map { $0 + "\n" }.joined()
    }

    /// One line for standard error or a `--markdown FILE` run.
    func oneLine() -> String {
        let all = summary(of: nil)
        var parts = ["\(all.instances) instances", "\(all.solved) solved", "\(all.optimal) optimal"]
        if all.failed > 0 { parts.append("\(all.failed) failed") }
        if all.unfinished > 0 { parts.append("\(all.unfinished) unfinished") }
        if all.missing > 0 { parts.append("\(all.missing) missing") }
        if all.duplicates > 0 { parts.append("\(all.duplicates) duplicated") }
        if !notInSource.isEmpty { parts.append("\(notInSource.count) not in the source") }
        if !unreadable.isEmpty { parts.append("\(unreadable.count) unreadable lines") }
        var line = parts.joined(separator: ", ")
        if let mean = all.meanGap, let max = all.maxGap { line += "; gap mean \(Report.percent(mean)), max \(Report.percent(max))" }
        return line
    }
}
