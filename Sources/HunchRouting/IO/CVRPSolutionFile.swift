import Foundation
import HunchCore

/// CVRPLIB solution files: one `Route #k: c1 c2 …` line per route, customers numbered 1…n−1
/// (the file's node id − 1, the depot left out), then `Cost V`.
public enum CVRPSolutionFile {
    public static func format(_ solution: CVRPSolution, instance: CVRPInstance, cost: Int) -> String {
        var text = ""
        for (k, route) in solution.routes.enumerated() {
            text += "Route #\(k + 1): " + route.map { String(instance.fileIDs[$0] - 1) }.joined(separator: " ") + "\n"
        }
        return text + "Cost \(cost)\n"
    }

    /// The routes and the stated cost (nil when the file has no `Cost` line). Errors name the
    /// file and line.
    public static func parse(_ text: String, file: String = "<input>", instance: CVRPInstance) throws -> (CVRPSolution, Int?) {
        var byFileID: [Int: Int] = [:]
        for (node, id) in instance.fileIDs.enumerated() where node > 0 { byFileID[id - 1] = node }
        var routes: [[Int]] = []
        var cost: Int?
        for (index, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            let number = index + 1
            if line.isEmpty { continue }
            func fail(_ message: String) -> InstanceFileError {
                InstanceFileError(file: file, line: number, message: message)
            }
            if line.lowercased().hasPrefix("route") {
                guard let colon = line.firstIndex(of: ":") else { throw fail("expected `Route #k: customers…`") }
                var route: [Int] = []
                for token in line[line.index(after: colon)...].split(whereSeparator: { $0 == " " || $0 == "\t" }) {
                    guard let id = Int(token), let node = byFileID[id] else {
                        throw fail("expected customer numbers 1…\(instance.dimension - 1), found '\(InstanceFileError.excerpt(token))'")
                    }
                    route.append(node)
                }
                routes.append(route)
            } else if line.lowercased().hasPrefix("cost") {
                let value = line.dropFirst(4).trimmingCharacters(in: .whitespaces)
                guard let number = Double(value), number.isFinite, abs(number) < 1e15 else {
                    throw fail("expected `Cost V` with a number, found '\(InstanceFileError.excerpt(Substring(value)))'")
                }
                cost = Int(number.rounded())
            } else {
                throw fail("expected `Route #k: …` or `Cost V`, found '\(InstanceFileError.excerpt(Substring(line)))'")
            }
        }
        guard !routes.isEmpty else { throw InstanceFileError(file: file, line: nil, message: "no `Route #k:` line") }
        return (CVRPSolution(routes: routes), cost)
    }

    public static func read(path: String, instance: CVRPInstance) throws -> (CVRPSolution, Int?) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InstanceFileError(file: path, line: nil, message: "cannot read")
        }
        return try parse(String(decoding: data, as: UTF8.self), file: path, instance: instance)
    }
}
