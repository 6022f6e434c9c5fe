/// `key=value` options given to one format or transform (`--transform dedupe:threshold=0.9`).
public struct FormatOptions: Sendable, Equatable {
    public private(set) var values: [String: String]

    public init(_ values: [String: String] = [:]) { self.values = values }

    /// Parses `a=1,b=2`; a key without `=` means `true`.
    public init(parsing text: String) {
        var values: [String: String] = [:]
        for part in text.split(separator: ",", omittingEmptySubsequences: true) {
            let pair = part.split(separator: "=", maxSplits: 1).map(String.init)
            values[pair[0]] = pair.count == 2 ? pair[1] : "true"
        }
        self.values = values
    }

    public subscript(key: String) -> String? { values[key] }

    /// Fails on the first key the format does not declare.
    public func validate(against declared: [FormatOption], for owner: String) throws(UsageError) {
        let known = Set(declared.map(\.name))
        if let unknown = values.keys.sorted().first(where: { !known.contains($0) }) {
            let list = declared.isEmpty ? "it takes none" : "known: " + declared.map(\.name).joined(separator: ", ")
            throw UsageError("\(owner) has no option '\(unknown)' (\(list))")
        }
    }
}

/// An option a format declares, for help and validation.
public struct FormatOption: Sendable, Equatable {
    public var name: String
    public var summary: String
    public var defaultValue: String?

    public init(_ name: String, _ summary: String, default defaultValue: String? = nil) {
        self.name = name
        self.summary = summary
        self.defaultValue = defaultValue
    }
}

/// The user asked for something that cannot run: exit status 2.
public struct UsageError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
