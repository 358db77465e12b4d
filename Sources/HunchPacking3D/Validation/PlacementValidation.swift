/// The independent check of a loading plan that tests and `bench` trust. It shares no code with
/// the placement engine: it looks only at the instance and the plan's coordinates.
public enum PlacementValidation {
    /// Throws the first `PlacementViolation` found: unknown type, extents that are not an allowed
    /// orientation, a box outside the container, more boxes of a type than available, two boxes
    /// that overlap (positive-volume intersection), and with `requireFullSupport` a box above the
    /// floor whose whole base does not rest on tops of boxes at exactly its height.
    ///
    /// Complexity: O(n log n + pairs whose x-ranges overlap) for n boxes, by a sweep along x.
    public static func check(_ plan: PackingPlan, instance: ContainerInstance, requireFullSupport: Bool) throws {
        let boxes = plan.placements
        let types = instance.boxTypes
        let length = instance.container[0], width = instance.container[1], height = instance.container[2]
        var counts = [Int](repeating: 0, count: types.count)
        for (i, b) in boxes.enumerated() {
            guard b.type >= 0 && b.type < types.count else { throw PlacementViolation.unknownType(box: i, type: b.type) }
            guard types[b.type].allows(b.lx, b.ly, b.lz) else {
                throw PlacementViolation.wrongOrientation(box: i, type: b.type, extents: [b.lx, b.ly, b.lz])
            }
            guard b.x >= 0, b.y >= 0, b.z >= 0, b.x + b.lx <= length, b.y + b.ly <= width, b.z + b.lz <= height else {
                throw PlacementViolation.outsideContainer(box: i)
            }
            counts[b.type] += 1
        }
        for (t, c) in counts.enumerated() where c > types[t].quantity {
            throw PlacementViolation.tooManyOfType(type: t, placed: c, available: types[t].quantity)
        }

        // Sweep along x: only boxes whose x-ranges overlap can overlap.
        let order = boxes.indices.sorted { boxes[$0].x < boxes[$1].x }
        var active: [Int] = []
        for i in order {
            let a = boxes[i]
            active.removeAll { boxes[$0].x + boxes[$0].lx <= a.x }
            for j in active {
                let b = boxes[j]
                if a.y < b.y + b.ly && b.y < a.y + a.ly && a.z < b.z + b.lz && b.z < a.z + a.lz {
                    throw PlacementViolation.overlap(box: min(i, j), other: max(i, j))
                }
            }
            active.append(i)
        }

        guard requireFullSupport else { return }
        // Boxes by top height, so each box looks only at those whose tops are at its base.
        var byTop: [Int: [Int]] = [:]
        for (i, b) in boxes.enumerated() { byTop[b.z + b.lz, default: []].append(i) }
        for (i, a) in boxes.enumerated() where a.z > 0 {
            var covered = 0
            for j in byTop[a.z] ?? [] {
                let b = boxes[j]
                let dx = min(a.x + a.lx, b.x + b.lx) - max(a.x, b.x)
                let dy = min(a.y + a.ly, b.y + b.ly) - max(a.y, b.y)
                if dx > 0 && dy > 0 { covered += dx * dy }
            }
            // Tops at one height never overlap (their boxes would), so the areas add up.
            if covered < a.lx * a.ly {
                throw PlacementViolation.unsupported(box: i, supportedArea: covered, baseArea: a.lx * a.ly)
            }
        }
    }
}
