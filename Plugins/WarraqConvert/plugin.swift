import Foundation
import PackagePlugin

/// `swift package warraq-convert [--target NAME]… [--output DIR] [-t FORMAT] [convert options]`:
/// converts the files in each target's folder that a warraq reader claims (scrape dumps, HTML,
/// JSONL, YAML, and whatever plugins add) into one file per target, `DIR/TARGET.EXT`.
/// Any other arguments go to `warraq convert` as they are (`--transform`, `--profile`, …).
///
/// The `warraq` it runs is `$WARRAQ_EXECUTABLE`, else the first `warraq` on PATH, so that the
/// plugin itself builds in seconds.
@main
struct WarraqConvert: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) throws {
        var extractor = ArgumentExtractor(arguments)
        let names = Set(extractor.extractOption(named: "target"))
        let output = extractor.extractOption(named: "output").last.map { URL(fileURLWithPath: $0) }
            ?? context.pluginWorkDirectoryURL
        var passed = extractor.remainingArguments
        let format = Self.extractWriter(&passed) ?? "jsonl"
        let warraq = try Self.findWarraq()
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)

        let targets = context.package.targets.compactMap { $0 as? SourceModuleTarget }
            .filter { names.isEmpty || names.contains($0.name) }
        if let unknown = names.subtracting(targets.map(\.name)).sorted().first {
            throw PluginFailure("no target called '\(unknown)' in \(context.package.displayName)")
        }
        var failed = false
        for target in targets {
            let file = output.appending(path: "\(target.name).\(Self.fileExtension(format))")
            let process = Process()
            process.executableURL = warraq
            process.arguments = ["convert", "-t", format, "-o", file.path, "--force", "--quiet"] + passed + [target.directoryURL.path]
            try process.run()
            process.waitUntilExit()
            failed = failed || process.terminationStatus != 0
            let size = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
            if size == 0 {
                try? FileManager.default.removeItem(at: file)
            } else {
                print("warraq-convert: \(target.name) → \(file.path)")
            }
        }
        if failed { throw PluginFailure("some inputs did not convert (see above)") }
    }

    /// Takes `-t FORMAT` or `--to FORMAT` out of the arguments (ArgumentExtractor knows only `--`).
    private static func extractWriter(_ arguments: inout [String]) -> String? {
        var format: String?
        var rest: [String] = []
        var iterator = arguments.makeIterator()
        while let argument = iterator.next() {
            if argument == "-t" || argument == "--to" { format = iterator.next() } else { rest.append(argument) }
        }
        arguments = rest
        return format
    }

    /// The file extension for a writer name; plugins' writers get their own name.
    private static func fileExtension(_ format: String) -> String {
        ["jsonl": "jsonl", "yaml": "yaml", "tei": "xml", "markdown": "md"][format] ?? format
    }

    private static func findWarraq() throws -> URL {
        let environment = ProcessInfo.processInfo.environment
        if let explicit = environment["WARRAQ_EXECUTABLE"] { return URL(fileURLWithPath: explicit) }
        for directory in (environment["PATH"] ?? "").split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(directory)).appending(path: "warraq")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw PluginFailure("no warraq on PATH: install it (Scripts/demo, then install .build/release/warraq /usr/local/bin/) or set WARRAQ_EXECUTABLE")
    }
}

struct PluginFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
