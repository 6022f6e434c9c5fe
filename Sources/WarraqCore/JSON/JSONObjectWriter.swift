/// Writes an object's members straight to compact JSON bytes, the same bytes `JSONWriter` gives
/// for the object's `JSONValue`: output (JSON Lines, plugins) needs no tree of values.
public struct JSONObjectWriter: JSONObjectSink {
    private var bytes: [UInt8] = []
    private var isEmpty = true

    /// Appends the value's object. Called with a concrete type, the compiler turns its member
    /// list into direct writes.
    public static func write<T: JSONObjectRepresentable>(_ value: T, into out: inout [UInt8]) {
        var object = JSONObjectWriter(appendingTo: &out)
        value.addMembers(to: &object)
        object.finish(into: &out)
    }

    /// Takes `out`'s bytes over without copying them and opens the object; `finish` hands the
    /// bytes back.
    public init(appendingTo out: inout [UInt8]) {
        swap(&bytes, &out)
        bytes.append(UInt8(ascii: "{"))
    }

    /// Closes the object and hands the bytes back to `out`.
    public mutating func finish(into out: inout [UInt8]) {
        bytes.append(UInt8(ascii: "}"))
        swap(&bytes, &out)
    }

    /// The name copied as it stands: a member name has nothing to escape (`JSONObjectSink`).
    /// Comma, quotes and colon go out with it in one append.
    private mutating func key(_ key: StaticString) {
        let comma = !isEmpty
        isEmpty = false
        bytes.append(addingCapacity: key.utf8CodeUnitCount + 4) { span in
            if comma { span.append(UInt8(ascii: ",")) }
            span.append(UInt8(ascii: "\""))
            span.append(copying: UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
            span.append(UInt8(ascii: "\""))
            span.append(UInt8(ascii: ":"))
        }
    }

    public mutating func add(_ key: StaticString, _ value: JSONValue) {
        self.key(key)
        JSONWriter.write(value, into: &bytes)
    }

    public mutating func add(_ key: StaticString, string value: String) {
        self.key(key)
        JSONWriter.writeString(value, into: &bytes)
    }

    public mutating func add(_ key: StaticString, strings values: [String]) {
        self.key(key)
        JSONWriter.writeArray(values, into: &bytes) { JSONWriter.writeString($0, into: &$1) }
    }

    public mutating func add<T: JSONRepresentable>(_ key: StaticString, value: T) {
        self.key(key)
        value.writeJSON(into: &bytes)
    }

    public mutating func add<T: JSONRepresentable>(_ key: StaticString, array values: [T]) {
        self.key(key)
        JSONWriter.writeArray(values, into: &bytes) { $0.writeJSON(into: &$1) }
    }
}
