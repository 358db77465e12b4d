import HunchCore

/// Random VRPTW instances in Solomon's text format, after Solomon's (1987) recipe: customers on
/// a 100 × 100 grid (uniform, clustered, or half and half as his R, C and RC sets), the depot
/// in the middle, demands 1–40, service 10, and windows of a given mean width centred on a time
/// the vehicle can reach and still return from; `horizon` is the depot's due time (R1-like
/// 230, R2-like 1000).
public enum VRPTWGenerator {
    public static func generate(customers: Int, layout: String, horizon: Int, windowWidth: Int, capacity: Int,
                                seed: UInt64, name: String? = nil) -> String {
        var rng = SeededGenerator(seed: seed)
        let depot = (50, 50)
        let centres = (0..<max(3, customers / 12)).map { _ in (5 + rng.below(91), 5 + rng.below(91)) }
        let service = 10
        var rows: [(Int, Int, Int, Int, Int)] = []
        for i in 0..<customers {
            let clustered = layout == "clustered" || (layout == "mixed" && i % 2 == 0)
            var x: Int, y: Int
            if clustered {
                let (cx, cy) = centres[rng.below(centres.count)]
                x = min(100, max(0, cx + Int(rng.gaussian() * 4)))
                y = min(100, max(0, cy + Int(rng.gaussian() * 4)))
            } else {
                x = rng.below(101)
                y = rng.below(101)
            }
            if (x, y) == depot { x += 1 }
            let travel = Int((Double((x - 50) * (x - 50) + (y - 50) * (y - 50))).squareRoot().rounded(.up)) + 1
            let latestStart = max(travel, horizon - service - travel)
            let centre = travel + rng.below(max(1, latestStart - travel + 1))
            let half = max(1, Int(Double(windowWidth) * (0.5 + rng.unit()) / 2))
            let ready = max(0, centre - half)
            let due = min(latestStart, centre + half)
            rows.append((x, y, 1 + rng.below(40), ready, max(ready, due)))
        }
        let title = name ?? "gen-tw-n\(customers)-\(layout.prefix(1))-h\(horizon)-s\(seed)"
        var text = "\(title)\n\nVEHICLE\nNUMBER     CAPACITY\n  \(max(1, customers))         \(capacity)\n\nCUSTOMER\n"
        text += "CUST NO.  XCOORD.   YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE   TIME\n\n"
        text += "    0      \(depot.0)         \(depot.1)          0          0       \(horizon)          0\n"
        for (i, row) in rows.enumerated() {
            text += "    \(i + 1)      \(row.0)         \(row.1)         \(row.2)        \(row.3)        \(row.4)         \(service)\n"
        }
        return text
    }
}
