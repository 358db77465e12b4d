extension RoutingModel {
    /// Costs are decimals in the file; the search counts them in thousandths.
    static let costScale = 1000.0
    /// The largest distance or duration the search's 32-bit matrices hold.
    static let largestTravel = Int(Int32.max / 4)

    /// A dispatch day: job j is node j + 1, depot d node J + 1 + d; vehicles type by type.
    /// Node 0 is the end of open routes.
    init(_ instance: DispatchInstance) {
        let jobs = instance.jobs.count
        let nodes = jobs + 1 + instance.depots.count
        var location = [Int](repeating: -1, count: nodes)
        for (j, job) in instance.jobs.enumerated() { location[j + 1] = job.location }
        for (d, depot) in instance.depots.enumerated() { location[jobs + 1 + d] = depot.location }
        var distance = [Int32](repeating: 0, count: nodes * nodes)
        var time = [Int32](repeating: 0, count: nodes * nodes)
        for a in 1..<nodes {
            for b in 1..<nodes {
                distance[a * nodes + b] = Int32(min(instance.distance(location[a], location[b]), Self.largestTravel))
                time[a * nodes + b] = Int32(min(instance.duration(location[a], location[b]), Self.largestTravel))
            }
        }
        func vector(_ values: [Int], padding: Int) -> SIMD4<Int> {
            var v = SIMD4(repeating: padding)
            for (i, value) in values.prefix(4).enumerated() { v[i] = value }
            return v
        }
        func mask(_ skills: [Int]) -> UInt64 { skills.reduce(0) { $0 | (1 << UInt64($1 & 63)) } }
        let horizon = instance.vehicleTypes.map(\.shiftEnd).max() ?? Self.unlimited
        var demand = [SIMD4<Int>](repeating: .zero, count: nodes)
        var service = [Int](repeating: 0, count: nodes)
        var windows = [[(open: Int, close: Int)]](repeating: [(0, horizon)], count: nodes)
        var skills = [UInt64](repeating: 0, count: nodes)
        // A missed mandatory job costs the validator's charge, in the search's units.
        let mandatory = Int(DispatchValidation.missedJobCharge * Self.costScale)
        var prize = [Int](repeating: mandatory, count: nodes)
        for (j, job) in instance.jobs.enumerated() {
            let node = j + 1
            demand[node] = vector(job.delivery, padding: 0)
            service[node] = job.service
            if !job.timeWindows.isEmpty { windows[node] = job.timeWindows.map { ($0[0], $0[1]) } }
            skills[node] = mask(job.skills)
            if let value = job.prize { prize[node] = min(mandatory, Int((value * Self.costScale).rounded())) }
        }
        var vehicles: [Vehicle] = []
        for (t, type) in instance.vehicleTypes.enumerated() {
            let vehicle = Vehicle(type: t, startNode: jobs + 1 + type.startDepot,
                                  endNode: type.endDepot.map { jobs + 1 + $0 } ?? 0,
                                  shiftStart: type.shiftStart, shiftEnd: type.shiftEnd,
                                  capacity: vector(type.capacity, padding: Self.unlimited),
                                  fixedCost: Int((type.fixedCost * Self.costScale).rounded()),
                                  costPerDistance: Int((type.costPerDistance * Self.costScale).rounded()),
                                  costPerTime: Int((type.costPerTime * Self.costScale).rounded()),
                                  maxDistance: type.maxDistance ?? Self.unlimited, maxDuration: type.maxDuration ?? Self.unlimited,
                                  skills: mask(type.skills))
            vehicles += Array(repeating: vehicle, count: type.count)
        }
        self.init(jobCount: jobs, distance: distance, time: time, demand: demand, service: service, windows: windows,
                  skills: skills, prize: prize, vehicles: vehicles,
                  vehicleWeight: instance.minimiseVehicles ? Double(mandatory) / 100 : 0, mandatory: mandatory)
    }
}
