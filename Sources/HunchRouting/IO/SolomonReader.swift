import Foundation
import HunchCore

/// Reads Solomon's text format (Solomon 1987; Gehring & Homberger 1999 use it too): a name
/// line, a `VEHICLE` block (`NUMBER CAPACITY` and their two values) and a `CUSTOMER` block (a
/// header, then one row `CUST NO. XCOORD. YCOORD. DEMAND READY TIME DUE DATE SERVICE TIME` per
/// node, the depot first as node 0).
///
/// Rows are split on whitespace, never by column: the published files have CRLF line ends,
/// trailing blanks and a line holding a single space, and their columns drift between sets.
/// Every check names the file and line: a window that closes before it opens, a demand above
/// the capacity, customers not numbered 0…n in order, and a customer no vehicle can serve in
/// time — that one makes the instance infeasible, so it is refused here rather than left to
/// the search.
public enum SolomonReader {
    /// Largest coordinate, time or capacity accepted: scaled by 10⁴ (hierarchical), times and
    /// loads stay far inside 64 bits.
    public static let maximumValue = 1_000_000_000

    public static func read(path: String, convention: VRPTWConvention) throws -> VRPTWInstance {
        let data = try InstanceTokens.load(path, expected: "a Solomon VRPTW file")
        return try make(InstanceTokens(bytes: data, file: path), convention: convention)
    }

    public static func parse(_ text: String, file: String = "<input>", convention: VRPTWConvention) throws -> VRPTWInstance {
        try make(InstanceTokens(text: text, file: file), convention: convention)
    }

    /// Whether a file's first lines look like Solomon's format: a `VEHICLE` line followed by
    /// `NUMBER CAPACITY`, and a `CUSTOMER` line — for the family's `recognises(fileExtension:head:)`.
    public static func recognises(head: String) -> Bool {
        let lines = InstanceHead(head).lines.map { $0.uppercased() }
        guard let vehicle = lines.firstIndex(of: "VEHICLE"), vehicle + 1 < lines.count,
              lines[vehicle + 1] == "NUMBER CAPACITY" else { return false }
        return lines[(vehicle + 2)...].contains("CUSTOMER")
    }

    /// One node row as read, in the file's unit.
    private struct Row {
        var id: Int, x: Double, y: Double, demand: Int, ready: Int, due: Int, service: Int, line: Int
    }

    static func make(_ tokens: InstanceTokens, convention: VRPTWConvention) throws -> VRPTWInstance {
        let file = tokens.file
        let lines = tokens.lines
        func fail(_ line: Int?, _ message: String) -> InstanceFileError {
            InstanceFileError(file: file, line: line ?? lines.last?.number ?? 1, message: message)
        }
        func words(_ line: InstanceTokens.Line) -> String {
            InstanceFileError.excerpt(Substring(line.tokens.joined(separator: " ")))
        }
        guard let first = lines.first else {
            throw fail(1, "empty file; expected a Solomon VRPTW instance (a name line, a VEHICLE and a CUSTOMER block)")
        }
        // The name line is optional: a file may start with its VEHICLE block.
        let startsWithBlock = first.tokens.count == 1 && first.tokens[0].uppercased() == "VEHICLE"
        let name = startsWithBlock ? stem(of: file) : first.tokens.joined(separator: " ")
        var k = startsWithBlock ? 0 : 1

        // VEHICLE block.
        guard k < lines.count, lines[k].tokens.count == 1, lines[k].tokens[0].uppercased() == "VEHICLE" else {
            throw fail(k < lines.count ? lines[k].number : nil,
                       "expected the VEHICLE block (a line `VEHICLE`, then `NUMBER CAPACITY` and their two values)"
                       + (k < lines.count ? ", found '\(words(lines[k]))'" : ", found the end of the file"))
        }
        k += 1
        guard k < lines.count, lines[k].tokens.map({ $0.uppercased() }) == ["NUMBER", "CAPACITY"] else {
            throw fail(k < lines.count ? lines[k].number : nil, "expected the header `NUMBER CAPACITY` after VEHICLE"
                       + (k < lines.count ? ", found '\(words(lines[k]))'" : ", found the end of the file"))
        }
        k += 1
        guard k < lines.count else { throw fail(nil, "expected the number of vehicles and their capacity, found the end of the file") }
        let vehicleLine = lines[k]
        guard vehicleLine.tokens.count == 2 else {
            throw fail(vehicleLine.number, "expected 2 numbers (NUMBER CAPACITY), found \(vehicleLine.tokens.count): '\(words(vehicleLine))'")
        }
        let vehicleCount = try integer(vehicleLine.tokens[0], "the number of vehicles", line: vehicleLine.number, file: file, minimum: 1)
        let capacity = try integer(vehicleLine.tokens[1], "the vehicle capacity", line: vehicleLine.number, file: file, minimum: 1)
        k += 1

        // CUSTOMER block: the keyword, an optional column header, then the rows.
        guard k < lines.count, lines[k].tokens.count == 1, lines[k].tokens[0].uppercased() == "CUSTOMER" else {
            throw fail(k < lines.count ? lines[k].number : nil, "expected the CUSTOMER block (a line `CUSTOMER`, a header, then one row per node)"
                       + (k < lines.count ? ", found '\(words(lines[k]))'" : ", found the end of the file"))
        }
        let customerLine = lines[k].number
        k += 1
        if k < lines.count, lines[k].tokens[0].uppercased().hasPrefix("CUST") { k += 1 }
        var rows: [Row] = []
        var lineOfID: [Int: Int] = [:]
        while k < lines.count {
            let line = lines[k]
            k += 1
            guard line.tokens.count == 7 else {
                throw fail(line.number, "expected 7 numbers (CUST NO. XCOORD. YCOORD. DEMAND READY TIME DUE DATE SERVICE TIME), "
                           + "found \(line.tokens.count): '\(words(line))'")
            }
            let n = line.number
            let id = try integer(line.tokens[0], "the customer number", line: n, file: file, minimum: 0)
            let x = try coordinate(line.tokens[1], "XCOORD.", line: n, file: file)
            let y = try coordinate(line.tokens[2], "YCOORD.", line: n, file: file)
            let demand = try integer(line.tokens[3], "the demand of customer \(id)", line: n, file: file, minimum: 0)
            let ready = try integer(line.tokens[4], "the ready time of customer \(id)", line: n, file: file, minimum: 0)
            let due = try integer(line.tokens[5], "the due date of customer \(id)", line: n, file: file, minimum: 0)
            let service = try integer(line.tokens[6], "the service time of customer \(id)", line: n, file: file, minimum: 0)
            if let earlier = lineOfID[id] {
                throw fail(n, "customer \(id) is listed twice (first on line \(earlier)); expected each of 0…n once")
            }
            guard id == rows.count else {
                throw fail(n, "expected customer number \(rows.count) (customers numbered 0…n in order, the depot 0 first), found \(id)")
            }
            guard ready <= due else {
                throw fail(n, "the window of customer \(id) closes at \(due) before it opens at \(ready); expected READY TIME ≤ DUE DATE")
            }
            if id == 0 {
                guard demand == 0 else { throw fail(n, "node 0 must be the depot, with demand 0, found demand \(demand)") }
                guard service == 0 else { throw fail(n, "node 0 must be the depot, with service time 0, found \(service)") }
            } else if demand > capacity {
                throw fail(n, "customer \(id) demands \(demand), above the capacity \(capacity) (line \(vehicleLine.number)): no vehicle can serve it")
            }
            lineOfID[id] = n
            rows.append(Row(id: id, x: x, y: y, demand: demand, ready: ready, due: due, service: service, line: n))
        }
        guard rows.count >= 2 else {
            throw fail(customerLine, "expected a row for the depot (node 0) and at least one customer after CUSTOMER, found \(rows.count) row(s)")
        }
        // The scaled distances must fit the instance's 32-bit matrix with room to add them.
        let xs = rows.map(\.x), ys = rows.map(\.y)
        if let problem = VRPTWInstance.spanProblem(x: xs, y: ys, convention: convention) {
            throw fail(customerLine, problem)
        }
        // NUMBER × CAPACITY (each at most 10⁹, so the product fits) must carry the demand.
        let totalDemand = rows.reduce(0) { $0 + $1.demand }
        guard totalDemand <= vehicleCount * capacity else {
            throw fail(vehicleLine.number, "the customers demand \(totalDemand) in all, more than \(vehicleCount) vehicle\(vehicleCount == 1 ? "" : "s") "
                       + "of capacity \(capacity) can carry (\(vehicleCount * capacity)); the instance is infeasible")
        }
        let instance = VRPTWInstance(name: name, convention: convention, capacity: capacity, vehicleCount: vehicleCount,
                                     demands: rows.map(\.demand), x: xs, y: ys, ready: rows.map(\.ready),
                                     due: rows.map(\.due), service: rows.map(\.service), fileIDs: rows.map(\.id))
        try checkReachable(instance, ids: instance.fileIDs, lines: rows.map(\.line), file: file)
        return instance
    }

    /// Why some customer of `instance` cannot be served in time even alone on its route, under
    /// the instance's own convention; nil when every one can. The reader checks this under the
    /// convention it reads with, but a customer reachable with DIMACS' truncated distances may
    /// be out of reach with the exact ones of `hierarchical`: call this on the instance after
    /// `converted(to:)`, so that such a file is refused with the customer named rather than
    /// solved into a plan that leaves it out.
    public static func reachabilityProblem(_ instance: VRPTWInstance) -> String? {
        do {
            try checkReachable(instance, ids: instance.fileIDs, lines: [Int](repeating: 0, count: instance.dimension), file: "")
            return nil
        } catch let error as InstanceFileError {
            return error.message
        } catch {
            return "\(error)"
        }
    }

    /// Refuses a customer no vehicle can serve on time even alone on its route: reached after
    /// its due date when leaving the depot at its ready time, or leaving too late to return
    /// before the depot closes. Such an instance has no feasible solution at all. `ids` name the
    /// nodes as the file does; `lines` point at their rows.
    static func checkReachable(_ instance: VRPTWInstance, ids: [Int], lines: [Int], file: String) throws {
        let scale = instance.scale
        let open = instance.ready[0], close = instance.due[0]
        for i in 1..<instance.dimension {
            let arrival = open + instance.distance(0, i)
            let id = ids[i]
            guard arrival <= instance.due[i] else {
                throw InstanceFileError(file: file, line: lines[i], message: "customer \(id) cannot be reached in time: "
                    + "a vehicle leaving the depot at \(VRPTWTime.format(open, scale: scale)) arrives at "
                    + "\(VRPTWTime.format(arrival, scale: scale)), after its due date \(VRPTWTime.format(instance.due[i], scale: scale)) "
                    + "(\(instance.convention.rawValue) distances); the instance is infeasible")
            }
            let back = max(arrival, instance.ready[i]) + instance.service[i] + instance.distance(i, 0)
            guard back <= close else {
                throw InstanceFileError(file: file, line: lines[i], message: "customer \(id) cannot be served in time to "
                    + "return: served alone, a vehicle is back at the depot at \(VRPTWTime.format(back, scale: scale)), "
                    + "after the depot's due date \(VRPTWTime.format(close, scale: scale)) "
                    + "(\(instance.convention.rawValue) distances); the instance is infeasible")
            }
        }
    }

    private static func integer(_ token: Substring, _ what: String, line: Int, file: String, minimum: Int) throws -> Int {
        guard let value = InstanceTokens.integer(token) else {
            throw InstanceFileError(file: file, line: line, message: "expected \(what) as an integer, found '\(InstanceFileError.excerpt(token))'")
        }
        guard value >= minimum, value <= maximumValue else {
            throw InstanceFileError(file: file, line: line, message: value < minimum
                ? "expected \(what) ≥ \(minimum), found \(value)"
                : "expected \(what) at most \(maximumValue), found \(value)")
        }
        return value
    }

    private static func coordinate(_ token: Substring, _ what: String, line: Int, file: String) throws -> Double {
        guard token.utf8.count <= 40, let value = Double(token), value.isFinite, abs(value) <= Double(maximumValue) else {
            throw InstanceFileError(file: file, line: line, message: "expected \(what) as a number within ±\(maximumValue), "
                                    + "found '\(InstanceFileError.excerpt(token))'")
        }
        return value
    }

    /// The file name without folders and extension.
    private static func stem(of file: String) -> String {
        URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
    }
}
