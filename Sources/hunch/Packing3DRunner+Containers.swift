import Foundation
import HunchCore
import HunchPacking3D

extension Packing3DRunner {
    /// The second objective (`--objective containers`): every box loaded, in as few containers
    /// as possible; the genome is decoded into one container after another. The objective is
    /// the number of containers, the bound the family's lower bound on it.
    static func solveContainers(_ request: SolveRequest, instance: ContainerInstance, options given: Packing3DSolveOptions,
                                stop: StopCondition) throws -> FamilyRun {
        var options = given
        options.objective = .containers
        options.initialPlan = nil
        let (outcome, policy) = try search(request, instance: instance, options: options, stop: stop)
        let plans = outcome.containerPlans
        // Each container valid on its own, and together exactly the boxes of the instance.
        var loaded = [Int](repeating: 0, count: instance.boxTypes.count)
        for (k, plan) in plans.enumerated() {
            do { try PlacementValidation.check(plan, instance: instance, requireFullSupport: options.fullSupport) } catch {
                throw CLIError("\(request.path): internal error: container \(k + 1) does not validate: \(error)")
            }
            for p in plan.placements { loaded[p.type] += 1 }
        }
        guard loaded == instance.boxTypes.map(\.quantity) else {
            throw CLIError("\(request.path): internal error: the containers do not hold every box exactly once")
        }

        var record = SolveRecord(problem: family, instance: request.path, status: "feasible", timeSeconds: 0)
        record.name = manifestEntry(path: request.path)?.name ?? instance.name
        record.size = instance.boxCount
        record.objective = Double(plans.count)
        record.bound = Double(outcome.containerLowerBound)
        record.gap = SolveRecord.relativeGap(objective: record.objective, reference: record.bound)
        if plans.count == outcome.containerLowerBound { record.status = "optimal" }
        recordSearch(&record, stats: outcome.statistics, options: request.options, acceptance: options.acceptance,
                     policy: policy.name, prior: outcome.priorName, initialObjective: Double(plans.count))
        record.initialObjective = nil
        record.details?["objective"] = .string("containers")
        record.details?["full_support"] = .bool(options.fullSupport)
        let containers = JSONValue.array(plans.map { .object(["placements": planValue($0)["placements"] ?? .null]) })
        record.solution = .object(["containers": containers])
        record.timeSeconds = stop.clock.now() - request.commandStart
        return FamilyRun(
            record: record,
            headline: headline(record.name ?? instance.name, instance),
            writeSolution: { path in
                let object: JSONValue = .object(["problem": .string(family), "instance": .string(record.instance),
                                                 "containers_used": .int(plans.count), "containers": containers])
                try AtomicFile.write(object.jsonString() + "\n", to: path)
            },
            // One container per picture would be many files: the first is drawn, the title says how many.
            drawing: { title in
                plans.first.map { Packing3DSVG.render(instance, plan: $0, title: title + " — container 1 of \(plans.count)") }
            })
    }
}
