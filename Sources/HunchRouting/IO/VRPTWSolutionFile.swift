import Foundation
import HunchCore

/// VRPTW solution files, with customers by the instance's own ids (Solomon's CUST NO.):
///
/// - CVRPLIB / DIMACS `.sol`: one `Route #k: c1 c2 …` line per route, then `Cost X` (the
///   distance in the file's unit);
/// - SINTEF TOP route files: header lines (`Instance name :`, `Authors :`, `Date :`,
///   `Reference :`, `Solution`), then `Route k : c1 c2 …`, no cost.
///
/// Reading accepts either. Duplicates and missing customers are left to `VRPTWValidation`, so
/// a planner's faulty plan can still be read and every fault listed.
public enum VRPTWSolutionFile {
    /// A `.sol` text: the routes by file id and the convention's distance (one decimal, exact,
    /// under `dimacs`; four under `hierarchical`, as SINTEF's clone recomputes them).
    public static func format(_ solution: VRPTWSolution, instance: VRPTWInstance) -> String {
        var text = ""
        for (k, route) in solution.routes.enumerated() {
            text += "Route #\(k + 1): " + route.map { String(instance.fileIDs[$0]) }.joined(separator: " ") + "\n"
        }
        return text + "Cost \(formatCost(solution, instance: instance))\n"
    }

    /// The distance as `format` writes it.
    public static func formatCost(_ solution: VRPTWSolution, instance: VRPTWInstance) -> String {
        switch instance.convention {
        case .dimacs:
            // Exact: the sum of the scaled integer arcs, written in the file's unit.
            let total = solution.routes.reduce(0) { $0 + VRPTWSchedule(route: $1, instance: instance).distance }
            return VRPTWTime.format(total, scale: instance.scale)
        case .hierarchical:
            return String(format: "%.4f", instance.totalDistance(solution.routes))
        }
    }

    /// The SINTEF header keys, lower case, as their files spell them.
    static let sintefHeader = ["instance name", "authors", "date", "reference"]

    /// The routes (node indices) and the stated cost, nil when the file has none (SINTEF).
    /// Errors name the file and line.
    public static func parse(_ text: String, file: String = "<input>", instance: VRPTWInstance) throws -> (VRPTWSolution, Double?) {
        var nodeOfID: [Int: Int] = [:]
        for (node, id) in instance.fileIDs.enumerated() { nodeOfID[id] = node }
        var body = Substring(text)
        if body.hasPrefix("\u{FEFF}") { body = body.dropFirst() }
        var routes: [[Int]] = []
        var cost: Double?
        // "\r\n" is one Character, so splitting on isNewline counts CRLF as one line end.
        for (index, raw) in body.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            let number = index + 1
            if line.isEmpty { continue }
            func fail(_ message: String) -> InstanceFileError {
                InstanceFileError(file: file, line: number, message: message)
            }
            let lower = line.lowercased()
            if lower.hasPrefix("route") {
                guard let colon = line.firstIndex(of: ":") else { throw fail("expected `Route #k: customers…`, found no ':'") }
                var route: [Int] = []
                for token in line[line.index(after: colon)...].split(whereSeparator: { $0 == " " || $0 == "\t" }) {
                    guard let id = InstanceTokens.integer(token) else {
                        throw fail("expected customer numbers, found '\(InstanceFileError.excerpt(token))'")
                    }
                    guard let node = nodeOfID[id] else {
                        let ids = instance.fileIDs
                        throw fail("unknown customer \(id); expected the instance's customer numbers \(ids.dropFirst().min() ?? 0)…\(ids.max() ?? 0)")
                    }
                    route.append(node)
                }
                routes.append(route)
            } else if lower.hasPrefix("cost") {
                let value = line.dropFirst(4).trimmingCharacters(in: .whitespaces)
                guard value.utf8.count <= 40, let number = Double(value), number.isFinite, abs(number) < 1e15 else {
                    throw fail("expected `Cost X` with a number, found '\(InstanceFileError.excerpt(Substring(value)))'")
                }
                cost = number
            } else if routes.isEmpty, lower == "solution" || sintefHeader.contains(where: { lower.hasPrefix($0) && line.contains(":") }) {
                continue
            } else {
                throw fail("expected `Route #k: …`, `Cost X` or a SINTEF header line, found '\(InstanceFileError.excerpt(Substring(line)))'")
            }
        }
        guard !routes.isEmpty else { throw InstanceFileError(file: file, line: nil, message: "no `Route` line; expected one per vehicle") }
        return (VRPTWSolution(routes: routes), cost)
    }

    public static func read(path: String, instance: VRPTWInstance) throws -> (VRPTWSolution, Double?) {
        let data = try InstanceTokens.load(path, expected: "a VRPTW solution file")
        return try parse(String(decoding: data, as: UTF8.self), file: path, instance: instance)
    }
}
