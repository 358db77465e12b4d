import Foundation

/// A dispatch plan as a picture: on the left the map (depots as squares, each vehicle's route
/// in its own colour from its start depot to its end depot, jobs left out as red crosses), on
/// the right a timeline with one row per vehicle used (travel as a thin line, waiting pale,
/// service solid, the shift as a frame) so a dispatcher sees idle time and tight windows.
public enum DispatchSVG {
    public static func render(_ instance: DispatchInstance, solution: DispatchSolution, title: String) -> String? {
        guard let points = instance.coordinates, !points.isEmpty else { return nil }
        let xs = points.map(\.x), ys = points.map(\.y)
        let (minX, maxX) = (xs.min() ?? 0, xs.max() ?? 1), (minY, maxY) = (ys.min() ?? 0, ys.max() ?? 1)
        let map = 560.0, margin = 30.0
        let scale = (map - 2 * margin) / max(maxX - minX, maxY - minY, 1e-9)
        func px(_ location: Int) -> (Double, Double) {
            (margin + (xs[location] - minX) * scale, 40 + map - margin - (ys[location] - minY) * scale)
        }
        let rows = solution.routes.count
        let ganttX = map + 40, ganttWidth = 620.0, rowHeight = 16.0
        let height = max(map + 60, 80 + Double(rows) * rowHeight + 40)
        var svg = """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(ganttX + ganttWidth + 120))" height="\(Int(height))" font-family="sans-serif" font-size="11">
        <rect width="100%" height="100%" fill="white"/>
        <text x="10" y="20" font-size="14">\(RoutesSVG.escape(title))</text>

        """
        func colour(_ r: Int) -> String { "hsl(\(Int((Double(r) * 137.508).truncatingRemainder(dividingBy: 360))),70%,42%)" }
        // The map.
        var schedules: [(DispatchSolution.Route, DispatchSchedule)] = []
        for (r, route) in solution.routes.enumerated() {
            guard let schedule = DispatchValidation.schedule(route, instance: instance),
                  let (t, _) = instance.typeAndOrdinal(ofVehicle: route.vehicle) else { continue }
            schedules.append((route, schedule))
            let type = instance.vehicleTypes[t]
            var stops = [instance.depots[type.startDepot].location] + route.jobs.map { instance.jobs[$0].location }
            if let end = type.endDepot { stops.append(instance.depots[end].location) }
            let line = stops.map { let (x, y) = px($0); return String(format: "%.1f,%.1f", x, y) }.joined(separator: " ")
            svg += "<polyline fill=\"none\" stroke=\"\(colour(r))\" stroke-width=\"1.6\" points=\"\(line)\"/>\n"
        }
        for job in instance.jobs {
            let (x, y) = px(job.location)
            svg += String(format: "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.4\" fill=\"#333\"/>\n", x, y)
        }
        for j in solution.unassigned where j >= 0 && j < instance.jobs.count {
            let (x, y) = px(instance.jobs[j].location)
            svg += String(format: "<path d=\"M%.1f %.1fl8 8m0 -8l-8 8\" stroke=\"red\" stroke-width=\"2\"/>\n", x - 4, y - 4)
        }
        for depot in instance.depots {
            let (x, y) = px(depot.location)
            svg += String(format: "<rect x=\"%.1f\" y=\"%.1f\" width=\"10\" height=\"10\" fill=\"black\"/>\n", x - 5, y - 5)
            svg += String(format: "<text x=\"%.1f\" y=\"%.1f\">%@</text>\n", x + 7, y - 6, RoutesSVG.escape(depot.id))
        }
        // The timeline.
        let start = schedules.map { instance.vehicleTypes[$0.1.vehicleType].shiftStart }.min() ?? 0
        let end = max(schedules.map { max($0.1.returnTime, $0.1.shiftEnd) }.max() ?? 1, start + 1)
        func tx(_ time: Int) -> Double { ganttX + 90 + Double(time - start) / Double(end - start) * (ganttWidth - 90) }
        svg += "<text x=\"\(Int(ganttX))\" y=\"52\">vehicle</text>\n"
        for tick in 0...4 {
            let time = start + (end - start) * tick / 4
            svg += String(format: "<text x=\"%.1f\" y=\"52\" text-anchor=\"middle\">%d</text>\n", tx(time), time)
        }
        for (row, (route, schedule)) in schedules.enumerated() {
            let y = 64 + Double(row) * rowHeight
            let c = colour(row)
            let type = instance.vehicleTypes[schedule.vehicleType]
            svg += "<text x=\"\(Int(ganttX))\" y=\"\(Int(y + 10))\">\(RoutesSVG.escape(instance.vehicleName(route.vehicle)))</text>\n"
            svg += String(format: "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"12\" fill=\"none\" stroke=\"#bbb\"/>\n",
                          tx(type.shiftStart), y, max(0, tx(min(type.shiftEnd, end)) - tx(type.shiftStart)))
            svg += String(format: "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%@\"/>\n",
                          tx(schedule.departure), y + 6, tx(schedule.returnTime), y + 6, c)
            for stop in schedule.stops {
                if stop.waiting > 0 {
                    svg += String(format: "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"12\" fill=\"%@\" opacity=\"0.25\"/>\n",
                                  tx(stop.arrival), y, tx(stop.start) - tx(stop.arrival), c)
                }
                svg += String(format: "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"12\" fill=\"%@\"><title>%@</title></rect>\n",
                              tx(stop.start), y, max(1, tx(stop.departure) - tx(stop.start)), c,
                              RoutesSVG.escape("\(instance.jobs[stop.job].id): \(stop.start)–\(stop.departure)"))
            }
        }
        if !solution.unassigned.isEmpty {
            svg += "<text x=\"\(Int(ganttX))\" y=\"\(Int(64 + Double(schedules.count) * rowHeight + 16))\" fill=\"red\">\(solution.unassigned.count) job(s) unassigned (red crosses)</text>\n"
        }
        return svg + "</svg>\n"
    }
}
