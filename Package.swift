// swift-tools-version:6.0
import PackageDescription

/// Hunch: prior → policy-guided local search → exact baseline.
/// One engine (HunchCore) that knows no problem; one module per problem family;
/// the CLI is the only target that knows every family.
let package = Package(
    name: "Hunch",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "hunch", targets: ["hunch"]),
        .library(name: "HunchCore", targets: ["HunchCore"]),
        .library(name: "HunchExact", targets: ["HunchExact"]),
        .library(name: "HunchTSPLIB", targets: ["HunchTSPLIB"]),
        .library(name: "HunchTSP", targets: ["HunchTSP"]),
        .library(name: "HunchJobShop", targets: ["HunchJobShop"]),
        .library(name: "HunchBinPacking", targets: ["HunchBinPacking"]),
        .library(name: "HunchPacking3D", targets: ["HunchPacking3D"]),
        .library(name: "HunchLLM", targets: ["HunchLLM"]),
        .library(name: "HunchRouting", targets: ["HunchRouting"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(name: "CGLPK", path: "Sources/CGLPK", providers: [.apt(["libglpk-dev"])]),
        .target(name: "HunchCore"),
        .target(name: "HunchExact", dependencies: ["CGLPK", "HunchCore"]),
        .target(name: "HunchLLM", dependencies: ["HunchCore"]),
        // TSPLIB95 / CVRPLIB reading, distances and candidate lists, shared by the TSP and routing families.
        .target(name: "HunchTSPLIB", dependencies: ["HunchCore"]),
        .target(name: "HunchTSP", dependencies: ["HunchCore", "HunchExact", "HunchTSPLIB"]),
        .target(name: "HunchJobShop", dependencies: ["HunchCore", "HunchExact"]),
        .target(name: "HunchBinPacking", dependencies: ["HunchCore", "HunchExact"]),
        .target(name: "HunchPacking3D", dependencies: ["HunchCore", "HunchExact"]),
        .target(name: "HunchRouting", dependencies: ["HunchCore", "HunchExact", "HunchTSPLIB"]),
        .executableTarget(
            name: "hunch",
            dependencies: [
                "HunchCore", "HunchExact", "HunchTSP", "HunchJobShop", "HunchBinPacking", "HunchPacking3D", "HunchRouting", "HunchLLM",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // A real HTTP server on 127.0.0.1 that answers like an OpenAI chat server, for tests.
        .target(name: "HunchTestSupport", dependencies: ["HunchCore"], path: "Tests/Support"),
        .testTarget(name: "HunchCoreTests", dependencies: ["HunchCore"]),
        .testTarget(name: "HunchExactTests", dependencies: ["HunchExact"]),
        .testTarget(name: "HunchTSPLIBTests", dependencies: ["HunchTSPLIB", "HunchCore", "HunchTestSupport"]),
        .testTarget(name: "HunchTSPTests", dependencies: ["HunchTSP", "HunchTSPLIB", "HunchCore", "HunchExact", "HunchTestSupport"],
                    exclude: ["Fixtures/tsp_initial_huge.json"]),
        .testTarget(name: "HunchJobShopTests", dependencies: ["HunchJobShop", "HunchCore", "HunchExact", "HunchTestSupport"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "HunchBinPackingTests", dependencies: ["HunchBinPacking", "HunchCore", "HunchExact", "HunchTestSupport"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "HunchPacking3DTests", dependencies: ["HunchPacking3D", "HunchCore", "HunchExact", "HunchTestSupport"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "HunchRoutingTests", dependencies: ["HunchRouting", "HunchCore", "HunchTSPLIB", "HunchTestSupport"]),
        .testTarget(name: "HunchLLMTests", dependencies: ["HunchLLM", "HunchCore", "HunchTestSupport"]),
        .testTarget(name: "HunchCLITests", dependencies: ["hunch", "HunchTSP", "HunchJobShop", "HunchBinPacking", "HunchPacking3D", "HunchCore", "HunchTestSupport"]),
    ],
    swiftLanguageModes: [.v5]
)
