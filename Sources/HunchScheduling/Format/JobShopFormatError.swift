import Foundation

/// Bad input in a job-shop file, or a file that cannot be read.
///
/// The description is `file:line: message` (or `file: message` when no single line is to
/// blame), the format compilers use, and the message says what was expected and what was found:
/// `ft06.txt:4: job 3 visits machine 2 twice (operations 0 and 4)`.
public struct JobShopFormatError: Error, CustomStringConvertible, Equatable, Sendable {
    public let file: String
    /// 1-based line number, nil when the error concerns the whole file.
    public let line: Int?
    public let message: String

    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        if let line { return "\(file):\(line): \(message)" }
        return "\(file): \(message)"
    }
}

extension JobShopFormatError: LocalizedError {
    public var errorDescription: String? { description }
}
