import Foundation
import XCTest
import HunchTSPLIB

/// Where the test data lives, found from this file's path so tests run from any directory.
enum TestData {
    /// The repository root: this file is Tests/HunchTSPLIBTests/TestSupport.swift.
    static let repoRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// CVRPLIB instances bundled with the repository (a copy of three small ones with their `.sol`).
    static let bundledCVRP = repoRoot.appendingPathComponent("instances/cvrp").path
    /// The bundled TSPLIB instances.
    static let bundledTSP = repoRoot.appendingPathComponent("instances/tsp").path
    /// The full shared CVRPLIB collection beside the repository, when this machine has it.
    static let sharedCVRP = repoRoot.appendingPathComponent("../shared/instances/cvrp").standardized.path

    /// Path of a bundled CVRPLIB file, e.g. `cvrp("A-n32-k5.vrp")`.
    static func cvrp(_ file: String) -> String { bundledCVRP + "/" + file }
}

/// A CVRPLIB `.sol` file: `Route #k: c1 c2 …` lines, then `Cost V`.
///
/// Trap: customers are numbered 1..n-1 there, i.e. the node id minus one, which is also the
/// 0-based node of `TSPLIBDocument`; the depot (node 0) is left out.
struct CVRPSolution {
    var routes: [[Int]] = []
    var cost: Int?

    init(path: String) throws {
        for line in try String(contentsOfFile: path, encoding: .utf8).split(whereSeparator: \.isNewline) {
            if line.hasPrefix("Route"), let colon = line.firstIndex(of: ":") {
                routes.append(line[line.index(after: colon)...].split(separator: " ").compactMap { Int($0) })
            } else if line.hasPrefix("Cost") {
                cost = line.split(separator: " ").last.flatMap { Int($0) }
            }
        }
    }
}

/// Asserts that `expression` throws a `TSPLIBError` at `line` whose message contains every one
/// of `mentions`; returns the error for further checks.
@discardableResult
func assertTSPLIBError<T>(
    _ expression: @autoclosure () throws -> T, line expectedLine: Int?, mentions: String...,
    file: StaticString = #filePath, line: UInt = #line
) -> TSPLIBError? {
    do {
        let value = try expression()
        XCTFail("expected a TSPLIBError, got \(value)", file: file, line: line)
        return nil
    } catch let error as TSPLIBError {
        XCTAssertEqual(error.line, expectedLine, "line of: \(error)", file: file, line: line)
        for fragment in mentions {
            XCTAssertTrue(error.message.contains(fragment), "\"\(fragment)\" not in: \(error)", file: file, line: line)
        }
        return error
    } catch {
        XCTFail("expected a TSPLIBError, got \(type(of: error)): \(error)", file: file, line: line)
        return nil
    }
}
