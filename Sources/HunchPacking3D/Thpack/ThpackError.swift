import Foundation

/// Bad input in an OR-Library thpack file, or a file that cannot be read.
///
/// Names the file and, where one line is to blame, its 1-based line number, and says what was
/// expected there: `BR7.txt:12: expected flag fw to be 0 or 1, found "2"`.
public struct ThpackError: Error, CustomStringConvertible, Equatable, Sendable {
    public let file: String
    /// 1-based line number, or nil when the error concerns the whole file.
    public let line: Int?
    public let message: String

    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `file:line: message` (or `file: message`), the format compilers use.
    public var description: String {
        if let line { return "\(file):\(line): \(message)" }
        return "\(file): \(message)"
    }
}

extension ThpackError: LocalizedError {
    public var errorDescription: String? { description }
}
