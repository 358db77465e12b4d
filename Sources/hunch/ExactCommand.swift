import ArgumentParser
import Foundation
import HunchCore

struct ExactCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exact",
        abstract: "Solve exactly with GLPK: a proven optimum, or the best solution and a proven bound at the limit.",
        discussion: """
        TSP: DFJ model with subtour cuts added lazily (connected components, and minimum cuts on
        fractional points), edges eliminated by Held–Karp reduced costs, and Hunch's local search
        as the incumbent; practical up to roughly 100–150 nodes. Job shop: disjunctive MIP (start
        times, big-M ordering binaries), the heuristic schedule as incumbent. Bin packing: the
        arc-flow model. 3D placement: a MIP for a handful of boxes. Beyond their reach, the limit
        stops them with a bound.
        """)

    @Argument(help: "Instance file (any family; thpack problems as FILE#K).")
    var file: String

    @Option(name: .long, help: "Wall-clock limit for the whole command, seconds.")
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
        try OutputPaths.checkWritable([out, svg].compactMap { $0 })
        let runner = try Families.runner(path: file, forced: problem)
        var run = try runner.exact(ExactRequest(path: file, timeLimit: timeLimit, initialPath: initial, verbose: verbose,
                                                commandStart: start, clock: clock))
        if let out { try run.writeSolution(out) }
        if let svg { try writeDrawing(run, to: svg) }
        run.record.timeSeconds = clock.now() - start
        let r = run.record
        if json {
            print(r.jsonLine())
        } else {
            print("instance   \(run.headline)  \(file)")
            print("status     \(r.status)" + (r.error.map { " (\($0))" } ?? ""))
            print("objective  \(Report.format(r.objective))")
            print("bound      \(Report.format(r.bound))  gap \(Report.percent(r.gap))")
            if let known = r.knownOptimum { print(Report.knownLine(known, proven: run.knownIsProven)) }
            print(String(format: "time       %.2f s (limit %g s)", r.timeSeconds, timeLimit))
            for path in [out, svg].compactMap({ $0 }) { print("wrote      \(path)") }
        }
    }

    private func writeDrawing(_ run: FamilyRun, to path: String) throws {
        guard let picture = run.drawing(Report.title(run.record)) else {
            throw CLIError("\(file): nothing to draw for this instance")
        }
        try AtomicFile.write(picture, to: path)
    }
}
