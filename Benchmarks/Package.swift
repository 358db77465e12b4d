// swift-tools-version:6.0
import PackageDescription

/// Benchmarks live apart from the main package so that they never slow its build or tests.
/// Run from this folder: `swift run -c release tsp-speed`.
let package = Package(
    name: "HunchBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "Hunch", path: "..")],
    targets: [
        .executableTarget(
            name: "tsp-speed",
            dependencies: [.product(name: "HunchTSP", package: "Hunch"), .product(name: "HunchCore", package: "Hunch")]
        ),
    ],
    swiftLanguageModes: [.v5]
)
