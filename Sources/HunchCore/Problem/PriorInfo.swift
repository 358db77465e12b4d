/// A construction heuristic as the menus and `bench` see it.
public struct PriorInfo: Sendable {
    public var name: String
    /// One sentence for `--prior llm-choice`'s menu: what it does and how good it usually is.
    public var description: String
    /// Run alone by `bench` by default (false for baselines such as `random`).
    public var benchByDefault: Bool

    public init(_ name: String, _ description: String, benchByDefault: Bool = true) {
        self.name = name
        self.description = description
        self.benchByDefault = benchByDefault
    }
}
