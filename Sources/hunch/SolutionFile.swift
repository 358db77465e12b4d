import Foundation
import HunchCore

/// The JSON solution files that `--initial` reads in every family: a JSON result as `solve
/// --json` prints it (`{"solution": {…}}`) or the family's own solution file (what `--out`
/// writes); the family then reads its fields from the object returned.
enum SolutionFile {
    /// The object that holds the solution's fields; `expected` names them for the error message.
    static func solutionObject(_ path: String, expected: String) throws -> JSONValue {
        guard let data = FileManager.default.contents(atPath: path) else { throw CLIError("\(path): cannot read") }
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: data) else {
            throw CLIError("\(path): not valid JSON (expected \(expected) or a JSON result)")
        }
        return value["solution"] ?? value
    }
}
