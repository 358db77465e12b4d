import Foundation

/// Draws a packing as SVG: one vertical bar per bin (bins by decreasing load), stacked item
/// blocks labelled with their weights when there is room, and a dashed line at the capacity.
public enum BinPackingSVG {
    public static func render(_ instance: BinPackingInstance, solution: BinPackingSolution, title: String) -> String {
        let packing = solution.normalized(instance)
        let bins = packing.bins
        let width = 900.0, height = 420.0, margin = 30.0, header = 40.0
        let barSpace = (width - 2 * margin) / Double(max(1, bins.count))
        let barWidth = max(1, barSpace * 0.85)
        let c = Double(max(1, instance.capacity))
        let scale = (height - header - margin) / c
        let baseY = height - margin
        var svg = """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" viewBox="0 0 \(Int(width)) \(Int(height))">
        <rect width="100%" height="100%" fill="white"/>
        <text x="\(Int(margin))" y="24" font-family="sans-serif" font-size="16">\(escape(title))</text>

        """
        let palette = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"]
        for (b, bin) in bins.enumerated() {
            let x = margin + Double(b) * barSpace
            svg += String(format: "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"none\" stroke=\"#999\" stroke-width=\"0.5\"/>\n",
                          x, baseY - c * scale, barWidth, c * scale)
            var y = baseY
            for (k, item) in bin.enumerated() {
                let w = instance.weights.indices.contains(item) ? Double(instance.weights[item]) : 0
                let h = w * scale
                y -= h
                svg += String(format: "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%@\" stroke=\"white\" stroke-width=\"0.5\"><title>item %d, weight %d</title></rect>\n",
                              x, y, barWidth, h, palette[(b + k) % palette.count], item, Int(w))
                if h >= 12 && barWidth >= 22 {
                    svg += String(format: "<text x=\"%.1f\" y=\"%.1f\" font-family=\"sans-serif\" font-size=\"9\" fill=\"white\" text-anchor=\"middle\">%d</text>\n",
                                  x + barWidth / 2, y + h / 2 + 3, Int(w))
                }
            }
        }
        svg += String(format: "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#d62728\" stroke-dasharray=\"4 3\"/>\n",
                      margin, baseY - c * scale, width - margin, baseY - c * scale)
        svg += "<text x=\"\(Int(margin))\" y=\"\(Int(height - 8))\" font-family=\"sans-serif\" font-size=\"11\">\(bins.count) bins, capacity \(instance.capacity)</text>\n"
        svg += "</svg>\n"
        return svg
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
