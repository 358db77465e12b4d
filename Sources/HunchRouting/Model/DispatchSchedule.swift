/// The exact timing of one vehicle's route, computed from the instance alone and sharing no code
/// with the search: what the validator, the objective and the plan JSON trust.
///
/// Conventions (docs/formats.md, "Dispatch JSON"):
/// - every delivery is loaded at the start depot; the load after a stop is what is left;
/// - arrival is the previous departure plus the travel time; service starts at the earliest
///   time ≥ arrival inside one of the job's windows (waiting is allowed); departure is start plus
///   service. When every window has closed, service starts on arrival and the stop is *late*;
/// - the vehicle returns to its end depot (an open route ends at its last departure);
/// - the departure from the depot is as late as possible without moving the return (or, open,
///   the last departure) and without pushing any service out of the window it starts in: a
///   forward pass from the shift start, then Savelsbergh's forward time slack (1992) — the least
///   of, over the stops, the waiting so far plus the room left in the window used, and the total
///   waiting — added to the departure. So the route's duration, which costs `costPerTime`, has
///   no idle time at its start; with several windows the window of each job is the earliest
///   reachable one, and a later departure that would use a later window is not tried.
public struct DispatchSchedule: Sendable, Equatable {
    /// One job's visit.
    public struct Stop: Sendable, Equatable {
        /// Index into `instance.jobs`.
        public var job: Int
        public var location: Int
        public var arrival: Int
        /// The earliest time ≥ arrival inside a window; the arrival when late or without windows.
        public var start: Int
        /// start − arrival.
        public var waiting: Int
        /// start + service.
        public var departure: Int
        /// Load on board after this delivery, one entry per dimension.
        public var load: [Int]
        /// start − the last window's close when service cannot start inside any window, else 0.
        public var lateness: Int
        /// Index of the window service starts in; nil without windows or when late.
        public var window: Int?

        public init(job: Int, location: Int, arrival: Int, start: Int, waiting: Int, departure: Int, load: [Int],
                    lateness: Int, window: Int?) {
            self.job = job
            self.location = location
            self.arrival = arrival
            self.start = start
            self.waiting = waiting
            self.departure = departure
            self.load = load
            self.lateness = lateness
            self.window = window
        }
    }

    public let vehicleType: Int
    public let stops: [Stop]
    /// Leaving the start depot (the shift start for an empty route).
    public let departure: Int
    /// Load leaving the start depot: the sum of the route's deliveries.
    public let initialLoad: [Int]
    /// Arrival at the end depot; for an open route, the last departure.
    public let returnTime: Int
    /// Travelled distance, the depot legs included (no return leg when open).
    public let distance: Int
    /// returnTime − departure.
    public let duration: Int
    /// fixedCost + costPerDistance·distance + costPerTime·duration; 0 for an empty route (an
    /// unused vehicle costs nothing).
    public let cost: Double
    /// The vehicle type's shift end, for `returnLateness`.
    public let shiftEnd: Int

    /// Total lateness over the stops.
    public var lateness: Int { stops.reduce(0) { $0 + $1.lateness } }
    public var waiting: Int { stops.reduce(0) { $0 + $1.waiting } }
    /// How far the return (or, open, the last departure) is past the shift end.
    public var returnLateness: Int { max(0, returnTime - shiftEnd) }

    /// Times `jobs` (valid indices into `instance.jobs`, in order) on a vehicle of type `vehicleType`.
    ///
    /// Complexity: O(route length × windows per job).
    public init(jobs: [Int], vehicleType: Int, instance: DispatchInstance) {
        let type = instance.vehicleTypes[vehicleType]
        self.vehicleType = vehicleType
        shiftEnd = type.shiftEnd
        var total = [Int](repeating: 0, count: instance.dimensions)
        for j in jobs {
            for (d, amount) in instance.jobs[j].delivery.enumerated() where d < total.count { total[d] += amount }
        }
        initialLoad = total
        guard !jobs.isEmpty else {
            stops = []
            departure = type.shiftStart
            returnTime = type.shiftStart
            distance = 0
            duration = 0
            cost = 0
            return
        }
        let origin = instance.depots[type.startDepot].location
        let end = type.endDepot.map { instance.depots[$0].location }

        let early = Self.forward(jobs, from: origin, leaving: type.shiftStart, load: total, instance: instance)
        // Forward time slack: delaying the departure by δ delays service at stop i by
        // max(0, δ − waiting up to i), which must stay inside the window used.
        var waited = 0
        var slack = Int.max
        for stop in early.stops {
            waited += stop.waiting
            let room: Int
            if stop.lateness > 0 {
                room = 0
            } else if let w = stop.window {
                room = instance.jobs[stop.job].timeWindows[w][1] - stop.start
            } else {
                room = Int.max - waited
            }
            slack = min(slack, waited + room)
        }
        slack = min(slack, waited)
        let timed = slack > 0
            ? Self.forward(jobs, from: origin, leaving: type.shiftStart + slack, load: total, instance: instance)
            : early
        stops = timed.stops
        departure = type.shiftStart + slack
        let last = timed.stops[timed.stops.count - 1]
        if let end {
            returnTime = last.departure + instance.duration(last.location, end)
            distance = timed.distance + instance.distance(last.location, end)
        } else {
            returnTime = last.departure
            distance = timed.distance
        }
        duration = returnTime - departure
        cost = type.fixedCost + type.costPerDistance * Double(distance) + type.costPerTime * Double(duration)
    }

    /// One pass: the stops when leaving `origin` at `leaving`, and the distance to the last stop.
    private static func forward(_ jobs: [Int], from origin: Int, leaving: Int, load: [Int],
                                instance: DispatchInstance) -> (stops: [Stop], distance: Int) {
        var time = leaving
        var load = load
        var previous = origin
        var distance = 0
        var stops: [Stop] = []
        stops.reserveCapacity(jobs.count)
        for j in jobs {
            let job = instance.jobs[j]
            let arrival = time + instance.duration(previous, job.location)
            distance += instance.distance(previous, job.location)
            let (start, window, lateness) = serviceStart(arrival: arrival, windows: job.timeWindows)
            for (d, amount) in job.delivery.enumerated() where d < load.count { load[d] -= amount }
            time = start + job.service
            stops.append(Stop(job: j, location: job.location, arrival: arrival, start: start, waiting: start - arrival,
                              departure: time, load: load, lateness: lateness, window: window))
            previous = job.location
        }
        return (stops, distance)
    }

    /// The earliest time ≥ `arrival` inside one of `windows` (sorted, disjoint), the window's
    /// index and no lateness; or, after the last close, the arrival itself, late by the excess.
    public static func serviceStart(arrival: Int, windows: [[Int]]) -> (start: Int, window: Int?, lateness: Int) {
        guard let last = windows.last else { return (arrival, nil, 0) }
        for (k, window) in windows.enumerated() where arrival <= window[1] {
            return (max(arrival, window[0]), k, 0)
        }
        return (arrival, nil, arrival - last[1])
    }
}
