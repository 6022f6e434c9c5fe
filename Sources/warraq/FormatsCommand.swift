import ArgumentParser
import WarraqCore

/// `warraq formats`: what can be read and written, with an example of each.
struct FormatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "formats",
        abstract: "List the readers, writers and transforms (built-in and plugins), their file extensions and an example of each.",
        discussion: "Plugins are warraq-reader-NAME, warraq-writer-NAME and warraq-transform-NAME programs in $XDG_CONFIG_HOME/warraq/plugins (else ~/.config/warraq/plugins) or on PATH."
    )

    /// Every built-in reader's, writer's and transform's example, for `convert --help` (kept
    /// under 80 columns, where help text is wrapped).
    static var examples: String {
        let registry = BuiltinFormats.registry
        let lines = ["Readers:"] + registry.readers.map { "  \($0.example)" }
            + ["", "Writers:"] + registry.writers.map { "  \($0.example)" }
            + ["", "Transforms:"] + registry.transforms.map { "  \($0.example)" }
        return lines.joined(separator: "\n")
    }

    @Option(name: .customLong("plugin-timeout"), help: ArgumentHelp("Seconds a plugin may take to describe itself.", valueName: "seconds"))
    var pluginTimeout: Double = 60

    func run() throws {
        var plugins = PluginLoader(timeout: pluginTimeout)
        let registry = plugins.registry(profile: .builtIn)
        var lines = ["Readers (-f):"]
        for format in registry.readers {
            lines += describe(format.name, format.summary, format.extensions, format.example, plugins.origin(.reader, format.name))
        }
        lines += ["", "Writers (-t):"]
        for format in registry.writers {
            lines += describe(format.name, format.summary, format.extensions, format.example, plugins.origin(.writer, format.name))
        }
        if !registry.transforms.isEmpty {
            lines += ["", "Transforms (--transform):"]
            for format in registry.transforms {
                lines += describe(format.name, format.summary, [], format.example, plugins.origin(.transform, format.name))
                for option in format.options {
                    lines.append("            \(option.name)=\(option.defaultValue ?? "…")  \(option.summary)")
                }
            }
        }
        if !plugins.catalog.problems.isEmpty {
            lines += ["", "Plugins not loaded:"] + plugins.catalog.problems.map { "  \($0)" }
        }
        print(lines.joined(separator: "\n"))
    }

    private func describe(_ name: String, _ summary: String, _ extensions: [String], _ example: String, _ origin: String) -> [String] {
        let padded = name.padding(toLength: max(10, name.count + 1), withPad: " ", startingAt: 0)
        let ext = extensions.isEmpty ? "" : " [." + extensions.joined(separator: " .") + "]"
        let from = origin == "built-in" ? "" : "            from \(origin)"
        return ["  \(padded)\(summary)\(ext)", "            e.g. \(example)"] + (from.isEmpty ? [] : [from])
    }
}
