import Foundation
import WarraqCore
import WarraqPlugins
import WarraqText

/// The formats of one run: the built-in ones, then every plugin found in the plugin folder and
/// on PATH, then programs named by path on the command line (`-f ./warraq-reader-csv`).
struct PluginLoader {
    private(set) var catalog: PluginCatalog

    /// Discovers and describes the installed plugins.
    init(timeout: Double) {
        catalog = PluginCatalog.discover(environment: ProcessInfo.processInfo.environment, timeout: timeout)
    }

    /// Splits `NAME[:key=value,…]`; a NAME with a `/` is a program's path, described now, and the
    /// name returned is the one it gave itself.
    mutating func resolve(_ spec: String, kind: PluginKind) throws(UsageError) -> (name: String, options: FormatOptions) {
        let parts = spec.split(separator: ":", maxSplits: 1).map(String.init)
        var name = parts.first ?? spec
        let options = FormatOptions(parsing: parts.count == 2 ? parts[1] : "")
        if name.contains("/") { name = try catalog.add(path: name, kind: kind).program.name }
        return (name, options)
    }

    /// The registry with the plugins in it; a plugin's stderr lines are printed as they come.
    mutating func registry(profile: ScrapeProfile) -> FormatRegistry {
        var registry = BuiltinFormats.registry(profile: profile)
        catalog.register(into: &registry) { printError($0.description) }
        return registry
    }

    /// Checks options against a plugin's declared types (names are checked for every format).
    func check(_ options: FormatOptions, kind: PluginKind, name: String) throws(UsageError) {
        if let plugin = catalog.plugin(kind, named: name) { try PluginFormats.check(options, for: plugin) }
    }

    /// `plugin, PATH: /usr/local/bin/warraq-reader-csv`, or `built-in`.
    func origin(_ kind: PluginKind, _ name: String) -> String {
        guard let plugin = catalog.plugin(kind, named: name) else { return "built-in" }
        return "plugin, \(plugin.program.source): \(plugin.program.path)"
    }
}
