import Foundation

/// Draws a tour as SVG: the nodes as dots, the tour as a closed polyline, a title with the
/// length and gap. Coordinates are scaled into a fixed frame; the y axis points up as on a map.
public enum TourSVG {
    public static func render(instance: TSPInstance, tour: [Int], title: String) -> String? {
        guard let (xs, ys) = instance.drawingCoordinates, xs.count == instance.dimension, !tour.isEmpty else {
            return nil
        }
        let size = 800.0, margin = 20.0, header = 36.0
        let minX = xs.min()!, maxX = xs.max()!, minY = ys.min()!, maxY = ys.max()!
        let span = max(maxX - minX, maxY - minY, 1e-9)
        let scale = (size - 2 * margin) / span
        // GEO coordinates are latitude (x) / longitude (y): draw longitude across.
        let geo = instance.edgeWeightType == .geo
        func point(_ v: Int) -> (Double, Double) {
            let px = geo ? ys[v] : xs[v], py = geo ? xs[v] : ys[v]
            let ox = geo ? minY : minX, oy = geo ? minX : minY
            return (margin + (px - ox) * scale, header + size - margin - (py - oy) * scale)
        }
        let radius = instance.dimension > 2000 ? 0.8 : (instance.dimension > 300 ? 1.5 : 3)
        let stroke = instance.dimension > 2000 ? 0.5 : 1.2
        var svg = """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(size))" height="\(Int(size + header))" viewBox="0 0 \(Int(size)) \(Int(size + header))">
        <rect width="100%" height="100%" fill="white"/>
        <text x="\(Int(margin))" y="24" font-family="sans-serif" font-size="16">\(escape(title))</text>

        """
        var path = "<polygon fill=\"none\" stroke=\"#1f77b4\" stroke-width=\"\(stroke)\" points=\""
        for v in tour {
            let (x, y) = point(v)
            path += String(format: "%.1f,%.1f ", x, y)
        }
        svg += path + "\"/>\n<g fill=\"#d62728\">\n"
        for v in 0..<instance.dimension {
            let (x, y) = point(v)
            svg += String(format: "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\"/>\n", x, y, radius)
        }
        svg += "</g>\n</svg>\n"
        return svg
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
