import ArgumentParser
import WarraqCore

/// `warraq formats`: what can be read and written, with an example of each.
struct FormatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "formats",
        abstract: "List the readers and writers, their file extensions and an example of each."
    )

    /// Every reader's and writer's example, for `convert --help` (kept under 80 columns, where
    /// help text is wrapped).
    static var examples: String {
        let registry = BuiltinFormats.registry
        let lines = ["Readers:"] + registry.readers.map { "  \($0.example)" } + ["", "Writers:"] + registry.writers.map { "  \($0.example)" }
        return lines.joined(separator: "\n")
    }

    func run() throws {
        let registry = BuiltinFormats.registry
        var lines = ["Readers (-f):"]
        for format in registry.readers {
            lines += describe(format.name, format.summary, format.extensions, format.example)
        }
        lines += ["", "Writers (-t):"]
        for format in registry.writers {
            lines += describe(format.name, format.summary, format.extensions, format.example)
        }
        if !registry.transforms.isEmpty {
            lines += ["", "Transforms (--transform):"]
            for format in registry.transforms {
                lines += describe(format.name, format.summary, [], format.example)
            }
        }
        print(lines.joined(separator: "\n"))
    }

    private func describe(_ name: String, _ summary: String, _ extensions: [String], _ example: String) -> [String] {
        let padded = name.padding(toLength: 10, withPad: " ", startingAt: 0)
        let ext = extensions.isEmpty ? "" : " [." + extensions.joined(separator: " .") + "]"
        return ["  \(padded)\(summary)\(ext)", "            e.g. \(example)"]
    }
}
