import Foundation
import HunchCore

/// Human-readable summaries of results.
enum Report {
    static func text(_ r: SolveRecord, headline: String, knownIsProven: Bool, outputs: [String]) -> String {
        var lines: [String] = []
        lines.append("instance   \(headline)  \(r.instance)")
        if let prior = r.prior, let initial = r.initialObjective {
            lines.append("prior      \(prior): \(format(initial))")
        }
        lines.append("search     \(r.policy ?? "?") policy, \(r.steps ?? 0) steps, stopped by \(r.stopReason ?? "?")")
        lines.append("objective  \(format(r.objective))  (\(r.status.rawValue), validated)")
        if let optimum = r.knownOptimum {
            lines.append("\(knownLine(optimum, proven: knownIsProven))  gap \(percent(r.gap))")
        } else if let bound = r.bound {
            lines.append("bound      \(format(bound))  gap ≤ \(percent(r.gap))")
        }
        lines.append(String(format: "time       %.2f s", r.timeSeconds) + (r.timeLimit.map { String(format: " (limit %g s)", $0) } ?? ""))
        lines.append("seed       \(r.seed.map(String.init) ?? "-")")
        for path in outputs { lines.append("wrote      \(path)") }
        return lines.joined(separator: "\n")
    }

    /// `optimum    V (known)` when a manifest says the known value is proven optimal, else
    /// `best known V (not proven optimal)` (3D BSG values, open Taillard instances, a COMMENT).
    static func knownLine(_ value: Double, proven: Bool) -> String {
        proven ? "optimum    \(format(value)) (known)" : "best known \(format(value)) (not proven optimal)"
    }

    /// The title of a solution's picture: name, objective, and gap when known.
    static func title(_ r: SolveRecord) -> String {
        var title = "\(r.name ?? (r.instance as NSString).lastPathComponent): \(objectiveName(r.problem)) \(format(r.objective))"
        if let gap = r.gap { title += String(format: ", gap %.2f%%", gap * 100) }
        return title
    }

    /// What the objective measures, per family.
    static func objectiveName(_ problem: String) -> String {
        (try? Families.named(problem))?.objectiveName ?? "objective"
    }

    static func format(_ v: Double?) -> String {
        guard let v else { return "-" }
        if v == v.rounded() && abs(v) < 1e15 { return String(Int(v)) }
        return String(format: "%.4f", v)
    }

    static func percent(_ g: Double?) -> String {
        guard let g else { return "-" }
        return String(format: "%.2f%%", g * 100)
    }
}
