import Foundation

/// A plain SVG line chart (axes, ticks, one polyline per series, legend) for learning curves.
enum LineChartSVG {
    static let palette = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b"]

    static func render(title: String, xLabel: String, yLabel: String, series: [(String, [(Double, Double)])]) -> String {
        let width = 720.0, height = 420.0, left = 70.0, right = 20.0, top = 40.0, bottom = 50.0
        let points = series.flatMap(\.1)
        let minX = points.map(\.0).min() ?? 0, maxX = max(points.map(\.0).max() ?? 1, minX + 1e-9)
        var minY = points.map(\.1).min() ?? 0, maxY = points.map(\.1).max() ?? 1
        if maxY - minY < 1e-12 { minY -= 1; maxY += 1 }
        let pad = (maxY - minY) * 0.05
        minY -= pad; maxY += pad
        func sx(_ x: Double) -> Double { left + (x - minX) / (maxX - minX) * (width - left - right) }
        func sy(_ y: Double) -> Double { height - bottom - (y - minY) / (maxY - minY) * (height - top - bottom) }
        var svg = """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" font-family="sans-serif" font-size="12">
        <rect width="100%" height="100%" fill="white"/>
        <text x="\(Int(left))" y="22" font-size="15">\(title)</text>
        <line x1="\(left)" y1="\(height - bottom)" x2="\(width - right)" y2="\(height - bottom)" stroke="black"/>
        <line x1="\(left)" y1="\(top)" x2="\(left)" y2="\(height - bottom)" stroke="black"/>
        <text x="\((left + width - right) / 2)" y="\(height - 12)" text-anchor="middle">\(xLabel)</text>
        <text x="16" y="\((top + height - bottom) / 2)" transform="rotate(-90 16 \((top + height - bottom) / 2))" text-anchor="middle">\(yLabel)</text>

        """
        for i in 0...4 {
            let y = minY + (maxY - minY) * Double(i) / 4, x = minX + (maxX - minX) * Double(i) / 4
            svg += String(format: "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">%.3g</text>\n", left - 6, sy(y) + 4, y)
            svg += String(format: "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>\n", left, sy(y), width - right, sy(y))
            svg += String(format: "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%.4g</text>\n", sx(x), height - bottom + 16, x)
        }
        for (index, (name, data)) in series.enumerated() {
            let color = palette[index % palette.count]
            let path = data.map { String(format: "%.1f,%.1f", sx($0.0), sy($0.1)) }.joined(separator: " ")
            svg += "<polyline fill=\"none\" stroke=\"\(color)\" stroke-width=\"1.5\" points=\"\(path)\"/>\n"
            svg += String(format: "<text x=\"%.1f\" y=\"%.1f\" fill=\"%@\">%@</text>\n", width - right - 150, top + 16 + Double(index) * 16,
                          color as NSString, name as NSString)
        }
        return svg + "</svg>\n"
    }
}
