import Foundation
import HunchPacking3D

/// Paths of the instances committed for tests (instances/packing3d, a copy of two BR files).
enum TestData {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static func path(_ name: String) -> String { root + "/instances/packing3d/" + name }

    static func br(_ file: String, _ problem: Int) throws -> ContainerInstance {
        try ThpackReader.read(path: path(file), problem: problem)
    }
}
