/// A fixed, state-blind operator schedule: a sequence of operator indices repeated in order
/// (by default every operator once, round robin). The hand-made baseline a learned policy must
/// beat besides the random ones: it neither samples nor adapts.
public struct FixedSchedulePolicy: OperatorPolicy {
    /// The schedule, as operator indices; empty means round robin over all operators.
    public let schedule: [Int]
    private var sequence: [Int] = []
    private var next = 0

    public init(schedule: [Int] = []) { self.schedule = schedule }
    public var name: String { "fixed" }

    public mutating func prepare(operatorCount: Int, featureCount: Int) {
        let k = max(1, operatorCount)
        // Indices outside the operator set are dropped, so the policy can never pick one.
        let valid = schedule.filter { (0..<k).contains($0) }
        sequence = valid.isEmpty ? Array(0..<k) : valid
        next = 0
    }

    public mutating func chooseOperator(features: UnsafeBufferPointer<Double>, rng: inout SeededGenerator) -> Int {
        if sequence.isEmpty { return 0 }
        let action = sequence[next]
        next += 1
        if next == sequence.count { next = 0 }
        return action
    }
}
