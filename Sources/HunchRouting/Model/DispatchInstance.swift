/// A day's dispatch as a planner sends it (docs/formats.md, "Dispatch JSON"): locations with a
/// distance and a duration between every two, depots, vehicle types with their fleet, and jobs
/// with demands, service times, time windows, skills and, for optional jobs, a prize.
///
/// Distances, durations and times are integers in the file's units (metres and seconds, or the
/// units of the coordinates); costs are decimals. A route of a vehicle of type `t` costs
/// `fixedCost + costPerDistance·distance + costPerTime·duration`; an optional job left out
/// costs its prize; the objective is the sum.
public struct DispatchInstance: Sendable {
    public struct Depot: Sendable, Equatable {
        public var id: String
        public var location: Int
        public init(id: String, location: Int) { self.id = id; self.location = location }
    }

    public struct VehicleType: Sendable, Equatable {
        public var id: String
        /// Vehicles of this type available.
        public var count: Int
        /// One capacity per demand dimension (the same length as every job's `delivery`).
        public var capacity: [Int]
        /// The shift: a vehicle leaves its start depot at or after `shiftStart` and is back (or,
        /// open, at its last job's end) by `shiftEnd`.
        public var shiftStart: Int
        public var shiftEnd: Int
        /// Indices into `depots`; a nil end depot is an open route (ends at the last job).
        public var startDepot: Int
        public var endDepot: Int?
        public var fixedCost: Double
        public var costPerDistance: Double
        public var costPerTime: Double
        public var maxDistance: Int?
        public var maxDuration: Int?
        /// Indices into `skills`.
        public var skills: [Int]

        public init(id: String, count: Int, capacity: [Int], shiftStart: Int, shiftEnd: Int, startDepot: Int, endDepot: Int?,
                    fixedCost: Double = 0, costPerDistance: Double = 1, costPerTime: Double = 0,
                    maxDistance: Int? = nil, maxDuration: Int? = nil, skills: [Int] = []) {
            self.id = id
            self.count = count
            self.capacity = capacity
            self.shiftStart = shiftStart
            self.shiftEnd = shiftEnd
            self.startDepot = startDepot
            self.endDepot = endDepot
            self.fixedCost = fixedCost
            self.costPerDistance = costPerDistance
            self.costPerTime = costPerTime
            self.maxDistance = maxDistance
            self.maxDuration = maxDuration
            self.skills = skills
        }
    }

    public struct Job: Sendable, Equatable {
        public var id: String
        public var location: Int
        public var delivery: [Int]
        public var service: Int
        /// [open, close] pairs, sorted and disjoint; service must start inside one. Empty: any time.
        public var timeWindows: [[Int]]
        /// Indices into `skills`: a vehicle serving the job must have them all.
        public var skills: [Int]
        /// nil: the job must be served; else it may be left out at this cost.
        public var prize: Double?

        public init(id: String, location: Int, delivery: [Int], service: Int = 0, timeWindows: [[Int]] = [],
                    skills: [Int] = [], prize: Double? = nil) {
            self.id = id
            self.location = location
            self.delivery = delivery
            self.service = service
            self.timeWindows = timeWindows
            self.skills = skills
            self.prize = prize
        }
    }

    public var name: String
    public var locationCount: Int
    /// Row-major locationCount² matrices.
    public var distance: [Int]
    public var duration: [Int]
    /// For pictures; nil when the file gave only matrices.
    public var coordinates: [(x: Double, y: Double)]?
    public var depots: [Depot]
    public var vehicleTypes: [VehicleType]
    public var jobs: [Job]
    /// Skill names, indexed by the skill lists above.
    public var skills: [String]
    /// Demand dimensions (capacity and delivery vector length), 1…4.
    public var dimensions: Int
    /// Fewest vehicles first, then cost.
    public var minimiseVehicles: Bool

    public init(name: String, locationCount: Int, distance: [Int], duration: [Int], coordinates: [(x: Double, y: Double)]?,
                depots: [Depot], vehicleTypes: [VehicleType], jobs: [Job], skills: [String], dimensions: Int,
                minimiseVehicles: Bool = false) {
        self.name = name
        self.locationCount = locationCount
        self.distance = distance
        self.duration = duration
        self.coordinates = coordinates
        self.depots = depots
        self.vehicleTypes = vehicleTypes
        self.jobs = jobs
        self.skills = skills
        self.dimensions = dimensions
        self.minimiseVehicles = minimiseVehicles
    }

    @inline(__always) public func distance(_ a: Int, _ b: Int) -> Int { distance[a * locationCount + b] }
    @inline(__always) public func duration(_ a: Int, _ b: Int) -> Int { duration[a * locationCount + b] }

    /// Every vehicle, type by type: vehicle `v` is of type `vehicleType[v]`.
    public var vehicleTypeOfVehicle: [Int] {
        vehicleTypes.enumerated().flatMap { index, type in Array(repeating: index, count: type.count) }
    }
}

/// A plan: for each vehicle used, its jobs in order (indices into `jobs`); the jobs left out.
public struct DispatchSolution: Sendable, Equatable {
    public struct Route: Sendable, Equatable {
        /// Index into the instance's vehicles (`vehicleTypeOfVehicle`).
        public var vehicle: Int
        public var jobs: [Int]
        public init(vehicle: Int, jobs: [Int]) { self.vehicle = vehicle; self.jobs = jobs }
    }

    public var routes: [Route]
    public var unassigned: [Int]

    public init(routes: [Route], unassigned: [Int]) {
        self.routes = routes.filter { !$0.jobs.isEmpty }.sorted { $0.vehicle < $1.vehicle }
        self.unassigned = unassigned.sorted()
    }
}

extension DispatchInstance {
    /// All vehicles of all types.
    public var vehicleCount: Int { vehicleTypes.reduce(0) { $0 + $1.count } }

    /// The type of vehicle `vehicle` and its 0-based ordinal within the type; nil outside the fleet.
    public func typeAndOrdinal(ofVehicle vehicle: Int) -> (type: Int, ordinal: Int)? {
        guard vehicle >= 0 else { return nil }
        var first = 0
        for (t, type) in vehicleTypes.enumerated() {
            if vehicle < first + type.count { return (t, vehicle - first) }
            first += type.count
        }
        return nil
    }

    /// "van#2": the type's id and the vehicle's 1-based ordinal within it, the name plans use
    /// (the index depends on the order of the types in the file; the name does not).
    public func vehicleName(_ vehicle: Int) -> String {
        guard let (t, k) = typeAndOrdinal(ofVehicle: vehicle) else { return "vehicle \(vehicle)" }
        return "\(vehicleTypes[t].id)#\(k + 1)"
    }

    /// The vehicle a `vehicleName` names, nil when there is none.
    public func vehicle(named name: String) -> Int? {
        guard let hash = name.lastIndex(of: "#"), let ordinal = Int(name[name.index(after: hash)...]), ordinal >= 1 else { return nil }
        let typeID = name[..<hash]
        var first = 0
        for type in vehicleTypes {
            if type.id == typeID { return ordinal <= type.count ? first + ordinal - 1 : nil }
            first += type.count
        }
        return nil
    }
}
