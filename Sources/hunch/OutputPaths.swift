import Foundation
import ArgumentParser
import HunchCore

/// Checks output paths before a long search, so that an unusable path (a typo in a folder name,
/// a folder given as a file, `/proc/x.tour`, `""`) fails at once rather than after the search.
enum OutputPaths {
    /// Throws a `CLIError` naming the option for the first path that cannot be written: empty,
    /// an existing folder, in a folder that does not exist, or in one where a file cannot be
    /// created (probed by creating and removing a temporary file, which is what the atomic
    /// write will do). `paths` pairs each path with its option (`--out`).
    static func checkWritable(_ paths: [(option: String, path: String)]) throws {
        var seen: [String: String] = [:]
        for (option, path) in paths {
            guard !path.isEmpty else { throw CLIError("\(option): the path is empty") }
            let standard = (path as NSString).standardizingPath
            if let other = seen[standard] { throw CLIError("\(option) and \(other) name the same file '\(path)'") }
            seen[standard] = option
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                throw CLIError("\(option) \(path): is a folder, expected a file name")
            }
            guard !path.hasSuffix("/") else { throw CLIError("\(option) \(path): ends in '/', expected a file name") }
            let folder = (path as NSString).deletingLastPathComponent
            let directory = folder.isEmpty ? "." : folder
            guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw CLIError("\(option) \(path): folder '\(directory)' does not exist")
            }
            let probe = (directory as NSString).appendingPathComponent(".hunch-probe-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
            let fd = open(probe, O_WRONLY | O_CREAT | O_EXCL, 0o600)
            guard fd >= 0 else {
                throw CLIError("\(option) \(path): cannot create a file in '\(directory)': \(String(cString: strerror(errno)))")
            }
            close(fd)
            unlink(probe)
        }
    }

    /// The same check for paths that need no option name in the message.
    static func checkWritable(_ paths: [String]) throws {
        try checkWritable(paths.map { (option: "output", path: $0) })
    }
}

/// Writes a run's `--out` and `--svg` files without ever losing the result: a file that cannot
/// be written is reported, the others are still written, and the caller prints the result anyway.
enum RunOutputs {
    /// The paths written, and one message per path that could not be.
    static func write(_ run: FamilyRun, file: String, out: String?, svg: String?) -> (written: [String], failures: [String]) {
        var written: [String] = [], failures: [String] = []
        if let out {
            do {
                try run.writeSolution(out)
                written.append(out)
            } catch {
                failures.append("--out \(out): \(error)")
            }
        }
        if let svg {
            if let picture = run.drawing(Report.title(run.record)) {
                do {
                    try AtomicFile.write(picture, to: svg)
                    written.append(svg)
                } catch {
                    failures.append("--svg \(svg): \(error)")
                }
            } else {
                failures.append("--svg \(svg): \(file): nothing to draw for this instance (e.g. EXPLICIT TSP without DISPLAY_DATA_SECTION)")
            }
        }
        return (written, failures)
    }

    /// After the result is printed: the failures on standard error, and exit status 1.
    static func finish(_ failures: [String]) throws {
        guard !failures.isEmpty else { return }
        for failure in failures {
            FileHandle.standardError.write(Data("Error: \(failure) (the result above is complete)\n".utf8))
        }
        throw ExitCode(1)
    }
}
