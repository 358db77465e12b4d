import Foundation
import HunchCore

/// Random dispatch days in the JSON format: orders in a 20 km city around `depots` depots
/// (coordinates in metres, travel at 8 m/s), an 8-hour day, windows of one to three hours,
/// service of 3–10 minutes; vans (parcels and pallets) at every depot and fewer trucks with a
/// fridge and a higher fixed cost; a share of optional orders with a prize.
public enum DispatchGenerator {
    public static func generate(jobs: Int, depots: Int, optionalShare: Double, seed: UInt64, name: String? = nil) -> String {
        var rng = SeededGenerator(seed: seed)
        let side = 20_000
        var locations: [JSONValue] = []
        var depotObjects: [JSONValue] = []
        for d in 0..<depots {
            locations.append(.array([.int(side / 4 + rng.below(side / 2)), .int(side / 4 + rng.below(side / 2))]))
            depotObjects.append(.object(["id": .string("depot-\(d + 1)"), "location": .int(d)]))
        }
        let day = 8 * 3600
        var types: [JSONValue] = []
        let vans = max(1, jobs / (12 * depots) + 1)
        for d in 0..<depots {
            types.append(.object(["id": .string("van-\(d + 1)"), "count": .int(vans), "capacity": .array([.int(80), .int(4)]),
                                  "shift": .array([.int(0), .int(day)]), "start_depot": .string("depot-\(d + 1)"),
                                  "end_depot": .string("depot-\(d + 1)"), "fixed_cost": .int(40),
                                  "cost_per_distance": .double(0.001), "cost_per_time": .double(0.005)]))
        }
        types.append(.object(["id": .string("truck"), "count": .int(max(1, vans / 2)), "capacity": .array([.int(200), .int(12)]),
                              "shift": .array([.int(0), .int(day)]), "start_depot": .string("depot-1"),
                              "end_depot": .string("depot-1"), "fixed_cost": .int(90),
                              "cost_per_distance": .double(0.002), "cost_per_time": .double(0.005), "skills": .array([.string("fridge")])]))
        var jobObjects: [JSONValue] = []
        for j in 0..<jobs {
            locations.append(.array([.int(rng.below(side + 1)), .int(rng.below(side + 1))]))
            let width = 3600 + rng.below(7201)
            let open = rng.below(max(1, day - width - 1800))
            var job: [String: JSONValue] = [
                "id": .string("order-\(j + 1)"), "location": .int(depots + j),
                "delivery": .array([.int(1 + rng.below(12)), .int(rng.below(10) == 0 ? 1 : 0)]),
                "service": .int(180 + rng.below(421)), "time_windows": .array([.array([.int(open), .int(open + width)])]),
            ]
            if rng.below(10) == 0 { job["skills"] = .array([.string("fridge")]) }
            if rng.unit() < optionalShare { job["prize"] = .int(20 + rng.below(60)) }
            jobObjects.append(.object(job))
        }
        let root: JSONValue = .object([
            "format": .string("hunch-dispatch"), "version": .int(1),
            "name": .string(name ?? "gen-day-\(jobs)-s\(seed)"), "locations": .array(locations), "speed": .int(8),
            "depots": .array(depotObjects), "vehicle_types": .array(types), "jobs": .array(jobObjects),
        ])
        return root.jsonString() + "\n"
    }
}
