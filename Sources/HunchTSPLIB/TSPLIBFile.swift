#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// File access for the TSPLIB readers and writers, with errors in `TSPLIBError` form.
///
/// POSIX calls rather than Foundation so every failure names its cause ("Permission denied",
/// "is a directory") and so a FIFO or device given as an instance is refused instead of
/// blocking forever or reading without end.
package enum TSPLIBFile {
    /// The bytes of a regular file.
    package static func contents(of path: String) throws -> [UInt8] {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw TSPLIBError(file: path, line: nil, message: "cannot read file: \(lastErrorText())")
        }
        let kind = info.st_mode & S_IFMT
        if kind == S_IFDIR {
            throw TSPLIBError(file: path, line: nil, message: "is a directory; expected a TSPLIB file")
        }
        guard kind == S_IFREG else {
            throw TSPLIBError(file: path, line: nil, message: "is not a regular file; expected a TSPLIB file")
        }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw TSPLIBError(file: path, line: nil, message: "cannot read file: \(lastErrorText())")
        }
        defer { close(descriptor) }
        var result: [UInt8] = []
        result.reserveCapacity(max(0, Int(info.st_size)))
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw TSPLIBError(file: path, line: nil, message: "cannot read file: \(lastErrorText())")
            }
            if count == 0 { break }
            result.append(contentsOf: chunk[0..<count])
        }
        return result
    }

    /// Writes `bytes` to `path` atomically: a temporary file in the same directory (so the
    /// rename stays on one file system), flushed, then renamed over `path`. Readers see the old
    /// file or the new one, never half of one, even if the process dies mid-write.
    package static func writeAtomically(_ bytes: [UInt8], to path: String) throws {
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[..<$0]) } ?? "."
        let base = slash.map { String(path[path.index(after: $0)...]) } ?? path
        guard !base.isEmpty else {
            throw TSPLIBError(file: path, line: nil, message: "expected a file name, found a directory path")
        }
        let temporary = (directory.isEmpty ? "" : directory + "/")
            + ".\(base).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw TSPLIBError(file: path, line: nil, message: "cannot create a temporary file next to it: \(lastErrorText())")
        }
        var renamed = false
        defer { if !renamed { unlink(temporary) } }
        var failure: String?
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = lastErrorText()
                    return
                }
                offset += written
            }
        }
        if failure == nil && fsync(descriptor) != 0 { failure = lastErrorText() }
        if close(descriptor) != 0 && failure == nil { failure = lastErrorText() }
        if let failure {
            throw TSPLIBError(file: path, line: nil, message: "cannot write file: \(failure)")
        }
        guard rename(temporary, path) == 0 else {
            throw TSPLIBError(file: path, line: nil, message: "cannot replace file: \(lastErrorText())")
        }
        renamed = true
    }

    private static func lastErrorText() -> String {
        String(cString: strerror(errno))
    }
}
