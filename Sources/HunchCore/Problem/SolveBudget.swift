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

    /// Seconds kept back for validation and output on an instance of `size` units: 50 ms plus
    /// 1 µs per unit (validating and writing a million items takes a few tenths of a second),
    /// at most a quarter of the limit.
    public static func reserve(size: Int, limit: Double) -> Double {
        min(0.05 + Double(size) * 1e-6, limit * 0.25)
    }

    /// Throws when the command's limit has already passed at `now` — after reading or preparing
    /// the instance (`what`: "reading the instance") — instead of going on to construct and
    /// search past the limit: the limit covers reading, and a user told at once can raise it.
    public func checkNotExceeded(_ what: String, at now: Double, path: String) throws {
        guard let limit, now - commandStart > limit else { return }
        let took = now - commandStart
        throw ProblemError(String(format: "%@: %@ took %.2f s, more than the time limit of %g s: nothing was solved (raise --time-limit)",
                                  path, what, took, limit))
    }

    /// The search deadline on an instance of `size` units, or nil without a limit.
    public func searchDeadline(size: Int) -> Double? {
        limit.map { commandStart + $0 - SolveBudget.reserve(size: size, limit: $0) }
    }

    /// The family's context, built within the command's limit (`Problem.context(_:options:stop:)`):
    /// when it cannot be, the error says so at once instead of running on past the limit. Ctrl-C
    /// does not stop it: the solve then goes on to a first solution and prints it, as a solve
    /// interrupted later does.
    public func prepare<P: Problem>(_ family: P.Type, _ instance: P.Instance, options: FamilyOptions, path: String,
                                    stop: StopCondition) throws -> P.Context {
        let hard = StopCondition(deadline: limit.map { commandStart + $0 }, clock: stop.clock, interruption: Interruption())
        do {
            return try P.context(instance, options: options, stop: hard)
        } catch is PreparationStopped {
            try checkNotExceeded("reading and preparing the instance", at: max(stop.clock.now(), commandStart + (limit ?? 0) + 1e-9), path: path)
            throw ProblemError("\(path): preparing the instance was stopped")
        }
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
