/// The usable part of a proposed order over ids `firstID ..< firstID + count`: the first
/// occurrence of every valid id, in the order given, plus what was wrong with the rest.
///
/// Generic on purpose: the family decides how to insert `missing` (cheapest insertion for a
/// tour, earliest slot for a schedule, …) and validates the result.
///
/// Complexity: O(values.count + count).
public struct PermutationRepair: Sendable, Equatable {
    /// Valid distinct positions (0-based: id − firstID), first occurrences, in the model's order.
    public let kept: [Int]
    /// How many integers the model gave.
    public let received: Int
    /// Repeats of an id already kept.
    public let duplicates: Int
    /// Integers outside the valid ids.
    public let outOfRange: Int
    /// Positions (0-based) the model left out, ascending.
    public let missing: [Int]
    /// How many ids there are.
    public let count: Int

    public init(values: [Int], count: Int, firstID: Int = 0) {
        precondition(count >= 0)
        var seen = [Bool](repeating: false, count: count)
        var kept: [Int] = []
        kept.reserveCapacity(min(values.count, count))
        var duplicates = 0, outOfRange = 0
        for value in values {
            let (position, overflow) = value.subtractingReportingOverflow(firstID)
            guard !overflow, position >= 0, position < count else { outOfRange += 1; continue }
            if seen[position] { duplicates += 1; continue }
            seen[position] = true
            kept.append(position)
        }
        self.kept = kept
        self.received = values.count
        self.duplicates = duplicates
        self.outOfRange = outOfRange
        self.missing = (0..<count).filter { !seen[$0] }
        self.count = count
    }

    /// True when the model gave exactly a permutation.
    public var isPermutation: Bool { missing.isEmpty && duplicates == 0 && outOfRange == 0 }

    /// Integers dropped plus ids inserted: 0 for a perfect answer.
    public var repairs: Int { duplicates + outOfRange + missing.count }

    /// Share of the ids that came from the model, in [0, 1].
    public var keptFraction: Double { count == 0 ? 1 : Double(kept.count) / Double(count) }
}
