import Foundation
import HunchCore

/// The vehicle routing problem with time windows as one conformance to the problem contract:
/// Solomon and Gehring–Homberger files (and VRPLIB's TIME_WINDOW_SECTION), insertion and
/// nearest-neighbour priors, ruin-and-recreate perturbations with a granular descent priced by
/// time-warp segments, the CVRP's distance bounds (windows only add constraints), and `.sol`.
///
/// `--objective distance` (the default) is the DIMACS/CVRPLIB convention: one-decimal
/// truncated distances, least total distance. `--objective vehicles` is the SINTEF one: exact
/// distances, fewest vehicles first, then least distance; the objective reported is still the
/// distance, and `details.vehicles` the fleet.
public enum VRPTWProblem: Problem {
    public typealias Instance = VRPTWInstance
    public typealias Solution = VRPTWSolution
    public typealias State = RoutingSearchState

    /// The instance under the chosen convention, and the acceptance threshold.
    public struct Context: Sendable {
        public var instance: VRPTWInstance
        public var acceptance: Acceptance
    }

    public static let name = "vrptw"
    public static let aliases = ["solomon"]
    public static let summary = "vehicle routing with time windows (Solomon / Gehring–Homberger): least total distance"
    public static let objectiveName = "distance"
    public static let sizeUnit = "customers"
    public static let solutionFileKind = "CVRPLIB .sol"
    public static let fileExtensions = ["txt"]
    public static let objectiveVariants = ["distance", "vehicles"]

    /// Threshold accepting as for the CVRP: within 0.6/n of the best, at most 2 %.
    public static func acceptance(customers: Int) -> Acceptance {
        .threshold(min(0.02, 0.6 / Double(max(1, customers))))
    }

    /// Solomon's layout (a VEHICLE block with NUMBER CAPACITY, then CUSTOMER), or TSPLIB
    /// keywords with a VRPTW TYPE.
    public static func recognises(fileExtension: String, head: String) -> Bool {
        SolomonReader.recognises(head: head) || VRPLIBTimeWindowReader.recognises(fileExtension: fileExtension, head: head)
    }

    /// A VRPLIB file with windows goes to its reader; anything else to Solomon's, whose errors
    /// then say what is missing.
    public static func read(path: String) throws -> VRPTWInstance {
        let head = InstanceHead.text(ofFile: path) ?? ""
        let vrplib = !SolomonReader.recognises(head: head)
            && VRPLIBTimeWindowReader.recognises(fileExtension: (path as NSString).pathExtension.lowercased(), head: head)
        return vrplib ? try VRPLIBTimeWindowReader.read(path: path) : try SolomonReader.read(path: path, convention: .dimacs)
    }

    public static func instanceName(_ instance: VRPTWInstance) -> String { instance.name }
    public static func size(_ instance: VRPTWInstance) -> Int { instance.customerCount }
    public static func describe(_ instance: VRPTWInstance) -> String {
        "\(instance.customerCount) customers, capacity \(instance.capacity), \(instance.vehicleCount) vehicles"
    }

    public static func context(_ instance: VRPTWInstance, options: FamilyOptions) throws -> Context {
        try options.checkObjective(family: name, allowed: objectiveVariants)
        let convention: VRPTWConvention = options.objective == "vehicles" ? .hierarchical : .dimacs
        if let problem = instance.conversionProblem(to: convention) { throw ProblemError(problem) }
        guard let converted = instance.converted(to: convention) else {
            throw ProblemError("--objective vehicles needs a Solomon-format instance (coordinates and windows in the file's unit)")
        }
        return Context(instance: converted, acceptance: acceptance(customers: instance.customerCount))
    }

    /// The manifests' VRPTW values are DIMACS distances.
    public static func knownValueApplies(_ context: Context) -> Bool { context.instance.convention == .dimacs }
    public static func defaultAcceptance(_ context: Context) -> Acceptance { context.acceptance }

    public static let priors: [PriorInfo] = VRPTWPrior.allCases.map {
        PriorInfo($0.rawValue, $0.description, benchByDefault: $0 != .random)
    }
    public static var defaultPrior: String { VRPTWPrior.default.rawValue }

    public static func construct(prior: String, _ instance: VRPTWInstance, _ context: Context,
                                 rng: inout SeededGenerator, stop: StopCondition) -> (solution: VRPTWSolution, label: String) {
        let heuristic = VRPTWPrior(rawValue: prior) ?? .default
        return (heuristic.construct(context.instance, rng: &rng, stop: stop), heuristic.rawValue)
    }

    public static func validate(_ solution: VRPTWSolution, _ instance: VRPTWInstance, _ context: Context) throws {
        try VRPTWValidation.check(solution, instance: context.instance)
    }

    public static func violations(_ solution: VRPTWSolution, _ instance: VRPTWInstance, _ context: Context) -> [String] {
        VRPTWValidation.violations(solution, instance: context.instance).map(\.description)
    }

    /// Customers the search could not fit: the fleet is too small for the windows.
    public static func shortfall(_ solution: VRPTWSolution, _ instance: VRPTWInstance, _ context: Context) -> String? {
        var served = [Bool](repeating: false, count: instance.dimension)
        for route in solution.routes { for c in route where c > 0 && c < served.count { served[c] = true } }
        let missing = (1..<max(1, instance.dimension)).filter { !served[$0] }
        guard !missing.isEmpty else { return nil }
        let ids = missing.prefix(10).map { String(instance.fileIDs[$0]) }.joined(separator: ", ")
        return "\(missing.count) customer(s) (\(ids)\(missing.count > 10 ? ", …" : "")) could not be served within their windows "
            + "by the \(instance.vehicleCount) vehicle(s) available; the fleet is too small for this instance"
    }

    public static func objective(_ solution: VRPTWSolution, _ instance: VRPTWInstance, _ context: Context) -> Double {
        context.instance.totalDistance(solution.routes)
    }

    /// The CVRP's bounds on the same distances: time windows only remove routes.
    public static func bound(_ instance: VRPTWInstance, _ context: Context, budget: Double?, incumbent: Double?,
                             stop: StopCondition) -> Double? {
        let routing = context.instance
        let relaxed = CVRPInstance(name: routing.name, capacity: routing.capacity, demands: routing.demands,
                                   matrix: routing.matrix, x: routing.x, y: routing.y)
        let scaled = Double(CVRPLowerBound.compute(relaxed)) / Double(routing.scale)
        // Hierarchical distances are rounded up by at most one unit of 10⁻⁴ per arc.
        let slack = routing.convention == .hierarchical ? Double(2 * routing.dimension) / Double(routing.scale) : 0
        return max(0, scaled - slack)
    }
    public static var boundName: String { "cvrp-relaxation" }

    public static var operatorNames: [String] { RoutingSearchState.operators }
    public static var featureCount: Int { RoutingSearchState.featureCount }

    /// Job i is customer i in the search's model, so routes pass through unchanged.
    public static func makeState(_ instance: VRPTWInstance, start: VRPTWSolution, _ context: Context,
                                 rng: inout SeededGenerator) -> RoutingSearchState {
        RoutingSearchState(model: RoutingModel(context.instance), routes: start.routes)
    }

    public static func solution(of state: RoutingSearchState, _ instance: VRPTWInstance, _ context: Context) -> VRPTWSolution {
        VRPTWSolution(routes: state.routes)
    }

    /// A DIMACS distance, scaled as the state counts it; none for the hierarchical objective,
    /// whose state also counts routes.
    public static func searchTarget(_ target: Double, _ instance: VRPTWInstance, _ context: Context) -> Double? {
        guard context.instance.convention == .dimacs else { return nil }
        return (target * Double(context.instance.scale)).rounded()
    }

    public static func details(_ solution: VRPTWSolution, _ instance: VRPTWInstance, _ context: Context) -> [String: JSONValue] {
        ["vehicles": .int(solution.routeCount), "convention": .string(context.instance.convention.rawValue)]
    }

    /// `{"routes": [[customer ids]], "schedule": [[{customer, arrival, start, departure, load}]]}`,
    /// times in the file's unit.
    public static func encode(_ solution: VRPTWSolution, _ instance: VRPTWInstance, _ context: Context) -> JSONValue {
        let routing = context.instance
        let scale = Double(routing.scale)
        let schedules: [JSONValue] = solution.routes.map { route in
            let schedule = VRPTWSchedule(route: route, instance: routing)
            return .array(schedule.stops.map { stop in
                .object(["customer": .int(routing.fileIDs[stop.node]), "arrival": .double(Double(stop.arrival) / scale),
                         "start": .double(Double(stop.start) / scale), "departure": .double(Double(stop.departure) / scale),
                         "load": .int(stop.load)])
            })
        }
        return .object(RoutesJSON.encode(solution.routes, fileIDs: routing.fileIDs).merging(["schedule": .array(schedules)]) { a, _ in a })
    }

    public static func decode(_ value: JSONValue, _ instance: VRPTWInstance, _ context: Context) throws -> VRPTWSolution {
        VRPTWSolution(routes: try RoutesJSON.decode(value, fileIDs: instance.fileIDs, acceptsDepot: false))
    }

    public static func solutionFile(_ solution: VRPTWSolution, _ instance: VRPTWInstance, _ context: Context,
                                    record: SolveRecord) -> String {
        VRPTWSolutionFile.format(solution, instance: context.instance)
    }

    /// A CVRPLIB `.sol` or SINTEF route file, or JSON (a result or `{"routes": …}`).
    public static func readSolution(path: String, _ instance: VRPTWInstance, _ context: Context) throws -> VRPTWSolution {
        if path.hasSuffix(".json") {
            do { return try decode(SolutionJSON.solutionObject(path: path), instance, context) } catch let error as ProblemError {
                throw ProblemError("\(path): \(error)")
            }
        }
        return try VRPTWSolutionFile.read(path: path, instance: context.instance).0
    }

    public static func svg(_ solution: VRPTWSolution, _ instance: VRPTWInstance, _ context: Context,
                           record: SolveRecord, title: String) -> String? {
        let routing = context.instance
        return RoutesSVG.render(x: routing.x, y: routing.y, routes: solution.routes, title: title) { r, route in
            let load = route.reduce(0) { $0 + routing.demands[$1] }
            let schedule = VRPTWSchedule(route: route, instance: routing)
            return "route \(r + 1): load \(load)/\(routing.capacity), back at \(VRPTWTime.format(schedule.returnTime, scale: routing.scale))"
        }
    }

    public static func cannotDraw(_ instance: VRPTWInstance) -> String? {
        instance.x.isEmpty ? "no coordinates to draw (a VRPLIB file with an explicit matrix)" : nil
    }

    public static let generatorParameters = [
        GeneratorParameter("customers", "number of customers", integer: 1...100_000, default: 100),
        GeneratorParameter("layout", "customer layout (Solomon's R, C, RC)", choice: ["uniform", "clustered", "mixed"], default: "uniform"),
        GeneratorParameter("horizon", "the depot's due time (R1-like 230, R2-like 1000)", integer: 50...1_000_000, default: 230),
        GeneratorParameter("window", "mean time-window width", integer: 1...1_000_000, default: 30),
        GeneratorParameter("capacity", "vehicle capacity (demands are 1–40)", integer: 40...1_000_000, default: 200),
    ]

    public static func generate(_ values: GeneratorValues) throws -> String {
        VRPTWGenerator.generate(customers: values.int("customers"), layout: values.string("layout"),
                                horizon: values.int("horizon"), windowWidth: values.int("window"),
                                capacity: values.int("capacity"), seed: values.seed, name: values.name)
    }

    public static func trainingEnvironment(_ settings: TrainingSettings, instances: [VRPTWInstance]) throws -> any TrainingEnvironment {
        var environment = VRPTWTrainingEnvironment()
        if let minSize = settings.minSize { environment.minSize = minSize }
        if let maxSize = settings.maxSize { environment.maxSize = maxSize }
        if let work = settings.workPerUnit { environment.workPerCustomer = work }
        environment.workPerEpisode = settings.workPerEpisode
        environment.instances = instances
        return environment
    }

    public static func bundledPolicy() throws -> PolicyWeights {
        throw ProblemError("vrptw ships no trained policy yet: train one with `hunch train vrptw` and pass it as --policy FILE.json")
    }

    /// The model orders the customers; the order is cut into routes where the next one no
    /// longer fits in time or load.
    public static func llmTask(_ instance: VRPTWInstance, _ context: Context) -> LLMOrderTask<VRPTWSolution> {
        let routing = context.instance
        return LLMOrderTask(
            mode: "customer-order", system: VRPTWLLMPrompt.system(), user: VRPTWLLMPrompt.user(routing),
            count: routing.customerCount,
            complete: { kept, missing in
                let order = (kept + missing).map { $0 + 1 }
                var solution = TimeOrientedNearestNeighbour.cut(routing, order: order)
                if solution.routeCount > routing.vehicleCount {
                    // More routes than vehicles: the order becomes an insertion order instead.
                    var rng = SeededGenerator(seed: 1)
                    solution = VRPTWSolution(routes: RoutingSearchState.insertionRoutes(RoutingModel(routing), order: order, rng: &rng))
                }
                try VRPTWValidation.check(solution, instance: routing)
                return solution
            },
            fallback: { seed in
                var rng = SeededGenerator(seed: seed)
                return VRPTWPrior.default.construct(routing, rng: &rng)
            },
            unavailableReason: routing.customerCount > VRPTWLLMPrompt.customerLimit
                ? "\(routing.customerCount) customers: too many to list in a prompt (limit \(VRPTWLLMPrompt.customerLimit))" : nil)
    }
}
