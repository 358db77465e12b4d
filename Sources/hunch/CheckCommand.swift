import ArgumentParser
import Foundation
import HunchCore

/// `hunch check INSTANCE SOLUTION`: is a given plan feasible, what does it cost, how far from the
/// best known — and every violation at once, not only the first (VROOM's plan mode). The exit
/// status follows diff and grep, so scripts can tell a wrong plan from a wrong file.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a solution against its instance: objective, gap to the known optimum, every violation.",
        discussion: """
        SOLUTION is the family's own solution file (what solve --out writes), the JSON that \
        solve --json prints, or the bare solution object inside it. The objective is recomputed \
        from the solution, never taken from the file.

        Exit status: 0 feasible, 1 infeasible (each violation printed), 2 the check could not \
        run (a missing or unreadable file, bad JSON, an id the instance does not have: the \
        message names the file and line or the JSON path), 64 a usage error.

        Example:
          hunch check instances/cvrp/P-n16-k8.vrp instances/cvrp/P-n16-k8.sol
        """)

    @Argument(help: "Instance file of any family (hunch --help lists them); a problem of a multi-problem file as FILE#K.")
    var file: String

    @Argument(help: "The solution: the family's file (solve --out) or JSON (solve --json, or its solution object).")
    var solution: String

    @Option(name: .long, help: "The family's objective variant where it has several (packing3d: volume or containers), as solve took it.")
    var objective: String?

    @Option(name: .long, help: "packing3d: full (the default) or none, as solve took it: with none, boxes need not rest on anything.")
    var support: String?

    @Option(name: [.customLong("problem"), .customLong("family")],
            help: "Force the problem family instead of detecting it (hunch --help lists them).")
    var problem: String?

    @Flag(name: .long, help: "Print the result as one JSON object.")
    var json = false

    func run() throws {
        let report: CheckReport
        do {
            let family = try Families.family(path: file, forced: problem)
            var request = CheckRequest(path: file, solutionPath: solution)
            request.familyOptions = FamilyOptions(objective: objective, support: support)
            report = try family.check(request)
        } catch {
            FileHandle.standardError.write(Data("Error: \(error)\n".utf8))
            throw ExitCode(2)
        }
        print(json ? report.json.jsonString() : CheckCommand.text(report))
        if !report.feasible { throw ExitCode(1) }
    }

    /// The text report: the instance, the objective, the known value and gap, then `feasible` or
    /// one `violation` line each, so that `grep ^violation` lists them.
    static func text(_ r: CheckReport) -> String {
        var lines = ["instance   \(r.name) (\(r.family), \(r.instanceDescription))  \(r.instance)",
                     "solution   \(r.solution)",
                     "objective  \(Report.format(r.objective))  (\(r.objectiveName), recomputed)"]
        if let known = r.knownOptimum {
            let gap = r.feasible ? "  gap \(Report.percent(r.gap))" : "  (no gap: infeasible)"
            lines.append(Report.knownLine(known, proven: r.knownIsProven) + gap)
        }
        if r.feasible {
            lines.append("feasible")
        } else {
            lines.append("infeasible: \(r.violations.count) violation\(r.violations.count == 1 ? "" : "s")")
            lines += r.violations.map { "violation  \($0)" }
        }
        return lines.joined(separator: "\n")
    }
}
