import Foundation
import PackagePlugin

/// Compiles a target's `Resources/` data files (YAML, text, JSON) into the module as Swift
/// string literals, so an installed `warraq` carries its built-in data without a resource
/// bundle beside it.
@main
struct EmbedData: BuildToolPlugin {
    static let dataExtensions: Set<String> = ["yaml", "yml", "txt", "json", "tsv"]

    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let resources = target.directoryURL.appending(path: "Resources")
        let files = ((try? FileManager.default.contentsOfDirectory(at: resources, includingPropertiesForKeys: nil)) ?? [])
            .filter { Self.dataExtensions.contains($0.pathExtension) }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedData.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(files.count) data files into \(target.name)",
                executable: try context.tool(named: "EmbedDataTool").url,
                arguments: [output.path] + files.map(\.path),
                inputFiles: files,
                outputFiles: [output]
            ),
        ]
    }
}
