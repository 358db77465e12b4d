/// The policies the command line can name, as one concrete type (so the search loop stays
/// generic and specialised, with no existential call per step).
public enum NamedPolicy: OperatorPolicy {
    case uniform(UniformPolicy)
    case roulette(RoulettePolicy)

    /// Names accepted by `--policy`.
    public static let names = ["uniform", "roulette"]

    public init?(name: String) {
        switch name {
        case "uniform": self = .uniform(UniformPolicy())
        case "roulette": self = .roulette(RoulettePolicy())
        default: return nil
        }
    }

    public var name: String {
        switch self {
        case .uniform(let p): return p.name
        case .roulette(let p): return p.name
        }
    }

    public mutating func prepare(operatorCount: Int, featureCount: Int) {
        switch self {
        case .uniform(var p): p.prepare(operatorCount: operatorCount, featureCount: featureCount); self = .uniform(p)
        case .roulette(var p): p.prepare(operatorCount: operatorCount, featureCount: featureCount); self = .roulette(p)
        }
    }

    public mutating func chooseOperator(features: UnsafeBufferPointer<Double>, rng: inout SeededGenerator) -> Int {
        switch self {
        case .uniform(var p):
            let a = p.chooseOperator(features: features, rng: &rng); self = .uniform(p); return a
        case .roulette(var p):
            let a = p.chooseOperator(features: features, rng: &rng); self = .roulette(p); return a
        }
    }

    public mutating func observe(operator action: Int, reward: Double, outcome: StepOutcome) {
        switch self {
        case .uniform: break
        case .roulette(var p): p.observe(operator: action, reward: reward, outcome: outcome); self = .roulette(p)
        }
    }
}
