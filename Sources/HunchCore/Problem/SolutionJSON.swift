import Foundation

/// The JSON solution files that `--initial` reads in every family: a JSON result as `solve
/// --json` prints it (`{"solution": {…}}`) or the family's own solution file (what `--out`
/// writes); the family then reads its fields from the object returned.
public enum SolutionJSON {
    /// The object that holds the solution's fields.
    public static func solutionObject(path: String) throws -> JSONValue {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InstanceFileError(file: path, line: nil, message: "cannot read")
        }
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: data) else {
            throw InstanceFileError(file: path, line: nil, message: "not valid JSON (expected a solution file or a JSON result)")
        }
        if value["solution"] == .null {
            throw InstanceFileError(file: path, line: nil, message: "the JSON result holds no solution (\"solution\": null)")
        }
        return value["solution"] ?? value
    }

    /// True when the file at `path` holds JSON rather than a family's own text format: its name
    /// ends in `.json`/`.jsonl`, or its first non-blank byte is `{` (`solve --json > plan.txt`).
    public static func isJSON(path: String) -> Bool {
        let lower = path.lowercased()
        if lower.hasSuffix(".json") || lower.hasSuffix(".jsonl") { return true }
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = handle.readData(ofLength: 512)
        let bytes = head.starts(with: [0xEF, 0xBB, 0xBF]) ? head.dropFirst(3) : head[...]
        return bytes.first { !" \t\r\n".utf8.contains($0) } == UInt8(ascii: "{")
    }

    /// Runs `body` (a family reading a solution file) so that its error names `path`: errors
    /// that already start with it pass unchanged, others get `path: ` in front.
    public static func naming<T>(_ path: String, _ body: () throws -> T) throws -> T {
        do { return try body() } catch {
            let message = "\(error)"
            if message.hasPrefix(path) { throw error }
            throw ProblemError("\(path): \(message)")
        }
    }
}
