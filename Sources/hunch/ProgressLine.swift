import Foundation
import HunchCore

/// A live progress line on standard error (elapsed, best, gap, steps), redrawn at most four
/// times a second, only when standard error is a terminal.
final class ProgressLine: SearchObserver {
    private let reference: Double?
    private let clock = MonotonicClock()
    private var lastDraw = 0.0
    private var best = Double.nan
    private var drew = false

    /// Nil when progress should not be shown (not a terminal, or --quiet).
    static func make(quiet: Bool, reference: Double?) -> ProgressLine? {
        guard !quiet, isatty(STDERR_FILENO) == 1 else { return nil }
        return ProgressLine(reference: reference)
    }

    private init(reference: Double?) { self.reference = reference }

    func searchDidImprove(best: Double, step: Int, elapsed: Double) {
        self.best = best
    }

    func searchDidStep(_ event: SearchStepEvent) {
        let now = clock.now()
        guard now - lastDraw >= 0.25 else { return }
        lastDraw = now
        var line = String(format: "\r%7.1fs  best %.0f", event.elapsed, event.best)
        if let reference, reference > 0 {
            line += String(format: "  gap %.2f%%", (event.best - reference) / reference * 100)
        }
        line += "  steps \(event.step)   "
        FileHandle.standardError.write(Data(line.utf8))
        drew = true
    }

    /// Ends the line so later output starts on a fresh one.
    func searchDidFinish() {
        if drew { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
