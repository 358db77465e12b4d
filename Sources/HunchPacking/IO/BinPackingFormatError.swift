import Foundation

/// Bad input in a bin-packing file, or a file that cannot be read.
///
/// Names the file and, where one line is to blame, its 1-based line number, and says what was
/// expected there: `u120_00.txt:7: expected a positive integer weight, found "4x"`.
public struct BinPackingFormatError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The path as the caller gave it, or `"<input>"` for text parsed from memory.
    public let file: String
    /// 1-based line number, or nil when the error concerns the whole file.
    public let line: Int?
    public let message: String

    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `file:line: message` (or `file: message`), the format editors can jump to.
    public var description: String {
        if let line { return "\(file):\(line): \(message)" }
        return "\(file): \(message)"
    }
}

extension BinPackingFormatError: LocalizedError {
    public var errorDescription: String? { description }
}
