/// The one budget calculation of every solve: how the command's time limit is split between
/// reading, the start, the bound, the search and the output.
///
/// `--time-limit` bounds the whole command. The search gets `start + limit − reserve`, where the
/// reserve (50 ms + 3 µs per size unit, at most 10 % of the limit) pays for validation and
/// writing. A bound that costs search time may use 15 % of what is left; a language model half.
public struct SolveBudget: Sendable {
    public var commandStart: Double
    /// The wall-clock limit of the whole command, or nil (a step limit alone).
    public var limit: Double?

    public static let boundShare = 0.15
    public static let languageModelShare = 0.5

    public init(commandStart: Double, limit: Double?) {
        self.commandStart = commandStart
        self.limit = limit
    }

    /// Seconds kept back for validation and output on an instance of `size` units.
    public static func reserve(size: Int, limit: Double) -> Double {
        min(0.05 + Double(size) * 3e-6, limit * 0.1)
    }

    /// The search deadline on an instance of `size` units, or nil without a limit.
    public func searchDeadline(size: Int) -> Double? {
        limit.map { commandStart + $0 - SolveBudget.reserve(size: size, limit: $0) }
    }

    /// Seconds left of the command at `now`, or nil without a limit.
    public func remaining(at now: Double) -> Double? {
        limit.map { max(0, commandStart + $0 - now) }
    }

    /// Seconds a bound that costs search time may take, starting at `now`.
    public func boundBudget(at now: Double) -> Double? { remaining(at: now).map { SolveBudget.boundShare * $0 } }

    /// Seconds the language model may take, starting at `now` (at least 0.1 s).
    public func languageModelBudget(at now: Double) -> Double? {
        remaining(at: now).map { max(0.1, SolveBudget.languageModelShare * $0) }
    }

    /// The budget of the short search that gives an exact solver its incumbent.
    public static func incumbentSearch(size: Int, limit: Double) -> Double {
        min(0.05 + 0.002 * Double(size), 0.1 * limit)
    }

    /// Seconds left for an exact solver at `now`, keeping 50 ms for output.
    public func exactRemaining(at now: Double) -> Double {
        max(0.01, commandStart + (limit ?? 60) - 0.05 - now)
    }
}
