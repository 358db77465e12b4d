import Foundation

/// Draws a schedule as a Gantt chart in SVG: one row per machine, one rectangle per operation
/// (class `op`, coloured by job, with a tooltip), a time axis, and a title with the makespan and,
/// when a reference is given, the gap to it.
public enum GanttSVG {
    public static func render(_ instance: JobShopInstance, schedule: JobShopSchedule, title: String) -> String {
        render(instance, schedule: schedule, title: title, reference: nil)
    }

    /// - Parameter reference: a lower bound or known optimum; the title then shows the gap to it.
    public static func render(_ instance: JobShopInstance, schedule: JobShopSchedule, title: String,
                              reference: Int?) -> String {
        let n = instance.jobCount, m = instance.machineCount
        let makespan = max(1, schedule.makespan(instance))
        let left = 60.0, right = 20.0, top = 48.0, rowHeight = m > 40 ? 12.0 : 24.0, axis = 30.0
        let plotWidth = 1000.0
        let width = left + plotWidth + right, height = top + Double(m) * rowHeight + axis
        let scale = plotWidth / Double(makespan)
        var heading = "\(title) — makespan \(schedule.makespan(instance))"
        if let reference, reference > 0 {
            let gap = Double(schedule.makespan(instance) - reference) / Double(reference) * 100
            heading += String(format: ", gap %.2f%% to %d", gap, reference)
        }
        var svg = """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" viewBox="0 0 \(Int(width)) \(Int(height))" style="background:white">
        <text x="\(Int(left))" y="28" font-family="sans-serif" font-size="16">\(escape(heading))</text>
        <g font-family="sans-serif" font-size="11">

        """
        for mk in 0..<m {
            let y = top + Double(mk) * rowHeight + rowHeight * 0.7
            svg += "<text x=\"4\" y=\(quoted(y))>M\(mk)</text>\n"
        }
        // Axis with about ten ticks.
        let step = tickStep(makespan)
        var t = 0
        let axisY = top + Double(m) * rowHeight
        svg += "<line x1=\(quoted(left)) y1=\(quoted(axisY)) x2=\(quoted(left + plotWidth)) y2=\(quoted(axisY)) stroke=\"black\"/>\n"
        while t <= makespan {
            let x = left + Double(t) * scale
            svg += "<line x1=\(quoted(x)) y1=\(quoted(axisY)) x2=\(quoted(x)) y2=\(quoted(axisY + 4)) stroke=\"black\"/><text x=\(quoted(x - 8)) y=\(quoted(axisY + 16))>\(t)</text>\n"
            t += step
        }
        svg += "</g>\n<g stroke=\"white\" stroke-width=\"0.5\">\n"
        for j in 0..<n {
            let colour = self.colour(job: j)
            for k in 0..<m {
                let start = schedule.starts[j][k], p = instance.duration[j][k], mk = instance.machine[j][k]
                let x = left + Double(start) * scale, y = top + Double(mk) * rowHeight + 2
                svg += "<rect class=\"op\" x=\(quoted(x)) y=\(quoted(y)) width=\(quoted(Double(p) * scale)) height=\(quoted(rowHeight - 4)) fill=\"\(colour)\"><title>job \(j) operation \(k): machine \(mk), [\(start), \(start + p))</title></rect>\n"
            }
        }
        svg += "</g>\n</svg>\n"
        return svg
    }

    /// Well-spread hues (golden-angle steps), so neighbouring jobs differ.
    static func colour(job: Int) -> String {
        let hue = (Double(job) * 137.508).truncatingRemainder(dividingBy: 360)
        return String(format: "hsl(%.0f,65%%,55%%)", hue)
    }

    static func tickStep(_ span: Int) -> Int {
        let raw = max(1, span / 10)
        var magnitude = 1
        while magnitude * 10 <= raw { magnitude *= 10 }
        for factor in [1, 2, 5, 10] where magnitude * factor >= raw { return magnitude * factor }
        return raw
    }

    private static func quoted(_ value: Double) -> String { String(format: "\"%.1f\"", value) }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
