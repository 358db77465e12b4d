import Foundation

/// Fresh empty folders for the files a test writes. A test process's folders are all inside one
/// (`hunch-tests-…` in the system's temporary folder), removed when the process exits; a process
/// that crashes leaves it, to be looked at. Without it, every run of the suite left hundreds of
/// folders behind.
public enum TemporaryFolder {
    /// A new empty folder.
    public static func make() throws -> URL {
        let url = root.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    private static let root: URL = {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("hunch-tests-\(UUID().uuidString)")
        atexit { try? FileManager.default.removeItem(at: TemporaryFolder.root) }
        return root
    }()
}
