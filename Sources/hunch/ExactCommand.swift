import ArgumentParser
import Foundation
import HunchCore

struct ExactCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "exact",
            abstract: "Solve exactly with GLPK: a proven optimum, or the best solution and a proven bound at the limit.",
            discussion: "The models:\n" + Families.all.compactMap { family in family.exactModel.map { "  \(family.name): \($0)" } }
                .joined(separator: "\n") + "\nBeyond their reach, the limit stops them with a bound.")
    }

    @Argument(help: "Instance file (any family; a problem of a multi-problem file as FILE#K).")
    var file: String

    @Option(name: .long, parsing: .unconditional, help: "Wall-clock limit for the whole command, seconds.",
            transform: NumberArgument.seconds)
    var timeLimit: Double = 60

    @Option(name: .long, help: "Start from this solution (family format or a JSON result) as the incumbent.")
    var initial: String?

    @Option(name: .long, help: "Write the best solution in the family's format.")
    var out: String?

    @Option(name: .long, help: "Write a picture of the best solution (SVG).")
    var svg: String?

    @Option(name: .long, help: "Force the problem family instead of detecting it.")
    var problem: String?

    @Flag(name: .long, help: "Print the result as one JSON object.")
    var json = false

    @Flag(name: .long, help: "Show GLPK's output and the solver's stages.")
    var verbose = false

    func validate() throws {
        guard timeLimit > 0, timeLimit.isFinite else { throw ValidationError("--time-limit must be a positive number of seconds") }
    }

    func run() throws {
        let clock = MonotonicClock()
        let start = clock.now()
        Interruption.installSignalHandlers()
        try OutputPaths.checkWritable([("--out", out), ("--svg", svg)].compactMap { option, path in path.map { (option, $0) } })
        let family = try Families.family(path: file, forced: problem)
        var request = ExactRequest(path: file, timeLimit: timeLimit, commandStart: start, clock: clock)
        request.initialPath = initial
        request.verbose = verbose
        var run = try family.exact(request)
        // A file that cannot be written never costs the result: it is printed all the same.
        let (written, failures) = RunOutputs.write(run, file: file, out: out, svg: svg)
        // time_s: the command's wall time, from its start to the printing of the result.
        run.record.timeSeconds = clock.now() - start
        let r = run.record
        if json {
            print(r.jsonLine())
        } else {
            print("instance   \(run.headline)  \(file)")
            print("status     \(r.status.rawValue)" + (r.error.map { " (\($0))" } ?? ""))
            print("objective  \(Report.format(r.objective))")
            print("bound      \(Report.format(r.bound))  gap \(Report.percent(r.gap))")
            if let known = r.knownOptimum { print(Report.knownLine(known, proven: run.knownIsProven)) }
            print(String(format: "time       %.2f s (limit %g s)", r.timeSeconds, timeLimit))
            for path in written { print("wrote      \(path)") }
        }
        try RunOutputs.finish(failures)
    }
}
