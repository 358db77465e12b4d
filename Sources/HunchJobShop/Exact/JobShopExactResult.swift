import HunchExact

/// What ``JobShopExactSolver`` established about an instance.
public struct JobShopExactResult: Sendable {
    public typealias Status = ExactStatus

    public var status: Status
    public var schedule: JobShopSchedule?
    public var makespan: Int?
    /// A valid lower bound on the optimal makespan (equal to `makespan` when optimal).
    public var bound: Int
    /// Wall-clock seconds.
    public var time: Double
    /// Branch-and-bound nodes GLPK reported (0 when no MIP was needed).
    public var nodes: Int
}

/// Bad input to ``JobShopExactSolver``.
public struct JobShopExactError: Error, CustomStringConvertible, Equatable, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
