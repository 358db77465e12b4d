import HunchTSPLIB

/// The free fragment ends of the greedy tour in a uniform grid (Bentley 1990's cell technique),
/// so that joining a fragment to the nearest free end costs a few cells instead of a scan of all
/// ends: O(n) instead of O(fragments²) on a million nodes.
///
/// Only for metrics that grow with the Euclidean distance (EUC_2D, CEIL_2D, ATT). The search
/// collects every end within the nearest Euclidean distance plus what rounding can hide (1, or
/// √10 for ATT) and picks the smallest TSPLIB distance, ties to the smaller node: the same end
/// as the scan it replaces, so tours do not change.
struct EndpointGrid {
    private let x: [Double], y: [Double]
    private let minX: Double, minY: Double, cellSize: Double
    private let side: Int
    /// Rounding slack of the metric, in coordinate units.
    private let slack: Double
    private var head: [Int32]
    private var next: [Int32], previous: [Int32], cellOf: [Int32]
    private var scratch: [Int] = []

    /// Nil when the metric is not monotone in the Euclidean distance.
    init?(_ instance: TSPInstance, ends: [Int]) {
        switch instance.edgeWeightType {
        case .euc2D, .ceil2D: slack = 1.000_001
        case .att: slack = 10.0.squareRoot() + 0.000_001
        default: return nil
        }
        guard instance.hasCoordinates, !ends.isEmpty else { return nil }
        x = instance.x; y = instance.y
        var lowX = Double.infinity, lowY = Double.infinity, highX = -Double.infinity, highY = -Double.infinity
        for v in ends { lowX = min(lowX, x[v]); highX = max(highX, x[v]); lowY = min(lowY, y[v]); highY = max(highY, y[v]) }
        side = max(1, Int((Double(ends.count) / 2).squareRoot()))
        minX = lowX; minY = lowY
        cellSize = max(1e-9, max(highX - lowX, highY - lowY) / Double(side)) * (1 + 1e-9)
        head = [Int32](repeating: -1, count: side * side)
        let n = instance.dimension
        next = [Int32](repeating: -1, count: n)
        previous = [Int32](repeating: -1, count: n)
        cellOf = [Int32](repeating: -1, count: n)
        for v in ends { insert(v) }
    }

    private func cell(_ v: Int) -> (Int, Int) {
        (min(side - 1, max(0, Int((x[v] - minX) / cellSize))), min(side - 1, max(0, Int((y[v] - minY) / cellSize))))
    }

    private mutating func insert(_ v: Int) {
        let (cx, cy) = cell(v)
        let c = cx * side + cy
        cellOf[v] = Int32(c)
        next[v] = head[c]
        previous[v] = -1
        if head[c] >= 0 { previous[Int(head[c])] = Int32(v) }
        head[c] = Int32(v)
    }

    mutating func remove(_ v: Int) {
        guard cellOf[v] >= 0 else { return }
        let c = Int(cellOf[v])
        if previous[v] >= 0 { next[Int(previous[v])] = next[v] } else { head[c] = next[v] }
        if next[v] >= 0 { previous[Int(next[v])] = previous[v] }
        cellOf[v] = -1
    }

    /// The free end nearest `v` by `distance` (ties to the smaller node), or nil when none is left.
    mutating func nearest(to v: Int, distance: (Int, Int) -> Int) -> Int? {
        let (cx, cy) = cell(v)
        var bestEuclid = Double.infinity
        scratch.removeAll(keepingCapacity: true)
        var ring = 0
        while ring <= side {
            // Every point in this ring's cells is at least (ring − 1) cells away.
            if Double(ring - 1) * cellSize > bestEuclid + slack { break }
            for gx in max(0, cx - ring)...min(side - 1, cx + ring) {
                if gx == cx - ring || gx == cx + ring {
                    for gy in max(0, cy - ring)...min(side - 1, cy + ring) { scan(gx * side + gy, around: v, best: &bestEuclid) }
                } else {
                    // Inside the ring's columns only its first and last rows are new.
                    if cy - ring >= 0 { scan(gx * side + cy - ring, around: v, best: &bestEuclid) }
                    if cy + ring < side { scan(gx * side + cy + ring, around: v, best: &bestEuclid) }
                }
            }
            ring += 1
        }
        var best = -1, bestDistance = Int.max
        for c in scratch {
            let dx = x[c] - x[v], dy = y[c] - y[v]
            guard (dx * dx + dy * dy).squareRoot() <= bestEuclid + slack else { continue }
            let d = distance(v, c)
            if d < bestDistance || (d == bestDistance && c < best) { bestDistance = d; best = c }
        }
        return best >= 0 ? best : nil
    }

    /// Collects the ends of cell `c` within the best Euclidean distance plus the slack.
    private mutating func scan(_ c: Int, around v: Int, best: inout Double) {
        var w = head[c]
        while w >= 0 {
            let end = Int(w)
            let dx = x[end] - x[v], dy = y[end] - y[v]
            let e = (dx * dx + dy * dy).squareRoot()
            if e <= best + slack {
                scratch.append(end)
                best = min(best, e)
            }
            w = next[end]
        }
    }
}
