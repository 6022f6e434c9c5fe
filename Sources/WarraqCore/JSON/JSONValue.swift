/// A JSON value whose objects keep their members in order, so that what Warraq writes is
/// byte-for-byte reproducible and what it reads can be written back unchanged.
public enum JSONValue: Sendable, Equatable, Hashable {
    case null
    case bool(Bool)
    /// The number's lexeme as written, so that reading and writing never changes its digits.
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([JSONMember])

    public static func int(_ value: Int) -> JSONValue { .number(String(value)) }

    /// The member called `key`, for objects.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    public var intValue: Int? {
        if case .number(let n) = self { return Int(n) }
        return nil
    }

    public var boolValue: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }

    public var arrayValue: [JSONValue]? {
        if case .array(let a) = self { return a }
        return nil
    }

    public var objectValue: [JSONMember]? {
        if case .object(let o) = self { return o }
        return nil
    }

    /// The JSON type's name, for error messages.
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

public struct JSONMember: Sendable, Equatable, Hashable {
    public var key: String
    public var value: JSONValue

    public init(_ key: String, _ value: JSONValue) {
        self.key = key
        self.value = value
    }
}

/// Builds an object as a `JSONValue` tree, for reading back, plugins and Codable; output
/// that only needs bytes goes through `JSONObjectWriter`.
public struct JSONObjectBuilder: JSONObjectSink {
    public private(set) var members: [JSONMember] = []

    public init() {}

    public mutating func add(_ key: StaticString, _ value: JSONValue) {
        members.append(JSONMember(key.description, value))
    }

    public mutating func add(_ key: StaticString, string value: String) { add(key, .string(value)) }

    public mutating func add(_ key: StaticString, strings values: [String]) { add(key, .array(values.map(JSONValue.string))) }

    public mutating func add<T: JSONRepresentable>(_ key: StaticString, value: T) { add(key, value.json) }

    public mutating func add<T: JSONRepresentable>(_ key: StaticString, array values: [T]) { add(key, .array(values.map(\.json))) }

    public var json: JSONValue { .object(members) }
}

/// A type with one canonical JSON form, read back by `init(json:)`.
public protocol JSONRepresentable {
    var json: JSONValue { get }
    init(json: JSONValue) throws(JSONShapeError)
    /// Appends the canonical JSON as compact bytes, skipping the `JSONValue` tree where the type can.
    func writeJSON(into out: inout [UInt8])
    /// The same bytes, into a writer of a larger whole (the member of an object).
    func writeJSON(into out: inout JSONObjectWriter)
}

extension JSONRepresentable {
    public func writeJSON(into out: inout [UInt8]) { JSONObjectWriter.write(self, into: &out) }

    public func writeJSON(into out: inout JSONObjectWriter) { out.write(json) }
}

/// A JSON value that is well formed but not the shape the model expects, with the path to it.
public struct JSONShapeError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var message: String

    public init(_ message: String, at path: String = "") {
        self.message = message
        self.path = path
    }

    /// The same error, seen from one level up (`body[2]` under `.body`).
    public func nested(in component: String) -> JSONShapeError {
        JSONShapeError(message, at: path.isEmpty ? component : component + (path.hasPrefix("[") ? "" : ".") + path)
    }

    public var description: String { path.isEmpty ? message : "\(path): \(message)" }
}
