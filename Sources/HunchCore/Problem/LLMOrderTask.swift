/// `--prior llm` as plain data: what to ask a language model and how to turn its answer — an
/// order of ids — into a solution. Families build it; the command line sends it with HunchLLM,
/// so families never import the client.
public struct LLMOrderTask<Solution> {
    /// What is ordered, for the report (`job-order`, `cluster-order`, …).
    public var mode: String
    public var system: String
    public var user: String
    /// JSON schema of the answer (nil: a default `{"order": [ids]}` schema for `count` ids).
    public var schema: JSONValue?
    public var schemaName: String
    /// How many ids the answer should hold, and the first id (the prompt's numbering).
    public var count: Int
    public var firstID: Int
    public var maxTokens: Int?
    /// Builds a valid solution from the ids the model gave (0-based after `firstID`, in its
    /// order) and those it left out; throws when the answer cannot be used.
    public var complete: (_ kept: [Int], _ missing: [Int]) throws -> Solution
    /// The family's default prior from a seed (the solve's), used when the model is unusable.
    public var fallback: (_ seed: UInt64) -> Solution
    /// The seed `fallback` gets; the pipeline sets it to the solve's.
    public var seed: UInt64 = 1
    /// Why no question can be asked for this instance (too large…), or nil.
    public var unavailableReason: String?

    public init(mode: String, system: String, user: String, schema: JSONValue? = nil, schemaName: String = "order",
                count: Int, firstID: Int = 1, maxTokens: Int? = nil,
                complete: @escaping (_ kept: [Int], _ missing: [Int]) throws -> Solution,
                fallback: @escaping (_ seed: UInt64) -> Solution, unavailableReason: String? = nil) {
        self.mode = mode
        self.system = system
        self.user = user
        self.schema = schema
        self.schemaName = schemaName
        self.count = count
        self.firstID = firstID
        self.maxTokens = maxTokens
        self.complete = complete
        self.fallback = fallback
        self.unavailableReason = unavailableReason
    }
}

/// A menu for `--prior llm-choice`: the instance in words and the priors to pick from.
public struct LLMChoiceMenu: Sendable {
    public var context: String
    public var options: [PriorInfo]
    public var defaultOption: String

    public init(context: String, options: [PriorInfo], defaultOption: String) {
        self.context = context
        self.options = options
        self.defaultOption = defaultOption
    }
}
