import ArgumentParser
import Foundation
import HunchCore
import HunchTSP

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write random instances in the family's standard format.")

    @Argument(help: "Family: tsp.")
    var family: String

    @Option(name: .long, help: "Number of nodes.")
    var size: Int = 100

    @Option(name: .long, help: "Random seed.")
    var seed: UInt64 = 1

    @Option(name: .long, help: "Point layout: uniform or clustered.")
    var layout: String = "uniform"

    @Option(name: .long, help: "Output file (default: standard output).")
    var out: String?

    func validate() throws {
        guard family == "tsp" else { throw ValidationError("unknown family '\(family)'; supported: tsp") }
        guard size >= 1, size <= 10_000_000 else { throw ValidationError("--size must be between 1 and 10,000,000") }
        guard ["uniform", "clustered"].contains(layout) else { throw ValidationError("--layout must be uniform or clustered") }
    }

    func run() throws {
        let instance = TSPGenerator.generate(size: size, seed: seed, clustered: layout == "clustered")
        let text = TSPLIBWriter.format(instance)
        if let out { try AtomicFile.write(text, to: out) } else { print(text, terminator: "") }
    }
}
