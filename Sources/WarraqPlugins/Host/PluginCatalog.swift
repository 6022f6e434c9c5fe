import Dispatch
import Synchronization
import WarraqCore

/// The plugins of one run: those found on disk and those given by path, each described by its
/// handshake, and the ones that failed it.
public struct PluginCatalog: Sendable {
    public private(set) var plugins: [PluginDescription] = []
    /// Plugins that could not be used (a failed handshake, a name a built-in format has).
    public private(set) var problems: [String] = []
    public let timeout: Double

    public static let describeLimit = 10.0

    public init(timeout: Double) { self.timeout = timeout }

    /// Describes every program `PluginDiscovery` finds, several at once. Every run does this, so
    /// a handshake gets at most `describeLimit` seconds: a stuck program on PATH must not stall
    /// every conversion.
    public static func discover(environment: [String: String], timeout: Double) -> PluginCatalog {
        var catalog = PluginCatalog(timeout: timeout)
        let programs = PluginDiscovery.find(environment: environment)
        let limit = min(timeout, describeLimit)
        let results = Mutex([Result<PluginDescription, PluginError>?](repeating: nil, count: programs.count))
        DispatchQueue.concurrentPerform(iterations: programs.count) { i in
            let result = Result { () throws(PluginError) in try PluginHandshake.describe(programs[i], timeout: limit) }
            results.withLock { $0[i] = result }
        }
        for result in results.withLock({ $0 }) {
            switch result {
            case .success(let plugin)?: catalog.plugins.append(plugin)
            case .failure(let error)?: catalog.problems.append(error.description)
            case nil: break
            }
        }
        return catalog
    }

    /// Describes a program named by path (`-f ./warraq-reader-csv`) and adds it; its name is what
    /// the caller then looks up in the registry.
    public mutating func add(path: String, kind: PluginKind) throws(UsageError) -> PluginDescription {
        guard let program = PluginDiscovery.program(atPath: path, kind: kind) else {
            throw UsageError("\(path): not an executable file")
        }
        let plugin: PluginDescription
        do { plugin = try PluginHandshake.describe(program, timeout: timeout) } catch {
            throw UsageError(error.description)
        }
        plugins.removeAll { $0.program.kind == kind && $0.program.name == plugin.program.name }
        plugins.append(plugin)
        return plugin
    }

    /// Registers every plugin whose name no built-in format has taken; a plugin given by path is
    /// registered whatever its name, since the user asked for that very program.
    public mutating func register(into registry: inout FormatRegistry, report: @escaping @Sendable (Diagnostic) -> Void) {
        var usable: [PluginDescription] = []
        for plugin in plugins {
            let taken = switch plugin.program.kind {
            case .reader: registry.readers.contains { $0.name == plugin.program.name }
            case .writer: registry.writers.contains { $0.name == plugin.program.name }
            case .transform: registry.transforms.contains { $0.name == plugin.program.name }
            }
            if taken, plugin.program.source != PluginDiscovery.givenByPath {
                problems.append("\(plugin.program.label): ignored, a built-in \(plugin.program.kind.rawValue) is called '\(plugin.program.name)'")
                continue
            }
            PluginFormats.register(plugin, into: &registry, timeout: timeout, report: report)
            usable.append(plugin)
        }
        plugins = usable
    }

    /// The plugin behind a registered format, if it is one.
    public func plugin(_ kind: PluginKind, named name: String) -> PluginDescription? {
        plugins.first { $0.program.kind == kind && $0.program.name == name.lowercased() }
    }
}
