import ArgumentParser

@main
struct Hunch: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Hunch: a prior, a learned local search, and an exact baseline.")
}
