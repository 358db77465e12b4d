import Foundation

/// Draws a loading plan as SVG in three views — from above (x across, y down the page), from the
/// side y = 0 (x across, z up) and from the door end x = L (y across, z up) — each box a filled
/// rectangle coloured by type (a block of boxes: one rectangle with the seams between its boxes). Boxes are painted far to near along the viewing axis, so for
/// non-overlapping boxes each view shows exactly what is visible.
public enum Packing3DSVG {
    static let palette = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1",
                          "#ff9da7", "#9c755f", "#bab0ac", "#1f77b4", "#2ca02c", "#d62728", "#9467bd",
                          "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf", "#aec7e8"]

    public static func render(_ instance: ContainerInstance, plan: PackingPlan, title: String) -> String {
        let L = Double(max(1, instance.container[0])), W = Double(max(1, instance.container[1]))
        let H = Double(max(1, instance.container[2]))
        let width = 900.0, margin = 20.0, header = 40.0, gap = 30.0, labelHeight = 16.0
        // One scale for all views: top view (L × W) and side view (L × H) stacked on the left,
        // end view (W × H) to the right of the side view.
        let scale = (width - 2 * margin - gap) / (L + W)
        let topY = header + labelHeight
        let sideY = topY + W * scale + gap + labelHeight
        let endX = margin + L * scale + gap
        let height = sideY + H * scale + margin
        var svg = """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height.rounded(.up)))" viewBox="0 0 \(Int(width)) \(Int(height.rounded(.up)))">
        <rect width="100%" height="100%" fill="white"/>
        <text x="\(Int(margin))" y="26" font-family="sans-serif" font-size="16">\(escape(title))</text>

        """
        func label(_ text: String, _ x: Double, _ y: Double) {
            svg += String(format: "<text x=\"%.1f\" y=\"%.1f\" font-family=\"sans-serif\" font-size=\"12\" fill=\"#444\">%@</text>\n",
                          x, y - 4, escape(text))
        }
        func rect(_ x: Double, _ y: Double, _ w: Double, _ h: Double, fill: String, stroke: String, strokeWidth: Double) {
            svg += String(format: "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" fill=\"%@\" stroke=\"%@\" stroke-width=\"%.2f\"/>\n",
                          x, y, w, h, fill, stroke, strokeWidth)
        }
        let boxes = plan.placements
        let stroke = boxes.count > 500 ? 0.3 : 0.7
        func colour(_ b: Placement) -> String { palette[((b.type % palette.count) + palette.count) % palette.count] }
        /// A block: its outline, and the seams between its boxes while they are few enough to see.
        func block(_ x: Double, _ y: Double, _ w: Double, _ h: Double, across: Int, down: Int, _ b: Placement) {
            rect(x, y, w, h, fill: colour(b), stroke: "#222", strokeWidth: stroke)
            guard across <= 40 && down <= 40 else { return }
            for i in 1..<max(1, across) {
                let sx = x + w * Double(i) / Double(across)
                svg += String(format: "<line x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\" stroke=\"#222\" stroke-width=\"%.2f\"/>\n", sx, y, sx, y + h, stroke)
            }
            for j in 1..<max(1, down) {
                let sy = y + h * Double(j) / Double(down)
                svg += String(format: "<line x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\" stroke=\"#222\" stroke-width=\"%.2f\"/>\n", x, sy, x + w, sy, stroke)
            }
        }

        label("from above (x →, y ↓)", margin, topY)
        rect(margin, topY, L * scale, W * scale, fill: "#f4f4f4", stroke: "#000", strokeWidth: 1.5)
        for b in boxes.sorted(by: { $0.z + $0.extentZ < $1.z + $1.extentZ }) {
            block(margin + Double(b.x) * scale, topY + Double(b.y) * scale, Double(b.extentX) * scale, Double(b.extentY) * scale,
                  across: b.nx, down: b.ny, b)
        }

        label("from the side y = 0 (x →, z ↑)", margin, sideY)
        rect(margin, sideY, L * scale, H * scale, fill: "#f4f4f4", stroke: "#000", strokeWidth: 1.5)
        for b in boxes.sorted(by: { $0.y > $1.y }) {
            block(margin + Double(b.x) * scale, sideY + (H - Double(b.z + b.extentZ)) * scale, Double(b.extentX) * scale,
                  Double(b.extentZ) * scale, across: b.nx, down: b.nz, b)
        }

        label("from the door x = L (y →, z ↑)", endX, sideY)
        rect(endX, sideY, W * scale, H * scale, fill: "#f4f4f4", stroke: "#000", strokeWidth: 1.5)
        for b in boxes.sorted(by: { $0.x + $0.extentX < $1.x + $1.extentX }) {
            block(endX + Double(b.y) * scale, sideY + (H - Double(b.z + b.extentZ)) * scale, Double(b.extentY) * scale,
                  Double(b.extentZ) * scale, across: b.ny, down: b.nz, b)
        }
        svg += "</svg>\n"
        return svg
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
