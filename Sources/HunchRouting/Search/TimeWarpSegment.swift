/// A route segment summarised for O(1) concatenation under time windows (Vidal, Crainic,
/// Gendreau & Prins 2013, "A hybrid genetic algorithm with adaptive diversity management for a
/// large class of vehicle routing problems with time-windows", §4): its distance, load,
/// duration (travel, service and waiting), time warp (how much the vehicle must travel back in
/// time to meet every window), and the earliest and latest start of service at its first node
/// that achieve that duration and warp. Time warp replaces infeasibility by a cost, so a move
/// that makes a route late is priced, not forbidden. Loads are vectors (up to four demand
/// dimensions) and the skills the segment's jobs need are carried along.
struct TimeWarpSegment {
    var first: Int
    var last: Int
    var distance: Int
    var load: SIMD4<Int>
    var duration: Int
    var warp: Int
    var earliest: Int
    var latest: Int
    var skills: UInt64

    /// One node: its service time, its window.
    @inline(__always)
    init(node: Int, load: SIMD4<Int>, service: Int, ready: Int, due: Int, skills: UInt64) {
        first = node
        last = node
        distance = 0
        self.load = load
        duration = service
        warp = 0
        earliest = ready
        latest = due
        self.skills = skills
    }

    @inline(__always)
    init(first: Int, last: Int, distance: Int, load: SIMD4<Int>, duration: Int, warp: Int, earliest: Int, latest: Int,
         skills: UInt64) {
        self.first = first
        self.last = last
        self.distance = distance
        self.load = load
        self.duration = duration
        self.warp = warp
        self.earliest = earliest
        self.latest = latest
        self.skills = skills
    }

    /// `a` then `b`, with `travel` time and `distance` from a's last node to b's first.
    @inline(__always)
    static func join(_ a: TimeWarpSegment, _ b: TimeWarpSegment, travel: Int, distance: Int) -> TimeWarpSegment {
        let delta = a.duration - a.warp + travel
        let wait = max(b.earliest - delta - a.latest, 0)
        let lateness = max(a.earliest + delta - b.latest, 0)
        return TimeWarpSegment(first: a.first, last: b.last, distance: a.distance &+ b.distance &+ distance,
                               load: a.load &+ b.load, duration: a.duration + b.duration + travel + wait,
                               warp: a.warp + b.warp + lateness,
                               earliest: max(b.earliest - delta, a.earliest) - wait,
                               latest: min(b.latest - delta, a.latest) + lateness, skills: a.skills | b.skills)
    }
}
