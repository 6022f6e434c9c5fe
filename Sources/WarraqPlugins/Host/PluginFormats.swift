import Synchronization
import WarraqCore

/// Turns a described plugin into a registry entry, so that plugins and built-in formats are
/// found, listed and run the same way.
public enum PluginFormats {
    /// Stderr lines of transform and writer plugins, which have no input of their own to report
    /// against, go to `report`.
    public static func register(
        _ plugin: PluginDescription, into registry: inout FormatRegistry, timeout: Double,
        report: @escaping @Sendable (Diagnostic) -> Void
    ) {
        let program = plugin.program
        let options = plugin.options.map(formatOption)
        let usage = switch program.kind {
        case .reader: "-f \(program.name) input.\(plugin.extensions.first ?? "txt")"
        case .writer: "-t \(program.name) input.txt"
        case .transform: "--transform \(program.name) input.txt"
        }
        let example = "warraq convert " + usage
        switch program.kind {
        case .reader:
            registry.register(ReaderFormat(name: program.name, summary: plugin.summary, extensions: plugin.extensions, options: options, example: example) { input, given in
                try ExternalReader(PluginRun(plugin, options: given, timeout: timeout), input: input)
            })
        case .writer:
            registry.register(WriterFormat(
                name: program.name, summary: plugin.summary, extensions: plugin.extensions.isEmpty ? ["out"] : plugin.extensions,
                options: options, example: example,
                outputFilter: { given, sink in
                    do { return try PluginOutputSink(PluginRun(plugin, options: given, timeout: timeout), into: sink, report: report) } catch let error as PluginError {
                        throw OutputError(path: error.plugin.label, error.message)
                    }
                },
                make: { given in
                    _ = try PluginRun(plugin, options: given, timeout: timeout)
                    return DocumentLineWriter()
                }
            ))
        case .transform:
            // Processes are reused only between runs with the same options.
            let pools = Mutex<[String: TransformProcessPool]>([:])
            registry.register(TransformFormat(name: program.name, summary: plugin.summary, options: options, example: example, isPerDocument: plugin.perDocument) { given in
                let key = given.values.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
                let pool = !plugin.perDocument ? nil : pools.withLock { pools in
                    if let pool = pools[key] { return pool }
                    let pool = TransformProcessPool()
                    pools[key] = pool
                    return pool
                }
                return try ExternalTransform(PluginRun(plugin, options: given, timeout: timeout), pool: pool, report: report)
            })
        }
    }

    /// Ends the per-document transform processes kept between inputs; call once a run is over.
    /// Each failure (a non-zero exit, output after the end) is returned, naming its plugin.
    public static func closeIdlePlugins() -> [PluginError] { TransformProcessPool.closeAll() }

    /// Checks option names and values against what the plugin declared, before anything runs.
    public static func check(_ options: FormatOptions, for plugin: PluginDescription) throws(UsageError) {
        _ = try PluginRun(plugin, options: options, timeout: 0)
    }

    private static func formatOption(_ option: PluginOption) -> FormatOption {
        let summary = option.summary.isEmpty ? option.type.rawValue : "\(option.summary) (\(option.type.rawValue))"
        return FormatOption(option.name, summary, default: option.defaultValue)
    }
}
