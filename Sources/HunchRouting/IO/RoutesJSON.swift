import HunchCore

/// Routes in a JSON solution as the file numbers its nodes — `{"routes": [[id, …], …]}` — shared
/// by `cvrp` and `vrptw`. Reading checks the structure only (arrays of integers, ids the file
/// has), naming the JSON path; what is feasible is the validator's business.
enum RoutesJSON {
    static func encode(_ routes: [[Int]], fileIDs: [Int]) -> [String: JSONValue] {
        ["routes": .array(routes.map { .array($0.map { .int(fileIDs[$0]) }) })]
    }

    /// Node indices by route. `acceptsDepot`: node 0's id reads as node 0 (so a plan with the
    /// depot inside a route can be read and its fault listed).
    static func decode(_ value: JSONValue, fileIDs: [Int], acceptsDepot: Bool) throws -> [[Int]] {
        guard case .array(let rows)? = value["routes"] else {
            throw ProblemError("expected \"routes\": an array of arrays of customer ids")
        }
        var node: [Int: Int] = [:]
        for (i, id) in fileIDs.enumerated() where acceptsDepot || i > 0 { node[id] = i }
        var routes: [[Int]] = []
        for (r, row) in rows.enumerated() {
            guard let ids = row.intArray else { throw ProblemError("routes[\(r)] must be an array of integers") }
            routes.append(try ids.enumerated().map { k, id in
                guard let c = node[id] else {
                    throw ProblemError("routes[\(r)][\(k)]: \(id) is not a node id of the instance (customers are \(customerRange(fileIDs)))")
                }
                return c
            })
        }
        return routes
    }

    /// The customers' ids in words, for errors: `2…16`, or the ids of a file that skips some.
    static func customerRange(_ fileIDs: [Int]) -> String {
        let ids = fileIDs.dropFirst()
        guard let low = ids.min(), let high = ids.max() else { return "none" }
        return high - low + 1 == ids.count ? "\(low)…\(high)" : "\(ids.count) ids from \(low) to \(high)"
    }
}
