/// Reads the members of one JSON object by name and refuses members nobody asked for, so that a
/// misspelt field is an error rather than data quietly dropped.
public struct JSONObjectReader {
    private var members: [String: JSONValue] = [:]
    private var order: [String] = []
    private var used: Set<String> = []

    public init(_ value: JSONValue, what: String) throws(JSONShapeError) {
        guard case .object(let list) = value else {
            throw JSONShapeError("\(what) must be an object, not \(value.typeName)")
        }
        for member in list {
            if members.updateValue(member.value, forKey: member.key) != nil {
                throw JSONShapeError("member '\(member.key)' appears twice")
            }
            order.append(member.key)
        }
    }

    /// The member as it is, for shapes the typed accessors do not cover.
    public mutating func raw(_ key: String) -> JSONValue? { take(key) }

    /// Only members present are marked as read: `finish` asks about those alone.
    private mutating func take(_ key: String) -> JSONValue? {
        guard let value = members[key] else { return nil }
        used.insert(key)
        return value
    }

    public mutating func string(_ key: String) throws(JSONShapeError) -> String? {
        guard let value = take(key) else { return nil }
        guard case .string(let s) = value else { throw JSONShapeError("must be a string, not \(value.typeName)", at: key) }
        return s
    }

    public mutating func requiredString(_ key: String) throws(JSONShapeError) -> String {
        guard let s = try string(key) else { throw JSONShapeError("missing required member '\(key)'") }
        return s
    }

    public mutating func int(_ key: String) throws(JSONShapeError) -> Int? {
        guard let value = take(key) else { return nil }
        guard let n = value.intValue else { throw JSONShapeError("must be a whole number, not \(value.typeName)", at: key) }
        return n
    }

    public mutating func bool(_ key: String) throws(JSONShapeError) -> Bool? {
        guard let value = take(key) else { return nil }
        guard let b = value.boolValue else { throw JSONShapeError("must be true or false, not \(value.typeName)", at: key) }
        return b
    }

    public mutating func strings(_ key: String) throws(JSONShapeError) -> [String] {
        guard let value = take(key) else { return [] }
        guard let items = value.arrayValue else { throw JSONShapeError("must be an array of strings, not \(value.typeName)", at: key) }
        var out: [String] = []
        for (i, item) in items.enumerated() {
            guard let s = item.stringValue else { throw JSONShapeError("must be a string, not \(item.typeName)", at: "\(key)[\(i)]") }
            out.append(s)
        }
        return out
    }

    public mutating func value<T: JSONRepresentable>(_ key: String, as type: T.Type = T.self) throws(JSONShapeError) -> T? {
        guard let value = take(key) else { return nil }
        do { return try T(json: value) } catch { throw error.nested(in: key) }
    }

    public mutating func array<T: JSONRepresentable>(_ key: String, of type: T.Type = T.self) throws(JSONShapeError) -> [T] {
        guard let value = take(key) else { return [] }
        guard let items = value.arrayValue else { throw JSONShapeError("must be an array, not \(value.typeName)", at: key) }
        var out: [T] = []
        out.reserveCapacity(items.count)
        for (i, item) in items.enumerated() {
            do { out.append(try T(json: item)) } catch { throw error.nested(in: "\(key)[\(i)]") }
        }
        return out
    }

    /// Call last: fails on the first member that no accessor read.
    public func finish() throws(JSONShapeError) {
        if let unknown = order.first(where: { !used.contains($0) }) {
            throw JSONShapeError("unknown member '\(unknown)'")
        }
    }
}
