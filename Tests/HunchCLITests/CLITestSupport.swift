import Foundation
import XCTest
import HunchTestSupport

/// Runs the built `hunch` executable as a user would, capturing output and exit status.
struct CLIResult {
    var status: Int32
    var stdout: String
    var stderr: String
    var seconds: Double
}

enum CLI {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func instance(_ name: String, family: String = "tsp") -> String {
        repositoryRoot.appendingPathComponent("instances/\(family)/\(name)").path
    }

    static var binary: URL {
        let candidates = [Bundle.main.bundleURL.appendingPathComponent("hunch"),
                          Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("hunch"),
                          repositoryRoot.appendingPathComponent(".build/debug/hunch")]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }

    /// Runs `hunch arguments…`; `signalAfter` sends SIGINT after that many seconds.
    @discardableResult
    static func run(_ arguments: [String], directory: URL? = nil, signalAfter: Double? = nil,
                    environment: [String: String] = [:]) throws -> CLIResult {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let start = Date()
        try process.run()
        if let signalAfter {
            Thread.sleep(forTimeInterval: signalAfter)
            kill(process.processIdentifier, SIGINT)
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLIResult(status: process.terminationStatus,
                         stdout: String(decoding: outData, as: UTF8.self),
                         stderr: String(decoding: errData, as: UTF8.self),
                         seconds: Date().timeIntervalSince(start))
    }

    static func json(_ text: String) throws -> [String: Any] {
        let line = text.split(whereSeparator: \.isNewline).last.map(String.init) ?? ""
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "not JSON: \(text)")
    }

    /// A fresh empty folder, removed with the test process's others when it exits.
    static func temporaryDirectory() throws -> URL { try TemporaryFolder.make() }
}
