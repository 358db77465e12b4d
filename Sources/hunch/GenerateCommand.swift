import ArgumentParser
import Foundation
import HunchCore

struct GenerateCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "generate",
            abstract: "Write random instances in the family's standard format.",
            discussion: "Each family's settings (`--NAME VALUE`, defaults in brackets):\n" + Families.all.map { family in
                let knobs = family.generatorParameters.map { p -> String in
                    switch p.kind {
                    case .integer(let range): return "--\(p.name) N [\(p.defaultValue)] (\(p.help), \(range.lowerBound)…\(range.upperBound))"
                    case .choice(let values): return "--\(p.name) \(values.joined(separator: "|")) [\(p.defaultValue)] (\(p.help))"
                    }
                }
                return "  \(family.name): " + knobs.joined(separator: "; ")
            }.joined(separator: "\n"))
    }

    @Argument(help: ArgumentHelp("Family: \(Families.names.joined(separator: ", ")).", valueName: "family"))
    var family: String

    @Option(name: .long, parsing: .unconditional, help: "Random seed.", transform: NumberArgument.seed)
    var seed: UInt64 = 1

    @Option(name: .long, help: "Instance name (default: from the family and settings).")
    var name: String?

    @Option(name: .long, help: "Output file (default: standard output).")
    var out: String?

    @Argument(parsing: .allUnrecognized, help: ArgumentHelp("The family's settings, e.g. --size 1000 (see below).", valueName: "settings"))
    var settings: [String] = []

    func values() throws -> GeneratorValues {
        let registered = try Families.named(family)
        var given: [String: String] = [:]
        var i = 0
        while i < settings.count {
            let word = settings[i]
            guard word.hasPrefix("--") else { throw ValidationError("unexpected '\(word)'; settings are --NAME VALUE") }
            let body = word.dropFirst(2)
            if let equals = body.firstIndex(of: "=") {
                given[String(body[..<equals])] = String(body[body.index(after: equals)...])
                i += 1
            } else {
                guard i + 1 < settings.count else { throw ValidationError("missing value for '\(word)'") }
                given[String(body)] = settings[i + 1]
                i += 2
            }
        }
        do {
            return try GeneratorValues(parameters: registered.generatorParameters, given: given, seed: seed, name: name,
                                       family: registered.name)
        } catch {
            throw ValidationError("\(error)")
        }
    }

    func validate() throws {
        guard (try? Families.named(family)) != nil else {
            throw ValidationError("unknown family '\(family)'; supported: \(Families.names.joined(separator: ", "))")
        }
        _ = try values()
    }

    func run() throws {
        var text = try Families.named(family).generate(try values())
        if !text.hasSuffix("\n") { text += "\n" }
        if let out { try AtomicFile.write(text, to: out) } else { print(text, terminator: "") }
    }
}
