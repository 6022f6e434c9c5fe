// swift-tools-version: 6.1
import PackageDescription

/// A package that uses Warraq's command plugin: `swift package warraq-convert` converts the
/// dumps kept in its Articles target.
let package = Package(
    name: "ArticleFixtures",
    dependencies: [.package(name: "Warraq", path: "../../..")],
    targets: [
        .target(name: "Articles", exclude: ["dumps"]),
    ]
)
