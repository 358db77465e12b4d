import Foundation
import HunchCore

/// One measured run of a bench: a prior alone, a full search, a bound or an exact solve.
struct BenchRow: Sendable {
    enum Kind: String, Sendable { case prior, search, bound, exact }
    var instance: String
    var size: Int
    var kind: Kind
    var method: String
    var seed: Int?
    /// Tour length (prior, search, exact) or the bound's value (bound).
    var value: Double?
    /// Exact runs: the proven lower bound.
    var lowerBound: Double?
    var time: Double
    var status: String
    var knownOptimum: Double?
    var reference: Double?
    var referenceKind = ""
    /// (value − reference) / reference for solutions; (reference − value) / reference for bounds.
    var gap: Double?
}

/// Runs the bench over its instances, in parallel (see `BenchCommand`); each instance through
/// `FamilyBench` with its family's runner.
struct BenchRunner {
    let settings: BenchCommand

    func run(items: [InstanceSource.Item], quiet: Bool) throws -> [BenchRow] {
        let outcomes = ParallelWork.map(count: items.count, jobs: settings.jobs,
                                        shouldContinue: { !Interruption.process.isRequested }) { i -> Result<[BenchRow], Error> in
            Result {
                let item = items[i]
                return try FamilyBench(settings: settings, runner: try Families.named(item.family)).benchOne(item) { log($0, quiet: quiet) }
            }
        }
        var rows: [BenchRow] = []
        for (i, outcome) in outcomes.enumerated() {
            switch outcome {
            case .success(let r): rows += r
            case .failure(let error): FileHandle.standardError.write(Data("bench: skipped \(items[i].path): \(error)\n".utf8))
            case nil: break
            }
        }
        return rows
    }

    private func log(_ row: BenchRow, quiet: Bool) {
        guard !quiet else { return }
        let line = String(format: "%@ %@%@: %@ (%.2f s, %@)\n", row.instance as NSString, row.method as NSString,
                          row.seed.map { " seed \($0)" } ?? "", Report.format(row.value) as NSString, row.time, row.status as NSString)
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// Fills each row's reference and gap: known optimum, else a proven exact optimum, else the
    /// best bound, else the best value found. Gaps are positive when a solution is worse than
    /// the reference (or a bound is weaker), whichever way the objective goes.
    static func withGaps(_ rows: [BenchRow], maximise: Bool = false) -> [BenchRow] {
        guard let first = rows.first else { return rows }
        var reference: Double?
        var kind = ""
        if let known = first.knownOptimum {
            reference = known; kind = "known optimum"
        } else if let exact = rows.first(where: { $0.kind == .exact && $0.status == "optimal" }) {
            reference = exact.value; kind = "exact optimum"
        } else if let bound = maximise ? rows.compactMap({ $0.kind == .bound ? $0.value : $0.lowerBound }).min()
                                       : rows.compactMap({ $0.kind == .bound ? $0.value : $0.lowerBound }).max() {
            reference = bound; kind = maximise ? "upper bound" : "lower bound"
        } else if let best = maximise ? rows.filter({ $0.kind != .bound }).compactMap(\.value).max()
                                      : rows.filter({ $0.kind != .bound }).compactMap(\.value).min() {
            reference = best; kind = "best found"
        }
        return rows.map { row in
            var row = row
            row.reference = reference
            row.referenceKind = kind
            if let reference, reference != 0, let value = row.value {
                // Positive when worse: a solution below (maximise) or above (minimise) the
                // reference; a bound on the far side of it.
                let worseWhenHigher = (row.kind == .bound) == maximise
                row.gap = worseWhenHigher ? (value - reference) / abs(reference) : (reference - value) / abs(reference)
            }
            return row
        }
    }
}
