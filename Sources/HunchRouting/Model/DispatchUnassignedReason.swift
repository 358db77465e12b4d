import Foundation

extension DispatchValidation {
    /// Why job `job` is not served by `solution`, in one sentence for the plan's `unassigned`
    /// list. The first cause that holds, from the instance's to the plan's:
    ///
    /// 1. no vehicle type (with vehicles) has all its skills;
    /// 2. its delivery exceeds, in some dimension, the capacity of every type with its skills;
    /// 3. no such vehicle can serve it in time even alone (depot → job → depot from the shift
    ///    start: a window missed, back after the shift, or over the max distance or duration);
    /// 4. no room left in the plan: every vehicle that could take it is full or out of time
    ///    (checked by inserting it at every position of every route, and on unused vehicles);
    /// 5. it fits, at the least added cost found; for an optional job, that cost against its
    ///    prize (leaving it out is cheaper when the cost is higher).
    ///
    /// Complexity: O(Σ route length²) for causes 4 and 5.
    public static func unassignedReason(job j: Int, instance: DispatchInstance, solution: DispatchSolution) -> String {
        guard j >= 0 && j < instance.jobs.count else { return "job index \(j) is out of range" }
        let job = instance.jobs[j]
        let types = instance.vehicleTypes
        let fleet = types.indices.filter { types[$0].count > 0 }
        guard !fleet.isEmpty else { return "the fleet is empty: every vehicle type has count 0" }

        let skilled = fleet.filter { t in job.skills.allSatisfy { types[t].skills.contains($0) } }
        if skilled.isEmpty {
            let available = Set(fleet.flatMap { types[$0].skills })
            let missing = job.skills.filter { !available.contains($0) }
            if !missing.isEmpty {
                return "no vehicle type has the skill\(missing.count > 1 ? "s" : "") \(skillNames(missing, instance))"
            }
            return "no vehicle type has all of its skills \(skillNames(job.skills, instance))"
        }

        let fitting = skilled.filter { t in zip(job.delivery, types[t].capacity).allSatisfy { $0 <= $1 } }
        if fitting.isEmpty {
            let capacities = skilled.prefix(4).map { "\(types[$0].id) \(types[$0].capacity)" }.joined(separator: ", ")
            return "its delivery \(job.delivery) exceeds the capacity of every vehicle type with its skills (\(capacities))"
        }

        var alone: [Int] = []
        var aloneProblems: [String] = []
        for t in fitting {
            let schedule = DispatchSchedule(jobs: [j], vehicleType: t, instance: instance)
            let problem = aloneProblem(schedule, type: types[t], job: job)
            if let problem { aloneProblems.append(problem) } else { alone.append(t) }
        }
        if alone.isEmpty {
            return "no vehicle can serve it in time, even alone: " + aloneProblems.prefix(3).joined(separator: "; ")
        }

        // The plan: the cheapest feasible insertion into a route or onto an unused vehicle.
        var best: (delta: Double, vehicle: Int)?
        var full: [String] = []
        var outOfTime: [String] = []
        var used: Set<Int> = []
        for route in solution.routes {
            used.insert(route.vehicle)
            guard let (t, _) = instance.typeAndOrdinal(ofVehicle: route.vehicle), fitting.contains(t),
                  route.jobs.allSatisfy({ $0 >= 0 && $0 < instance.jobs.count }), !route.jobs.contains(j) else { continue }
            let base = DispatchSchedule(jobs: route.jobs, vehicleType: t, instance: instance)
            let name = instance.vehicleName(route.vehicle)
            guard zip(zip(base.initialLoad, job.delivery), types[t].capacity).allSatisfy({ $0.0 + $0.1 <= $1 }) else {
                full.append(name)
                continue
            }
            var cheapest: Double?
            for position in 0...route.jobs.count {
                var trial = route.jobs
                trial.insert(j, at: position)
                guard routeViolations(trial, vehicle: route.vehicle, type: t, instance: instance).isEmpty else { continue }
                let delta = DispatchSchedule(jobs: trial, vehicleType: t, instance: instance).cost - base.cost
                cheapest = min(cheapest ?? delta, delta)
            }
            if let cheapest {
                if cheapest < best?.delta ?? .infinity { best = (cheapest, route.vehicle) }
            } else {
                outOfTime.append(name)
            }
        }
        var first = 0
        for (t, type) in types.enumerated() {
            defer { first += type.count }
            guard alone.contains(t), let free = (first..<first + type.count).first(where: { !used.contains($0) }) else { continue }
            let cost = DispatchSchedule(jobs: [j], vehicleType: t, instance: instance).cost
            if cost < best?.delta ?? .infinity { best = (cost, free) }
        }

        let prize = job.prize
        guard let best else {
            var parts: [String] = []
            if !full.isEmpty { parts.append("\(names(full)) \(full.count > 1 ? "are" : "is") full (capacity taken by other jobs)") }
            if !outOfTime.isEmpty {
                parts.append("\(names(outOfTime)) \(outOfTime.count > 1 ? "have" : "has") no time left for it (windows, shift or limits taken by other jobs)")
            }
            let room = parts.isEmpty ? "every vehicle that could serve it is taken" : parts.joined(separator: "; ")
            return (prize.map { "optional (prize \(amount($0))), and " } ?? "") + "no room left in the plan: " + room
        }
        let vehicle = instance.vehicleName(best.vehicle)
        let onto = used.contains(best.vehicle) ? "on \(vehicle)" : "on the unused \(vehicle)"
        if let prize {
            if best.delta > prize {
                return "optional: serving it would add at least \(amount(best.delta)) to the cost (\(onto)), more than its prize \(amount(prize))"
            }
            return "optional: it fits \(onto) for \(amount(best.delta)), no more than its prize \(amount(prize)), but the plan leaves it out"
        }
        return "it fits \(onto), adding \(amount(best.delta)) to the cost, but the plan leaves it out"
    }

    /// Why a route of this job alone fails, nil when it does not.
    static func aloneProblem(_ schedule: DispatchSchedule, type: DispatchInstance.VehicleType, job: DispatchInstance.Job) -> String? {
        let a = "a \(type.id)"
        if let stop = schedule.stops.first, stop.lateness > 0 {
            return "\(a) leaving at \(schedule.departure) reaches it at \(stop.arrival), after its window\(job.timeWindows.count > 1 ? "s" : "") \(windowsText(job.timeWindows))"
        }
        if schedule.returnTime > type.shiftEnd {
            let what = type.endDepot == nil ? "done" : "back"
            return "\(a) would be \(what) at \(schedule.returnTime), after its shift ends at \(type.shiftEnd)"
        }
        if let limit = type.maxDistance, schedule.distance > limit {
            return "\(a) would drive \(schedule.distance), above its max distance \(limit)"
        }
        if let limit = type.maxDuration, schedule.duration > limit {
            return "\(a) would work \(schedule.duration), above its max duration \(limit)"
        }
        return nil
    }

    static func names(_ list: [String]) -> String {
        list.count <= 4 ? list.joined(separator: ", ") : list.prefix(3).joined(separator: ", ") + " and \(list.count - 3) more"
    }

    /// A cost as a message prints it: whole numbers bare, others to two decimals.
    static func amount(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(format: "%.2f", value)
    }
}
