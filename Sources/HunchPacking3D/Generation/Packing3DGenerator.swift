import HunchCore

/// Random instances in the style of Bischoff & Ratcliff (1995): a 587×233×220 container (a 20 ft
/// ISO container in cm), box sides drawn from 30–120 (length), 25–100 (width), 20–80 (height),
/// random "may be vertical" flags (at least one per box), and quantities that together fill
/// about 100% of the container's volume, so not every box usually fits.
public enum Packing3DGenerator {
    public static func random(boxTypes: Int, seed: UInt64, name: String) -> ContainerInstance {
        var rng = SeededGenerator(seed: seed)
        let container = [587, 233, 220]
        let count = max(1, boxTypes)
        func uniform(_ lo: Int, _ hi: Int) -> Int { lo + rng.below(hi - lo + 1) }
        var types: [BoxType] = []
        var weights: [Double] = []
        for _ in 0..<count {
            let dims = [uniform(30, 120), uniform(25, 100), uniform(20, 80)]
            var flags = [rng.below(2) == 0, rng.below(2) == 0, true]
            // The height may always stand vertically (as in the BR files); sometimes others too.
            if rng.below(4) == 0 { flags[2] = rng.below(2) == 0; if !flags.contains(true) { flags[2] = true } }
            types.append(BoxType(dimensions: dims, mayBeVertical: flags, quantity: 1))
            weights.append(0.5 + rng.unit())
        }
        let target = Double(container[0] * container[1] * container[2])
        let total = weights.reduce(0, +)
        for t in 0..<count {
            let share = target * weights[t] / total
            types[t].quantity = max(1, Int((share / Double(types[t].volume)).rounded()))
        }
        return ContainerInstance(name: name, container: container, boxTypes: types)
    }
}
