/// Where an object's members go, in the order its type gives them once (`addMembers`): a
/// `JSONValue` tree (`JSONObjectBuilder`) or bytes (`JSONObjectWriter`). Both then agree on
/// member order and on which members are left out. Member names are literals in the code, plain
/// ASCII with nothing to escape, so that bytes can be copied out as they stand.
public protocol JSONObjectSink: ~Copyable {
    /// A member written as given.
    mutating func add(_ key: StaticString, _ value: JSONValue)
    mutating func add(_ key: StaticString, string value: String)
    /// An array member, written even when empty.
    mutating func add(_ key: StaticString, strings values: [String])
    mutating func add<T: JSONRepresentable>(_ key: StaticString, value: T)
    /// An array member, written even when empty.
    mutating func add<T: JSONRepresentable>(_ key: StaticString, array values: [T])
}

// The canonical JSON's rule, in one place for every sink: absent and empty values are left out.
extension JSONObjectSink where Self: ~Copyable {
    public mutating func add(_ key: StaticString, _ value: String?) {
        if let value { add(key, string: value) }
    }

    public mutating func add(_ key: StaticString, _ values: [String]) {
        if !values.isEmpty { add(key, strings: values) }
    }

    public mutating func add<T: JSONRepresentable>(_ key: StaticString, _ value: T?) {
        if let value { add(key, value: value) }
    }

    public mutating func add<T: JSONRepresentable>(_ key: StaticString, _ values: [T]) {
        if !values.isEmpty { add(key, array: values) }
    }
}

/// A type whose canonical JSON is an object. It lists its members once, in order, and gets both
/// its `JSONValue` and its bytes from that list.
public protocol JSONObjectRepresentable: JSONRepresentable {
    func addMembers<Sink: JSONObjectSink & ~Copyable>(to object: inout Sink)
}

extension JSONObjectRepresentable {
    public var json: JSONValue {
        var object = JSONObjectBuilder()
        addMembers(to: &object)
        return object.json
    }

    public func writeJSON(into out: inout JSONObjectWriter) { out.writeObject(self) }
}
