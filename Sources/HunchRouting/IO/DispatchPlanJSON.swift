import Foundation
import HunchCore

/// The dispatch plan as JSON (docs/formats.md, "Dispatch JSON", output): what `solve --json`
/// puts under `solution` and what `--out plan.json` writes. Every route with its stops' times
/// and loads from `DispatchSchedule`, totals, and each unassigned job with a reason.
///
/// `decode` reads the same object back by ids, needing only `routes[].vehicle` and
/// `routes[].stops[].job` (times, loads and totals are recomputed, never trusted), so a planner
/// can write a plan by hand for `hunch check`.
public enum DispatchPlanJSON {
    public static let formatName = "hunch-dispatch-plan"
    public static let version = 1

    public static func encode(_ solution: DispatchSolution, instance: DispatchInstance) -> JSONValue {
        var routes: [JSONValue] = []
        var served = 0
        var totalCost = 0.0, totalDistance = 0, totalDuration = 0
        for route in solution.routes {
            guard let (t, _) = instance.typeAndOrdinal(ofVehicle: route.vehicle),
                  let schedule = DispatchValidation.schedule(route, instance: instance) else { continue }
            let type = instance.vehicleTypes[t]
            served += schedule.stops.count
            totalCost += schedule.cost
            totalDistance += schedule.distance
            totalDuration += schedule.duration
            let stops: [JSONValue] = schedule.stops.map { stop in
                .object(["job": .string(instance.jobs[stop.job].id), "location": .int(stop.location),
                         "arrival": .int(stop.arrival), "start": .int(stop.start), "departure": .int(stop.departure),
                         "waiting": .int(stop.waiting), "load": .array(stop.load.map(JSONValue.int))])
            }
            routes.append(.object([
                "vehicle": .string(instance.vehicleName(route.vehicle)), "vehicle_type": .string(type.id),
                "start_depot": .string(instance.depots[type.startDepot].id),
                "end_depot": type.endDepot.map { .string(instance.depots[$0].id) } ?? .null,
                "load": .array(schedule.initialLoad.map(JSONValue.int)),
                "stops": .array(stops), "departure": .int(schedule.departure), "return": .int(schedule.returnTime),
                "distance": .int(schedule.distance), "duration": .int(schedule.duration), "cost": .double(rounded(schedule.cost)),
            ]))
        }
        let unassigned: [JSONValue] = solution.unassigned.filter { $0 >= 0 && $0 < instance.jobs.count }.map { j in
            .object(["job": .string(instance.jobs[j].id),
                     "reason": .string(DispatchValidation.unassignedReason(job: j, instance: instance, solution: solution))])
        }
        let totals: JSONValue = .object([
            "cost": .double(rounded(totalCost)), "distance": .int(totalDistance), "duration": .int(totalDuration),
            "vehicles": .int(routes.count), "served": .int(served), "unassigned": .int(unassigned.count),
            "objective": .double(rounded(DispatchValidation.objective(solution, instance: instance))),
        ])
        return .object(["format": .string(formatName), "version": .int(version), "instance": .string(instance.name),
                        "routes": .array(routes), "totals": totals, "unassigned": .array(unassigned)])
    }

    /// The plan as a file (`--out plan.json`): compact JSON and a line end.
    public static func format(_ solution: DispatchSolution, instance: DispatchInstance) -> String {
        encode(solution, instance: instance).jsonString() + "\n"
    }

    /// Routes by vehicle name (`van#2`) and job ids; `unassigned` optional, as `{"job": id}`
    /// objects or bare ids. Throws `ProblemError("routes[2].stops[5].job: …")` for a value that
    /// names nothing; faults of the plan itself (a job twice, a vehicle twice, a job missing)
    /// are left to `DispatchValidation`, so `hunch check` can list them all.
    public static func decode(_ value: JSONValue, instance: DispatchInstance) throws -> DispatchSolution {
        do {
            return try decodePlan(DispatchJSONField(value), instance: instance)
        } catch let failure as DispatchJSONField.Failure {
            throw ProblemError(failure.description)
        }
    }

    static func decodePlan(_ root: DispatchJSONField, instance: DispatchInstance) throws -> DispatchSolution {
        guard case .object = root.value else {
            throw root.fail("expected a plan object {\"routes\": [{\"vehicle\": …, \"stops\": [{\"job\": …}]}]}, found \(root.found)")
        }
        if let format = root.child("format") {
            let text = try format.string()
            guard text == formatName else {
                throw format.fail("expected \"\(formatName)\", found \(format.found)"
                                  + (text == DispatchReader.formatName ? " (an instance, not a plan)" : ""))
            }
        }
        if let version = root.child("version"), version.value != .int(DispatchPlanJSON.version) {
            throw version.fail("expected \(DispatchPlanJSON.version), found \(version.found)")
        }
        var jobIndex: [String: Int] = [:]
        for (j, job) in instance.jobs.enumerated() { jobIndex[job.id] = j }
        func job(_ field: DispatchJSONField) throws -> Int {
            let id: String
            switch field.value {
            case .string(let text): id = text
            case .int(let number): id = String(number)
            default: throw field.fail("expected a job id, found \(field.found)")
            }
            guard let j = jobIndex[id] else { throw field.fail("\(field.found) is not a job id") }
            return j
        }
        var routes: [DispatchSolution.Route] = []
        for route in try root.require("routes").array() {
            _ = try route.object()
            let vehicleField = try route.require("vehicle")
            let name = try vehicleField.string()
            guard let vehicle = instance.vehicle(named: name) else {
                let fleet = instance.vehicleTypes.filter { $0.count > 0 }.prefix(4)
                    .map { "\($0.id)#1…\($0.id)#\($0.count)" }.joined(separator: ", ")
                throw vehicleField.fail("\(vehicleField.found) is not a vehicle (expected type#number: \(fleet))")
            }
            if let typeField = route.child("vehicle_type"), let (t, _) = instance.typeAndOrdinal(ofVehicle: vehicle),
               try typeField.string() != instance.vehicleTypes[t].id {
                throw typeField.fail("\(typeField.found) disagrees with \"vehicle\": \(vehicleField.found) is a \(instance.vehicleTypes[t].id)")
            }
            var jobs: [Int] = []
            for stop in try route.require("stops").array() {
                switch stop.value {
                case .object: jobs.append(try job(stop.require("job")))
                default: jobs.append(try job(stop))
                }
            }
            routes.append(DispatchSolution.Route(vehicle: vehicle, jobs: jobs))
        }
        var unassigned: [Int] = []
        if let list = root.child("unassigned") {
            for entry in try list.array() {
                if case .object = entry.value {
                    unassigned.append(try job(entry.require("job")))
                } else {
                    unassigned.append(try job(entry))
                }
            }
        }
        return DispatchSolution(routes: routes, unassigned: unassigned)
    }

    /// Costs to a millionth: sums of decimal products print as `1234.5`, not `1234.5000000000002`.
    static func rounded(_ value: Double) -> Double {
        abs(value) < 1e12 ? (value * 1e6).rounded() / 1e6 : value
    }
}
