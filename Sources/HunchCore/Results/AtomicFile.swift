import Foundation

/// Writes files so that readers never see a half-written one: write a temporary file in the same
/// directory, then rename it over the target (rename is atomic within a file system).
public enum AtomicFile {
    public static func write(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        do {
            try data.write(to: temporary)
            if rename(temporary.path, url.path) != 0 {
                let code = errno
                try? FileManager.default.removeItem(at: temporary)
                throw AtomicFileError(path: path, reason: String(cString: strerror(code)))
            }
        } catch let error as AtomicFileError {
            throw error
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw AtomicFileError(path: path, reason: error.localizedDescription)
        }
    }

    public static func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path)
    }
}

public struct AtomicFileError: Error, CustomStringConvertible {
    public let path: String
    public let reason: String
    public var description: String { "\(path): cannot write: \(reason)" }
}
