import Foundation

/// The beam search's finished rounds within a stage, per ranking: how wide each was, how long it
/// took and the best completion it found. They tell whether the next round would finish before
/// the deadline, and how wide a round would (`BeamSearch.fitsLastRound`).
///
/// A round's time grows as a power of its width, w^k. The exponent comes from the ranking's last
/// two rounds, between 1 and 2: a plain round's levels make width × min(width, 7) children, a
/// square round's up to width², and a wider beam's rounds take a little longer per child too
/// (BR7-1 without support at 10 s: its rounds of width 256 and 512 took 6 % and 10 % more than a
/// forecast linear in the children per level). With one round, 1.
struct RoundTimes {
    struct Round {
        var width = 0
        var seconds = 0.0
        /// The best completion found in the round (its volume).
        var best = -1
    }

    private var last: [Round]
    private var before: [Round]

    init(rankings: Int) {
        last = Array(repeating: Round(), count: rankings)
        before = last
    }

    /// Forgets every round (a new stage's rounds cost differently).
    mutating func reset() {
        for r in last.indices { last[r] = Round(); before[r] = Round() }
    }

    mutating func record(ranking r: Int, width: Int, seconds: Double, best: Int) {
        before[r] = last[r]
        last[r] = Round(width: width, seconds: seconds, best: best)
    }

    /// The exponent k of ranking r's rounds.
    func exponent(_ r: Int) -> Double {
        let a = before[r], b = last[r]
        guard a.width > 0, b.width > a.width, a.seconds > 0, b.seconds > 0 else { return 1 }
        return min(2, max(1, log(b.seconds / a.seconds) / log(Double(b.width) / Double(a.width))))
    }

    /// The forecast time of a round of `width` with ranking r (nil before it has finished one).
    func seconds(ranking r: Int, width: Int) -> Double? {
        let b = last[r]
        guard b.width > 0 else { return nil }
        return b.seconds * pow(Double(width) / Double(b.width), exponent(r))
    }

    /// The widest round of ranking r forecast to take at most `seconds` (0 before it has
    /// finished one).
    func widest(ranking r: Int, within seconds: Double) -> Int {
        let b = last[r]
        guard b.width > 0, b.seconds > 0, seconds > 0 else { return 0 }
        let w = Double(b.width) * pow(seconds / b.seconds, 1 / exponent(r))
        return w >= Double(Int.max / 2) ? Int.max / 2 : Int(w)
    }

    /// The round to run in place of one of `width` with ranking `turn` when that one is forecast
    /// to take more than `left` seconds: the widest round forecast to take `share` of them, with
    /// the ranking whose last round found most among those for which it is wider than their last
    /// round (ties: `turn`, then the lower index). Nil when the round would finish, when no
    /// ranking has finished one, or when no fitted round would be wider than its ranking's last.
    func fitted(width: Int, ranking turn: Int, left: Double, share: Double) -> (width: Int, ranking: Int)? {
        guard let needed = seconds(ranking: turn, width: width), needed > left else { return nil }
        let byBest = last.indices.filter { last[$0].width > 0 }
            .sorted { (last[$0].best, $0 == turn ? 1 : 0, -$0) > (last[$1].best, $1 == turn ? 1 : 0, -$1) }
        for r in byBest {
            let w = min(width - 1, widest(ranking: r, within: share * left))
            if w > last[r].width { return (w, r) }
        }
        return nil
    }
}
