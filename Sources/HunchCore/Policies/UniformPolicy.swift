/// Picks every operator with equal probability: the baseline any smarter policy must beat.
public struct UniformPolicy: OperatorPolicy {
    private var count = 1
    public init() {}
    public var name: String { "uniform" }

    public mutating func prepare(operatorCount: Int, featureCount: Int) {
        count = max(1, operatorCount)
    }

    public mutating func chooseOperator(features: UnsafeBufferPointer<Double>, rng: inout SeededGenerator) -> Int {
        rng.below(count)
    }
}
