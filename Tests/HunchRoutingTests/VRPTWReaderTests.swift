import Foundation
import HunchCore
@testable import HunchRouting
import XCTest

/// Bundled VRPTW instances (instances/vrptw) with their DIMACS `.sol` files, the shared set,
/// and the DIMACS best-known distances of its BKS.csv.
enum VRPTWTestFiles {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    /// Instance file stem → `.sol` stem (the HG file names are lower case, CVRPLIB's upper).
    static let bundled = ["C101": "C101", "R101": "R101", "RC101": "RC101", "C201": "C201", "R201": "R201",
                          "RC201": "RC201", "c1_2_1": "C1_2_1"]
    /// DIMACS distances and routes of the bundled `.sol` files (../shared/instances/vrptw/BKS.csv).
    static let bks: [String: (vehicles: Int, distance: Double)] = [
        "C101": (10, 827.3), "R101": (20, 1637.7), "RC101": (15, 1619.8), "C201": (3, 589.1), "R201": (8, 1143.2),
        "RC201": (9, 1261.8), "C1_2_1": (20, 2698.6),
    ]
    static func path(_ file: String) -> String { root.appendingPathComponent("instances/vrptw/\(file)").path }
    static let shared = root.appendingPathComponent("../shared/instances/vrptw").standardized.path

    /// `instance,vehicles,distance` of the `dimacs-distance-only` rows of the shared BKS.csv.
    static func sharedBKS() -> [String: (vehicles: Int, distance: Double)]? {
        guard let text = try? String(contentsOfFile: shared + "/BKS.csv", encoding: .utf8) else { return nil }
        var result: [String: (Int, Double)] = [:]
        for line in text.split(whereSeparator: \.isNewline) {
            let fields = line.split(separator: ",", maxSplits: 5, omittingEmptySubsequences: false)
            guard fields.count > 3, fields[3] == "dimacs-distance-only", let v = Int(fields[1]), let d = Double(fields[2]) else { continue }
            result[String(fields[0])] = (v, d)
        }
        return result
    }
}

final class VRPTWReaderTests: XCTestCase {
    func testSolomonFileReadsAsPublished() throws {
        let c101 = try SolomonReader.read(path: VRPTWTestFiles.path("C101.txt"), convention: .dimacs)
        XCTAssertEqual(c101.name, "C101")
        XCTAssertEqual(c101.dimension, 101)
        XCTAssertEqual(c101.capacity, 200)
        XCTAssertEqual(c101.vehicleCount, 25)
        XCTAssertEqual(c101.scale, 10)
        XCTAssertEqual(c101.fileIDs, Array(0...100))
        // Depot `0 40 50 0 0 1236 0`, customer 1 `1 45 68 10 912 967 90`.
        XCTAssertEqual([c101.x[0], c101.y[0]], [40, 50])
        XCTAssertEqual([c101.ready[0], c101.due[0], c101.service[0]], [0, 12360, 0])
        XCTAssertEqual([c101.demands[1], c101.ready[1], c101.due[1], c101.service[1]], [10, 9120, 9670, 900])
        // d(0, 1) = √(25 + 324) = 18.681… → 18.6 under dimacs, ⌈186810.6…⌉ under hierarchical.
        XCTAssertEqual(c101.distance(0, 1), 186)
        let exact = try SolomonReader.read(path: VRPTWTestFiles.path("C101.txt"), convention: .hierarchical)
        XCTAssertEqual(exact.scale, 10_000)
        XCTAssertEqual(exact.distance(0, 1), Int((349.0.squareRoot() * 10_000).rounded(.up)))

        let hg = try SolomonReader.read(path: VRPTWTestFiles.path("c1_2_1.txt"), convention: .dimacs)
        XCTAssertEqual(hg.customerCount, 200)
        XCTAssertEqual(hg.vehicleCount, 50)
        XCTAssertEqual(hg.capacity, 200)
    }

    func testRecognisesSolomonHeadsOnly() throws {
        let c101 = try String(contentsOfFile: VRPTWTestFiles.path("C101.txt"), encoding: .utf8)
        XCTAssertTrue(SolomonReader.recognises(head: String(c101.prefix(1024))))
        XCTAssertTrue(SolomonReader.recognises(head: "X\nvehicle\nnumber capacity\n 2 10\ncustomer\n"))
        XCTAssertFalse(SolomonReader.recognises(head: "NAME : A\nTYPE : CVRP\nCAPACITY : 100\nNODE_COORD_SECTION\n"))
        XCTAssertFalse(SolomonReader.recognises(head: "X\nVEHICLE\n2 10\nCUSTOMER\n"), "no NUMBER CAPACITY header")
        XCTAssertFalse(VRPLIBTimeWindowReader.recognises(fileExtension: "txt", head: String(c101.prefix(1024))))
    }

    /// Every bundled `.sol` is feasible under `dimacs` and re-evaluates to BKS.csv's distance
    /// (exact to the one decimal the convention keeps) with BKS.csv's number of routes.
    func testBundledSolutionsReEvaluateToTheirBKS() throws {
        for (file, sol) in VRPTWTestFiles.bundled.sorted(by: { $0.key < $1.key }) {
            let instance = try SolomonReader.read(path: VRPTWTestFiles.path("\(file).txt"), convention: .dimacs)
            let (solution, cost) = try VRPTWSolutionFile.read(path: VRPTWTestFiles.path("\(sol).sol"), instance: instance)
            let bks = try XCTUnwrap(VRPTWTestFiles.bks[sol], sol)
            XCTAssertEqual(VRPTWValidation.violations(solution, instance: instance), [], sol)
            XCTAssertEqual(instance.totalDistance(solution.routes), bks.distance, accuracy: 1e-6, sol)
            XCTAssertEqual(VRPTWSolutionFile.formatCost(solution, instance: instance), String(bks.distance), sol)
            XCTAssertEqual(cost ?? -1, bks.distance, accuracy: 1e-9, sol)
            XCTAssertEqual(solution.routeCount, bks.vehicles, sol)
        }
    }

    /// The bundled figures agree with the shared BKS.csv they were copied from.
    func testBundledBKSMatchesSharedTable() throws {
        guard let shared = VRPTWTestFiles.sharedBKS() else { throw XCTSkip("no shared BKS.csv at \(VRPTWTestFiles.shared)") }
        for (name, value) in VRPTWTestFiles.bks {
            XCTAssertEqual(shared[name]?.distance, value.distance, name)
            XCTAssertEqual(shared[name]?.vehicles, value.vehicles, name)
        }
    }

    /// The SINTEF route file of C1_2_1 (header lines, `Route k : …`) is feasible under the
    /// hierarchical convention, with SINTEF's 20 vehicles and 2704.5678.
    func testSintefRouteFileReadsAndIsFeasibleHierarchically() throws {
        let instance = try SolomonReader.read(path: VRPTWTestFiles.path("c1_2_1.txt"), convention: .hierarchical)
        let (solution, cost) = try VRPTWSolutionFile.read(path: VRPTWTestFiles.path("c1_2_1.20_2704.5678.txt"), instance: instance)
        XCTAssertNil(cost)
        XCTAssertEqual(solution.routeCount, 20)
        XCTAssertEqual(VRPTWValidation.violations(solution, instance: instance), [])
        XCTAssertEqual(instance.totalDistance(solution.routes), 2704.5678, accuracy: 5e-5)
    }

    func testSolutionFileRoundTrips() throws {
        let instance = try SolomonReader.read(path: VRPTWTestFiles.path("R101.txt"), convention: .dimacs)
        let (solution, _) = try VRPTWSolutionFile.read(path: VRPTWTestFiles.path("R101.sol"), instance: instance)
        let text = VRPTWSolutionFile.format(solution, instance: instance)
        XCTAssertTrue(text.hasSuffix("Cost 1637.7\n"), text)
        let (again, cost) = try VRPTWSolutionFile.parse(text, instance: instance)
        XCTAssertEqual(again, solution)
        XCTAssertEqual(cost, 1637.7)
        // The published file and ours say the same thing line for line (theirs has trailing blanks).
        let published = try String(contentsOfFile: VRPTWTestFiles.path("R101.sol"), encoding: .utf8)
        XCTAssertEqual(published.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) },
                       text.split(whereSeparator: \.isNewline).map(String.init))
    }

    /// Bad solution files get `file:line: what was expected`.
    func testBadSolutionFilesNameFileAndLine() throws {
        let instance = try SolomonReader.read(path: VRPTWTestFiles.path("C101.txt"), convention: .dimacs)
        let cases: [(String, String, String)] = [
            ("Route #1: 1 2 3\nRoute #2: 4 101\n", "bad.sol:2:", "unknown customer 101"),
            ("Route #1: 1 2 x3\n", "bad.sol:1:", "expected customer numbers, found 'x3'"),
            ("Route #1: 1 2 3\nCost abc\n", "bad.sol:2:", "expected `Cost X` with a number"),
            ("Route #1 1 2 3\n", "bad.sol:1:", "no ':'"),
            ("Route #1: 1 2\n\nhello\n", "bad.sol:3:", "expected `Route #k: …`"),
            ("Cost 12\n", "bad.sol:", "no `Route` line"),
        ]
        for (text, prefix, words) in cases {
            XCTAssertThrowsError(try VRPTWSolutionFile.parse(text, file: "bad.sol", instance: instance), text) {
                XCTAssertTrue("\($0)".hasPrefix(prefix), "\(text): \($0)")
                XCTAssertTrue("\($0)".contains(words), "\(text): \($0)")
            }
        }
    }

    /// A small well-formed Solomon text with CRLF, trailing blanks and a line of one space.
    static let small = [
        "TINY", "", "VEHICLE", "NUMBER     CAPACITY", "  3         10", "", "CUSTOMER",
        "CUST NO.  XCOORD.   YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE   TIME", " ",
        "    0      0         0          0          0        100          0   ",
        "    1      3         4          4          0         20          2   ",
        "    2      6         8          5         15         30          1   ",
        "    3      0         10         3          0         50          5   ",
    ]

    static func solomon(_ lines: [String]) -> String { lines.joined(separator: "\r\n") + "\r\n" }

    func testSmallFileReadsWithCRLFAndBlanks() throws {
        let instance = try SolomonReader.parse(Self.solomon(Self.small), file: "tiny.txt", convention: .dimacs)
        XCTAssertEqual(instance.name, "TINY")
        XCTAssertEqual(instance.dimension, 4)
        XCTAssertEqual(instance.demands, [0, 4, 5, 3])
        XCTAssertEqual(instance.due, [1000, 200, 300, 500])
    }

    /// Every hostile input gets its `file:line:` error, the line being the one to fix.
    func testBadSolomonInputNamesFileAndLine() {
        func replacing(_ line: Int, _ text: String) -> [String] {
            var lines = Self.small
            lines[line - 1] = text
            return lines
        }
        let small = Self.small
        let cases: [(lines: [String], prefix: String, words: String)] = [
            (Array(small.prefix(1)), "bad.txt:1:", "expected the VEHICLE block"),
            (replacing(3, "VEHICLES"), "bad.txt:3:", "expected the VEHICLE block"),
            (replacing(4, "NUMBER"), "bad.txt:4:", "expected the header `NUMBER CAPACITY`"),
            (replacing(5, "  3  10  7"), "bad.txt:5:", "expected 2 numbers (NUMBER CAPACITY), found 3"),
            (replacing(5, "  3  ten"), "bad.txt:5:", "expected the vehicle capacity as an integer, found 'ten'"),
            (replacing(5, "  0  10"), "bad.txt:5:", "expected the number of vehicles ≥ 1, found 0"),
            (Array(small.prefix(5)), "bad.txt:5:", "expected the CUSTOMER block"),
            (replacing(7, "CUSTOMERS"), "bad.txt:7:", "expected the CUSTOMER block"),
            (Array(small.prefix(9)), "bad.txt:7:", "expected a row for the depot (node 0) and at least one customer"),
            (replacing(11, "    1      3         4          4          0         20   "), "bad.txt:11:", "expected 7 numbers"),
            (replacing(11, "    1      3         4          4          0         20   2  9"), "bad.txt:11:", "found 8"),
            (replacing(11, "    1      3         y          4          0         20   2"), "bad.txt:11:", "expected YCOORD. as a number"),
            (replacing(11, "    1      3         4          4.5        0         20   2"), "bad.txt:11:", "expected the demand of customer 1 as an integer, found '4.5'"),
            (replacing(11, "    1      3         4          4         25         20   2"), "bad.txt:11:", "the window of customer 1 closes at 20 before it opens at 25"),
            (replacing(11, "    1      3         4         -4          0         20   2"), "bad.txt:11:", "expected the demand of customer 1 ≥ 0, found -4"),
            (replacing(11, "    1      3         4          4          0         20  -2"), "bad.txt:11:", "expected the service time of customer 1 ≥ 0, found -2"),
            (replacing(11, "    1      3         4         11          0         20   2"), "bad.txt:11:", "customer 1 demands 11, above the capacity 10"),
            (replacing(12, "    3      6         8          5         15         30   1"), "bad.txt:12:", "expected customer number 2"),
            (replacing(12, "    1      6         8          5         15         30   1"), "bad.txt:12:", "customer 1 is listed twice (first on line 11)"),
            (replacing(10, "    0      0         0          2          0        100   0"), "bad.txt:10:", "node 0 must be the depot, with demand 0"),
            (replacing(10, "    1      0         0          0          0        100   0"), "bad.txt:10:", "expected customer number 0"),
            // d(0, 1) = 5 > due 4: unreachable even leaving at time 0.
            (replacing(11, "    1      3         4          4          0          4   2"), "bad.txt:11:",
             "customer 1 cannot be reached in time: a vehicle leaving the depot at 0 arrives at 5, after its due date 4"),
            // Served at 95, leaves at 97, back at 102 > 100.
            (replacing(11, "    1      3         4          4         95         99   2"), "bad.txt:11:",
             "customer 1 cannot be served in time to return: served alone, a vehicle is back at the depot at 102, after the depot's due date 100"),
        ]
        for (lines, prefix, words) in cases {
            let text = Self.solomon(lines)
            XCTAssertThrowsError(try SolomonReader.parse(text, file: "bad.txt", convention: .dimacs), words) {
                XCTAssertTrue("\($0)".hasPrefix(prefix), "expected \(prefix) \(words): got \($0)")
                XCTAssertTrue("\($0)".contains(words), "expected \(prefix) \(words): got \($0)")
            }
        }
        XCTAssertThrowsError(try SolomonReader.parse("", file: "empty.txt", convention: .dimacs)) {
            XCTAssertTrue("\($0)".hasPrefix("empty.txt:1: empty file"), "\($0)")
        }
        XCTAssertThrowsError(try SolomonReader.read(path: "/nonexistent/X.txt", convention: .dimacs)) {
            XCTAssertEqual("\($0)", "/nonexistent/X.txt: no such file")
        }
    }

    /// Whether a customer can be reached depends on the convention: d(0, 1) = √2 = 1.414…,
    /// which is 1.4 under dimacs (on time for a due date of 1.4) and late with exact distances.
    func testReachabilityFollowsTheConvention() throws {
        var lines = Self.small
        lines[10] = "    1      1         1          4          0          1   0"
        // Due 1: late under both (1.4 > 1).
        XCTAssertThrowsError(try SolomonReader.parse(Self.solomon(lines), file: "t.txt", convention: .dimacs)) {
            XCTAssertTrue("\($0)".contains("arrives at 1.4, after its due date 1"), "\($0)")
        }
        XCTAssertThrowsError(try SolomonReader.parse(Self.solomon(lines), file: "t.txt", convention: .hierarchical)) {
            XCTAssertTrue("\($0)".contains("arrives at 1.4143, after its due date 1"), "\($0)")
        }
    }

    // MARK: VRPLIB with time windows

    static let vrplib = """
    NAME : tw4
    TYPE : VRPTW
    DIMENSION : 4
    EDGE_WEIGHT_TYPE : EUC_2D
    CAPACITY : 10
    VEHICLES : 2
    NODE_COORD_SECTION
    1 0 0
    2 30 40
    3 60 80
    4 0 100
    DEMAND_SECTION
    1 0
    2 4
    3 5
    4 3
    DEPOT_SECTION
    1
    -1
    SERVICE_TIME_SECTION
    1 0
    2 20
    3 10
    4 50
    TIME_WINDOW_SECTION
    1 0 1000
    2 0 200
    3 150 300
    4 0 500
    EOF

    """

    func testVRPLIBTimeWindowFileUsesTheFileMatrixAtScaleOne() throws {
        XCTAssertTrue(VRPLIBTimeWindowReader.recognises(fileExtension: "vrp", head: Self.vrplib))
        XCTAssertFalse(VRPLIBTimeWindowReader.recognises(fileExtension: "vrp", head: "NAME : A\nTYPE : CVRP\nCAPACITY : 100\n"))
        XCTAssertFalse(SolomonReader.recognises(head: Self.vrplib))
        let instance = try VRPLIBTimeWindowReader.parse(Self.vrplib, file: "tw4.vrp")
        XCTAssertEqual(instance.name, "tw4")
        XCTAssertEqual(instance.convention, .dimacs)
        XCTAssertEqual(instance.scale, 1)
        XCTAssertEqual(instance.vehicleCount, 2)
        XCTAssertEqual(instance.demands, [0, 4, 5, 3])
        XCTAssertEqual(instance.ready, [0, 0, 150, 0])
        XCTAssertEqual(instance.due, [1000, 200, 300, 500])
        XCTAssertEqual(instance.service, [0, 20, 10, 50])
        XCTAssertEqual(instance.fileIDs, [0, 1, 2, 3])
        XCTAssertEqual([instance.distance(0, 1), instance.distance(1, 2), instance.distance(0, 3), instance.distance(2, 3)], [50, 50, 100, 63])
        let (solution, _) = try VRPTWSolutionFile.parse("Route #1: 1 2\nRoute #2: 3\nCost 400\n", instance: instance)
        XCTAssertEqual(VRPTWValidation.violations(solution, instance: instance), [])
        XCTAssertEqual(instance.totalDistance(solution.routes), 400)
    }

    func testBadVRPLIBTimeWindowFilesNameFileAndLine() {
        let cases: [(String, String, String)] = [
            (Self.vrplib.replacingOccurrences(of: "4 0 500", with: "4 0 50"), "tw4.vrp:25:",
             "customer 4 cannot be reached in time: a vehicle leaving the depot at 0 arrives at 100, after its due date 50"),
            (Self.vrplib.replacingOccurrences(of: "3 5\n", with: "3 11\n"), "tw4.vrp:15:", "customer 3 demands 11, above the CAPACITY 10"),
            (Self.vrplib.replacingOccurrences(of: "3 150 300", with: "3 150.5 300"), "tw4.vrp:25:", "expected whole numbers"),
            (Self.vrplib.replacingOccurrences(of: "1 0\n2 4", with: "1 2\n2 4"), "tw4.vrp:13:", "the depot (node 1) must have demand 0"),
            (Self.vrplib.replacingOccurrences(of: "3 150 300", with: "3 350 300"), "tw4.vrp:28:", "opens at 350"),
        ]
        for (text, prefix, words) in cases {
            XCTAssertThrowsError(try VRPLIBTimeWindowReader.parse(text, file: "tw4.vrp"), words) {
                XCTAssertTrue("\($0)".hasPrefix(prefix), "expected \(prefix) \(words): got \($0)")
                XCTAssertTrue("\($0)".contains(words), "expected \(prefix) \(words): got \($0)")
            }
        }
    }

    // MARK: The shared set

    /// Every DIMACS `.sol` of the shared set re-evaluates to BKS.csv and is feasible under
    /// `dimacs`: 176 files, seconds. Behind HUNCH_VRPTW_BKS=1 (Benchmarks/scripts/vrptw-bks-check.sh).
    /// Re-timed with exact distances (`hierarchical`), 43 of them are late somewhere, as the
    /// shared README counts.
    func testSharedDimacsSolutionsReEvaluateToBKS() throws {
        guard ProcessInfo.processInfo.environment["HUNCH_VRPTW_BKS"] == "1" else {
            throw XCTSkip("set HUNCH_VRPTW_BKS=1 to re-evaluate all shared DIMACS .sol files")
        }
        guard let bks = VRPTWTestFiles.sharedBKS() else { throw XCTSkip("no shared BKS.csv at \(VRPTWTestFiles.shared)") }
        let folder = VRPTWTestFiles.shared + "/solutions/dimacs"
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".sol") }.sorted()
        var mismatches: [String] = []
        var lateWithExactDistances: [String] = []
        for file in files {
            let name = String(file.dropLast(4))
            let set = name.contains("_10_") ? "homberger_1000" : name.contains("_2_") ? "homberger_200" : "solomon"
            let stem = set == "solomon" ? name : name.lowercased()
            do {
                let instance = try SolomonReader.read(path: VRPTWTestFiles.shared + "/\(set)/\(stem).txt", convention: .dimacs)
                let (solution, cost) = try VRPTWSolutionFile.read(path: folder + "/" + file, instance: instance)
                let distance = instance.totalDistance(solution.routes)
                let violations = VRPTWValidation.violations(solution, instance: instance)
                var problems: [String] = []
                if let first = violations.first { problems.append("\(violations.count) violation(s), first: \(first)") }
                if let expected = bks[name] {
                    if abs(distance - expected.distance) > 1e-6 { problems.append("distance \(distance) ≠ BKS \(expected.distance)") }
                    if solution.routeCount != expected.vehicles { problems.append("\(solution.routeCount) routes ≠ BKS \(expected.vehicles)") }
                } else {
                    problems.append("not in BKS.csv")
                }
                if let cost, abs(distance - cost) > 1e-6 { problems.append("distance \(distance) ≠ Cost line \(cost)") }
                if !problems.isEmpty { mismatches.append("\(name): " + problems.joined(separator: "; ")) }
                let exact = try SolomonReader.read(path: VRPTWTestFiles.shared + "/\(set)/\(stem).txt", convention: .hierarchical)
                if !VRPTWValidation.isValid(solution, instance: exact) { lateWithExactDistances.append(name) }
            } catch {
                mismatches.append("\(name): \(error)")
            }
        }
        for line in mismatches { print("VRPTW-BKS MISMATCH \(line)") }
        print("VRPTW-BKS checked \(files.count) .sol files, \(mismatches.count) mismatch(es)")
        print("VRPTW-BKS infeasible with exact distances: \(lateWithExactDistances.count): \(lateWithExactDistances.joined(separator: " "))")
        XCTAssertEqual(files.count, 176)
        XCTAssertEqual(mismatches, [])
        XCTAssertEqual(lateWithExactDistances.count, 43)
        XCTAssertEqual(lateWithExactDistances.filter { !$0.contains("_") },
                       ["R102", "R105", "R107", "R108", "R112", "R211", "RC101", "RC105"])
    }

    /// Every SINTEF route file of the shared set is feasible under `hierarchical`, with the
    /// vehicles and 4-decimal distance its name states (`name.VEH_DIST.txt`).
    func testSharedSintefSolutionsAreFeasibleHierarchically() throws {
        guard ProcessInfo.processInfo.environment["HUNCH_VRPTW_BKS"] == "1" else {
            throw XCTSkip("set HUNCH_VRPTW_BKS=1 to re-evaluate all shared SINTEF route files")
        }
        let folder = VRPTWTestFiles.shared + "/solutions/sintef"
        guard let files = try? FileManager.default.contentsOfDirectory(atPath: folder) else { throw XCTSkip("no \(folder)") }
        var mismatches: [String] = []
        for file in files.sorted() where file.hasSuffix(".txt") {
            let parts = file.dropLast(4).split(separator: ".", maxSplits: 1)
            let stated = parts.count == 2 ? parts[1].split(separator: "_") : []
            guard stated.count == 2, let vehicles = Int(stated[0]), let distance = Double(stated[1]) else {
                mismatches.append("\(file): name is not name.VEH_DIST.txt"); continue
            }
            let set = parts[0].contains("_10_") ? "homberger_1000" : "homberger_200"
            do {
                let instance = try SolomonReader.read(path: VRPTWTestFiles.shared + "/\(set)/\(parts[0]).txt", convention: .hierarchical)
                let (solution, _) = try VRPTWSolutionFile.read(path: folder + "/" + file, instance: instance)
                var problems = VRPTWValidation.violations(solution, instance: instance).prefix(1).map(\.description)
                if solution.routeCount != vehicles { problems.append("\(solution.routeCount) routes ≠ \(vehicles)") }
                let total = instance.totalDistance(solution.routes)
                if abs(total - distance) > 5e-5 { problems.append("distance \(total) ≠ \(distance)") }
                if !problems.isEmpty { mismatches.append("\(file): " + problems.joined(separator: "; ")) }
            } catch {
                mismatches.append("\(file): \(error)")
            }
        }
        for line in mismatches { print("VRPTW-SINTEF MISMATCH \(line)") }
        print("VRPTW-SINTEF checked \(files.filter { $0.hasSuffix(".txt") }.count) route files, \(mismatches.count) mismatch(es)")
        XCTAssertEqual(files.filter { $0.hasSuffix(".txt") }.count, 120)
        XCTAssertEqual(mismatches, [])
    }
}
