import Foundation
import HunchCore

/// A dispatch day (the JSON dispatch format, docs/formats.md) as one conformance to the problem
/// contract: several depots, vehicle types with shifts, capacity vectors, skills and costs,
/// jobs with windows and optional prizes. The search is the VRPTW's (RoutingSearchState) on
/// the day's RoutingModel; the plan comes back with times, loads and, for each job left out,
/// the reason.
public enum DispatchProblem: Problem {
    public typealias Instance = DispatchInstance
    public typealias Solution = DispatchSolution
    public typealias State = RoutingSearchState

    /// The search's model of the day, built once, and the acceptance threshold.
    public struct Context: Sendable {
        let model: RoutingModel
        public var acceptance: Acceptance
    }

    public static let name = "dispatch"
    public static let aliases = ["vrp-json"]
    public static let summary = "a dispatch day in JSON (depots, vehicle types, jobs with windows and skills): least cost"
    public static let objectiveName = "cost"
    public static let sizeUnit = "jobs"
    public static let solutionFileKind = "dispatch plan JSON"
    public static let fileExtensions = ["json"]

    public static func recognises(fileExtension: String, head: String) -> Bool {
        DispatchReader.recognises(fileExtension: fileExtension, head: head)
    }

    public static func read(path: String) throws -> DispatchInstance { try DispatchReader.read(path: path) }
    public static func instanceName(_ instance: DispatchInstance) -> String { instance.name }
    public static func size(_ instance: DispatchInstance) -> Int { instance.jobs.count }
    public static func describe(_ instance: DispatchInstance) -> String {
        let vehicles = instance.vehicleTypes.reduce(0) { $0 + $1.count }
        return "\(instance.jobs.count) jobs, \(vehicles) vehicles of \(instance.vehicleTypes.count) types, \(instance.depots.count) depots"
    }

    public static func context(_ instance: DispatchInstance, options: FamilyOptions) throws -> Context {
        try options.checkObjective(family: name, allowed: objectiveVariants)
        guard instance.skills.count <= 64 else {
            throw ProblemError("\(instance.skills.count) distinct skills: the search handles at most 64")
        }
        if let longest = (instance.distance + instance.duration).max(), longest > RoutingModel.largestTravel {
            throw ProblemError("a distance or duration of \(longest): the search handles at most \(RoutingModel.largestTravel); use coarser units")
        }
        return Context(model: RoutingModel(instance), acceptance: VRPTWProblem.acceptance(customers: instance.jobs.count))
    }

    public static func defaultAcceptance(_ context: Context) -> Acceptance { context.acceptance }

    public static let priors = [
        PriorInfo("insertion", "cheapest insertion by closing time: each job where the plan's cost rises least, a spare vehicle when none can take it on time.", benchByDefault: true),
        PriorInfo("random", "cheapest insertion in a random order: a baseline.", benchByDefault: false),
    ]
    public static var defaultPrior: String { "insertion" }

    public static func construct(prior: String, _ instance: DispatchInstance, _ context: Context,
                                 rng: inout SeededGenerator, stop: StopCondition) -> (solution: DispatchSolution, label: String) {
        let model = context.model
        var order = Array(1...max(1, instance.jobs.count)).filter { $0 <= instance.jobs.count }
        let label: String
        if prior == "random" {
            for i in stride(from: order.count - 1, to: 0, by: -1) { order.swapAt(i, rng.below(i + 1)) }
            label = "random"
        } else {
            order.sort { (model.windows[$0].last?.close ?? 0, $0) < (model.windows[$1].last?.close ?? 0, $1) }
            label = "insertion"
        }
        let routes = RoutingSearchState.insertionRoutes(model, order: order, rng: &rng, stop: stop)
        return (plan(routes, jobs: instance.jobs.count), label)
    }

    /// Routes by vehicle (job nodes) as a plan; jobs in none are unassigned.
    static func plan(_ routes: [[Int]], jobs: Int) -> DispatchSolution {
        var served = [Bool](repeating: false, count: jobs + 1)
        for route in routes { for node in route { served[node] = true } }
        return DispatchSolution(routes: routes.enumerated().map { .init(vehicle: $0.offset, jobs: $0.element.map { $0 - 1 }) },
                                unassigned: (1..<(jobs + 1)).filter { !served[$0] }.map { $0 - 1 })
    }

    public static func validate(_ solution: DispatchSolution, _ instance: DispatchInstance, _ context: Context) throws {
        try DispatchValidation.check(solution, instance: instance)
    }

    /// The plan's violations, and every mandatory job it leaves out (with the reason): a plan
    /// that does not serve them is consistent, and the solver returns it when nothing better
    /// exists, but a checked plan is only feasible when it serves them all.
    public static func violations(_ solution: DispatchSolution, _ instance: DispatchInstance, _ context: Context) -> [String] {
        let found = DispatchValidation.violations(solution, instance: instance).map(\.description)
        return found + solution.unassigned.filter { $0 >= 0 && $0 < instance.jobs.count && instance.jobs[$0].prize == nil }.map {
            "mandatory job \(instance.jobs[$0].id) is not served: \(DispatchValidation.unassignedReason(job: $0, instance: instance, solution: solution))"
        }
    }

    public static func objective(_ solution: DispatchSolution, _ instance: DispatchInstance, _ context: Context) -> Double {
        DispatchValidation.objective(solution, instance: instance)
    }

    /// No bound yet for mixed fleets: the gap is reported against none.
    public static func bound(_ instance: DispatchInstance, _ context: Context, budget: Double?, incumbent: Double?,
                             stop: StopCondition) -> Double? { nil }

    public static var operatorNames: [String] { RoutingSearchState.operators }
    public static var featureCount: Int { RoutingSearchState.featureCount }

    public static func makeState(_ instance: DispatchInstance, start: DispatchSolution, _ context: Context,
                                 rng: inout SeededGenerator) -> RoutingSearchState {
        var routes = [[Int]](repeating: [], count: context.model.vehicles.count)
        for route in start.routes where route.vehicle < routes.count { routes[route.vehicle] = route.jobs.map { $0 + 1 } }
        return RoutingSearchState(model: context.model, routes: routes)
    }

    public static func solution(of state: RoutingSearchState, _ instance: DispatchInstance, _ context: Context) -> DispatchSolution {
        plan(state.routes, jobs: instance.jobs.count)
    }

    /// The search counts costs in thousandths.
    public static func searchTarget(_ target: Double, _ instance: DispatchInstance, _ context: Context) -> Double? {
        (target * RoutingModel.costScale).rounded()
    }

    public static func details(_ solution: DispatchSolution, _ instance: DispatchInstance, _ context: Context) -> [String: JSONValue] {
        let mandatory = solution.unassigned.filter { instance.jobs[$0].prize == nil }.count
        return ["vehicles": .int(solution.routes.count), "served": .int(instance.jobs.count - solution.unassigned.count),
                "unassigned": .int(solution.unassigned.count), "unassigned_mandatory": .int(mandatory)]
    }

    public static func encode(_ solution: DispatchSolution, _ instance: DispatchInstance, _ context: Context) -> JSONValue {
        DispatchPlanJSON.encode(solution, instance: instance)
    }

    public static func decode(_ value: JSONValue, _ instance: DispatchInstance, _ context: Context) throws -> DispatchSolution {
        try DispatchPlanJSON.decode(value, instance: instance)
    }

    public static func solutionFile(_ solution: DispatchSolution, _ instance: DispatchInstance, _ context: Context,
                                    record: SolveRecord) -> String {
        DispatchPlanJSON.format(solution, instance: instance)
    }

    /// A plan JSON (`--out`), or a `solve --json` result holding one.
    public static func readSolution(path: String, _ instance: DispatchInstance, _ context: Context) throws -> DispatchSolution {
        do { return try decode(SolutionJSON.solutionObject(path: path), instance, context) } catch let error as ProblemError {
            throw ProblemError("\(path): \(error)")
        }
    }

    public static func svg(_ solution: DispatchSolution, _ instance: DispatchInstance, _ context: Context,
                           record: SolveRecord, title: String) -> String? {
        DispatchSVG.render(instance, solution: solution, title: title)
    }

    public static func cannotDraw(_ instance: DispatchInstance) -> String? {
        instance.coordinates == nil ? "no coordinates to draw (the day gives matrices only)" : nil
    }

    public static let generatorParameters = [
        GeneratorParameter("jobs", "number of orders (the format holds 10,000 locations)", integer: 1...9_980, default: 120),
        GeneratorParameter("depots", "number of depots", integer: 1...20, default: 2),
        GeneratorParameter("optional", "share of optional orders with a prize, in per cent", integer: 0...100, default: 5),
    ]

    public static func generate(_ values: GeneratorValues) throws -> String {
        DispatchGenerator.generate(jobs: values.int("jobs"), depots: values.int("depots"),
                                   optionalShare: Double(values.int("optional")) / 100, seed: values.seed, name: values.name)
    }

    public static func trainingEnvironment(_ settings: TrainingSettings, instances: [DispatchInstance]) throws -> any TrainingEnvironment {
        throw ProblemError("dispatch shares the VRPTW search: train with `hunch train vrptw` and pass the policy as --policy FILE.json")
    }

    public static func bundledPolicy() throws -> PolicyWeights {
        throw ProblemError("dispatch ships no trained policy")
    }

    public static func llmTask(_ instance: DispatchInstance, _ context: Context) -> LLMOrderTask<DispatchSolution> {
        let model = context.model
        return LLMOrderTask(
            mode: "job-order", system: "", user: "", count: instance.jobs.count,
            complete: { kept, missing in
                var rng = SeededGenerator(seed: 1)
                return plan(RoutingSearchState.insertionRoutes(model, order: (kept + missing).map { $0 + 1 }, rng: &rng),
                            jobs: instance.jobs.count)
            },
            fallback: { seed in
                var rng = SeededGenerator(seed: seed)
                return plan(RoutingSearchState.insertionRoutes(model, order: Array(1..<(instance.jobs.count + 1)), rng: &rng),
                            jobs: instance.jobs.count)
            },
            unavailableReason: "the language-model prior is not offered for dispatch days yet (vehicle types and skills do not fit its one-order question)")
    }
}
