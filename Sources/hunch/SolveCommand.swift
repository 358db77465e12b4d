import ArgumentParser
import Foundation
import HunchCore

struct SolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solve",
        abstract: "Solve one instance file: prior, policy-guided local search, validated result.")

    @Argument(help: "Instance file of any family (hunch --help lists them); a problem of a multi-problem file as FILE#K.")
    var file: String

    @OptionGroup var search: SearchOptions

    @Option(name: .long, help: "Start from this solution (family format or a JSON result); the answer is never worse.")
    var initial: String?

    @Option(name: .long, help: "Write the solution in the family's own format (hunch --help lists them).")
    var out: String?

    @Option(name: .long, help: "Write a picture of the solution (SVG).")
    var svg: String?

    @Flag(name: .long, help: "Print the result as one JSON object.")
    var json = false

    @Flag(name: .long, help: "No progress line.")
    var quiet = false

    @Option(name: .long, help: "Independent searches side by side (seeds SEED, SEED+1, …), the best kept; at most the cores you have.")
    var threads: Int = 1

    func validate() throws {
        guard (1...256).contains(threads) else { throw ValidationError("--threads must be between 1 and 256, got \(threads)") }
    }

    func run() throws {
        let clock = MonotonicClock()
        let start = clock.now()
        Interruption.installSignalHandlers()
        let quiet = self.quiet || json
        try OutputPaths.checkWritable([("--out", out), ("--svg", svg)].compactMap { option, path in path.map { (option, $0) } })
        let family = try Families.family(path: file, forced: search.problem)
        var request = search.request(path: file, commandStart: start, stop: StopCondition(clock: clock))
        request.settings.threads = threads
        request.initialPath = initial
        request.requireDrawing = svg != nil
        request.progress = { ProgressLine.make(quiet: quiet, reference: $0) }
        var run = try family.solve(request)
        // A file that cannot be written never costs the result: it is printed all the same.
        let (written, failures) = RunOutputs.write(run, file: file, out: out, svg: svg)
        // time_s: the command's wall time, from its start to the printing of the result.
        run.record.timeSeconds = clock.now() - start
        if json {
            print(run.record.jsonLine())
        } else {
            print(Report.text(run.record, headline: run.headline, knownIsProven: run.knownIsProven, outputs: written))
        }
        try RunOutputs.finish(failures)
    }
}
