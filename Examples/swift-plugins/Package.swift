// swift-tools-version: 6.1
import PackageDescription

/// Warraq plugins in Swift: a package that depends on Warraq's library products by path. Each
/// executable's main.swift is a format type plus one `PluginMain.serve` line.
let package = Package(
    name: "warraq-swift-plugins",
    dependencies: [.package(name: "Warraq", path: "../..")],
    targets: ["warraq-writer-tsv", "warraq-reader-tsv", "warraq-transform-strip-tatweel"].map { name in
        .executableTarget(
            name: name,
            dependencies: [
                .product(name: "WarraqCore", package: "Warraq"),
                .product(name: "WarraqPlugins", package: "Warraq"),
            ]
        )
    },
    swiftLanguageModes: [.v6]
)
