/// The best value known for an instance from outside the run: a manifest's optimum (proven or
/// best known) or a value the file states. A proven one lets the search stop when it reaches it.
public struct KnownValue: Sendable {
    public var name: String?
    public var value: Double
    public var proven: Bool

    public init(name: String? = nil, value: Double, proven: Bool) {
        self.name = name
        self.value = value
        self.proven = proven
    }
}
