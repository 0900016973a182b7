// swift-tools-version:6.0
import PackageDescription

// Layers (see DESIGN.md §1): imports only point down.
//   kriya (executable) → KriyaCLI, Console, CursesTerminal, ThemeFiles
//   Console → TextUI, KriyaViews, KriyaStore, QRCode, CMalloc;  ThemeFiles → TextUI, KriyaText, TOMLKit;  CursesTerminal → TextUI, KriyaText, CNcursesw (the only ncurses user)
//   KriyaCLI → KriyaViews, KriyaStore, KriyaPostgres;  KriyaPostgres → KriyaStore, CPostgres (the only libpq user);  KriyaStore → KriyaCore → KriyaText, TOMLKit (access.toml);  KriyaViews → QRCode → CQRencode
let package = Package(
    name: "Kriya",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "kriya", targets: ["kriya"]),
        .executable(name: "kriya-bench", targets: ["kriya-bench"]),
        .executable(name: "kriya-fuzz", targets: ["kriya-fuzz"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
    ],
    targets: [
        // Display width, sanitising and folding of text: pure, shared by the core, CLI and UI.
        .target(name: "KriyaText"),
        // The domain: entities, reference data, validation, commands, search. No I/O.
        .target(name: "KriyaCore", dependencies: ["KriyaText"]),
        // The flat-file store: journal, snapshots, locks, audit, backup; spreadsheet import/export.
        .target(name: "KriyaStore", dependencies: ["KriyaCore", "KriyaText", .product(name: "CSV", package: "CSV.swift"),
                                                   .product(name: "TOMLKit", package: "TOMLKit")]),
        // The same store on PostgreSQL (issue 19), through libpq (Debian's libpq-dev), PostgreSQL's own client.
        .systemLibrary(name: "CPostgres", path: "Sources/CPostgres", pkgConfig: "libpq"),
        .target(name: "KriyaPostgres", dependencies: ["KriyaCore", "KriyaStore", "CPostgres"]),
        // QR codes through libqrencode (Debian's libqrencode-dev, a shim as for ncursesw); one user.
        .systemLibrary(name: "CQRencode", path: "Sources/CQRencode", pkgConfig: "libqrencode"),
        .target(name: "QRCode", dependencies: ["CQRencode"]),
        // Records as text (tables, detail views) and printable documents, shared by the CLI and the console.
        .target(name: "KriyaViews", dependencies: ["KriyaCore", "KriyaText", "QRCode"]),
        // The command line: subcommands and their output.
        .target(name: "KriyaCLI", dependencies: [
            "KriyaCore", "KriyaStore", "KriyaPostgres", "KriyaText", "KriyaViews",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "TOMLKit", package: "TOMLKit"),
        ]),
        // A pure terminal-UI kit: cells, grid, keys, widgets. No ncurses, no domain.
        .target(name: "TextUI", dependencies: ["KriyaText"]),
        // Theme files (TOML) and the themes built into the binary, read into TextUI's Theme.
        .target(name: "ThemeFiles", dependencies: ["TextUI", "KriyaText", .product(name: "TOMLKit", package: "TOMLKit")]),
        // The console: state, update, render, loop. Knows no ncurses.
        .target(name: "Console", dependencies: ["TextUI", "KriyaCore", "KriyaStore", "KriyaViews", "KriyaText", "QRCode", "CMalloc"]),
        // glibc's malloc_trim: the console hands back what loading a large registry left free.
        .systemLibrary(name: "CMalloc", path: "Sources/CMalloc"),
        // ncursesw through a shim header (DESIGN.md §3), and the one target that uses it.
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        .target(name: "CursesTerminal", dependencies: ["CNcursesw", "TextUI", "KriyaText"]),
        .executableTarget(name: "kriya", dependencies: ["KriyaCLI", "Console", "CursesTerminal", "ThemeFiles", "KriyaStore", "KriyaCore"]),
        // Benchmarks: build with `swift build -c release --product kriya-bench`.
        .executableTarget(name: "kriya-bench", dependencies: ["KriyaCore", "KriyaStore", "KriyaPostgres", "Console", "TextUI"], path: "Sources/kriya-bench"),
        // Fuzzing: scripts/fuzz.sh builds it with libFuzzer; built plainly it replays inputs.
        .executableTarget(name: "kriya-fuzz", dependencies: ["KriyaCore", "KriyaStore", "ThemeFiles", "TextUI"], path: "Sources/kriya-fuzz"),

        .testTarget(name: "KriyaTextTests", dependencies: ["KriyaText", "QRCode"]),
        .testTarget(name: "KriyaCoreTests", dependencies: ["KriyaCore"]),
        // A temporary PostgreSQL cluster for the tests that run on both stores.
        .target(name: "PostgresTestServer", dependencies: ["KriyaPostgres"], path: "Tests/PostgresTestServer"),
        .testTarget(name: "KriyaStoreTests", dependencies: ["KriyaStore", "KriyaCore", "KriyaPostgres", "PostgresTestServer"]),
        .testTarget(name: "KriyaCLITests", dependencies: ["KriyaCLI", "KriyaStore", "KriyaCore", "KriyaViews", "Console", "kriya",
                                                          "KriyaPostgres", "PostgresTestServer"]),
        // Snapshots/ holds the committed text snapshots the tests read by path.
        .testTarget(name: "ConsoleTests", dependencies: ["Console", "TextUI", "ThemeFiles", "KriyaCore", "CursesTerminal"], exclude: ["Snapshots"]),
    ]
)
