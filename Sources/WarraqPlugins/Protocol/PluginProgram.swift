/// The three kinds of plugin program, named by the prefix of the program's file name.
public enum PluginKind: String, Sendable, CaseIterable {
    case reader, writer, transform

    /// `warraq-reader-`, the prefix discovery looks for.
    public var prefix: String { "warraq-\(rawValue)-" }
}

/// A plugin program found on disk, before or after its handshake.
public struct PluginProgram: Sendable, Equatable {
    public var path: String
    public var kind: PluginKind
    /// The format name (`csv` for `warraq-reader-csv`).
    public var name: String
    /// Where it was found, for `warraq formats`: `PATH`, the plugin folder, or `given by path`.
    public var source: String

    public init(path: String, kind: PluginKind, name: String, source: String) {
        self.path = path
        self.kind = kind
        self.name = name
        self.source = source
    }

    /// From a file name like `warraq-transform-upper`; nil when the name does not fit.
    public init?(path: String, source: String) {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        guard let kind = PluginKind.allCases.first(where: { file.hasPrefix($0.prefix) }) else { return nil }
        // `csv` for `warraq-reader-csv.py`: a script's extension is not part of the format's name.
        let name = file.dropFirst(kind.prefix.count).prefix { $0 != "." }.lowercased()
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else { return nil }
        self.init(path: path, kind: kind, name: name, source: source)
    }

    /// `plugin 'csv' (/path/warraq-reader-csv)`, as errors name it.
    public var label: String { "plugin '\(name)' (\(path))" }
}

/// A plugin that failed: it could not start, broke the protocol, exited non-zero, or stopped
/// answering. The message names the plugin.
public struct PluginError: Error, CustomStringConvertible, @unchecked Sendable {
    public var plugin: PluginProgram
    public var message: String
    /// What made the plugin's output unwritable (our own closed stdout), when that was the cause.
    public var cause: (any Error)?

    public init(_ plugin: PluginProgram, _ message: String, cause: (any Error)? = nil) {
        self.plugin = plugin
        self.message = message
        self.cause = cause
    }

    public var description: String { "\(plugin.label): \(message)" }
}
