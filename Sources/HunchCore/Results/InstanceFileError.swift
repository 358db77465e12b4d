import Foundation

/// Bad input in an instance or solution file, or a file that cannot be read or written: every
/// family's readers throw this one type, so the command line prints any of them the same way.
///
/// Every error names the file and, where one line is to blame, its 1-based line number, and the
/// message says what was expected there, so a user can fix the file without reading our code:
/// `berlin52.tsp:7: expected 2 coordinates after node id 5, found "12.5 abc"`.
public struct InstanceFileError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The path as the caller gave it, or `"<input>"` for text parsed from memory.
    public let file: String
    /// 1-based line number, or nil when the error is about the file as a whole (unreadable,
    /// a directory, a failed write).
    public let line: Int?
    /// What was expected and what was found.
    public let message: String

    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `file:line: message`, or `file: message` without a line — the format compilers use, so
    /// editors and terminals can jump to the spot.
    public var description: String {
        if let line { return "\(file):\(line): \(message)" }
        return "\(file): \(message)"
    }
}

extension InstanceFileError: LocalizedError {
    /// Lets `error.localizedDescription` print the full `file:line: message`.
    public var errorDescription: String? { description }
}
