/// What is wrong with a dispatch plan, in words a planner can check against the files: jobs and
/// vehicles by their ids (`van#2`), times and distances in the file's units.
public struct DispatchViolation: Error, CustomStringConvertible, Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case jobOutOfRange, jobServedTwice, jobServedAndUnassigned, jobNotPlanned
        case vehicleOutOfRange, vehicleUsedTwice
        case missingSkill, overCapacity, missedWindow, lateReturn, overMaxDistance, overMaxDuration
    }

    public let kind: Kind
    /// The vehicle index to blame, when one is.
    public let vehicle: Int?
    /// The job index to blame, when one is.
    public let job: Int?
    public let description: String

    init(_ kind: Kind, vehicle: Int? = nil, job: Int? = nil, _ description: String) {
        self.kind = kind
        self.vehicle = vehicle
        self.job = job
        self.description = description
    }
}

/// Checks a dispatch plan through `DispatchSchedule`, sharing no code with the search, and
/// prices it.
///
/// A plan is consistent when every job is either served once or listed once as unassigned,
/// every vehicle drives at most one route, and each route respects its vehicle's skills,
/// capacity per dimension, the jobs' windows, the shift end, and the maximum distance and
/// duration. A mandatory job left unassigned is *not* a violation — a day may be impossible to
/// serve in full, and the plan should still come back — it is priced by `missedJobCharge` and
/// explained by `unassignedReason`.
public enum DispatchValidation {
    /// What leaving out a mandatory job adds to the objective: larger than any plausible day's
    /// cost, so a plan that serves more mandatory jobs is always better.
    public static let missedJobCharge = 1e9

    /// Every violation: route by route (vehicle and job indices, then skills, capacity, windows,
    /// return, limits), then the unassigned list, then jobs in neither.
    public static func violations(_ solution: DispatchSolution, instance: DispatchInstance) -> [DispatchViolation] {
        var found: [DispatchViolation] = []
        let jobCount = instance.jobs.count
        var served = [Bool](repeating: false, count: jobCount)
        var usedVehicle: Set<Int> = []
        for route in solution.routes {
            guard let (t, _) = instance.typeAndOrdinal(ofVehicle: route.vehicle) else {
                found.append(DispatchViolation(.vehicleOutOfRange, vehicle: route.vehicle,
                                               "a route names vehicle \(route.vehicle); the fleet has \(instance.vehicleCount) (0…\(instance.vehicleCount - 1))"))
                continue
            }
            let name = instance.vehicleName(route.vehicle)
            if !usedVehicle.insert(route.vehicle).inserted {
                found.append(DispatchViolation(.vehicleUsedTwice, vehicle: route.vehicle, "\(name) drives two routes"))
            }
            var jobs: [Int] = []
            for j in route.jobs {
                guard j >= 0 && j < jobCount else {
                    found.append(DispatchViolation(.jobOutOfRange, vehicle: route.vehicle,
                                                   "\(name): job index \(j) is out of range (0…\(jobCount - 1))"))
                    continue
                }
                if served[j] {
                    found.append(DispatchViolation(.jobServedTwice, vehicle: route.vehicle, job: j,
                                                   "\(name): job \(quoted(instance.jobs[j].id)) is served twice"))
                }
                served[j] = true
                jobs.append(j)
            }
            found += routeViolations(jobs, vehicle: route.vehicle, type: t, instance: instance)
        }
        var listed = [Bool](repeating: false, count: jobCount)
        for j in solution.unassigned {
            guard j >= 0 && j < jobCount else {
                found.append(DispatchViolation(.jobOutOfRange, "unassigned: job index \(j) is out of range (0…\(jobCount - 1))"))
                continue
            }
            let id = quoted(instance.jobs[j].id)
            if served[j] {
                found.append(DispatchViolation(.jobServedAndUnassigned, job: j, "job \(id) is served and also listed as unassigned"))
            } else if listed[j] {
                found.append(DispatchViolation(.jobServedTwice, job: j, "job \(id) is listed twice as unassigned"))
            }
            listed[j] = true
        }
        for j in 0..<jobCount where !served[j] && !listed[j] {
            found.append(DispatchViolation(.jobNotPlanned, job: j, "job \(quoted(instance.jobs[j].id)) is neither served nor listed as unassigned"))
        }
        return found
    }

    /// The faults of one route of valid job indices on vehicle `vehicle` of type `t`.
    static func routeViolations(_ jobs: [Int], vehicle: Int, type t: Int, instance: DispatchInstance) -> [DispatchViolation] {
        guard !jobs.isEmpty else { return [] }
        var found: [DispatchViolation] = []
        let type = instance.vehicleTypes[t]
        let name = instance.vehicleName(vehicle)
        for j in jobs {
            let lacking = instance.jobs[j].skills.filter { !type.skills.contains($0) }
            if !lacking.isEmpty {
                found.append(DispatchViolation(.missingSkill, vehicle: vehicle, job: j,
                                               "\(name) serves job \(quoted(instance.jobs[j].id)) without the skill\(lacking.count > 1 ? "s" : "") \(skillNames(lacking, instance))"))
            }
        }
        let schedule = DispatchSchedule(jobs: jobs, vehicleType: t, instance: instance)
        for (d, load) in schedule.initialLoad.enumerated() where d < type.capacity.count && load > type.capacity[d] {
            let dimension = instance.dimensions > 1 ? " in dimension \(d + 1)" : ""
            found.append(DispatchViolation(.overCapacity, vehicle: vehicle,
                                           "\(name) carries \(load)\(dimension), above its capacity \(type.capacity[d])"))
        }
        for stop in schedule.stops where stop.lateness > 0 {
            let job = instance.jobs[stop.job]
            found.append(DispatchViolation(.missedWindow, vehicle: vehicle, job: stop.job,
                                           "\(name) reaches job \(quoted(job.id)) at \(stop.arrival), after its window\(job.timeWindows.count > 1 ? "s" : "") \(windowsText(job.timeWindows))"))
        }
        if schedule.returnTime > type.shiftEnd {
            let what = type.endDepot == nil ? "finishes its last job" : "returns to its depot"
            found.append(DispatchViolation(.lateReturn, vehicle: vehicle,
                                           "\(name) \(what) at \(schedule.returnTime), after its shift ends at \(type.shiftEnd)"))
        }
        if let limit = type.maxDistance, schedule.distance > limit {
            found.append(DispatchViolation(.overMaxDistance, vehicle: vehicle,
                                           "\(name) drives \(schedule.distance), above its max distance \(limit)"))
        }
        if let limit = type.maxDuration, schedule.duration > limit {
            found.append(DispatchViolation(.overMaxDuration, vehicle: vehicle,
                                           "\(name) works \(schedule.duration), above its max duration \(limit)"))
        }
        return found
    }

    /// Throws the first violation.
    public static func check(_ solution: DispatchSolution, instance: DispatchInstance) throws {
        if let first = violations(solution, instance: instance).first { throw first }
    }

    public static func isValid(_ solution: DispatchSolution, instance: DispatchInstance) -> Bool {
        violations(solution, instance: instance).isEmpty
    }

    /// The schedule of each route whose vehicle and jobs are valid indices, in route order.
    public static func schedule(_ route: DispatchSolution.Route, instance: DispatchInstance) -> DispatchSchedule? {
        guard let (t, _) = instance.typeAndOrdinal(ofVehicle: route.vehicle),
              route.jobs.allSatisfy({ $0 >= 0 && $0 < instance.jobs.count }) else { return nil }
        return DispatchSchedule(jobs: route.jobs, vehicleType: t, instance: instance)
    }

    /// Σ route costs + Σ prizes of the optional jobs not served + `missedJobCharge` per
    /// mandatory job not served (listed as unassigned or not). Routes with an invalid vehicle
    /// are left out; invalid job indices are skipped.
    public static func objective(_ solution: DispatchSolution, instance: DispatchInstance) -> Double {
        var served = [Bool](repeating: false, count: instance.jobs.count)
        var total = 0.0
        for route in solution.routes {
            guard let (t, _) = instance.typeAndOrdinal(ofVehicle: route.vehicle) else { continue }
            let jobs = route.jobs.filter { $0 >= 0 && $0 < instance.jobs.count }
            for j in jobs { served[j] = true }
            total += DispatchSchedule(jobs: jobs, vehicleType: t, instance: instance).cost
        }
        for (j, job) in instance.jobs.enumerated() where !served[j] {
            total += job.prize ?? missedJobCharge
        }
        return total
    }

    // MARK: Wording

    static func quoted(_ id: String) -> String { "\"\(id)\"" }

    static func skillNames(_ skills: [Int], _ instance: DispatchInstance) -> String {
        skills.map { $0 >= 0 && $0 < instance.skills.count ? quoted(instance.skills[$0]) : "#\($0)" }.joined(separator: ", ")
    }

    static func windowsText(_ windows: [[Int]]) -> String {
        windows.map { "[\($0[0]), \($0[1])]" }.joined(separator: ", ")
    }
}
