/// What the routing search sees of an instance, whatever its format: nodes, vehicles and costs
/// in integers. Node 0 is "nowhere" (zero distance and time to and from everything: the end of
/// an open route); jobs are nodes 1…J, depots J+1…; one route slot per vehicle.
///
/// Solomon's VRPTW is one depot, one vehicle type, a cost of one per unit of distance; a
/// dispatch day adds vehicle types with their own depots, shifts, capacities, skills and costs,
/// and optional jobs with prizes. One search serves both (as PyVRP's `ProblemData` does).
struct RoutingModel: Sendable {
    struct Vehicle: Sendable {
        var type: Int
        var startNode: Int
        /// 0 for an open route.
        var endNode: Int
        var shiftStart: Int
        var shiftEnd: Int
        var capacity: SIMD4<Int>
        var fixedCost: Int
        var costPerDistance: Int
        var costPerTime: Int
        var maxDistance: Int
        var maxDuration: Int
        var skills: UInt64
    }

    /// Jobs, J; nodes are 0…J plus the depots.
    let jobCount: Int
    let nodeCount: Int
    /// Row-major nodeCount² travel distance and time.
    let distance: [Int32]
    let time: [Int32]
    /// By node.
    let demand: [SIMD4<Int>]
    let service: [Int]
    /// By node: its windows, [open, close] pairs (one for a depot or a job without windows).
    let windows: [[(open: Int, close: Int)]]
    let skills: [UInt64]
    /// By node: the cost of leaving the job out (`mandatory` for one that must be served).
    let prize: [Int]
    let vehicles: [Vehicle]
    /// A route of these types costs this much more in the engine's objective (not in the
    /// descent): fewest vehicles first (SINTEF's VRPTW convention, or `minimise_vehicles`).
    let vehicleWeight: Double
    /// Unused demand dimensions have this capacity.
    static let unlimited = Int.max / 8
    /// The prize of a job that must be served: more than any plan's routes cost.
    let mandatory: Int

    init(jobCount: Int, distance: [Int32], time: [Int32], demand: [SIMD4<Int>], service: [Int],
         windows: [[(open: Int, close: Int)]], skills: [UInt64], prize: [Int], vehicles: [Vehicle],
         vehicleWeight: Double, mandatory: Int) {
        self.jobCount = jobCount
        nodeCount = demand.count
        self.distance = distance
        self.time = time
        self.demand = demand
        self.service = service
        self.windows = windows
        self.skills = skills
        self.prize = prize
        self.vehicles = vehicles
        self.vehicleWeight = vehicleWeight
        self.mandatory = mandatory
    }

    /// Solomon's VRPTW: job i is customer i, the depot is node n, `vehicleCount` vehicles.
    init(_ instance: VRPTWInstance) {
        let n = instance.dimension
        let nodes = n + 1
        let depot = n
        func original(_ node: Int) -> Int { node == depot ? 0 : node }
        var matrix = [Int32](repeating: 0, count: nodes * nodes)
        for a in 1..<nodes {
            for b in 1..<nodes { matrix[a * nodes + b] = instance.matrix[original(a) * n + original(b)] }
        }
        var demand = [SIMD4<Int>](repeating: .zero, count: nodes)
        var service = [Int](repeating: 0, count: nodes)
        var windows = [[(open: Int, close: Int)]](repeating: [(0, 0)], count: nodes)
        for node in 1..<nodes {
            let i = original(node)
            demand[node] = SIMD4(instance.demands[i], 0, 0, 0)
            service[node] = instance.service[i]
            windows[node] = [(instance.ready[i], instance.due[i])]
        }
        let longest = (0..<n).map { instance.distance(0, $0) }.max() ?? 0
        let routeBound = (2 * longest + 1) * max(1, n)
        let vehicle = Vehicle(type: 0, startNode: depot, endNode: depot, shiftStart: instance.ready[0], shiftEnd: instance.due[0],
                              capacity: SIMD4(instance.capacity, Self.unlimited, Self.unlimited, Self.unlimited),
                              fixedCost: 0, costPerDistance: 1, costPerTime: 0,
                              maxDistance: Self.unlimited, maxDuration: Self.unlimited, skills: 0)
        // More than serving any one customer can cost (2·longest) times the customers, so a
        // plan that serves more of them is always better, and small enough that their sum
        // cannot overflow.
        let mandatory = 4 * routeBound
        self.init(jobCount: n - 1, distance: matrix, time: matrix, demand: demand, service: service, windows: windows,
                  skills: [UInt64](repeating: 0, count: nodes), prize: [Int](repeating: mandatory, count: nodes),
                  vehicles: Array(repeating: vehicle, count: max(1, instance.vehicleCount)),
                  vehicleWeight: instance.convention == .hierarchical ? Double(routeBound) : 0, mandatory: mandatory)
    }

    @inline(__always) func d(_ a: Int, _ b: Int) -> Int { Int(distance[a &* nodeCount &+ b]) }
    @inline(__always) func t(_ a: Int, _ b: Int) -> Int { Int(time[a &* nodeCount &+ b]) }

    /// Whether vehicle `v` can ever serve job `c`: skills, every capacity, and on time alone
    /// (depot, the job, depot) within the shift.
    func canServe(_ v: Int, _ c: Int) -> Bool {
        let vehicle = vehicles[v]
        guard skills[c] & ~vehicle.skills == 0, all(demand[c] .<= vehicle.capacity) else { return false }
        let arrival = vehicle.shiftStart + t(vehicle.startNode, c)
        for window in windows[c] {
            let start = max(arrival, window.open)
            if start <= window.close && start + service[c] + t(c, vehicle.endNode) <= vehicle.shiftEnd
                && d(vehicle.startNode, c) + d(c, vehicle.endNode) <= vehicle.maxDistance {
                return true
            }
        }
        return false
    }
}
