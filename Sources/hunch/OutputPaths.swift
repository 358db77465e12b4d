import Foundation

/// Checks output paths before a long search, so a typo in a folder name fails at once rather
/// than after the search.
enum OutputPaths {
    static func checkWritable(_ paths: [String]) throws {
        for path in paths {
            let folder = (path as NSString).deletingLastPathComponent
            let directory = folder.isEmpty ? "." : folder
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw CLIError("\(path): folder '\(directory)' does not exist")
            }
            guard access(directory, W_OK) == 0 else { throw CLIError("\(path): folder '\(directory)' is not writable") }
        }
    }
}
