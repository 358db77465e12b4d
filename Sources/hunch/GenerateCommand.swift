import ArgumentParser
import Foundation
import HunchCore

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write random instances in the family's standard format.",
        discussion: """
        tsp:        --size N [--layout uniform|clustered]            (TSPLIB)
        jobshop:    --jobs N --machines M                            (Taillard's generator, OR-Library format)
        binpacking: --items N --capacity C [--min-weight A --max-weight B]   (BPPLIB format)
        packing3d:  --box-types K                                    (BR-like, OR-Library thpack format)
        """)

    @Argument(help: "Family: tsp, jobshop, binpacking or packing3d.")
    var family: String

    @OptionGroup var settings: GenerateSettings

    @Option(name: .long, help: "Output file (default: standard output).")
    var out: String?

    func validate() throws {
        guard (try? Families.runner(family)) != nil else {
            throw ValidationError("unknown family '\(family)'; supported: \(Families.names.joined(separator: ", "))")
        }
        try settings.check(family: Families.canonical(family))
    }

    func run() throws {
        var text = try Families.runner(family).generate(settings)
        if !text.hasSuffix("\n") { text += "\n" }
        if let out { try AtomicFile.write(text, to: out) } else { print(text, terminator: "") }
    }
}

/// The knobs of `hunch generate`; each family reads the ones it needs.
struct GenerateSettings: ParsableArguments {
    @Option(name: .long, help: "tsp: number of nodes.")
    var size: Int = 100

    @Option(name: .long, help: "tsp: point layout, uniform or clustered.")
    var layout: String = "uniform"

    @Option(name: .long, help: "jobshop: number of jobs.")
    var jobs: Int = 15

    @Option(name: .long, help: "jobshop: number of machines.")
    var machines: Int = 15

    @Option(name: .long, help: "binpacking: number of items.")
    var items: Int = 120

    @Option(name: .long, help: "binpacking: bin capacity.")
    var capacity: Int = 150

    @Option(name: .long, help: "binpacking: smallest item weight.")
    var minWeight: Int = 20

    @Option(name: .long, help: "binpacking: largest item weight.")
    var maxWeight: Int = 100

    @Option(name: .long, help: "packing3d: number of box types.")
    var boxTypes: Int = 5

    @Option(name: .long, help: "Random seed.")
    var seed: UInt64 = 1

    @Option(name: .long, help: "Instance name (default: from the family and settings).")
    var name: String?

    /// Checks the settings the family uses (the others are ignored).
    func check(family: String) throws {
        switch family {
        case "tsp":
            guard size >= 1, size <= 10_000_000 else { throw ValidationError("--size must be between 1 and 10,000,000") }
            guard ["uniform", "clustered"].contains(layout) else { throw ValidationError("--layout must be uniform or clustered") }
        case "jobshop":
            guard (1...10_000).contains(jobs), (1...1_000).contains(machines) else {
                throw ValidationError("--jobs must be 1…10,000 and --machines 1…1,000")
            }
        case "binpacking":
            guard (1...10_000_000).contains(items), capacity >= 1 else { throw ValidationError("--items must be ≥ 1 and --capacity ≥ 1") }
            guard 1 <= minWeight, minWeight <= maxWeight, maxWeight <= capacity else {
                throw ValidationError("weights must satisfy 1 ≤ --min-weight ≤ --max-weight ≤ --capacity")
            }
        case "packing3d":
            guard (1...100).contains(boxTypes) else { throw ValidationError("--box-types must be 1…100") }
        default:
            break
        }
    }
}
