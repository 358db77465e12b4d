import ArgumentParser
import HunchCore

/// Options shared by every command that runs a search (solve, batch, bench).
struct SearchOptions: ParsableArguments {
    @Option(name: .long, help: "Wall-clock limit in seconds for the whole command (solve) or per instance (batch).")
    var timeLimit: Double = 10

    @Option(name: .long, help: "Stop after this many search steps (with a seed: reproducible).")
    var maxSteps: Int?

    @Option(name: .long, help: "Construction heuristic giving the first solution (tsp: greedy, nearest-neighbour, space-filling-curve, farthest-insertion, cheapest-insertion, random).")
    var prior: String?

    @Option(name: .long, help: "Operator-selection policy: \(NamedPolicy.names.joined(separator: ", ")).")
    var policy: String = "roulette"

    @Option(name: .long, help: "Trial acceptance: better (no worse than current) or threshold[:fraction].")
    var acceptance: String = "better"

    @Option(name: .long, help: "Random seed; the same seed, input and --max-steps give the same answer.")
    var seed: UInt64 = 1

    @Option(name: .long, help: "Force the problem family instead of detecting it (tsp).")
    var problem: String?

    func validate() throws {
        guard timeLimit > 0, timeLimit.isFinite else { throw ValidationError("--time-limit must be a positive number of seconds") }
        if let maxSteps, maxSteps < 0 { throw ValidationError("--max-steps must be ≥ 0") }
        guard NamedPolicy(name: policy) != nil else {
            throw ValidationError("unknown --policy '\(policy)'; expected one of: \(NamedPolicy.names.joined(separator: ", "))")
        }
        guard Acceptance(name: acceptance) != nil else {
            throw ValidationError("unknown --acceptance '\(acceptance)'; expected better, threshold or threshold:FRACTION")
        }
    }

    func makePolicy() -> NamedPolicy { NamedPolicy(name: policy)! }
    func makeAcceptance() -> Acceptance { Acceptance(name: acceptance)! }
}
