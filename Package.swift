// swift-tools-version: 6.1
import PackageDescription

/// Warraq: scrape dumps, HTML and JSONL in; JSONL, YAML, TEI and Markdown out.
/// Each module is one layer of DESIGN.md's flow; C libraries are wrapped once, in the module that needs them.
let package = Package(
    name: "Warraq",
    products: [
        .executable(name: "warraq", targets: ["warraq"]),
        .library(name: "WarraqCore", targets: ["WarraqCore"]),
        .library(name: "WarraqFormats", targets: ["WarraqFormats"]),
        .library(name: "WarraqText", targets: ["WarraqText"]),
        .library(name: "WarraqXML", targets: ["WarraqXML"]),
        .library(name: "WarraqYAML", targets: ["WarraqYAML"]),
        .library(name: "WarraqTransforms", targets: ["WarraqTransforms"]),
        // Plugin host and SDK: another package's executable becomes a warraq plugin with it.
        .library(name: "WarraqPlugins", targets: ["WarraqPlugins"]),
        .plugin(name: "warraq-convert", targets: ["WarraqConvert"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        .systemLibrary(
            name: "CCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        .target(name: "WarraqCore", dependencies: ["CCrypto"]),
        .target(name: "WarraqYAML", dependencies: ["WarraqCore", "CYAML"]),
        .target(name: "WarraqFormats", dependencies: ["WarraqCore", "WarraqYAML"]),
        .target(
            name: "WarraqText",
            dependencies: ["WarraqCore", "WarraqYAML"],
            exclude: ["Resources"],
            plugins: [.plugin(name: "EmbedData")]
        ),
        .target(name: "WarraqPlugins", dependencies: ["WarraqCore"]),
        .target(
            name: "WarraqXML",
            dependencies: ["WarraqCore", "WarraqText", "WarraqYAML", "CLibXML2", "CZlib"],
            exclude: ["Resources"],
            plugins: [.plugin(name: "EmbedData")]
        ),
        .target(
            name: "WarraqTransforms",
            dependencies: ["WarraqCore", "WarraqYAML"],
            exclude: ["Resources"],
            plugins: [.plugin(name: "EmbedData")]
        ),
        .executableTarget(
            name: "warraq",
            dependencies: [
                "WarraqCore", "WarraqFormats", "WarraqPlugins", "WarraqText", "WarraqTransforms", "WarraqXML", "WarraqYAML",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "EmbedDataTool"),
        .plugin(name: "EmbedData", capability: .buildTool(), dependencies: ["EmbedDataTool"]),
        .plugin(
            name: "WarraqConvert",
            capability: .command(intent: .custom(verb: "warraq-convert", description: "Convert the files of each target with warraq"))
        ),
        // Helpers shared by the test targets: running the built binary, finding test clients.
        .target(name: "WarraqTestSupport", dependencies: ["WarraqCore"], path: "Tests/Support"),
        .testTarget(name: "WarraqCoreTests", dependencies: ["WarraqCore", "WarraqTestSupport"]),
        .testTarget(name: "WarraqFormatsTests", dependencies: ["WarraqFormats", "WarraqTestSupport"]),
        .testTarget(name: "WarraqTextTests", dependencies: ["WarraqText", "WarraqTestSupport"]),
        .testTarget(name: "WarraqXMLTests", dependencies: ["WarraqXML", "WarraqFormats", "WarraqTestSupport"]),
        .testTarget(name: "WarraqYAMLTests", dependencies: ["WarraqYAML", "WarraqFormats", "WarraqTestSupport"]),
        .testTarget(name: "WarraqTransformsTests", dependencies: ["WarraqTransforms", "WarraqTestSupport"]),
        .testTarget(name: "WarraqCLITests", dependencies: ["WarraqCore", "WarraqTestSupport"]),
        .testTarget(name: "WarraqPluginsTests", dependencies: ["WarraqPlugins", "WarraqTestSupport"]),
        // The fuzzer: a harness every reader and writer runs under, its test, and `Scripts/fuzz`'s runner.
        .target(
            name: "WarraqFuzz",
            dependencies: ["WarraqCore", "WarraqFormats", "WarraqText", "WarraqXML", "WarraqYAML", "WarraqTestSupport"],
            path: "Tests/WarraqFuzzTests/Harness"
        ),
        .executableTarget(name: "warraq-fuzz", dependencies: ["WarraqFuzz"], path: "Tests/WarraqFuzzTests/Runner"),
        .testTarget(name: "WarraqFuzzTests", dependencies: ["WarraqFuzz"], path: "Tests/WarraqFuzzTests/Tests"),
    ],
    swiftLanguageModes: [.v6]
)
