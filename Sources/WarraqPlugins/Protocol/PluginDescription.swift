import WarraqCore

/// The protocol version this host speaks; a plugin that describes another one is refused.
public let pluginProtocolVersion = 1

/// What a plugin says about itself in answer to `--describe` (docs/plugins.md).
public struct PluginDescription: Sendable, Equatable {
    public var program: PluginProgram
    public var summary: String
    /// Lowercase, without the dot: the files a reader claims, the first is a writer's output.
    public var extensions: [String]
    public var options: [PluginOption]
    /// False for transforms that compare documents (a de-duplicator): one process sees them all.
    public var perDocument: Bool

    public init(program: PluginProgram, summary: String, extensions: [String] = [], options: [PluginOption] = [], perDocument: Bool = true) {
        self.program = program
        self.summary = summary
        self.extensions = extensions
        self.options = options
        self.perDocument = perDocument
    }

    /// Parses the handshake; the kind must match the program's name and the version ours.
    public init(json: JSONValue, program: PluginProgram) throws(JSONShapeError) {
        var r = try JSONObjectReader(json, what: "a plugin description")
        let version = try r.int("protocol")
        guard version == pluginProtocolVersion else {
            throw JSONShapeError("speaks protocol \(version.map(String.init) ?? "(none)"), this warraq speaks \(pluginProtocolVersion)", at: "protocol")
        }
        let kind = try r.requiredString("kind")
        guard kind == program.kind.rawValue else {
            throw JSONShapeError("says it is a \(kind), but its name makes it a \(program.kind.rawValue)", at: "kind")
        }
        var program = program
        program.name = try r.string("name")?.lowercased() ?? program.name
        self.init(
            program: program,
            summary: try r.string("summary") ?? "",
            extensions: try r.strings("extensions").map { $0.lowercased().trimmingPrefix(".") },
            options: try r.array("options"),
            perDocument: try r.bool("perDocument") ?? true
        )
        try r.finish()
    }

    public var json: JSONValue {
        var o = JSONObjectBuilder()
        o.add("protocol", .int(pluginProtocolVersion))
        o.add("kind", program.kind.rawValue)
        o.add("name", program.name)
        o.add("summary", summary)
        o.add("extensions", extensions)
        o.add("options", options)
        if program.kind == .transform { o.add("perDocument", .bool(perDocument)) }
        return o.json
    }
}

extension String {
    fileprivate func trimmingPrefix(_ prefix: String) -> String {
        hasPrefix(prefix) ? String(dropFirst(prefix.count)) : self
    }
}

/// An option a plugin takes, with its type and default; values are checked before it runs.
public struct PluginOption: Sendable, Equatable, JSONRepresentable {
    public enum ValueType: String, Sendable, CaseIterable {
        case string, integer, number, boolean
    }

    public var name: String
    public var type: ValueType
    public var defaultValue: String?
    public var summary: String

    public init(_ name: String, _ type: ValueType = .string, default defaultValue: String? = nil, summary: String = "") {
        self.name = name
        self.type = type
        self.defaultValue = defaultValue
        self.summary = summary
    }

    public init(json: JSONValue) throws(JSONShapeError) {
        var r = try JSONObjectReader(json, what: "an option")
        let name = try r.requiredString("name")
        let typeName = try r.string("type") ?? "string"
        guard let type = ValueType(rawValue: typeName) else {
            throw JSONShapeError("unknown type '\(typeName)' (known: \(ValueType.allCases.map(\.rawValue).joined(separator: ", ")))", at: "type")
        }
        let defaultValue: String?
        switch r.raw("default") {
        case nil, .null?: defaultValue = nil
        case .string(let s)?: defaultValue = s
        case .number(let n)?: defaultValue = n
        case .bool(let b)?: defaultValue = b ? "true" : "false"
        case let other?: throw JSONShapeError("must be a string, number or boolean, not \(other.typeName)", at: "default")
        }
        self.init(name, type, default: defaultValue, summary: try r.string("summary") ?? "")
        try r.finish()
        if let defaultValue, let problem = check(defaultValue) { throw JSONShapeError(problem, at: "default") }
    }

    public var json: JSONValue {
        var o = JSONObjectBuilder()
        o.add("name", name)
        o.add("type", type.rawValue)
        if let defaultValue { o.add("default", typed(defaultValue)) }
        o.add("summary", summary.isEmpty ? nil : summary)
        return o.json
    }

    /// Why `value` does not fit the type, or nil when it does.
    public func check(_ value: String) -> String? {
        let fits = switch type {
        case .string: true
        case .integer: Int(value) != nil
        case .number: Double(value) != nil
        case .boolean: value == "true" || value == "false"
        }
        return fits ? nil : "'\(value)' is not \(type == .integer ? "an" : "a") \(type.rawValue)"
    }

    /// The value as JSON of the option's type (after `check` passed).
    public func typed(_ value: String) -> JSONValue {
        switch type {
        case .string: .string(value)
        case .integer: .number(String(Int(value)!))
        case .number: .number(String(Double(value)!))
        case .boolean: .bool(value == "true")
        }
    }
}
