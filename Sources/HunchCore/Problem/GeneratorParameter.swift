/// One knob of a family's instance generator (`hunch generate FAMILY --NAME VALUE`), declared by
/// the family so the command line can parse, check and document it without naming the family.
public struct GeneratorParameter: Sendable {
    public enum Kind: Sendable {
        case integer(ClosedRange<Int>)
        case choice([String])
    }

    public var name: String
    public var help: String
    public var kind: Kind
    public var defaultValue: String

    public init(_ name: String, _ help: String, integer range: ClosedRange<Int>, default value: Int) {
        self.name = name
        self.help = help
        self.kind = .integer(range)
        self.defaultValue = String(value)
    }

    public init(_ name: String, _ help: String, choice values: [String], default value: String) {
        self.name = name
        self.help = help
        self.kind = .choice(values)
        self.defaultValue = value
    }
}

/// The checked values of a generator's parameters, plus the seed and name every generator takes.
public struct GeneratorValues: Sendable {
    public var values: [String: String]
    public var seed: UInt64
    public var name: String?

    public init(values: [String: String], seed: UInt64, name: String?) {
        self.values = values
        self.seed = seed
        self.name = name
    }

    /// Parses `given` (name → text) against `parameters`, filling defaults; a clear error for an
    /// unknown name or a value out of range.
    public init(parameters: [GeneratorParameter], given: [String: String], seed: UInt64, name: String?, family: String) throws {
        var values: [String: String] = [:]
        for (key, _) in given where !parameters.contains(where: { $0.name == key }) {
            let known = parameters.map { "--\($0.name)" }.joined(separator: ", ")
            throw ProblemError("--\(key) is not a \(family) generator setting; \(family) takes: \(known.isEmpty ? "none" : known)")
        }
        for parameter in parameters {
            let text = given[parameter.name] ?? parameter.defaultValue
            switch parameter.kind {
            case .integer(let range):
                guard let value = Int(text), range.contains(value) else {
                    throw ProblemError("--\(parameter.name) must be an integer in \(range.lowerBound)…\(range.upperBound), got '\(text)'")
                }
            case .choice(let choices):
                guard choices.contains(text) else {
                    throw ProblemError("--\(parameter.name) must be one of \(choices.joined(separator: ", ")), got '\(text)'")
                }
            }
            values[parameter.name] = text
        }
        self.init(values: values, seed: seed, name: name)
    }

    public func int(_ name: String) -> Int { Int(values[name] ?? "") ?? 0 }
    public func string(_ name: String) -> String { values[name] ?? "" }
}

/// `hunch train`'s settings, in the family's size unit (nil: the family's default).
public struct TrainingSettings: Sendable {
    public var minSize: Int?
    public var maxSize: Int?
    public var workPerUnit: Int?
    public var workPerEpisode: Int?

    public init(minSize: Int? = nil, maxSize: Int? = nil, workPerUnit: Int? = nil, workPerEpisode: Int? = nil) {
        self.minSize = minSize
        self.maxSize = maxSize
        self.workPerUnit = workPerUnit
        self.workPerEpisode = workPerEpisode
    }
}
