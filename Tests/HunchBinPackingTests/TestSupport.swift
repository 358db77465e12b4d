import Foundation
import XCTest
@testable import HunchBinPacking

/// Paths and known optima of the bundled instances (`instances/bpp`).
enum BundledBPP {
    static let repoRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let instancesDirectory = repoRoot.appendingPathComponent("instances")

    static func path(_ relative: String) -> String {
        instancesDirectory.appendingPathComponent(relative).path
    }

    /// (name, path, optimum) from `instances/bpp/optima.csv`.
    static func all() throws -> [(name: String, path: String, optimum: Int)] {
        let text = try String(contentsOfFile: path("bpp/optima.csv"), encoding: .utf8)
        return text.split(whereSeparator: \.isNewline).dropFirst().compactMap { line in
            let f = line.split(separator: ",").map(String.init)
            guard f.count >= 4, let opt = Int(f[3]) else { return nil }
            return (f[0], path(f[1]), opt)
        }
    }

    static func load(_ name: String) throws -> (instance: BinPackingInstance, optimum: Int) {
        guard let row = try all().first(where: { $0.name == name }) else {
            throw NSError(domain: "test", code: 1, userInfo: [NSLocalizedDescriptionKey: "no bundled instance \(name)"])
        }
        return (try BinPackingReader.read(path: row.path), row.optimum)
    }
}

/// A small instance, checked by hand: capacity 10, weights 6 5 5 4 4 3 3 (Σ 30), optimum 3
/// ({6,4}, {5,5}, {4,3,3}).
let tinyInstance = BinPackingInstance(name: "tiny", capacity: 10, weights: [6, 5, 5, 4, 4, 3, 3])
