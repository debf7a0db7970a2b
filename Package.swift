// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "OpsDeck",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "opsdeck", targets: ["opsdeck"]),
        .executable(name: "opsdeck-bench", targets: ["opsdeck-bench"]),
        .library(name: "Engine", targets: ["Engine"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        // A team's store (issue 20): PostgreSQL behind the same store as SQLite.
        .package(url: "https://github.com/vapor/postgres-nio", exact: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
    ],
    targets: [
        .systemLibrary(
            name: "CNcursesw",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        // Engine, one target per folder of Sources/Engine; the arrows only point down.
        .target(name: "Core", path: "Sources/Engine/Core"),
        .target(name: "Learning", dependencies: ["Core"], path: "Sources/Engine/Learning"),
        .target(name: "Optimisation", dependencies: ["Core"], path: "Sources/Engine/Optimisation"),
        .target(name: "Synthetic", dependencies: ["Core", "Optimisation"], path: "Sources/Engine/Synthetic"),
        .target(name: "Support", dependencies: ["Core", "Learning", "Optimisation", "Synthetic"], path: "Sources/Engine/Support"),
        .target(
            name: "Sales",
            dependencies: ["Core", "Learning", "Optimisation", "Synthetic", "Support", .product(name: "Mustache", package: "swift-mustache")],
            path: "Sources/Engine/Sales"
        ),
        .target(
            name: "Store",
            dependencies: [
                "Core", "Learning", "Support",
                .product(name: "GRDB", package: "GRDB.swift"),
                // The C API, for binding bulk dataset rows straight to a prepared statement.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Sources/Engine/Store"
        ),
        .target(
            name: "Pipeline",
            dependencies: ["Core", "Learning", "Optimisation", "Synthetic", "Support", "Sales", "Store"],
            path: "Sources/Engine/Pipeline"
        ),
        // The engine as one import for the screens and the commands.
        .target(
            name: "Engine",
            dependencies: ["Core", "Learning", "Optimisation", "Synthetic", "Support", "Sales", "Store", "Pipeline"],
            path: "Sources/Engine/Umbrella"
        ),
        .target(name: "TUI", dependencies: ["Engine", "CNcursesw"]),
        // What the commands and the benches share: one-line user errors, option range checks,
        // the routing instance formats, the command center's context.
        .target(
            name: "OpsDeckCLI",
            dependencies: ["Engine", "TUI", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(
            name: "opsdeck",
            dependencies: [
                "Engine", "TUI", "OpsDeckCLI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Code only the benches use (and the tests that cover it): seeded routing scenarios,
        // the CSV feature table of `bench learning --csv`. Kept out of the shipped Engine.
        .target(name: "BenchSupport", dependencies: ["Engine"]),
        // `opsdeck bench …`: the benchmarks, outside the product; `opsdeck bench` runs this
        // executable from beside the `opsdeck` binary.
        .executableTarget(
            name: "opsdeck-bench",
            dependencies: [
                "BenchSupport", "Engine", "TUI", "OpsDeckCLI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Fuzz targets for every input OpsDeck reads. A plain build gives the replay and
        // mutation harness; Fuzz/run.sh rebuilds it with libFuzzer and AddressSanitizer.
        .executableTarget(name: "opsdeck-fuzz", dependencies: ["Engine", "TUI"]),
        // Seeded data sets the engine's and the screens' tests share.
        .target(name: "OpsDeckTestSupport", dependencies: ["Engine"], path: "Tests/TestSupport"),
        // One test target per Engine target, mirroring Sources/Engine in Tests/EngineTests.
        .testTarget(name: "CoreTests", dependencies: ["BenchSupport", "Core", "Learning", "OpsDeckTestSupport", "Store", "Support", "Synthetic"], path: "Tests/EngineTests/Core", exclude: ["Data/Fixtures"]),
        .testTarget(name: "LearningTests", dependencies: ["Core", "Learning", "Store"], path: "Tests/EngineTests/Learning"),
        .testTarget(name: "OptimisationTests", dependencies: ["BenchSupport", "Core", "OpsDeckTestSupport", "Optimisation"], path: "Tests/EngineTests/Optimisation"),
        .testTarget(name: "SyntheticTests", dependencies: ["Core", "Learning", "Synthetic"], path: "Tests/EngineTests/Synthetic"),
        .testTarget(name: "SupportTests", dependencies: ["Core", "Learning", "OpsDeckTestSupport", "Optimisation", "Pipeline", "Support", "Synthetic"], path: "Tests/EngineTests/Support"),
        .testTarget(name: "SalesTests", dependencies: ["Core", "Learning", "OpsDeckTestSupport", "Optimisation", "Pipeline", "Sales", "Store", "Support", "Synthetic"], path: "Tests/EngineTests/Sales"),
        .testTarget(name: "StoreTests", dependencies: ["Core", "OpsDeckTestSupport", "Pipeline", "Store", "Support", "Synthetic", .product(name: "GRDB", package: "GRDB.swift")], path: "Tests/EngineTests/Store"),
        .testTarget(name: "PipelineTests", dependencies: ["Core", "OpsDeckTestSupport", "Optimisation", "Pipeline", "Sales", "Store", "Support", "Synthetic"], path: "Tests/EngineTests/Pipeline"),
        .testTarget(name: "BenchSupportTests", dependencies: ["BenchSupport", "Engine"]),
        // Command-line parsing and validation (issue 17's option inputs), on the real commands;
        // CommandLineTests runs the built binary end to end (outputs, exit codes, files).
        .testTarget(name: "OpsDeckTests", dependencies: ["opsdeck", "OpsDeckTestSupport"]),
        .testTarget(
            name: "TUITests",
            dependencies: ["TUI", "Engine", "OpsDeckTestSupport"],
            exclude: ["Screens/Golden", "tmux-smoke.sh", "tmux-imports.sh", "tmux-follow.sh", "tmux-live.sh", "tmux-lib.sh"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
