/// The timing of one route, computed from the instance alone and sharing no code with the
/// search: what the validator trusts, and what JSON output and a Gantt chart print.
///
/// The vehicle leaves the depot at its ready time with the route's whole demand on board;
/// arrival at a stop is the previous departure plus the travel time (the distance); service
/// starts at max(arrival, ready) — waiting is free — and departure is start plus service. A
/// late stop is timed the same way (service starts late), so every lateness after the first is
/// still reported. All times are in the instance's scaled units (`1/scale` of the file's).
public struct VRPTWSchedule: Sendable, Equatable {
    /// One customer visit.
    public struct Stop: Sendable, Equatable {
        /// Node index (1…n−1); the file's id is `instance.fileIDs[node]`.
        public var node: Int
        public var arrival: Int
        /// max(arrival, ready).
        public var start: Int
        /// start − arrival.
        public var waiting: Int
        /// start + service.
        public var departure: Int
        /// Load on board after this delivery.
        public var load: Int
        /// Service starts after the customer's due date.
        public var isLate: Bool

        public init(node: Int, arrival: Int, start: Int, waiting: Int, departure: Int, load: Int, isLate: Bool) {
            self.node = node
            self.arrival = arrival
            self.start = start
            self.waiting = waiting
            self.departure = departure
            self.load = load
            self.isLate = isLate
        }
    }

    public let stops: [Stop]
    /// When the vehicle leaves the depot: the depot's ready time.
    public let departure: Int
    /// Load on board leaving the depot: the route's total demand.
    public let initialLoad: Int
    /// Arrival back at the depot.
    public let returnTime: Int
    /// Sum of the arcs, scaled (under `hierarchical` the rounded-up arcs; the exact length is
    /// `instance.routeDistance`).
    public let distance: Int
    /// returnTime − departure.
    public let duration: Int

    /// Total waiting along the route.
    public var waiting: Int { stops.reduce(0) { $0 + $1.waiting } }

    /// Times `route` (node indices, the depot left out). Nodes outside 1…n−1 are the
    /// validator's business: the caller must pass customers only.
    ///
    /// Complexity: O(route.count).
    public init(route: [Int], instance: VRPTWInstance) {
        let total = route.reduce(0) { $0 + instance.demands[$1] }
        var time = instance.ready[0]
        var load = total
        var previous = 0
        var distance = 0
        var stops: [Stop] = []
        stops.reserveCapacity(route.count)
        for node in route {
            let travel = instance.distance(previous, node)
            distance += travel
            let arrival = time + travel
            let start = max(arrival, instance.ready[node])
            load -= instance.demands[node]
            time = start + instance.service[node]
            stops.append(Stop(node: node, arrival: arrival, start: start, waiting: start - arrival, departure: time,
                              load: load, isLate: start > instance.due[node]))
            previous = node
        }
        let back = instance.distance(previous, 0)
        self.stops = stops
        departure = instance.ready[0]
        initialLoad = total
        returnTime = route.isEmpty ? departure : time + back
        self.distance = route.isEmpty ? 0 : distance + back
        duration = returnTime - departure
    }

    /// Back at the depot after its due date.
    public func returnsLate(_ instance: VRPTWInstance) -> Bool { returnTime > instance.due[0] }
}

/// Scaled times written in the file's unit, exactly: 9723 at scale 10 is `972.3`, 9670 is `967`.
public enum VRPTWTime {
    public static func format(_ value: Int, scale: Int) -> String {
        guard scale > 1 else { return String(value) }
        let sign = value < 0 ? "-" : ""
        let magnitude = value.magnitude
        let whole = magnitude / UInt(scale), fraction = magnitude % UInt(scale)
        guard fraction != 0 else { return sign + String(whole) }
        var digits = String(fraction)
        let width = String(scale - 1).count
        digits = String(repeating: "0", count: width - digits.count) + digits
        while digits.hasSuffix("0") { digits.removeLast() }
        return sign + String(whole) + "." + digits
    }
}
