import ArgumentParser
import Foundation
import HunchCore
import HunchTSP

struct SolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solve",
        abstract: "Solve one instance file: prior, policy-guided local search, validated result.")

    @Argument(help: "Instance file (TSPLIB .tsp).")
    var file: String

    @OptionGroup var search: SearchOptions

    @Option(name: .long, help: "Start from this solution (.tour or a JSON result); the answer is never worse.")
    var initial: String?

    @Option(name: .long, help: "Write the solution in the family's format (TSPLIB .tour).")
    var out: String?

    @Option(name: .long, help: "Write a picture of the solution (SVG).")
    var svg: String?

    @Flag(name: .long, help: "Print the result as one JSON object.")
    var json = false

    @Flag(name: .long, help: "No progress line.")
    var quiet = false

    func run() throws {
        let clock = MonotonicClock()
        let start = clock.now()
        Interruption.installSignalHandlers()
        if let problem = search.problem, problem != "tsp" {
            throw CLIError("unknown --problem '\(problem)'; supported: tsp")
        }
        let quiet = self.quiet || json
        let run: TSPRunner.Run
        do {
            try OutputPaths.checkWritable([out, svg].compactMap { $0 })
            run = try TSPRunner.solve(path: file, options: search, initialTourPath: initial,
                                      requireDrawing: svg != nil, commandStart: start, stop: StopCondition(clock: clock),
                                      progress: { ProgressLine.make(quiet: quiet, reference: $0) })
        } catch let error as CLIError {
            throw error
        } catch {
            throw CLIError("\(error)")
        }
        let record = run.record
        if let out {
            try TourFile.write(tour: run.tour, name: run.instance.name,
                               comment: "Length \(Int(record.objective ?? 0)) found by hunch (seed \(search.seed))", to: out)
        }
        if let svg {
            var title = "\(run.instance.name): length \(Int(record.objective ?? 0))"
            if let gap = record.gap { title += String(format: ", gap %.2f%%", gap * 100) }
            guard let picture = TourSVG.render(instance: run.instance, tour: run.tour, title: title) else {
                throw CLIError("\(file): no coordinates to draw (EXPLICIT instance without DISPLAY_DATA_SECTION)")
            }
            try AtomicFile.write(picture, to: svg)
        }
        var finalRecord = record
        finalRecord.timeSeconds = clock.now() - start
        if json {
            print(finalRecord.jsonLine())
        } else {
            print(Report.text(finalRecord, outputs: [out, svg].compactMap { $0 }))
        }
    }
}
