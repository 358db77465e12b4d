import Foundation

/// The routes as a picture: customers as dots, the depot as a square, each route in its own
/// colour from and to the depot, with its load in the legend.
public enum RoutesSVG {
    public static func render(_ instance: CVRPInstance, solution: CVRPSolution, title: String) -> String? {
        guard let xs = instance.x, let ys = instance.y else { return nil }
        return render(x: xs, y: ys, routes: solution.routes, title: title) { r, route in
            let load = route.reduce(0) { $0 + instance.demands[$1] }
            return "route \(r + 1): load \(load)/\(instance.capacity), \(instance.routeLength(route))"
        }
    }

    /// Routes of node indices (the depot, node 0, left out) over coordinates by node; `legend`
    /// gives each route's line (route index, customers).
    public static func render(x xs: [Double], y ys: [Double], routes: [[Int]], title: String,
                              legend: (Int, [Int]) -> String) -> String? {
        guard !xs.isEmpty, xs.count == ys.count else { return nil }
        let (minX, maxX) = (xs.min()!, xs.max()!), (minY, maxY) = (ys.min()!, ys.max()!)
        let size = 640.0, margin = 30.0
        let scale = (size - 2 * margin) / max(maxX - minX, maxY - minY, 1e-9)
        func px(_ i: Int) -> (Double, Double) {
            (margin + (xs[i] - minX) * scale, size - margin - (ys[i] - minY) * scale)
        }
        var svg = """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(size) + 240)" height="\(Int(size) + 30)" font-family="sans-serif" font-size="11">
        <rect width="100%" height="100%" fill="white"/>
        <text x="10" y="18" font-size="14">\(escape(title))</text>

        """
        for (r, route) in routes.enumerated() {
            let hue = Double(r) * 137.508.truncatingRemainder(dividingBy: 360)
            let colour = "hsl(\(Int(hue.truncatingRemainder(dividingBy: 360))),70%,42%)"
            let points = ([0] + route + [0]).map { i -> String in let (x, y) = px(i); return String(format: "%.1f,%.1f", x, y) }
            svg += "<polyline fill=\"none\" stroke=\"\(colour)\" stroke-width=\"1.6\" points=\"\(points.joined(separator: " "))\"/>\n"
            if r < 40 {
                svg += "<text x=\"\(Int(size) + 10)\" y=\"\(40 + 14 * r)\" fill=\"\(colour)\">\(escape(legend(r, route)))</text>\n"
            }
        }
        for c in 1..<xs.count {
            let (x, y) = px(c)
            svg += String(format: "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.2\" fill=\"#333\"/>\n", x, y)
        }
        let (dx, dy) = px(0)
        svg += String(format: "<rect x=\"%.1f\" y=\"%.1f\" width=\"9\" height=\"9\" fill=\"black\"/>\n", dx - 4.5, dy - 4.5)
        return svg + "</svg>\n"
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
