import WarraqCore

/// How one plugin run is set up: its resolved options and the environment that carries them.
struct PluginRun {
    let description: PluginDescription
    let timeout: Double
    /// Every declared option, the given value or else the default.
    let options: [(PluginOption, String)]

    /// Fails on an option the plugin does not declare or a value that does not fit its type, so
    /// that nothing runs with a misspelt option.
    init(_ description: PluginDescription, options given: FormatOptions, timeout: Double) throws(UsageError) {
        self.description = description
        self.timeout = timeout
        let declared = description.options
        for key in given.values.keys.sorted() where !declared.contains(where: { $0.name == key }) {
            let known = declared.isEmpty ? "it takes none" : "known: " + declared.map(\.name).joined(separator: ", ")
            throw UsageError("\(description.program.label) has no option '\(key)' (\(known))")
        }
        var options: [(PluginOption, String)] = []
        for option in declared {
            guard let value = given[option.name] ?? option.defaultValue else { continue }
            if let problem = option.check(value) {
                throw UsageError("\(description.program.label): option '\(option.name)': \(problem)")
            }
            options.append((option, value))
        }
        self.options = options
    }

    /// `WARRAQ_PLUGIN_PROTOCOL`, `WARRAQ_OPTIONS` (a JSON object of typed values) and one
    /// `WARRAQ_OPTION_NAME` per option, upper-cased with `-` as `_`.
    func environment(input: String? = nil) -> [String: String] {
        var environment = ["WARRAQ_PLUGIN_PROTOCOL": String(pluginProtocolVersion)]
        environment["WARRAQ_OPTIONS"] = JSONWriter.string(.object(options.map { JSONMember($0.0.name, $0.0.typed($0.1)) }))
        for (option, value) in options {
            environment["WARRAQ_OPTION_" + option.name.uppercased().replacingDashes()] = value
        }
        if let input { environment["WARRAQ_INPUT"] = input }
        return environment
    }

    func start(input: PluginProcess.StandardInput, inputName: String? = nil, onStderrLine: @escaping (String) -> Void) throws(PluginError) -> PluginProcess {
        try PluginProcess(description.program, environment: environment(input: inputName), input: input, timeout: timeout, onStderrLine: onStderrLine)
    }
}

extension String {
    fileprivate func replacingDashes() -> String { String(map { $0 == "-" ? "_" : $0 }) }
}

/// A plugin's stderr line as a diagnostic: a JSON object `{"severity", "message", "line"}`, or
/// any other text as a warning, both named with the plugin.
func relayedDiagnostic(_ text: String, from program: PluginProgram, path: String) -> Diagnostic {
    let prefix = "plugin '\(program.name)': "
    guard text.hasPrefix("{"), let json = try? JSONParser.parse(text), let message = json["message"]?.stringValue else {
        return Diagnostic(path: path, prefix + text, severity: .warning)
    }
    let severity: Diagnostic.Severity = json["severity"]?.stringValue == "error" ? .error : .warning
    return Diagnostic(path: path, line: json["line"]?.intValue, prefix + message, severity: severity)
}
