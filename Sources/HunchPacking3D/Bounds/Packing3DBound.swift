import HunchCore

/// An upper bound on the utilisation any plan can reach (support or not).
public enum Packing3DBound {
    /// min(100, box volume / container volume, L*·W*·H* / (L·W·H)), where L* is the largest
    /// length ≤ L that a row of boxes can exactly fill (a sum of box sides that may lie along x,
    /// each box used once at most): any packing can be pushed towards the origin until every
    /// coordinate is such a sum (normal patterns, Christofides & Whitlock 1977; Herz 1972), so
    /// no box reaches beyond L* along x; likewise for W* and H* (sides allowed vertically).
    ///
    /// Complexity: O(boxes · 3 · (L + W + H) / 64).
    ///
    /// With `stop`, the reachable lengths give up when it says stop (thousands of box types on
    /// a long container): the bound is then the volume bound alone, still valid.
    public static func utilisationUpperBound(_ instance: ContainerInstance, stop: StopCondition? = nil) -> Double {
        let volume = Double(instance.containerVolume)
        guard volume > 0 else { return 0 }
        let byVolume = min(100, 100 * Double(instance.totalBoxVolume) / volume)
        guard let lx = reachableLength(instance, axis: 0, stop: stop), let ly = reachableLength(instance, axis: 1, stop: stop),
              let lz = reachableLength(instance, axis: 2, stop: stop) else { return byVolume }
        let byLengths = 100 * Double(lx) * Double(ly) * Double(lz) / volume
        return min(byVolume, byLengths)
    }

    /// The largest sum ≤ the container's side along `axis` of sides that boxes may take along
    /// it, each box contributing at most one side.
    static func reachableLength(_ instance: ContainerInstance, axis: Int, stop: StopCondition? = nil) -> Int? {
        let limit = instance.container[axis]
        var reachable = [Bool](repeating: false, count: limit + 1)
        reachable[0] = true
        var best = 0
        for box in instance.boxTypes {
            var sides: [Int] = []
            for o in box.orientations {
                let side = axis == 0 ? o.0 : (axis == 1 ? o.1 : o.2)
                if side <= limit && !sides.contains(side) { sides.append(side) }
            }
            guard !sides.isEmpty else { continue }
            // Copies beyond limit / smallest side can never all lie in one row.
            let copies = min(box.quantity, limit / (sides.min() ?? 1))
            for _ in 0..<copies {
                if let stop, stop.timeIsUp() { return nil }
                var changed = false
                for v in stride(from: limit, through: 0, by: -1) where !reachable[v] {
                    for s in sides where v >= s && reachable[v - s] {
                        reachable[v] = true
                        changed = true
                        break
                    }
                }
                if !changed { break }
                if reachable[limit] { return limit }
            }
        }
        for v in stride(from: limit, through: 0, by: -1) where reachable[v] { best = v; break }
        return best
    }
}
