// swift-tools-version: 6.1
import PackageDescription

/// A Warraq writer plugin in Swift: depends on Warraq's library products by path, and its whole
/// main.swift is the writer type plus one `PluginMain.serve` line.
let package = Package(
    name: "warraq-writer-tsv",
    dependencies: [.package(name: "Warraq", path: "../..")],
    targets: [
        .executableTarget(
            name: "warraq-writer-tsv",
            dependencies: [
                .product(name: "WarraqCore", package: "Warraq"),
                .product(name: "WarraqPlugins", package: "Warraq"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
