import HunchCore
import HunchExact

/// Container loading as one conformance to the problem contract: OR-Library thpack files (one
/// problem per address `FILE#K`), block-building priors decoded by the maximal-space engine, the
/// genome search, the volume bound and a small MIP. Two objectives: the most volume in one
/// container (default, maximised, the BR benchmark's) or every box in the fewest containers.
public enum Packing3DProblem: ExactlySolvable {
    public typealias Instance = ContainerInstance
    public typealias Solution = Packing3DSolution
    public typealias State = Packing3DSearchState

    public struct Context: Sendable {
        public var objective: Packing3DObjective
        /// Every box rests entirely on the floor or on other boxes.
        public var fullSupport: Bool
    }

    public static let name = "packing3d"
    public static let summary = "3D container loading (OR-Library thpack, one problem as FILE#K): most volume, or fewest containers with --objective containers"
    public static let objectiveName = "volume %"
    public static let sizeUnit = "boxes"
    public static let solutionFileKind = "JSON placements"
    public static let fileExtensions = ["txt"]

    /// `P` (the problem count), then `p seed` (OR-Library thpack).
    public static func recognises(fileExtension: String, head: String) -> Bool {
        let numbers = InstanceHead(head).numericLines(2)
        return numbers.count == 2 && numbers[0].count == 1 && numbers[1].count == 2
    }

    /// `FILE#K`, or a file that holds a single problem.
    public static func read(path: String) throws -> ContainerInstance {
        let address = try InstanceAddress(path)
        if let k = address.problem { return try ThpackReader.read(path: address.file, problem: k) }
        let count = try ThpackReader.problemCount(path: address.file)
        guard count == 1 else {
            throw ProblemError("\(address.file) holds \(count) problems: name one as \(address.file)#K (K = 1…\(count)); batch and bench take them all")
        }
        return try ThpackReader.read(path: address.file, problem: 1)
    }

    public static func addresses(inFile path: String) throws -> [String] {
        let count = try ThpackReader.problemCount(path: path)
        return (1...max(1, count)).map { "\(path)#\($0)" }
    }

    public static func instanceName(_ instance: ContainerInstance) -> String { instance.name }
    public static func size(_ instance: ContainerInstance) -> Int { instance.boxCount }
    public static func describe(_ instance: ContainerInstance) -> String {
        let c = instance.container
        return "\(instance.boxCount) boxes of \(instance.boxTypes.count) types, container \(c[0])×\(c[1])×\(c[2])"
    }

    /// `--objective volume|containers` (volume by default) and `--support full|none` (full by default).
    public static func context(_ instance: ContainerInstance, options: FamilyOptions) throws -> Context {
        try options.check(family: name, objectives: objectiveVariants, supports: supportVariants)
        let objective = options.objective.flatMap(Packing3DObjective.init(rawValue:)) ?? .volume
        let support = options.support.flatMap(Packing3DSupport.init(rawValue:)) ?? .full
        return Context(objective: objective, fullSupport: support.fullSupport)
    }

    public static var objectiveVariants: [String] { Packing3DObjective.allCases.map(\.rawValue) }
    public static var supportVariants: [String] { Packing3DSupport.allCases.map(\.rawValue) }
    public static func sense(_ context: Context) -> ObjectiveSense { context.objective == .volume ? .maximise : .minimise }
    /// Published values (BSG) are volumes: they say nothing about the containers objective.
    public static func knownValueApplies(_ context: Context) -> Bool { context.objective == .volume }
    public static func defaultAcceptance(_ context: Context) -> Acceptance { Packing3DSolveOptions().acceptance }

    /// What each prior does, in a sentence for `--prior llm-choice`'s menu.
    static let priorDescriptions: [String: String] = [
        "best-of": "tries every ordering rule and keeps the plan that packs the most volume; the strongest and slowest start.",
        "max-volume": "places the block of largest volume first at each step.",
        "floor-by-floor": "fills the container floor by floor, lowest free space first.",
        "most-volume-first": "box types with the most total volume go first.",
        "longest-side-first": "box types with the longest side go first; good for long boxes.",
        "flat": "prefers boxes lying flat, building low layers.",
        "whole-blocks": "prefers blocks that use a whole box type at once.",
        "random": "a random order: a baseline.",
        "beam": "a beam search over blocks (mixed-type blocks included) with greedy completion, for the whole time limit; the strongest.",
        "beam-simple": "the beam search with one-type blocks only.",
    ]
    /// In the prior enum's order; baselines are not run alone by `bench`.
    public static let priors: [PriorInfo] = Packing3DPrior.allCases.map {
        PriorInfo($0.rawValue, priorDescriptions[$0.rawValue] ?? $0.rawValue, benchByDefault: $0 != .random && !$0.isBeamSearch)
    }
    /// The beam search: it takes the whole budget for `--objective volume`; for `containers` the
    /// genome search runs from `best-of`'s genome with general blocks.
    public static var defaultPrior: String { Packing3DPrior.beam.rawValue }

    /// The prior's genome, decoded as the search would decode it; for `beam` and `beam-simple`
    /// with the volume objective, the beam search's best plan under `stop` (with the genome that
    /// replays it, for the genome search that follows if time is left).
    public static func construct(prior: String, _ instance: ContainerInstance, _ context: Context,
                                 rng: inout SeededGenerator, stop: StopCondition) -> (solution: Packing3DSolution, label: String) {
        let rule = Packing3DPrior(name: prior) ?? .default
        let genome = rule.genome(instance, fullSupport: context.fullSupport, rng: &rng, stop: stop)
        if rule.isBeamSearch && context.objective == .volume {
            // The seed draws the first width (its own stream: the genome search's draws stay
            // what they were).
            var variation = SeededGenerator(seed: rng.seedValue)
            let beam = BeamSearch().varied(by: &variation)
            var beamStop = stop
            if let deadline = stop.deadline {
                let now = stop.clock.now()
                beamStop.deadline = now + beam.timeShare * max(0, deadline - now)
            }
            // `beam` alternates rounds with and without general blocks: mixed blocks carry the
            // strongly heterogeneous classes, one-type layers the weakly heterogeneous ones.
            // Both rank blocks by BSG's VCS score (`contactScore`: volume, usable space kept,
            // contact surface, box count): at 10 s on problems 1–2 of BR1–BR15 +0.67 points over
            // volume less waste (`wasteScore`), 25 better, 4 worse, with full support, and +0.6
            // without (docs/benchmarks.md, issue 17, "BSG's VCS score").
            var genome = genome
            genome.contactScore = true
            genome.contactFromBlocks = Packing3DProblem.measuresContact(instance, fullSupport: context.fullSupport)
            var genomes = [genome]
            if genome.generalBlocks {
                var simple = genome
                simple.generalBlocks = false
                genomes.append(simple)
            }
            let found = beam.run(instance, fullSupport: context.fullSupport, genomes: genomes, stop: beamStop)
            var solution = Packing3DSolution(containers: [found.plan], genome: found.genome)
            solution.beamStatistics = found.statistics
            return (solution, rule.rawValue)
        }
        return (decode(genome, instance, context, stop: stop), rule.rawValue)
    }

    /// Whether the beam measures VCS's contact against the placed blocks (BSG's way) rather than
    /// from the space alone: without support, on strongly heterogeneous instances (more than 20
    /// box types, BR8–BR15's kind). There many small blocks split the free space, and the
    /// space's estimate overstates a placed block's contact most (by 0.15 of its surface on
    /// BR14-2 against 0.06 on BR4-1). At 30 s without support it gained 0.15 points on 30
    /// problems of BR8–BR15 (19 better, 11 worse) despite the time it costs, and lost 0.12 on 10
    /// of BR1–BR7 (1 better, 9 worse), whose large blocks the estimate ranks well
    /// (docs/benchmarks.md, issue 17, "Contact against the placed blocks"). With full support it
    /// was not measured.
    static func measuresContact(_ instance: ContainerInstance, fullSupport: Bool) -> Bool {
        !fullSupport && instance.boxTypes.count > 20
    }

    /// The genome's plan; `stop` may end a `.volume` decode early (its partial plan is valid).
    static func decode(_ genome: PlacementGenome, _ instance: ContainerInstance, _ context: Context,
                       stop: StopCondition? = nil) -> Packing3DSolution {
        let state = Packing3DSearchState(instance: instance, genome: genome, fullSupport: context.fullSupport,
                                         objective: context.objective, stop: stop)
        return Packing3DSolution(containers: state.containerPlans, genome: state.genome)
    }

    /// Each container valid on its own; for the containers objective, together exactly the boxes.
    public static func validate(_ solution: Packing3DSolution, _ instance: ContainerInstance, _ context: Context) throws {
        if context.objective == .volume && solution.containers.count != 1 {
            throw ProblemError("expected one container, found \(solution.containers.count)")
        }
        var loaded = [Int](repeating: 0, count: instance.boxTypes.count)
        for (k, plan) in solution.containers.enumerated() {
            do { try PlacementValidation.check(plan, instance: instance, requireFullSupport: context.fullSupport) } catch {
                throw ProblemError(solution.containers.count == 1 ? "\(error)" : "container \(k + 1): \(error)")
            }
            // Each plan passed its own check: types in range, counts ≥ 1 and within the quantities.
            for p in plan.placements { loaded[p.type] += p.boxCount }
        }
        if context.objective == .containers && loaded != instance.boxTypes.map(\.quantity) {
            throw ProblemError("the containers do not hold every box exactly once")
        }
    }

    /// At most this many violations are listed: a hostile plan of n blocks stacked in one place
    /// has n² overlapping pairs, and a list past this length says nothing more.
    static let violationLimit = 1000

    /// Every block's defects, overlaps and unsupported blocks, container by container; for the
    /// containers objective, each box type loaded more or fewer times than the instance has.
    public static func violations(_ solution: Packing3DSolution, _ instance: ContainerInstance, _ context: Context) -> [String] {
        var found: [String] = []
        if context.objective == .volume && solution.containers.count != 1 {
            found.append("expected one container, found \(solution.containers.count)")
        }
        var loaded = [Int](repeating: 0, count: instance.boxTypes.count)
        for (k, plan) in solution.containers.enumerated() {
            let prefix = solution.containers.count == 1 ? "" : "container \(k + 1): "
            let left = violationLimit - found.count
            guard left > 0 else { break }
            found += PlacementValidation.violations(plan, instance: instance, requireFullSupport: context.fullSupport,
                                                    limit: left).map { prefix + "\($0)" }
            for p in plan.placements where loaded.indices.contains(p.type) && p.nx >= 1 && p.ny >= 1 && p.nz >= 1 {
                loaded[p.type] = loaded[p.type].addingReportingOverflow(p.boxCount).partialValue
            }
        }
        if found.count >= violationLimit {
            return Array(found.prefix(violationLimit)) + ["… and possibly more: the list stops at \(violationLimit) violations"]
        }
        if context.objective == .containers {
            for (t, type) in instance.boxTypes.enumerated() where loaded[t] != type.quantity {
                found.append(loaded[t] < type.quantity
                    ? "type \(t): \(type.quantity - loaded[t]) of its \(type.quantity) boxes are in no container"
                    : "type \(t): \(loaded[t]) boxes loaded, the instance has \(type.quantity)")
            }
        }
        return found
    }

    public static func objective(_ solution: Packing3DSolution, _ instance: ContainerInstance, _ context: Context) -> Double {
        context.objective == .volume ? solution.plan.utilisation(instance) : Double(solution.containers.count)
    }

    /// Volume: the reachable-length upper bound on utilisation; containers: total volume / container.
    public static func bound(_ instance: ContainerInstance, _ context: Context, budget: Double?, incumbent: Double?,
                             stop: StopCondition) -> Double? {
        switch context.objective {
        case .volume: return Packing3DBound.utilisationUpperBound(instance, stop: stop)
        case .containers:
            let container = max(1, instance.containerVolume)
            return Double(max(1, (instance.totalBoxVolume + container - 1) / container))
        }
    }

    public static var operatorNames: [String] { Packing3DSearchState.operators }
    public static var featureCount: Int { Packing3DSearchState.featureCount }

    /// From the start's genome; a plan without one (a user's file) gets the default prior's.
    public static func makeState(_ instance: ContainerInstance, start: Packing3DSolution, _ context: Context,
                                 rng: inout SeededGenerator) -> Packing3DSearchState {
        let genome = start.genome ?? Packing3DPrior.default.genome(instance, fullSupport: context.fullSupport, rng: &rng)
        let state = Packing3DSearchState(instance: instance, genome: genome, fullSupport: context.fullSupport,
                                         objective: context.objective)
        state.beamStatistics = start.beamStatistics
        return state
    }

    public static func solution(of state: Packing3DSearchState, _ instance: ContainerInstance, _ context: Context) -> Packing3DSolution {
        var solution = Packing3DSolution(containers: state.containerPlans, genome: state.genome)
        solution.beamStatistics = state.beamStatistics
        return solution
    }

    /// The search's objective is the unused volume % (volume) or containers − 1 + the last one's fill.
    public static func searchTarget(_ target: Double, _ instance: ContainerInstance, _ context: Context) -> Double? {
        context.objective == .volume ? 100 - target + 1e-9 : target
    }

    public static func details(_ solution: Packing3DSolution, _ instance: ContainerInstance, _ context: Context) -> [String: JSONValue] {
        let support: JSONValue = .string(context.fullSupport ? Packing3DSupport.full.rawValue : Packing3DSupport.none.rawValue)
        if context.objective == .containers {
            return ["objective": .string("containers"), "full_support": .bool(context.fullSupport), "support": support]
        }
        var details: [String: JSONValue] = ["full_support": .bool(context.fullSupport), "support": support,
                                            "boxes_placed": .int(solution.plan.boxCount), "boxes_total": .int(instance.boxCount)]
        if let beam = solution.beamStatistics { details["beam"] = beam.json }
        return details
    }

    /// One object per placement; a block of several boxes adds its counts `nx`, `ny`, `nz`.
    static func placementsValue(_ plan: PackingPlan) -> JSONValue {
        .array(plan.placements.map { p in
            var object: [String: JSONValue] = ["type": .int(p.type), "x": .int(p.x), "y": .int(p.y), "z": .int(p.z),
                                               "lx": .int(p.lx), "ly": .int(p.ly), "lz": .int(p.lz)]
            if p.boxCount != 1 {
                object["nx"] = .int(p.nx)
                object["ny"] = .int(p.ny)
                object["nz"] = .int(p.nz)
            }
            return .object(object)
        })
    }

    /// Volume: `{"placements": [{type, x, y, z, lx, ly, lz[, nx, ny, nz]}]}`; containers:
    /// `{"containers": [{"placements"}]}`.
    public static func encode(_ solution: Packing3DSolution, _ instance: ContainerInstance, _ context: Context) -> JSONValue {
        if context.objective == .containers {
            return .object(["containers": .array(solution.containers.map { .object(["placements": placementsValue($0)]) })])
        }
        return .object(["placements": placementsValue(solution.plan)])
    }

    public static func decode(_ value: JSONValue, _ instance: ContainerInstance, _ context: Context) throws -> Packing3DSolution {
        func plan(_ value: JSONValue) throws -> PackingPlan {
            guard case .array(let items)? = value["placements"] else {
                throw ProblemError("expected JSON with \"placements\": [{\"type\", \"x\", \"y\", \"z\", \"lx\", \"ly\", \"lz\"}, …]")
            }
            var placements: [Placement] = []
            let keys = ["type", "x", "y", "z", "lx", "ly", "lz"]
            let largest = max(1, instance.container.max() ?? 1)
            for (i, item) in items.enumerated() {
                let values = keys.compactMap { key -> Int? in if case .int(let v)? = item[key] { return v } else { return nil } }
                guard values.count == keys.count else { throw ProblemError("placement \(i) needs integer \(keys.joined(separator: ", "))") }
                guard instance.boxTypes.indices.contains(values[0]) else {
                    throw ProblemError("placement \(i): \"type\" is \(values[0]): box types are numbered 0…\(instance.boxTypes.count - 1) in file order")
                }
                var counts: [Int] = []
                for key in ["nx", "ny", "nz"] {
                    switch item[key] {
                    case nil: counts.append(1)
                    case .int(let v)?: counts.append(v)
                    default: throw ProblemError("placement \(i): \"\(key)\" must be an integer (boxes along that axis)")
                    }
                }
                // Range-checked before any arithmetic: a coordinate near 2⁶³ would overflow x + lx.
                let numbers = Array(values.dropFirst()) + counts, names = Array(keys.dropFirst()) + ["nx", "ny", "nz"]
                if let k = numbers.firstIndex(where: { $0 < 0 || $0 > largest }) {
                    throw ProblemError("placement \(i): \"\(names[k])\" is \(numbers[k]), outside 0…\(largest) (the container's largest side)")
                }
                placements.append(Placement(type: values[0], x: values[1], y: values[2], z: values[3],
                                            lx: values[4], ly: values[5], lz: values[6], nx: counts[0], ny: counts[1], nz: counts[2]))
            }
            return PackingPlan(placements: placements)
        }
        if context.objective == .containers {
            guard case .array(let containers)? = value["containers"] else {
                throw ProblemError("expected \"containers\": [{\"placements\": …}] (a plan for --objective containers)")
            }
            return Packing3DSolution(containers: try containers.enumerated().map { k, container in
                do { return try plan(container) } catch { throw ProblemError("container \(k + 1): \(error)") }
            })
        }
        if value["placements"] == nil, value["containers"] != nil {
            throw ProblemError("this plan has \"containers\": read it with --objective containers")
        }
        return Packing3DSolution(containers: [try plan(value)])
    }

    public static func solutionFile(_ solution: Packing3DSolution, _ instance: ContainerInstance, _ context: Context,
                                    record: SolveRecord) -> String {
        var object: [String: JSONValue] = ["problem": .string(name), "instance": .string(record.instance)]
        if context.objective == .containers {
            object["containers_used"] = .int(solution.containers.count)
            object["containers"] = encode(solution, instance, context)["containers"] ?? .null
        } else {
            object["utilisation"] = .double(solution.plan.utilisation(instance))
            object["placements"] = placementsValue(solution.plan)
        }
        return JSONValue.object(object).jsonString() + "\n"
    }

    /// One container per picture would be many files: the first is drawn, the title says how many.
    public static func svg(_ solution: Packing3DSolution, _ instance: ContainerInstance, _ context: Context,
                           record: SolveRecord, title: String) -> String? {
        guard let first = solution.containers.first else { return nil }
        let suffix = solution.containers.count > 1 || context.objective == .containers
            ? " — container 1 of \(solution.containers.count)" : ""
        return Packing3DSVG.render(instance, plan: first, title: title + suffix)
    }

    public static let generatorParameters = [
        GeneratorParameter("box-types", "number of box types (BR-like)", integer: 1...100, default: 5),
    ]

    public static func generate(_ values: GeneratorValues) throws -> String {
        let types = values.int("box-types")
        let name = values.name ?? "br\(types)s\(values.seed)"
        return ThpackWriter.write([Packing3DGenerator.random(boxTypes: types, seed: values.seed, name: name)])
    }

    /// Sizes are numbers of box types; the budget is counted in decodes per episode.
    public static func trainingEnvironment(_ settings: TrainingSettings, instances: [ContainerInstance]) throws -> any TrainingEnvironment {
        var environment = Packing3DTrainingEnvironment()
        if let minSize = settings.minSize { environment.minTypes = minSize }
        if let maxSize = settings.maxSize { environment.maxTypes = maxSize }
        if let work = settings.workPerEpisode { environment.decodesPerEpisode = work }
        environment.instances = instances
        return environment
    }

    public static func bundledPolicy() throws -> PolicyWeights { try Packing3DBundledPolicy.weights() }

    /// An order of box types; the search continues from the model's genome, not only its plan.
    public static func llmTask(_ instance: ContainerInstance, _ context: Context) -> LLMOrderTask<Packing3DSolution> {
        LLMOrderTask(
            mode: "box-type-order", system: Packing3DLLMPrompt.system(), user: Packing3DLLMPrompt.user(instance),
            count: instance.boxTypes.count,
            complete: { kept, missing in
                let solution = decode(BoxOrderDecoder.genome(instance, boxTypeOrder: kept + missing), instance, context)
                try validate(solution, instance, context)
                return solution
            },
            fallback: { seed in
                var rng = SeededGenerator(seed: seed)
                return construct(prior: Packing3DPrior.default.rawValue, instance, context, rng: &rng, stop: StopCondition()).solution
            })
    }

    public static let exactModel = "a MIP over positions and orientations for a handful of boxes (without support constraints)"
    public static let exactWantsIncumbent = false
    /// The MIP has no support constraints: its plans are validated without them.
    public static func exactContext(_ context: Context) -> Context {
        var exact = context
        exact.fullSupport = false
        return exact
    }

    public static func solveExactly(_ instance: ContainerInstance, _ context: Context, incumbent: Packing3DSolution?,
                                    timeLimit: Double, verbose: Bool) throws -> ExactOutcome<Packing3DSolution> {
        guard context.objective == .volume else { throw ProblemError("the exact model maximises volume; drop --objective") }
        let result = try Packing3DExactSolver.solve(instance, timeLimit: timeLimit, verbose: verbose)
        return ExactOutcome(status: SolveStatus(result.status),
                            solution: Packing3DSolution(containers: [result.plan ?? PackingPlan()]), bound: result.bound,
                            error: result.status.errorMessage)
    }
}
