import ArgumentParser
import Foundation
import HunchCore

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Merge batch results (the shards of a job array, their reruns) and summarise them per family.",
        discussion: """
        Reads the JSON-lines files in the order given; per instance the last finished line counts \
        (not an error, not interrupted), else the last line. Prints a markdown report: one summary \
        row per family (instances, solved, optimal, failed, unfinished, duplicates, mean and max \
        gap, time), the flags (duplicates, unfinished and failed instances, and with --manifest the \
        instances of the batch's source that have no line), then one table per family. Files are \
        written atomically.

        Examples:
          hunch report results-*.jsonl --manifest instances/MANIFEST.csv
          hunch report results-*.jsonl --markdown report.md --csv report.csv --svg gaps.svg --merged merged.jsonl
        """)

    @Argument(help: ArgumentHelp("Results files written by `hunch batch`, in the order they were written.", valueName: "results.jsonl"))
    var files: [String]

    @Option(name: .long, help: ArgumentHelp("The batch's source (a MANIFEST.csv, a folder or a file): flag its instances that have no line, and lines of other instances. Run from the batch's working directory.", valueName: "SOURCE"))
    var manifest: String?

    @Option(name: .long, help: ArgumentHelp("Write the markdown report here instead of standard output.", valueName: "FILE.md"))
    var markdown: String?

    @Option(name: .long, help: ArgumentHelp("Write one CSV row per instance here.", valueName: "FILE.csv"))
    var csv: String?

    @Option(name: .long, help: ArgumentHelp("Write an SVG chart of the gaps by instance size here.", valueName: "FILE.svg"))
    var svg: String?

    @Option(name: .long, help: ArgumentHelp("Write the kept line of every instance here (one JSON line per instance).", valueName: "FILE.jsonl"))
    var merged: String?

    @Flag(name: .long, help: "Exit with status 1 when an instance is duplicated, unfinished, failed, missing, or not in --manifest.")
    var check = false

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one results file") }
        let outputs = [markdown, csv, svg, merged].compactMap { $0 }
        if Set(outputs).count < outputs.count { throw ValidationError("--markdown, --csv, --svg and --merged need different files") }
        if let clash = outputs.first(where: { files.contains($0) }) {
            throw ValidationError("\(clash) is a results file; the report would overwrite it")
        }
    }

    func run() throws {
        try OutputPaths.checkWritable([markdown, csv, svg, merged].compactMap { $0 })
        let report = try ResultsReport.read(files: files, source: manifest)
        var wrote: [String] = []
        if let csv { try AtomicFile.write(report.csv(), to: csv); wrote.append(csv) }
        if let svg { try AtomicFile.write(ResultsReportSVG.render(report), to: svg); wrote.append(svg) }
        if let merged { try AtomicFile.write(report.mergedLines(), to: merged); wrote.append(merged) }
        if let markdown {
            try AtomicFile.write(report.markdown(), to: markdown)
            wrote.insert(markdown, at: 0)
            print(report.oneLine())
            for path in wrote { print("wrote \(path)") }
        } else {
            print(report.markdown(), terminator: "")
            for path in wrote { FileHandle.standardError.write(Data("wrote \(path)\n".utf8)) }
        }
        if check && report.hasProblems {
            FileHandle.standardError.write(Data("report: \(report.oneLine())\n".utf8))
            throw ExitCode(1)
        }
    }
}
