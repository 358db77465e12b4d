import Foundation

/// Bundled CVRPLIB instances (instances/cvrp) with their `.sol` files, and the shared set.
enum Bundled {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let names = ["A-n32-k5", "E-n13-k4", "P-n16-k8"]
    static let optima = ["A-n32-k5": 784, "E-n13-k4": 247, "P-n16-k8": 450]
    static func path(_ name: String, _ ext: String = "vrp") -> String {
        root.appendingPathComponent("instances/cvrp/\(name).\(ext)").path
    }
    static let shared = root.appendingPathComponent("../shared/instances/cvrp").standardized.path
}
