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

extension InstanceFileError {
    /// A token as an error message may quote it: at most 40 characters, control characters
    /// (C0, DEL, C1) escaped as `\xNN` and line separators and bidirectional overrides as
    /// `\u{NNNN}`, so a hostile file cannot flood or drive the terminal or split the message.
    public static func excerpt(_ token: Substring, limit: Int = 40) -> String {
        var out = ""
        for scalar in token.unicodeScalars.prefix(limit) {
            let v = scalar.value
            if v < 0x20 || (0x7F...0x9F).contains(v) {
                out += String(format: "\\x%02X", v)
            } else if (0x2028...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0x200E || v == 0x200F {
                out += String(format: "\\u{%04X}", v)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return token.unicodeScalars.count > limit ? out + "…" : out
    }
}
