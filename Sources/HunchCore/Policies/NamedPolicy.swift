/// The policies the command line can name, as one concrete type (so the search loop stays
/// generic and specialised, with no existential call per step).
///
/// Each mutating method moves the wrapped policy out of `self` before mutating it, so its
/// arrays stay uniquely referenced and are never copied during a step.
public enum NamedPolicy: OperatorPolicy {
    case uniform(UniformPolicy)
    case roulette(RoulettePolicy)
    case fixed(FixedSchedulePolicy)
    case learned(LearnedPolicy)

    /// Names accepted by `--policy` besides a weights file (`learned` needs the family's weights,
    /// so the caller builds it with `.learned(LearnedPolicy(network:))`).
    public static let names = ["uniform", "roulette", "fixed", "learned"]

    /// The policies that need no weights.
    public init?(name: String) {
        switch name {
        case "uniform": self = .uniform(UniformPolicy())
        case "roulette": self = .roulette(RoulettePolicy())
        case "fixed": self = .fixed(FixedSchedulePolicy())
        default: return nil
        }
    }

    public var name: String {
        switch self {
        case .uniform(let p): return p.name
        case .roulette(let p): return p.name
        case .fixed(let p): return p.name
        case .learned(let p): return p.name
        }
    }

    public mutating func prepare(operatorCount: Int, featureCount: Int) {
        switch self {
        case .uniform(var p):
            p.prepare(operatorCount: operatorCount, featureCount: featureCount); self = .uniform(p)
        case .roulette(var p):
            self = .uniform(UniformPolicy())
            p.prepare(operatorCount: operatorCount, featureCount: featureCount); self = .roulette(p)
        case .fixed(var p):
            self = .uniform(UniformPolicy())
            p.prepare(operatorCount: operatorCount, featureCount: featureCount); self = .fixed(p)
        case .learned(var p):
            self = .uniform(UniformPolicy())
            p.prepare(operatorCount: operatorCount, featureCount: featureCount); self = .learned(p)
        }
    }

    public mutating func chooseOperator(features: UnsafeBufferPointer<Double>, rng: inout SeededGenerator) -> Int {
        switch self {
        case .uniform(var p):
            let a = p.chooseOperator(features: features, rng: &rng); self = .uniform(p); return a
        case .roulette(var p):
            self = .uniform(UniformPolicy())
            let a = p.chooseOperator(features: features, rng: &rng); self = .roulette(p); return a
        case .fixed(var p):
            self = .uniform(UniformPolicy())
            let a = p.chooseOperator(features: features, rng: &rng); self = .fixed(p); return a
        case .learned(var p):
            self = .uniform(UniformPolicy())
            let a = p.chooseOperator(features: features, rng: &rng); self = .learned(p); return a
        }
    }

    public mutating func observe(operator action: Int, reward: Double, outcome: StepOutcome) {
        switch self {
        case .uniform, .fixed, .learned:
            break
        case .roulette(var p):
            self = .uniform(UniformPolicy())
            p.observe(operator: action, reward: reward, outcome: outcome); self = .roulette(p)
        }
    }
}
