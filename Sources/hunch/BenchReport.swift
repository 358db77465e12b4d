import Foundation
import HunchCore

/// The bench's outputs: CSV, markdown report, SVG chart and a terminal summary.
enum BenchReport {
    static func csv(_ rows: [BenchRow]) -> String {
        var out = "instance,size,kind,method,seed,value,lower_bound,known_optimum,reference,reference_kind,gap,time_s,status\n"
        func f(_ v: Double?) -> String { v.map { Report.format($0) } ?? "" }
        for r in rows {
            out += [r.instance, String(r.size), r.kind.rawValue, r.method, r.seed.map(String.init) ?? "", f(r.value), f(r.lowerBound),
                    f(r.knownOptimum), f(r.reference), r.referenceKind, r.gap.map { String(format: "%.6f", $0) } ?? "",
                    String(format: "%.3f", r.time), r.status.replacingOccurrences(of: ",", with: ";")].joined(separator: ",") + "\n"
        }
        return out
    }

    /// Methods in order of first appearance.
    static func methods(_ rows: [BenchRow]) -> [String] {
        var seen: [String] = []
        for r in rows where !seen.contains(r.method) { seen.append(r.method) }
        return seen
    }

    static func percent(_ v: Double?) -> String { v.map { String(format: "%.2f%%", $0 * 100) } ?? "–" }

    static func summaryLines(_ rows: [BenchRow]) -> [(String, Int, Double?, Double?, Int, Double)] {
        methods(rows).map { m in
            let mine = rows.filter { $0.method == m }
            let gaps = mine.compactMap(\.gap)
            return (m, mine.count, gaps.isEmpty ? nil : gaps.reduce(0, +) / Double(gaps.count), gaps.max(),
                    gaps.filter { abs($0) < 1e-12 }.count, mine.map(\.time).reduce(0, +) / Double(max(1, mine.count)))
        }
    }

    static func summaryTable(_ rows: [BenchRow]) -> String {
        var lines = ["method                          runs   mean gap    max gap  at ref   mean time"]
        for (m, count, mean, max, zero, time) in summaryLines(rows) {
            func right(_ s: String, _ w: Int) -> String { String(repeating: " ", count: Swift.max(0, w - s.count)) + s }
            lines.append(m.padding(toLength: 30, withPad: " ", startingAt: 0) + right(String(count), 6) + right(percent(mean), 11)
                         + right(percent(max), 11) + right(String(zero), 8) + right(String(format: "%.2fs", time), 12))
        }
        return lines.joined(separator: "\n")
    }

    /// Paired comparisons between search policies over (instance, seed).
    static func pairedComparisons(_ rows: [BenchRow]) -> [String] {
        let policies = methods(rows).filter { $0.hasPrefix("search:") }
        guard policies.count >= 2 else { return [] }
        var lines = ["| A vs B | pairs | A better | B better | ties | mean gap A | mean gap B | Wilcoxon p (two-sided) |",
                     "|---|---:|---:|---:|---:|---:|---:|---:|"]
        for i in 0..<policies.count {
            for j in (i + 1)..<policies.count {
                var a: [Double] = [], b: [Double] = []
                let left = rows.filter { $0.method == policies[i] }
                for r in left {
                    if let other = rows.first(where: { $0.method == policies[j] && $0.instance == r.instance && $0.seed == r.seed }),
                       let ga = r.gap, let gb = other.gap {
                        a.append(ga); b.append(gb)
                    }
                }
                guard !a.isEmpty else { continue }
                let wins = zip(a, b).filter { $0 < $1 }.count, losses = zip(a, b).filter { $0 > $1 }.count
                let test = WilcoxonSignedRank(a, b)
                lines.append("| \(policies[i]) vs \(policies[j]) | \(a.count) | \(wins) | \(losses) | \(a.count - wins - losses) | "
                             + "\(percent(a.reduce(0, +) / Double(a.count))) | \(percent(b.reduce(0, +) / Double(b.count))) | "
                             + String(format: "%.4f", test.pValue) + " |")
            }
        }
        return lines
    }

    static func markdown(_ rows: [BenchRow], settings: BenchCommand, command: String) -> String {
        var out = "# Hunch benchmark\n\n"
        out += "- command: `\(command)`\n"
        out += "- date: \(ISO8601DateFormatter().string(from: Date()))\n"
        out += "- machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, \(ProcessInfo.processInfo.operatingSystemVersionString)\n"
        out += "- search: \(settings.timeLimit) s per run, seeds 1…\(settings.seeds), \(settings.jobs) run(s) in parallel\n"
        out += "- gap: (value − reference) / reference; reference = known optimum, else exact optimum, else best lower bound, else best found. For bounds: (reference − bound) / reference.\n\n"
        out += "## Summary per method\n\n| method | runs | mean gap | max gap | runs at reference | mean time |\n|---|---:|---:|---:|---:|---:|\n"
        for (m, count, mean, max, zero, time) in summaryLines(rows) {
            out += "| \(m) | \(count) | \(percent(mean)) | \(percent(max)) | \(zero) | " + String(format: "%.2f s", time) + " |\n"
        }
        let paired = pairedComparisons(rows)
        if !paired.isEmpty {
            out += "\n## Search policies compared (paired by instance and seed)\n\n" + paired.joined(separator: "\n") + "\n"
        }
        let ms = methods(rows)
        out += "\n## Per instance (gap; mean over seeds for searches)\n\n| instance | n | reference | " + ms.joined(separator: " | ") + " |\n"
        out += "|---|---:|---:|" + ms.map { _ in "---:" }.joined(separator: "|") + "|\n"
        var instances: [String] = []
        for r in rows where !instances.contains(r.instance) { instances.append(r.instance) }
        for name in instances {
            let mine = rows.filter { $0.instance == name }
            guard let first = mine.first else { continue }
            var cells: [String] = []
            for m in ms {
                let runs = mine.filter { $0.method == m }
                let gaps = runs.compactMap(\.gap)
                var cell = gaps.isEmpty ? "–" : percent(gaps.reduce(0, +) / Double(gaps.count))
                if m.hasPrefix("exact:"), let run = runs.first {
                    cell += String(format: " (%@, %.1f s)", run.status as NSString, run.time)
                }
                cells.append(cell)
            }
            out += "| \(name) | \(first.size) | \(first.reference.map { Report.format($0) } ?? "–") (\(first.referenceKind)) | "
                + cells.joined(separator: " | ") + " |\n"
        }
        return out
    }

    /// Grouped bars: one group per instance, one bar per method (gap in %).
    static func chart(_ rows: [BenchRow]) -> String {
        let ms = methods(rows)
        var instances: [String] = []
        for r in rows where !instances.contains(r.instance) { instances.append(r.instance) }
        func gap(_ i: String, _ m: String) -> Double? {
            let g = rows.filter { $0.instance == i && $0.method == m }.compactMap(\.gap)
            return g.isEmpty ? nil : g.reduce(0, +) / Double(g.count) * 100
        }
        let maxGap = max(0.1, rows.compactMap(\.gap).map { $0 * 100 }.max() ?? 1)
        let barWidth = 8.0, groupGap = 14.0, left = 60.0, top = 50.0, plotHeight = 300.0, bottom = 110.0
        let groupWidth = Double(ms.count) * barWidth + groupGap
        let width = max(600, left + Double(instances.count) * groupWidth + 20)
        let height = top + plotHeight + bottom + Double(ms.count) * 16
        func y(_ g: Double) -> Double { top + plotHeight - min(g, maxGap) / maxGap * plotHeight }
        var svg = """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" font-family="sans-serif" font-size="11">
        <rect width="100%" height="100%" fill="white"/>
        <text x="\(left)" y="24" font-size="15">Gap to reference per instance and method (%)</text>
        <line x1="\(left)" y1="\(top + plotHeight)" x2="\(width - 10)" y2="\(top + plotHeight)" stroke="black"/>
        <line x1="\(left)" y1="\(top)" x2="\(left)" y2="\(top + plotHeight)" stroke="black"/>

        """
        for t in 0...4 {
            let g = maxGap * Double(t) / 4
            svg += String(format: "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">%.3g</text><line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#eee\"/>\n",
                          left - 5, y(g) + 4, g, left, y(g), width - 10, y(g))
        }
        for (gi, instance) in instances.enumerated() {
            let x0 = left + 6 + Double(gi) * groupWidth
            for (mi, m) in ms.enumerated() {
                guard let g = gap(instance, m) else { continue }
                let color = LineChartSVG.palette[mi % LineChartSVG.palette.count]
                let top = y(max(0, g))
                svg += String(format: "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%@\"><title>%@ %@: %.3f%%</title></rect>\n",
                              x0 + Double(mi) * barWidth, top, barWidth - 1, y(0) - top, color as NSString,
                              instance as NSString, m as NSString, g)
            }
            let lx = x0 + Double(ms.count) * barWidth / 2, ly = top + plotHeight + 10
            svg += String(format: "<text x=\"%.1f\" y=\"%.1f\" transform=\"rotate(60 %.1f %.1f)\">%@</text>\n", lx, ly, lx, ly, instance as NSString)
        }
        for (mi, m) in ms.enumerated() {
            let color = LineChartSVG.palette[mi % LineChartSVG.palette.count]
            let ly = top + plotHeight + bottom + Double(mi) * 16
            svg += String(format: "<rect x=\"%.1f\" y=\"%.1f\" width=\"10\" height=\"10\" fill=\"%@\"/><text x=\"%.1f\" y=\"%.1f\">%@</text>\n",
                          left, ly - 9, color as NSString, left + 16, ly, m as NSString)
        }
        return svg + "</svg>\n"
    }
}
