import ArgumentParser

@main
struct Hunch: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "hunch",
        abstract: "A prior proposes, a policy-guided local search refines, GLPK proves.",
        discussion: "Problem families (detected from the file; --problem forces one):\n"
            + Families.all.map { "  \($0.name): \($0.summary)" }.joined(separator: "\n") + "\n" + """
        Examples:
          hunch solve instances/tsp/berlin52.tsp --time-limit 2 --svg berlin52.svg
          hunch solve instances/jssp/ft10.txt --time-limit 10 --svg ft10-gantt.svg
          hunch exact instances/tsp/kroA100.tsp --time-limit 60
          hunch check instances/cvrp/P-n16-k8.vrp instances/cvrp/P-n16-k8.sol
          hunch batch instances/MANIFEST.csv --time-limit 1 --out results.jsonl
          hunch generate tsp --size 1000 --seed 7 --out random1000.tsp
        """,
        version: "0.1.0",
        subcommands: [SolveCommand.self, CheckCommand.self, ExactCommand.self, BenchCommand.self, BatchCommand.self, ReportCommand.self, TrainCommand.self, GenerateCommand.self]
    ) }
}
