// swift-tools-version:6.0
import PackageDescription

// Layers (see DESIGN.md §1): imports only point down.
//   kriya (executable) → KriyaCLI → KriyaStore → KriyaCore → KriyaText
let package = Package(
    name: "Kriya",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "kriya", targets: ["kriya"]),
        .executable(name: "kriya-bench", targets: ["kriya-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // Display width, sanitising and folding of text: pure, shared by the core, CLI and UI.
        .target(name: "KriyaText"),
        // The domain: entities, reference data, validation, commands, search. No I/O.
        .target(name: "KriyaCore", dependencies: ["KriyaText"]),
        // The flat-file store: journal, snapshots, locks, audit, backup.
        .target(name: "KriyaStore", dependencies: ["KriyaCore"]),
        // The command line: subcommands and their output.
        .target(name: "KriyaCLI", dependencies: [
            "KriyaCore", "KriyaStore", "KriyaText",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "kriya", dependencies: ["KriyaCLI"]),
        // Benchmarks: build with `swift build -c release --product kriya-bench`.
        .executableTarget(name: "kriya-bench", dependencies: ["KriyaCore", "KriyaStore"], path: "Sources/kriya-bench"),

        .testTarget(name: "KriyaTextTests", dependencies: ["KriyaText"]),
        .testTarget(name: "KriyaCoreTests", dependencies: ["KriyaCore"]),
        .testTarget(name: "KriyaStoreTests", dependencies: ["KriyaStore", "KriyaCore"]),
        .testTarget(name: "KriyaCLITests", dependencies: ["KriyaCLI", "KriyaStore", "KriyaCore", "kriya"]),
    ]
)
