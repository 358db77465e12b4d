import Foundation

/// `hunch report --svg`: the gap of every finished instance against its size, one colour per
/// family; the size axis is logarithmic when the sizes span more than a factor of 20.
enum ResultsReportSVG {
    struct Point {
        var problem: String
        var name: String
        var size: Double
        var gap: Double
    }

    static func points(_ report: ResultsReport) -> [Point] {
        report.entries.compactMap { entry in
            guard entry.finishedCount > 0, let r = entry.kept?.record, let size = r.size, size > 0, let gap = r.gap else { return nil }
            return Point(problem: entry.problem, name: entry.name, size: Double(size), gap: gap * 100)
        }
    }

    static func render(_ report: ResultsReport, title: String = "Gap by instance size") -> String {
        let points = points(report)
        let width = 760.0, height = 440.0, left = 70.0, right = 160.0, top = 44.0, bottom = 54.0
        var svg = """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" viewBox="0 0 \(Int(width)) \(Int(height))" font-family="sans-serif" font-size="12">
        <rect width="100%" height="100%" fill="white"/>
        <text x="\(Int(left))" y="24" font-size="15">\(escape(title))</text>

        """
        guard !points.isEmpty else {
            svg += "<text x=\"\(width / 2)\" y=\"\(height / 2)\" text-anchor=\"middle\">no finished instance with a size and a gap</text>\n"
            return svg + "</svg>\n"
        }
        let sizes = points.map(\.size)
        var minX = sizes.min()!, maxX = sizes.max()!
        let logarithmic = maxX / minX > 20
        func tx(_ x: Double) -> Double { logarithmic ? log10(x) : x }
        var lowX = tx(minX), highX = tx(maxX)
        if highX - lowX < 1e-9 { lowX -= 1; highX += 1; minX = logarithmic ? pow(10, lowX) : lowX; maxX = logarithmic ? pow(10, highX) : highX }
        let padX = (highX - lowX) * 0.04
        lowX -= padX; highX += padX
        let maxGap = points.map(\.gap).max()!, minGap = min(0, points.map(\.gap).min()!)
        let highY = niceCeiling(max(maxGap, 0.1) * 1.08), lowY = minGap < 0 ? -niceCeiling(-minGap * 1.08) : 0
        let plotRight = width - right
        func sx(_ x: Double) -> Double { left + (tx(x) - lowX) / (highX - lowX) * (plotRight - left) }
        func sy(_ y: Double) -> Double { height - bottom - (y - lowY) / (highY - lowY) * (height - top - bottom) }

        // Grid, ticks and axes.
        for i in 0...5 {
            let y = lowY + (highY - lowY) * Double(i) / 5
            svg += String(format: "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#e4e4e4\"/>\n", left, sy(y), plotRight, sy(y))
            svg += String(format: "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">%@%%</text>\n", left - 6, sy(y) + 4, format(y) as NSString)
        }
        for x in xTicks(low: lowX, high: highX, logarithmic: logarithmic) {
            svg += String(format: "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#e4e4e4\"/>\n", sx(x), top, sx(x), height - bottom)
            svg += String(format: "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%@</text>\n", sx(x), height - bottom + 16, format(x) as NSString)
        }
        svg += "<line x1=\"\(left)\" y1=\"\(height - bottom)\" x2=\"\(plotRight)\" y2=\"\(height - bottom)\" stroke=\"black\"/>\n"
        svg += "<line x1=\"\(left)\" y1=\"\(top)\" x2=\"\(left)\" y2=\"\(height - bottom)\" stroke=\"black\"/>\n"
        svg += "<text x=\"\((left + plotRight) / 2)\" y=\"\(height - 14)\" text-anchor=\"middle\">instance size (the record's size)\(logarithmic ? ", log scale" : "")</text>\n"
        svg += "<text x=\"18\" y=\"\((top + height - bottom) / 2)\" transform=\"rotate(-90 18 \((top + height - bottom) / 2))\" text-anchor=\"middle\">gap (%)</text>\n"

        // One colour and marker per family, with a legend.
        let problems = Array(Set(points.map(\.problem))).sorted()
        for (index, problem) in problems.enumerated() {
            let color = LineChartSVG.palette[index % LineChartSVG.palette.count]
            let mine = points.filter { $0.problem == problem }
            svg += "<g fill=\"\(color)\" fill-opacity=\"0.75\" stroke=\"\(color)\">\n"
            for p in mine {
                svg += String(format: "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\"><title>%@: size %@, gap %.2f%%</title></circle>\n",
                              sx(p.size), sy(p.gap), escape(p.name) as NSString, format(p.size) as NSString, p.gap)
            }
            svg += "</g>\n"
            let y = top + 8 + Double(index) * 18
            svg += String(format: "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%@\"/>\n", plotRight + 18, y - 4, color as NSString)
            svg += String(format: "<text x=\"%.1f\" y=\"%.1f\">%@ (%d)</text>\n", plotRight + 28, y, escape(problem) as NSString, mine.count)
        }
        return svg + "</svg>\n"
    }

    /// Tick positions in data units: powers of ten (and 2×, 5× when few) on a log axis, else five steps.
    private static func xTicks(low: Double, high: Double, logarithmic: Bool) -> [Double] {
        if logarithmic {
            var ticks: [Double] = []
            let decades = Int(floor(low))...Int(ceil(high))
            let multipliers: [Double] = decades.count <= 4 ? [1, 2, 5] : [1]
            for d in decades { for m in multipliers {
                let v = m * pow(10, Double(d))
                if log10(v) >= low && log10(v) <= high { ticks.append(v) }
            } }
            return ticks
        }
        let step = niceCeiling((high - low) / 5)
        var ticks: [Double] = []
        var v = ceil(low / step) * step
        while v <= high + 1e-9 { ticks.append(v); v += step }
        return ticks
    }

    /// The smallest 1, 2 or 5 × 10^k at least `value`.
    private static func niceCeiling(_ value: Double) -> Double {
        guard value > 0 else { return 1 }
        let power = pow(10, floor(log10(value)))
        for m in [1.0, 2, 5, 10] where m * power >= value * (1 - 1e-12) { return m * power }
        return 10 * power
    }

    private static func format(_ v: Double) -> String {
        if v == v.rounded() && abs(v) < 1e12 { return String(Int(v)) }
        return String(format: "%.3g", v)
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
