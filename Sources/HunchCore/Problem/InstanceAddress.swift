import Foundation

/// An instance address: a file, and for files that hold many problems (thpack), which one
/// (`BR7.txt#12`, counted from 1). A path that exists as written is always a plain file.
public struct InstanceAddress: Sendable {
    public var file: String
    public var problem: Int?

    public init(_ path: String) throws {
        if let hash = path.lastIndex(of: "#"), !FileManager.default.fileExists(atPath: path) {
            let number = path[path.index(after: hash)...]
            guard let k = Int(number), k >= 1 else {
                throw ProblemError("\(path): expected FILE#K with K ≥ 1 (the K-th problem of the file), found '#\(number)'")
            }
            file = String(path[..<hash])
            problem = k
        } else {
            file = path
            problem = nil
        }
    }

    /// `FILE#K` split without checks (manifest lookups, names): K is nil when absent or not a number.
    public static func split(_ path: String) -> (file: String, problem: Int?) {
        guard let hash = path.lastIndex(of: "#"), let k = Int(path[path.index(after: hash)...]) else { return (path, nil) }
        return (String(path[..<hash]), k)
    }
}
